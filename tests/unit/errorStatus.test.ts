import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { delayedCheckRefusal } from '../../src/core/classCheck';
import { NICKNAME_MESSAGES } from '../../src/core/nicknames';
import { ERROR_STATUS } from '../../src/server/class/routes/errorStatus';

const root = join(import.meta.dirname, '..', '..');

function sourcesUnder(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => readFileSync(join(root, folder, name), 'utf8'));
}

/** The codes written out where a refusal is made: thrown ones, and the live lesson's refusals. */
function codesInSources(): Set<string> {
  const codes = new Set<string>();
  for (const text of sourcesUnder('src/server')) {
    for (const match of text.matchAll(/new ClassError\(\s*'([^']+)'/g)) codes.add(match[1]!);
  }
  const live = readFileSync(join(root, 'src/core/liveLesson.ts'), 'utf8');
  for (const match of live.matchAll(/refuse\(\s*'([^']+)'/g)) codes.add(match[1]!);
  return codes;
}

describe('the status of each refusal', () => {
  it('has a 4xx status for every code the rules throw', () => {
    const codes = codesInSources();
    // Built from a problem or a refusal rather than written out.
    for (const problem of Object.keys(NICKNAME_MESSAGES)) codes.add(`nickname-${problem}`);
    const day = 24 * 60 * 60 * 1000;
    codes.add(delayedCheckRefusal(0, day)!.code);
    codes.add(delayedCheckRefusal(0, 365 * day)!.code);
    expect(codes.size).toBeGreaterThan(40);
    const table = ERROR_STATUS as Record<string, number>;
    const missing = [...codes].filter((code) => table[code] === undefined);
    expect(missing).toEqual([]);
    for (const code of codes) expect(table[code], code).toBeGreaterThanOrEqual(400);
    for (const code of codes) expect(table[code], code).toBeLessThan(500);
  });

  it('keeps the statuses the clients read', () => {
    expect(ERROR_STATUS['unknown-class']).toBe(404);
    expect(ERROR_STATUS['class-ended']).toBe(410);
    expect(ERROR_STATUS['nickname-taken']).toBe(409);
    expect(ERROR_STATUS['no-token']).toBe(401);
  });
});
