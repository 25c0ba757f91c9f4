/** The class database at start: an empty file or a damaged one is refused with a message, never started over. */
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openClassDb } from '../../src/server/class/db';
import { ClassService } from '../../src/server/class/service';
import { SqliteClassStore } from '../../src/server/class/sqliteStore';
import { testBank } from './helpers';

let dir: string;

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('opening the class database', () => {
  it('refuses a zero-byte file instead of taking it for a new database', () => {
    dir = mkdtempSync(join(tmpdir(), 'source-check-db-test-'));
    const path = join(dir, 'classes.db');
    writeFileSync(path, '');
    expect(() => openClassDb(path)).toThrow(/is an empty file, not a database\. Restore it from a backup/);
    expect(statSync(path).size).toBe(0);
    // Where there is no file, a new database is made.
    openClassDb(join(dir, 'new.db')).close();
  });

  it('refuses a file with scribbled pages, naming it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'source-check-db-test-'));
    const path = join(dir, 'classes.db');
    const db = openClassDb(path);
    const store = new SqliteClassStore(db);
    const service = new ClassService(store, testBank());
    for (let i = 0; i < 20; i += 1) {
      const { class: info } = await service.createClass(
        { questionCount: 10, timeLimitSec: 20, topics: [], scoring: 'speed' },
        false,
      );
      for (let p = 0; p < 5; p += 1) await service.join(info.code, `Player ${i}-${p}`, `10.0.${i}.${p}`);
    }
    await store.close();
    const pageSize = 4096;
    const pages = statSync(path).size / pageSize;
    expect(pages).toBeGreaterThan(8);
    const fd = openSync(path, 'r+');
    const junk = Buffer.alloc(pageSize, 0x5a);
    // Every other page after the first, scribbled over.
    for (let page = 2; page < pages; page += 2) writeSync(fd, junk, 0, pageSize, page * pageSize);
    closeSync(fd);
    expect(() => openClassDb(path)).toThrow(
      new RegExp(`The class database ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged`),
    );
  });
});
