/* eslint-disable @typescript-eslint/no-explicit-any -- replies are read field by field in the tests */
/** Starts a class server on 127.0.0.1 with a database of its own in a temporary folder, and talks to it over HTTP. */
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, expect, inject } from 'vitest';
import { bundleBank, loadBankFromDisk } from '../../src/server/bankFiles';
import { readEventStream } from '../../src/net/liveStream';
import { startClassServer, type ClassServerOptions, type RunningClassServer } from '../../src/server/class/start';
import type { CheckSet } from '../../src/core/checkItems';
import type { BankOverlays } from '../../src/core/revealWords';
import { loadBankOverlays } from '../../scripts/spanishBankFiles';
import type { BankBundle, SourceDoc } from '../../src/core/types';
import { loadChecksFromDisk } from '../../src/checks/checkFiles';
import { ensureDatabase } from './pgCluster';
import { openClassDb } from '../../src/server/class/db';
import { PgClassStore } from '../../src/server/class/pgStore';
import { SqliteClassStore } from '../../src/server/class/sqliteStore';
import type { ClassStore } from '../../src/server/class/store';

const root = join(import.meta.dirname, '..', '..');
let bank: BankBundle | undefined;
let sources: Record<string, SourceDoc> | undefined;
let overlays: BankOverlays | undefined;

/** The shipped question bank, read once per test file. */
export function testBank(): BankBundle {
  if (!bank) {
    const { bank: loaded, errors } = loadBankFromDisk(join(root, 'questions'), root);
    if (errors.length > 0) throw new Error(`The question bank has problems: ${errors[0]!.message}`);
    bank = bundleBank(loaded);
    sources = loaded.sources;
    overlays = loadBankOverlays(join(root, 'questions'), loaded, root).overlays;
  }
  return bank;
}

/** The bank's other languages (questions/es/), as npm start gives the server. */
export function testOverlays(): BankOverlays {
  testBank();
  return overlays!;
}

/** The shipped source documents with their texts, which a teacher's own questions may quote. */
export function testSources(): Record<string, SourceDoc> {
  testBank();
  return sources!;
}

let checks: CheckSet | undefined;

/** The shipped learning check, read once per test file. */
export function testChecks(): CheckSet {
  if (!checks) {
    const { bank: loaded, errors } = loadBankFromDisk(join(root, 'questions'), root);
    const result = loadChecksFromDisk(join(root, 'questions'), loaded, root);
    const problems = [...errors, ...result.errors];
    if (problems.length > 0) throw new Error(`The learning check has problems: ${problems[0]!.message}`);
    checks = result.checks;
  }
  return checks;
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public time = Date.UTC(2026, 2, 2, 9, 0, 0)) {}
  readonly now = () => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface TestServer {
  server: RunningClassServer;
  url: string;
  dir: string;
  dbPath: string;
  clock: TestClock;
  api: Api;
  close(): Promise<void>;
}

/** Which store this run of the server tests uses: SQLite, or PostgreSQL in the `server-pg` project. */
export function testStore(): 'sqlite' | 'postgres' {
  return inject('postgresAdminUrl') ? 'postgres' : 'sqlite';
}

/**
 * The database for a server that would use the SQLite file `dbPath`: none to add on SQLite; on PostgreSQL, a
 * database of its own in the run's cluster, named after the file, so a server started again on the same file finds
 * its data again.
 */
export async function testDatabase(dbPath: string): Promise<{ databaseUrl?: string }> {
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) return {};
  const name = `t_${createHash('sha256').update(dbPath).digest('hex').slice(0, 20)}`;
  return { databaseUrl: await ensureDatabase(adminUrl, name) };
}

/** The store a server on `dbPath` would use, opened as a restarted server would open it (close it after). */
export async function openTestStore(dbPath: string): Promise<ClassStore> {
  const { databaseUrl } = await testDatabase(dbPath);
  return databaseUrl ? PgClassStore.open({ url: databaseUrl }) : new SqliteClassStore(openClassDb(dbPath));
}

export async function startTestServer(options: Partial<ClassServerOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'source-check-class-test-'));
  const dbPath = join(dir, 'classes.db');
  const clock = new TestClock();
  const server = await startClassServer({
    bank: testBank(),
    dbPath,
    ...(await testDatabase(dbPath)),
    port: 0,
    host: '127.0.0.1',
    now: clock.now,
    checks: testChecks(),
    sources: testSources(),
    overlays: testOverlays(),
    ...options,
  });
  return {
    server,
    url: server.url,
    dir,
    dbPath,
    clock,
    api: new Api(server.url),
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh server for each test of the file, started before it and closed after: read `.current` in a test. */
export function serverForEachTest(options: Partial<ClassServerOptions> = {}): { readonly current: TestServer } {
  let current: TestServer | undefined;
  beforeEach(async () => {
    current = await startTestServer(options);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get current() {
      if (!current) throw new Error('The test server runs only inside a test.');
      return current;
    },
  };
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/** A thin JSON client: every call returns the status and the parsed body, whatever the status. */
export class Api {
  constructor(readonly base: string) {}

  async request<T = any>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const response = await fetch(new URL(path, this.base), { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (a CSV, a page): keep the text.
    }
    return { status: response.status, body: parsed as T, headers: response.headers, text };
  }

  get<T = any>(path: string, token?: string) {
    return this.request<T>('GET', path, { token });
  }

  post<T = any>(path: string, body: unknown = {}, token?: string) {
    return this.request<T>('POST', path, { body, token });
  }

  createClass(
    settings: Partial<{
      questionCount: number;
      timeLimitSec: number | null;
      topics: string[];
      scoring: string;
      holdStart: boolean;
      pool: string;
      answerReveal: string;
      kinds: string[];
      pace: string;
      learningCheck: boolean;
    }> = {},
  ) {
    return this.post('/api/classes', {
      questionCount: 5,
      timeLimitSec: 20,
      topics: [],
      scoring: 'speed',
      ...settings,
    });
  }

  join(code: string, nickname: string) {
    return this.post(`/api/classes/${code}/players`, { nickname });
  }

  next(code: string, player: { playerId: string; token: string }) {
    return this.post(`/api/classes/${code}/players/${player.playerId}/next`, {}, player.token);
  }

  view(code: string, player: { playerId: string; token: string }) {
    return this.get(`/api/classes/${code}/players/${player.playerId}`, player.token);
  }

  answer(code: string, player: { playerId: string; token: string }, position: number, choice: number) {
    return this.post(`/api/classes/${code}/players/${player.playerId}/answers`, { position, choice }, player.token);
  }

  /** A teacher's command on a live lesson (next, show-answer, pause, resume, skip, end). */
  live(code: string, teacherToken: string, command: string) {
    return this.post(`/api/classes/${code}/live`, { command }, teacherToken);
  }
}

/** The right answer's position in a served question, looked up in the bank (the server never says). */
/**
 * A GET sent exactly as written: its path (fetch would tidy "/r1/../" away before sending it) and its headers, Host
 * included (fetch sends its own).
 */
export function rawGet(
  base: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** Plays a seat's whole round, answering right the first `right` questions and wrong the rest; its score. */
export async function playSeat(
  t: TestServer,
  seat: { code: string; playerId: string; token: string },
  right: number,
): Promise<number> {
  let view = (await t.api.next(seat.code, seat)).body;
  let position = 0;
  while (view.state === 'question') {
    const question = view.question;
    const correct = rightChoice(question);
    const choice = position < right ? correct : (correct + 1) % question.choices.length;
    t.clock.advance(2000);
    const outcome = await t.api.answer(seat.code, seat, question.position, choice);
    expect(outcome.status).toBe(200);
    view = (await t.api.next(seat.code, seat)).body;
    position += 1;
  }
  expect(view.state).toBe('finished');
  return view.player.score;
}

export function rightChoice(question: { questionId: string; choices: string[] }): number {
  const source = testBank().questions.find((candidate) => candidate.id === question.questionId)!;
  const right = source.choices.find((choice) => choice.correct)!.text;
  return question.choices.indexOf(right);
}

/** Everything in the class tables, for "nothing was stored" checks. */
export async function dumpDb(server: RunningClassServer): Promise<string> {
  const tables = [];
  for (const table of ['classes', 'players', 'turns']) {
    tables.push(await server.store.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all());
  }
  return JSON.stringify(tables);
}

export type LiveEvent = { name: string; data: any };

/** Reads a live stream's events until `until` is satisfied (or the time runs out). */
export async function readEvents(
  url: string,
  token: string,
  until: (events: LiveEvent[]) => boolean,
  action?: () => Promise<unknown>,
): Promise<LiveEvent[]> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  const events: LiveEvent[] = [];
  let acted = false;
  const deadline = setTimeout(() => controller.abort(), 10_000);
  try {
    if (!until(events)) {
      for await (const event of readEventStream(response.body!)) {
        events.push({ name: event.name, data: JSON.parse(event.data) });
        if (until(events)) break;
        if (!acted && action) {
          acted = true;
          await action();
        }
      }
    }
  } finally {
    clearTimeout(deadline);
    controller.abort();
  }
  return events;
}

/**
 * A JSON request from another loopback address than the tests' own (the whole of 127.0.0.0/8 reaches this
 * machine), for the limits counted per client address.
 */
export function requestFrom(
  localAddress: string,
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: any }> {
  const { hostname, port } = new URL(base);
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = {};
  if (text !== undefined) headers['content-type'] = 'application/json';
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method, path, headers, localAddress, agent: false }, (response) => {
      let data = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (data += chunk));
      response.on('end', () => {
        let parsed: unknown = data;
        try {
          parsed = JSON.parse(data);
        } catch {
          // Not JSON: keep the text.
        }
        resolve({ status: response.statusCode!, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** A loopback address of its own for each call, so runs do not meet the last run's closing connections. */
export function someLoopbackAddress(): string {
  const part = () => 1 + Math.floor(Math.random() * 250);
  return `127.${part()}.${part()}.${part()}`;
}
