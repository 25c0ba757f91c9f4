/**
 * What only PostgreSQL has to get right (run in the server-pg project, skipped on SQLite): two servers on one
 * database never both take one answer, one server at a time deletes expired classes, a database that goes away
 * mid-class costs requests a 503 and not the server, and a database that cannot be reached or is newer than the
 * server is refused at start with what to do.
 */
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { poolSizeFromEnv } from '../../src/server/class/pgStore';
import { startClassServer, type RunningClassServer } from '../../src/server/class/start';
import {
  Api,
  readEvents,
  rightChoice,
  startTestServer,
  testBank,
  testDatabase,
  testStore,
  type TestServer,
} from './helpers';

const DAY_MS = 86_400_000;
const open: { close(): Promise<void> }[] = [];

afterEach(async () => {
  for (const server of open.splice(0)) await server.close();
});

async function serverPair(): Promise<{ a: TestServer; b: RunningClassServer; bApi: Api; databaseUrl: string }> {
  const a = await startTestServer();
  open.push(a);
  const { databaseUrl } = await testDatabase(a.dbPath);
  // A second server on the same database, as a second machine behind the proxy would be.
  const b = await startClassServer({ bank: testBank(), dbPath: a.dbPath, databaseUrl, port: 0, now: a.clock.now });
  open.push(b);
  return { a, b, bApi: new Api(b.url), databaseUrl: databaseUrl! };
}

/** Runs SQL on the cluster as its administrator. */
async function asAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe.skipIf(testStore() !== 'postgres')('the class server on PostgreSQL', () => {
  it('takes an answer sent through two servers at once only once, and counts it once', async () => {
    const { a, bApi } = await serverPair();
    const created = await a.api.createClass({ questionCount: 5 });
    const code = created.body.class.code as string;
    const teacher = created.body.teacherToken as string;
    const players = [];
    for (let i = 0; i < 6; i += 1) players.push((await a.api.join(code, `Racer ${i}`)).body);
    for (const player of players) {
      const question = (await a.api.next(code, player)).body.question;
      const right = rightChoice(question);
      const replies = await Promise.all([
        a.api.answer(code, player, question.position, right),
        bApi.answer(code, player, question.position, right),
      ]);
      const statuses = replies.map((reply) => reply.status).sort();
      expect(statuses).toEqual([200, 409]);
      expect(replies.find((reply) => reply.status === 409)!.body.error).toBe('already-answered');
    }
    const board = (await bApi.get(`/api/classes/${code}/dashboard`, teacher)).body;
    for (const player of board.players) expect(player).toMatchObject({ answered: 1, correct: 1 });
    const tallied = board.questions.reduce((sum: number, row: { answered: number }) => sum + row.answered, 0);
    expect(tallied).toBe(players.length);
  });

  it('shows a class played on one server on the other, which keeps nothing of it in memory', async () => {
    const { a, bApi } = await serverPair();
    const created = await a.api.createClass({ questionCount: 3 });
    const code = created.body.class.code as string;
    const player = (await bApi.join(code, 'Wanderer')).body;
    const question = (await a.api.next(code, player)).body.question;
    expect((await bApi.answer(code, player, question.position, rightChoice(question))).status).toBe(200);
    const board = (await a.api.get(`/api/classes/${code}/dashboard`, created.body.teacherToken)).body;
    expect(board.players).toEqual([expect.objectContaining({ nickname: 'Wanderer', answered: 1, correct: 1 })]);
  });

  it('shows a dashboard on one server the answers taken by another, as they come', async () => {
    const { a, bApi } = await serverPair();
    const created = await a.api.createClass({ questionCount: 3 });
    const code = created.body.class.code as string;
    const player = (await bApi.join(code, 'Far Away')).body;
    const question = (await bApi.next(code, player)).body.question;
    const events = await readEvents(
      `${a.url}api/classes/${code}/events`,
      created.body.teacherToken,
      (seen) => seen.some((event) => event.data.players?.[0]?.answered === 1),
      () => bApi.answer(code, player, question.position, rightChoice(question)),
    );
    expect(events[0]!.data.players[0]).toMatchObject({ nickname: 'Far Away', answered: 0 });
    expect(events.at(-1)!.data.players[0]).toMatchObject({ nickname: 'Far Away', answered: 1, correct: 1 });
  });

  it('deletes expired classes on one server at a time', async () => {
    const { a, b } = await serverPair();
    await a.api.createClass({ questionCount: 3 });
    a.clock.advance(31 * DAY_MS);
    // Another server holds the deletion lock (taken by hand here): this one leaves the class to it.
    const holder = new pg.Client({ connectionString: (await testDatabase(a.dbPath)).databaseUrl });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtext('class deletion'))`);
      expect(await a.server.service.sweepExpired()).toBe(0);
      await holder.query(`SELECT pg_advisory_unlock(hashtext('class deletion'))`);
    } finally {
      await holder.end();
    }
    expect(await b.service.sweepExpired()).toBe(1);
    expect(await a.server.service.sweepExpired()).toBe(0);
  });

  it('answers 503 while the database is away, keeps running, and carries on once it is back', async () => {
    const { a, databaseUrl } = await serverPair();
    const created = await a.api.createClass({ questionCount: 3 });
    const code = created.body.class.code as string;
    const player = (await a.api.join(code, 'Patient')).body;
    const name = new URL(databaseUrl).pathname.slice(1);
    await asAdmin(async (client) => {
      await client.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    });
    try {
      const refused = await a.api.next(code, player);
      expect(refused.status).toBe(503);
      expect(refused.body.error).toBe('database-unavailable');
      expect((await a.api.get('/api/ready')).status).toBe(503);
      expect((await a.api.get('/api/health')).status).toBe(200);
    } finally {
      await asAdmin((client) => client.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`));
    }
    const view = await a.api.next(code, player);
    expect(view.status).toBe(200);
    expect(view.body.state).toBe('question');
    expect((await a.api.get('/api/ready')).status).toBe(200);
  });

  it('refuses to start on a database it cannot reach, or one newer than it knows, saying what to do', async () => {
    await expect(
      startClassServer({
        bank: testBank(),
        dbPath: ':memory:',
        databaseUrl: 'postgres://postgres@127.0.0.1:1/nowhere',
        port: 0,
      }),
    ).rejects.toThrow(/cannot be reached: .*Check DATABASE_URL and that PostgreSQL is running/);
    const { databaseUrl } = await testDatabase('/newer-schema');
    const first = await startClassServer({ bank: testBank(), dbPath: ':memory:', databaseUrl, port: 0 });
    await first.store
      .prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'later', 0)`)
      .run();
    await first.close();
    await expect(startClassServer({ bank: testBank(), dbPath: ':memory:', databaseUrl, port: 0 })).rejects.toThrow(
      'The class database is at schema version 99, newer than this server knows (2).',
    );
  });
});

describe('DATABASE_POOL_SIZE', () => {
  it('is 10 by default, and refuses what is not a whole number from 1 to 200', () => {
    expect(poolSizeFromEnv(undefined)).toBe(10);
    expect(poolSizeFromEnv('25')).toBe(25);
    for (const bad of ['0', '201', '2.5', 'many']) {
      expect(() => poolSizeFromEnv(bad)).toThrow(
        `DATABASE_POOL_SIZE must be a whole number from 1 to 200, found "${bad}".`,
      );
    }
  });
});
