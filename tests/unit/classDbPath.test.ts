import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openClassDb } from '../../src/server/class/db';

const dir = mkdtempSync(join(tmpdir(), 'source-check-db-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('opening the class database', () => {
  it('names the file when it cannot be opened', () => {
    // A file where a folder should be: no user, root included, can create the database under it.
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const path = join(dir, 'not-a-folder', 'classes.db');
    expect(() => openClassDb(path)).toThrow(`The class database ${path} cannot be opened:`);
  });
});
