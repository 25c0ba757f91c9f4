/**
 * The administrator's commands against a real database left by a real server: refused while the server runs,
 * then list, export, delete (no nickname left in the file), purge by age, backup, backups and restore.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/server/class/admin';
import { configFromEnv } from '../../src/server/class/config';
import { startClassServer } from '../../src/server/class/start';
import { Api, TestClock, testBank } from './helpers';

const DAY_MS = 86_400_000;
const dir = mkdtempSync(join(tmpdir(), 'source-check-admin-'));
const config = configFromEnv({ CLASS_DB: 'classes.db', BACKUP_DIR: 'snapshots' }, dir);
const clock = new TestClock();

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function admin(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(args, config, testBank, { out: (l) => out.push(l), err: (l) => err.push(l) }, clock.now);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function bytesContain(text: string): boolean {
  return [config.dbPath, `${config.dbPath}-wal`].some(
    (path) => existsSync(path) && readFileSync(path).includes(Buffer.from(text)),
  );
}

describe('npm run admin', () => {
  const codes: string[] = [];

  it('refuses to touch the database of a running server, saying what to do', async () => {
    const server = await startClassServer({ bank: testBank(), dbPath: config.dbPath, port: 0, now: clock.now });
    try {
      const api = new Api(server.url);
      for (const nickname of ['Olga Reader', 'Pia Reader']) {
        const created = await api.createClass({ questionCount: 3 });
        codes.push(created.body.class.code);
        expect((await api.join(created.body.class.code, nickname)).status).toBe(201);
        clock.advance(20 * DAY_MS);
      }
      const refused = await admin('list');
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('is in use by the running server. Stop it first');
    } finally {
      await server.close();
    }
  });

  it('lists and exports classes', async () => {
    const listed = await admin('list');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(`${codes[0]}\topen\t2026-03-02 09:00`);
    expect(listed.out).toContain('2 classes in');
    const exported = await admin('export', codes[0]!.toLowerCase());
    expect(exported.out).toContain('"Olga Reader"');
    const toFile = join(dir, 'class.csv');
    expect((await admin('export', codes[1]!, '--out', toFile)).code).toBe(0);
    expect(readFileSync(toFile, 'utf8')).toContain('"Pia Reader"');
    expect((await admin('export', 'ZZZZZZ')).err).toContain('There is no class with that code');
  });

  it('takes a snapshot, deletes and purges for real, and restores the snapshot', async () => {
    const backup = await admin('backup');
    expect(backup.code).toBe(0);
    const snapshot = /Snapshot written: (\S+)/.exec(backup.out)![1]!;
    expect((await admin('backups')).out).toContain(`${snapshot}\t2 classes\t2 players`);

    expect((await admin('delete', codes[0]!)).out).toContain(`Class ${codes[0]} deleted`);
    expect(bytesContain('Olga Reader')).toBe(false);
    expect(bytesContain('Pia Reader')).toBe(true);
    // Pia's class was created 20 days after Olga's, so 20 days ago by the clock now.
    expect((await admin('purge', '--older-than', '30')).out).toContain('0 classes created more than 30 days ago');
    expect((await admin('purge', '--older-than', '10')).out).toContain('1 class created more than 10 days ago');
    expect(bytesContain('Pia Reader')).toBe(false);
    expect((await admin('list')).out).toContain('0 classes in');

    const restored = await admin('restore', snapshot);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('2 classes, 2 players');
    expect(restored.out).toContain('The database it replaced is at');
    expect((await admin('list')).out).toContain('2 classes in');
  });

  it('explains what it did not understand', async () => {
    expect((await admin('purge', '--older-than', 'soon')).err).toContain('purge needs --older-than DAYS');
    expect((await admin('frobnicate')).err).toContain('Unknown command "frobnicate"');
    expect((await admin('restore', join(dir, 'none.db'))).err).toContain('There is no file');
  });
});
