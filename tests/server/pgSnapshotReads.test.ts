/**
 * On PostgreSQL a dashboard's snapshot is read on one pooled connection (src/server/class/start.ts): read
 * statement by statement, each of its reads would wait for the pool again, and on a busy database the dashboards
 * fell tens of seconds behind the answers (docs/benchmarks.md). Run in the server-pg project, skipped on SQLite.
 */
import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { readEvents, rightChoice, startTestServer, testStore, type TestServer } from './helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.skipIf(testStore() !== 'postgres')('dashboard snapshots on PostgreSQL', () => {
  it('reads a snapshot on one pooled connection', async () => {
    // No "alive" writes during the test.
    server = await startTestServer({ aliveIntervalMs: 3_600_000 });
    const { api } = server;
    const created = await api.createClass({ questionCount: 3 });
    const code = created.body.class.code as string;
    const player = (await api.join(code, 'Counted')).body;
    const question = (await api.next(code, player)).body.question;
    const pool = (server.server.store as unknown as { pool: pg.Pool }).pool;
    // Pool checkouts made while the hub's snapshot is being read (the server's timers may take one meanwhile).
    const { service } = server.server;
    const read = service.snapshotById.bind(service);
    let reading = 0;
    let snapshots = 0;
    let checkouts = 0;
    service.snapshotById = async (classId, version) => {
      reading += 1;
      snapshots += 1;
      try {
        return await read(classId, version);
      } finally {
        reading -= 1;
      }
    };
    const count = () => {
      if (reading > 0) checkouts += 1;
    };
    pool.on('acquire', count);
    const events = await readEvents(
      `${server.url}api/classes/${code}/events`,
      created.body.teacherToken,
      (seen) => seen.some((event) => event.data.players?.[0]?.answered === 1),
      () => api.answer(code, player, question.position, rightChoice(question)),
    );
    pool.off('acquire', count);
    expect(events.at(-1)!.data.players[0]).toMatchObject({ nickname: 'Counted', answered: 1 });
    expect(snapshots).toBeGreaterThanOrEqual(2);
    // The connection is taken before the reading starts (read statement by statement, the snapshots took 12).
    expect(checkouts).toBeLessThanOrEqual(1);
  });
});
