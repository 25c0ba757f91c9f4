/**
 * Backups under load: students answer as fast as they can while the server snapshots its database; the snapshot
 * is restored in place of a database, and every answer acknowledged before the snapshot was asked for is in it,
 * with its integrity check passing. Also: only the newest snapshots are kept, and a bad snapshot is refused.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupSettingsFromEnv, checkSnapshot, listSnapshots, restoreSnapshot } from '../../src/server/class/backup';
import { rightChoice, startTestServer, type TestServer } from './helpers';

const STUDENTS = 60;
/** Answers acknowledged before the snapshot is asked for, and after it is taken. */
const ANSWERS_BEFORE = 150;
const ANSWERS_AFTER = 100;
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});

afterAll(async () => {
  await t.close();
});

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('The load did not reach its count within 30 s.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface Ack {
  playerId: string;
  position: number;
  at: number;
}

describe('snapshots', () => {
  it('keeps every answer acknowledged before a snapshot taken under load, and restores it intact', async () => {
    const server = await startTestServer({
      backup: { dir: join(t.dir, 'backups'), everyMs: 0, keep: 3 },
    });
    try {
      const { api } = server;
      const created = await api.createClass({ questionCount: 30, timeLimitSec: 60 });
      const code = created.body.class.code as string;
      const acks: Ack[] = [];
      let stop = false;
      const student = async (index: number) => {
        const player = (await api.join(code, `Load ${index}`)).body as { playerId: string; token: string };
        while (!stop) {
          const served = await api.next(code, player);
          if (served.body.state !== 'question') return;
          const { position } = served.body.question;
          const answered = await api.answer(code, player, position, rightChoice(served.body.question));
          if (answered.status === 200) acks.push({ playerId: player.playerId, position, at: performance.now() });
        }
      };
      const load = Promise.all(Array.from({ length: STUDENTS }, (_, index) => student(index)));
      await until(() => acks.length >= ANSWERS_BEFORE);
      const askedAt = performance.now();
      const snapshot = await server.server.backups!.snapshot();
      const atSnapshot = acks.length;
      await until(() => acks.length >= atSnapshot + ANSWERS_AFTER);
      stop = true;
      await load;

      const before = acks.filter((ack) => ack.at < askedAt);
      expect(before.length).toBeGreaterThanOrEqual(ANSWERS_BEFORE);
      expect(acks.length).toBeGreaterThan(before.length);
      const restoredPath = join(t.dir, 'restored', 'classes.db');
      const result = restoreSnapshot(snapshot, restoredPath);
      expect(result.restored).toMatchObject({ ok: true, classes: 1 });
      expect(result.restored.answers).toBeGreaterThanOrEqual(before.length);
      const restored = new Database(restoredPath, { readonly: true });
      try {
        expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
        const answered = new Set(
          (
            restored
              .prepare(
                `SELECT p.public_id AS playerId, t.position FROM turns t JOIN players p ON p.id = t.player_id
                 WHERE t.answered_at IS NOT NULL`,
              )
              .all() as { playerId: string; position: number }[]
          ).map((row) => `${row.playerId}:${row.position}`),
        );
        const missing = before.filter((ack) => !answered.has(`${ack.playerId}:${ack.position}`));
        expect(missing).toEqual([]);
      } finally {
        restored.close();
      }
    } finally {
      await server.close();
    }
  });

  it('keeps only the newest snapshots', async () => {
    const dir = join(t.dir, 'kept');
    const server = await startTestServer({ backup: { dir, everyMs: 0, keep: 2 } });
    try {
      const taken: string[] = [];
      for (let index = 0; index < 4; index += 1) {
        taken.push(await server.server.backups!.snapshot());
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(listSnapshots(dir)).toEqual([taken[3], taken[2]]);
      expect(checkSnapshot(taken[3]!)).toMatchObject({ ok: true, classes: 0 });
    } finally {
      await server.close();
    }
  });

  it('refuses to restore a file that is not a sound class database, and leaves the database alone', () => {
    const bogus = join(t.dir, 'bogus.db');
    writeFileSync(bogus, 'not a database at all, just text '.repeat(200));
    expect(() => restoreSnapshot(bogus, t.dbPath)).toThrow(`${bogus} is not a class database`);
    expect(() => restoreSnapshot(join(t.dir, 'nowhere.db'), t.dbPath)).toThrow('There is no file');
  });

  it('reads its settings with a clear refusal out of range', () => {
    expect(backupSettingsFromEnv({}, '/srv/data/classes.db', '/srv')).toEqual({
      dir: '/srv/data/backups',
      everyMs: 24 * 3_600_000,
      keep: 7,
    });
    expect(backupSettingsFromEnv({ BACKUP_DIR: 'snaps', BACKUP_EVERY_HOURS: '0' }, '/d/c.db', '/srv')).toMatchObject({
      dir: '/srv/snaps',
      everyMs: 0,
    });
    expect(() => backupSettingsFromEnv({ BACKUP_KEEP: '0' }, '/d/c.db', '/srv')).toThrow(
      'BACKUP_KEEP must be a number from 1 to 1000, found "0".',
    );
    expect(() => backupSettingsFromEnv({ BACKUP_KEEP: '2.5' }, '/d/c.db', '/srv')).toThrow(
      'BACKUP_KEEP must be a whole',
    );
    expect(() => backupSettingsFromEnv({ BACKUP_EVERY_HOURS: '1e9' }, '/d/c.db', '/srv')).toThrow(
      'BACKUP_EVERY_HOURS must be a number from 0 to 168',
    );
  });
});
