/**
 * Hostile and malformed requests, over real HTTP on 127.0.0.1: wrong types, huge bodies, broken JSON, unknown
 * routes, odd methods and headers, SQL and script payloads in every field. Every one must get a 4xx (never a
 * 5xx), the server must stay healthy, and the database must be exactly as it was. Seeded, so a failure repeats.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, nextInt, type RngState } from '../../src/core/rng';
import { dumpDb, rightChoice, startTestServer, type TestServer } from './helpers';

const REQUESTS = 1200;
const CONCURRENCY = 8;

const PAYLOADS = [
  "' OR '1'='1",
  "'; DROP TABLE players; --",
  '" OR ""="',
  '1; DELETE FROM classes',
  "Robert'); DROP TABLE turns;--",
  'UNION SELECT token_hash FROM players',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%00',
  '\u0000\u0001\u0002',
  '\u202e\u200b',
  '😀'.repeat(50),
  'A'.repeat(5000),
  '__proto__',
  'constructor',
  '=cmd|"/c calc"!A1',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
];

const WRONG_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 53,
  -(2 ** 31),
  '',
  '0',
  '1',
  [],
  [1, 2, 3],
  {},
  { $gt: '' },
  { __proto__: { admin: true } },
  'x'.repeat(300),
  ...PAYLOADS,
];

/** Wrong types for a string field (a string payload there could be a fine nickname). */
const NOT_STRINGS = WRONG_VALUES.filter((value) => typeof value !== 'string');

const BROKEN_JSON = [
  '{',
  '}',
  '[',
  '{"nickname":',
  '{"a":1,}',
  "{'a':1}",
  'nul',
  '{"position":0 "choice":1}',
  '\u0000',
  '\uFEFF{',
];

interface Fixture {
  open: string;
  ended: string;
  teacher: string;
  endedTeacher: string;
  answered: { playerId: string; token: string };
  waiting: { playerId: string; token: string };
}

let t: TestServer;
let fx: Fixture;

beforeAll(async () => {
  const staticDir = join(import.meta.dirname, '..', '..', 'test-artifacts', 'fuzz-static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>fuzz</title>');
  // Every probe comes from one address: the failed-lookup limit (tested on its own) is lifted here.
  t = await startTestServer({ staticDir, lookupLimit: { max: Number.MAX_SAFE_INTEGER } });
  const open = (await t.api.createClass({ questionCount: 3 })).body;
  const ended = (await t.api.createClass({ questionCount: 3 })).body;
  const answered = (await t.api.join(open.class.code, 'Ada')).body;
  const waiting = (await t.api.join(open.class.code, 'Bo')).body;
  const served = await t.api.next(open.class.code, answered);
  await t.api.answer(open.class.code, answered, 0, rightChoice(served.body.question));
  await t.api.join(ended.class.code, 'Cy');
  await t.api.post(`/api/classes/${ended.class.code}/end`, {}, ended.teacherToken);
  fx = {
    open: open.class.code,
    ended: ended.class.code,
    teacher: open.teacherToken,
    endedTeacher: ended.teacherToken,
    answered,
    waiting,
  };
});

afterAll(async () => {
  await t?.close();
});

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function pick<T>(rng: RngState, items: readonly T[]): [T, RngState] {
  const [index, next] = nextInt(rng, items.length);
  return [items[index]!, next];
}

/** One hostile request; each kind is built so that no correct server could take it. */
function makeRequest(rng: RngState, n: number): [FuzzRequest, RngState] {
  const [payload, r1] = pick(rng, PAYLOADS);
  const [wrong, r2] = pick(r1, WRONG_VALUES);
  const [wrongType, r3] = pick(r2, NOT_STRINGS);
  const enc = encodeURIComponent(payload);
  // Header values must be printable Latin-1 for fetch to send them at all.
  const inHeader = payload.replace(/[^\x20-\x7e]/g, '?');
  const json = { 'content-type': 'application/json' };
  const student = (p: { playerId: string; token: string }) => ({ ...json, authorization: `Bearer ${p.token}` });
  const kinds: (() => FuzzRequest)[] = [
    // Unknown routes and methods.
    () => ({ method: 'GET', path: `/api/${enc}`, headers: {} }),
    () => ({ method: 'POST', path: `/api/classes/${fx.open}/${enc}`, headers: json, body: '{}' }),
    () => ({ method: 'PUT', path: `/api/classes/${fx.open}/start`, headers: json, body: '{}' }),
    () => ({ method: 'PATCH', path: '/api/classes', headers: json, body: '{}' }),
    // Deleting a class with another class's teacher token.
    () => ({
      method: 'DELETE',
      path: `/api/classes/${fx.open}`,
      headers: { authorization: `Bearer ${fx.endedTeacher}` },
    }),
    () => ({ method: 'GET', path: `/${enc}/../../package.json`, headers: {} }),
    () => ({ method: 'GET', path: `/..%2f..%2f..%2fpackage.json`, headers: {} }),
    // Payloads in the path parameters.
    () => ({ method: 'GET', path: `/api/classes/${enc}`, headers: {} }),
    () => ({
      method: 'POST',
      path: `/api/classes/${enc}/players`,
      headers: json,
      body: JSON.stringify({ nickname: 'Ada' }),
    }),
    () => ({
      method: 'POST',
      path: `/api/classes/${fx.open}/players/${enc}/answers`,
      headers: student(fx.answered),
      body: JSON.stringify({ position: 0, choice: 0 }),
    }),
    // Payloads and wrong types in every body field.
    () => ({
      method: 'POST',
      path: `/api/classes/${fx.ended}/players`,
      headers: json,
      body: JSON.stringify({ nickname: payload }),
    }),
    () => ({
      method: 'POST',
      path: `/api/classes/${fx.open}/players`,
      headers: json,
      body: JSON.stringify({ nickname: wrongType }),
    }),
    () => ({
      method: 'POST',
      path: `/api/classes/${fx.open}/players`,
      headers: json,
      body: JSON.stringify({ nickname: 'Zed', [payload.slice(0, 40) || 'x']: payload }),
    }),
    () => ({
      method: 'POST',
      path: `/api/classes/${fx.open}/players/${fx.answered.playerId}/answers`,
      headers: student(fx.answered),
      body: JSON.stringify({ position: wrong, choice: 0 }),
    }),
    () => ({
      method: 'POST',
      path: `/api/classes/${fx.open}/players/${fx.answered.playerId}/answers`,
      headers: student(fx.answered),
      body: JSON.stringify({ position: 0, choice: wrong }),
    }),
    () => ({
      method: 'POST',
      path: `/api/classes/${fx.open}/players/${fx.answered.playerId}/answers`,
      headers: student(fx.answered),
      body: JSON.stringify({ position: 0, choice: n % 4 }),
    }),
    () => ({
      method: 'POST',
      path: '/api/classes',
      headers: json,
      body: JSON.stringify({ questionCount: wrong, timeLimitSec: 20, topics: [], scoring: 'speed' }),
    }),
    () => ({
      method: 'POST',
      path: '/api/classes',
      headers: json,
      body: JSON.stringify({ questionCount: 5, timeLimitSec: wrong, topics: [], scoring: 'speed' }),
    }),
    () => ({
      method: 'POST',
      path: '/api/classes',
      headers: json,
      body: JSON.stringify({ questionCount: 5, timeLimitSec: 20, topics: [payload], scoring: 'speed' }),
    }),
    () => ({
      method: 'POST',
      path: '/api/classes',
      headers: json,
      body: JSON.stringify({ questionCount: 5, timeLimitSec: 20, topics: [], scoring: payload }),
    }),
    () => ({
      method: 'POST',
      path: `/api/classes/${fx.open}/hide-scores`,
      headers: { ...json, authorization: `Bearer ${fx.teacher}` },
      body: JSON.stringify({ hideScores: typeof wrong === 'boolean' ? String(wrong) : wrong }),
    }),
    () => ({
      method: 'POST',
      path: `/api/classes/${fx.open}/players/${fx.waiting.playerId}/next`,
      headers: student(fx.waiting),
      body: JSON.stringify({ skip: wrong }),
    }),
    // Tokens: payloads, someone else's, the wrong kind, none, far too long.
    () => ({
      method: 'GET',
      path: `/api/classes/${fx.open}/dashboard`,
      headers: { authorization: `Bearer ${inHeader}` },
    }),
    () => ({
      method: 'GET',
      path: `/api/classes/${fx.open}/dashboard`,
      headers: { authorization: inHeader.slice(0, 150) },
    }),
    () => ({
      method: 'GET',
      path: `/api/classes/${fx.open}/dashboard`,
      headers: { authorization: `Bearer ${fx.answered.token}` },
    }),
    () => ({
      method: 'GET',
      path: `/api/classes/${fx.open}/results.csv`,
      headers: { authorization: `Bearer ${fx.endedTeacher}` },
    }),
    () => ({
      method: 'GET',
      path: `/api/classes/${fx.open}/events`,
      headers: { authorization: `Bearer ${'x'.repeat(300)}` },
    }),
    () => ({
      method: 'POST',
      path: `/api/classes/${fx.open}/end`,
      headers: { ...json, authorization: `Bearer ${fx.waiting.token}` },
      body: '{}',
    }),
    () => ({
      method: 'POST',
      path: `/api/classes/${fx.ended}/start`,
      headers: { ...json, authorization: `Bearer ${fx.endedTeacher}` },
      body: '{}',
    }),
    () => ({
      method: 'POST',
      path: `/api/classes/${fx.open}/players/${fx.waiting.playerId}/next`,
      headers: student(fx.answered),
      body: '{}',
    }),
    () => ({ method: 'GET', path: `/api/classes/${fx.open}/players/${fx.waiting.playerId}`, headers: {} }),
    () => ({
      method: 'DELETE',
      path: `/api/classes/${fx.open}/players/${fx.waiting.playerId}`,
      headers: { authorization: `Bearer ${fx.waiting.token}` },
    }),
    // Broken JSON, wrong media types, huge bodies.
    () => ({
      method: 'POST',
      path: `/api/classes/${fx.open}/players`,
      headers: json,
      body: BROKEN_JSON[n % BROKEN_JSON.length],
    }),
    () => ({ method: 'POST', path: '/api/classes', headers: json, body: BROKEN_JSON[(n + 3) % BROKEN_JSON.length] }),
    () => ({
      method: 'POST',
      path: `/api/classes/${fx.open}/players`,
      headers: { 'content-type': 'application/xml' },
      body: `<nickname>${payload}</nickname>`,
    }),
    () => ({
      method: 'POST',
      path: `/api/classes/${fx.open}/players`,
      headers: { 'content-type': 'text/plain' },
      body: 'Ada',
    }),
    () => ({
      method: 'POST',
      path: `/api/classes/${fx.open}/players`,
      headers: json,
      body: JSON.stringify({ nickname: 'x'.repeat(10_000 + (n % 7) * 50_000) }),
    }),
    () => ({ method: 'POST', path: '/api/classes', headers: json, body: `[${'1,'.repeat(20_000)}1]` }),
    () => ({
      method: 'POST',
      path: `/api/classes/${fx.open}/players/${fx.answered.playerId}/answers`,
      headers: student(fx.answered),
      body: JSON.stringify({ position: 0, choice: 0, padding: 'p'.repeat(9000) }),
    }),
    // A cross-origin attempt at a change.
    () => ({
      method: 'POST',
      path: `/api/classes/${fx.open}/end`,
      headers: { ...json, authorization: `Bearer ${fx.teacher}`, origin: 'http://attacker.example' },
      body: '{}',
    }),
  ];
  const [kind, r4] = pick(r3, kinds);
  return [kind(), r4];
}

async function send(base: string, request: FuzzRequest): Promise<number> {
  const response = await fetch(new URL(request.path, base), {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  await response.arrayBuffer();
  return response.status;
}

describe('a fuzz of hostile requests', () => {
  it(`answers ${REQUESTS} of them with 4xx only, stays healthy and changes nothing`, async () => {
    const before = await dumpDb(t.server);
    let rng = createRng('source-check-fuzz');
    const requests: FuzzRequest[] = [];
    for (let n = 0; n < REQUESTS; n += 1) {
      let request: FuzzRequest;
      [request, rng] = makeRequest(rng, n);
      requests.push(request);
    }
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const request = requests[next++]!;
          const status = await send(t.url, request);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status < 400 || status >= 500) {
            failures.push(`${status} ${request.method} ${request.path} ${String(request.body).slice(0, 120)}`);
          }
        }
      }),
    );
    expect(Date.now() - started).toBeLessThan(45_000);
    expect(failures).toEqual([]);
    // The fuzz reached the checks it meant to: schema, auth, state, size, media type and routing.
    for (const status of [400, 401, 403, 404, 409, 410, 413, 415, 422])
      expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(REQUESTS);

    expect((await t.api.get('/api/health')).body).toEqual({ ok: true });
    expect(await dumpDb(t.server)).toBe(before);
    // And it still does its job.
    const view = await t.api.next(fx.open, fx.waiting);
    expect(view.status).toBe(200);
    expect(view.body.state).toBe('question');
  });
});
