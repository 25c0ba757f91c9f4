/**
 * The Node versions the README promises (package.json "engines") are the ones every installed package accepts:
 * a dependency that needs a newer Node must be pinned (package.json "overrides") or the promise changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean; optional?: boolean }>;
};

describe('Node versions', () => {
  it('the oldest supported Node satisfies every package in the lock file', () => {
    const oldest = semver.minVersion(manifest.engines.node)!.version;
    expect(oldest).toBe('20.19.0');
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .map(([path, entry]) => ({ path, range: Array.isArray(entry.engines) ? undefined : entry.engines?.node }))
      .filter(({ range }) => range !== undefined && !semver.satisfies(oldest, range))
      .map(({ path, range }) => `${path} needs Node ${range}`);
    expect(refusing).toEqual([]);
  });

  it('the README names the same oldest version', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('Node.js 20.19 or newer');
  });
});
