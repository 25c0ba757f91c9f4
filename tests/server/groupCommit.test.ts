/**
 * Group commit: requests handled in one turn of the event loop share a transaction, and each is answered only
 * once it is committed. A request that fails undoes its own writes only; a commit that fails fails them all.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/server/class/groupCommit';

let dir: string;
let db: Database.Database;
/** A second connection to the same file: it sees only what is committed. */
let reader: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'source-check-group-commit-'));
  db = new Database(join(dir, 'test.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY);
           CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id));`);
  reader = new Database(join(dir, 'test.db'), { readonly: true });
});

afterEach(() => {
  reader.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const committed = () =>
  (reader.prepare('SELECT id FROM parent ORDER BY id').all() as { id: number }[]).map((row) => row.id);
const insert = (id: number) => () => db.prepare('INSERT INTO parent (id) VALUES (?)').run(id).changes;

describe('group commit', () => {
  it('answers each request only once the turn’s one transaction is committed', async () => {
    const commits = new GroupCommit(db);
    const replies = [commits.run(insert(1)), commits.run(insert(2)), commits.run(insert(3))];
    // The work is done, inside one open transaction, and nobody else can see it yet.
    expect(db.inTransaction).toBe(true);
    expect(committed()).toEqual([]);
    const settled: number[] = [];
    for (const reply of replies) void reply.then(() => settled.push(committed().length));
    expect(await Promise.all(replies)).toEqual([1, 1, 1]);
    // When the first reply was free to go, all three rows were on disk.
    expect(settled).toEqual([3, 3, 3]);
    expect(db.inTransaction).toBe(false);
  });

  it('undoes only the writes of a request that fails', async () => {
    const commits = new GroupCommit(db);
    const first = commits.run(insert(1));
    const failing = commits.run(() => {
      insert(2)();
      throw new Error('refused');
    });
    const third = commits.run(insert(3));
    await expect(failing).rejects.toThrow('refused');
    await Promise.all([first, third]);
    expect(committed()).toEqual([1, 3]);
  });

  it('fails every waiting request, stores nothing and says so when the commit itself fails', async () => {
    let failures = 0;
    const commits = new GroupCommit(db, () => (failures += 1));
    // A foreign key checked only at commit: the commit is refused.
    db.pragma('defer_foreign_keys = ON');
    const good = commits.run(insert(1));
    const orphan = commits.run(() => db.prepare('INSERT INTO child (id, parent_id) VALUES (1, 99)').run().changes);
    await expect(good).rejects.toThrow(/FOREIGN KEY/);
    await expect(orphan).rejects.toThrow(/FOREIGN KEY/);
    expect(failures).toBe(1);
    expect(db.inTransaction).toBe(false);
    expect(committed()).toEqual([]);
    // The next turn starts clean.
    await commits.run(insert(5));
    expect(committed()).toEqual([5]);
  });
});
