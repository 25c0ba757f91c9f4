/**
 * `npm run bench:server`: the class server under load, on loopback only, every run bounded in time.
 *
 * 1. Throughput: a mix of join / next question / answer / leaderboard read at 64 connections against the class
 *    server, and a bare Fastify hello-world in the same run (same machine, same load generator, each server in a
 *    process of its own). Goals: at least half the hello-world's requests per second, p99 under 20 ms.
 * 2. A school's worth of classes: 1,000 simulated students in 33 classes, each class's dashboard listening on
 *    its live stream; every answer is timed from being sent to the first dashboard update that shows it.
 *    Goal: p99 under 100 ms.
 * 3. Not goals: the ceilings of the server's cheapest routes, against the same hello-world, for reading the ratio.
 *
 * Prints a table and writes the figures to test-artifacts/bench-server.json.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { NICKNAME_ADJECTIVES, NICKNAME_NOUNS } from '../src/core/nicknames';
import { MAX_TIME_LIMIT_SEC } from '../src/core/settings';
import { readEventStream } from '../src/net/liveStream';

const root = join(import.meta.dirname, '..');
const DURATION_SEC = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 64;
const STUDENTS = 1000;
const CLASSES = 33;
const QUESTIONS = 10;
const GOALS = { throughputRatio: 0.5, mixP99Ms: 20, dashboardP99Ms: 100 };

function startChild(mode: 'hello' | 'class'): Promise<{ child: ChildProcess; url: string }> {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', join(root, 'bench', 'server', 'child.ts'), mode],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`The ${mode} server did not start`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    });
    child.once('exit', (code) => reject(new Error(`The ${mode} server exited (${code})`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- setup replies, read field by field
async function post(url: string, body: unknown, token?: string): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const data = await response.json();
  if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(data)}`);
  return data;
}

/** A distinct, classroom-safe name for every simulated student (digits could spell words: 455 reads "ass"). */
function studentName(n: number): string {
  const a = NICKNAME_ADJECTIVES[n % NICKNAME_ADJECTIVES.length]!;
  const b = NICKNAME_NOUNS[Math.floor(n / NICKNAME_ADJECTIVES.length) % NICKNAME_NOUNS.length]!;
  const round = Math.floor(n / (NICKNAME_ADJECTIVES.length * NICKNAME_NOUNS.length));
  return round === 0 ? `${a} ${b}` : `${a} ${b} ${'X'.repeat(round)}`;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface LoadResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  total: number;
}

function summarize(result: autocannon.Result): LoadResult {
  return {
    requestsPerSec: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
  };
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function helloWorld(): Promise<LoadResult> {
  const { child, url } = await startChild('hello');
  try {
    await run({ url, connections: CONNECTIONS, duration: 2 });
    return summarize(await run({ url, connections: CONNECTIONS, duration: DURATION_SEC }));
  } finally {
    await stopChild(child);
  }
}

interface Seat {
  code?: string;
  teacher?: string;
  playerId?: string;
  token?: string;
  position?: number;
}

/** join → (next → answer) × 3 → leaderboard read, over and over on each connection. */
async function classMix(): Promise<LoadResult> {
  const { child, url } = await startChild('class');
  try {
    const classes: { code: string; teacher: string }[] = [];
    for (let i = 0; i < 200; i += 1) {
      const created = await post(new URL('api/classes', url).href, {
        questionCount: 3,
        timeLimitSec: 20,
        topics: [],
        scoring: 'speed',
      });
      classes.push({ code: created.class.code, teacher: created.teacherToken });
    }
    let joins = 0;
    const json = { 'content-type': 'application/json' };
    const nextStep: autocannon.Request = {
      method: 'POST',
      path: '/',
      headers: json,
      body: '{}',
      setupRequest: (request, context: Seat) => ({
        ...request,
        path: `/api/classes/${context.code}/players/${context.playerId}/next`,
        headers: { ...json, authorization: `Bearer ${context.token}` },
      }),
      onResponse: (_status, body, context: Seat) => {
        try {
          context.position = (JSON.parse(body) as { question?: { position: number } }).question?.position ?? 0;
        } catch {
          context.position = 0;
        }
      },
    };
    const answerStep: autocannon.Request = {
      method: 'POST',
      path: '/',
      headers: json,
      setupRequest: (request, context: Seat) => ({
        ...request,
        path: `/api/classes/${context.code}/players/${context.playerId}/answers`,
        headers: { ...json, authorization: `Bearer ${context.token}` },
        body: JSON.stringify({ position: context.position ?? 0, choice: (context.position ?? 0) % 2 }),
      }),
    };
    const requests: autocannon.Request[] = [
      {
        method: 'POST',
        path: '/',
        headers: json,
        setupRequest: (request, context: Seat) => {
          const n = joins++;
          const seat = classes[n % classes.length]!;
          context.code = seat.code;
          context.teacher = seat.teacher;
          return {
            ...request,
            path: `/api/classes/${seat.code}/players`,
            body: JSON.stringify({ nickname: studentName(n) }),
          };
        },
        onResponse: (_status, body, context: Seat) => {
          const joined = JSON.parse(body) as { playerId: string; token: string };
          context.playerId = joined.playerId;
          context.token = joined.token;
        },
      },
      nextStep,
      answerStep,
      nextStep,
      answerStep,
      nextStep,
      answerStep,
      {
        method: 'GET',
        path: '/',
        setupRequest: (request, context: Seat) => ({
          ...request,
          path: `/api/classes/${context.code}/dashboard`,
          headers: { authorization: `Bearer ${context.teacher}` },
        }),
      },
    ];
    await run({ url, connections: CONNECTIONS, duration: 2, requests });
    return summarize(await run({ url, connections: CONNECTIONS, duration: DURATION_SEC, requests }));
  } finally {
    await stopChild(child);
  }
}

/**
 * Not goals: where the class server's own ceilings lie, for reading the mix's ratio. The health route is the
 * server's request pipeline with no work; serving the question a student is already on is the cheapest real
 * student request (a token check and two indexed reads, no write).
 */
async function ceilings(): Promise<{ health: LoadResult; openQuestion: LoadResult }> {
  const { child, url } = await startChild('class');
  try {
    const created = await post(new URL('api/classes', url).href, {
      questionCount: 3,
      timeLimitSec: MAX_TIME_LIMIT_SEC,
      topics: [],
      scoring: 'speed',
    });
    const seat = await post(new URL(`api/classes/${created.class.code}/players`, url).href, { nickname: 'Ceiling' });
    const nextUrl = new URL(`api/classes/${created.class.code}/players/${seat.playerId}/next`, url).href;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${seat.token}` };
    await post(nextUrl, {}, seat.token);
    const seconds = Math.max(1, Math.round(DURATION_SEC / 2));
    const health = summarize(
      await run({ url: new URL('api/health', url).href, connections: CONNECTIONS, duration: seconds }),
    );
    const openQuestion = summarize(
      await run({ url: nextUrl, method: 'POST', headers, body: '{}', connections: CONNECTIONS, duration: seconds }),
    );
    return { health, openQuestion };
  } finally {
    await stopChild(child);
  }
}

interface Pending {
  expected: number;
  sentAt: number;
}

/** 1,000 students in 33 classes answering ten questions each, with each class's dashboard on its live stream. */
async function school(): Promise<Record<string, number>> {
  const { child, url } = await startChild('class');
  const streams: AbortController[] = [];
  try {
    const api = (path: string) => new URL(`api/${path}`, url).href;
    const classes: { code: string; teacher: string }[] = [];
    for (let i = 0; i < CLASSES; i += 1) {
      const created = await post(api('classes'), {
        questionCount: QUESTIONS,
        timeLimitSec: 20,
        topics: [],
        scoring: 'speed',
        holdStart: true,
      });
      classes.push({ code: created.class.code, teacher: created.teacherToken });
    }
    const students: { code: string; playerId: string; token: string }[] = [];
    for (let batch = 0; batch < STUDENTS; batch += 50) {
      const joined = await Promise.all(
        Array.from({ length: Math.min(50, STUDENTS - batch) }, (_, i) => {
          const n = batch + i;
          const code = classes[n % CLASSES]!.code;
          return post(api(`classes/${code}/players`), { nickname: studentName(n) }).then((seat) => ({
            code,
            playerId: seat.playerId as string,
            token: seat.token as string,
          }));
        }),
      );
      students.push(...joined);
    }

    // The dashboards: each snapshot settles the answers it shows.
    const pending = new Map<string, Map<string, Pending[]>>(classes.map((c) => [c.code, new Map()]));
    const latencies: number[] = [];
    let snapshots = 0;
    const ready: Promise<void>[] = [];
    for (const { code, teacher } of classes) {
      const controller = new AbortController();
      streams.push(controller);
      const response = await fetch(api(`classes/${code}/events`), {
        headers: { authorization: `Bearer ${teacher}` },
        signal: controller.signal,
      });
      let firstResolve!: () => void;
      ready.push(new Promise((resolve) => (firstResolve = resolve)));
      void (async () => {
        try {
          for await (const event of readEventStream(response.body!)) {
            if (event.name !== 'snapshot') continue;
            const now = performance.now();
            snapshots += 1;
            firstResolve();
            const snapshot = JSON.parse(event.data) as { players: { playerId: string; answered: number }[] };
            const waiting = pending.get(code)!;
            for (const player of snapshot.players) {
              const list = waiting.get(player.playerId);
              if (!list) continue;
              while (list.length > 0 && list[0]!.expected <= player.answered) {
                latencies.push(now - list.shift()!.sentAt);
              }
            }
          }
        } catch {
          // Aborted at the end of the run.
        }
      })();
    }
    await Promise.all(ready);
    for (const { code, teacher } of classes) await post(api(`classes/${code}/start`), {}, teacher);

    const answerMs: number[] = [];
    let failures = 0;
    const started = performance.now();
    await Promise.all(
      students.map(async (student, index) => {
        const auth = { 'content-type': 'application/json', authorization: `Bearer ${student.token}` };
        const base = api(`classes/${student.code}/players/${student.playerId}`);
        let seed = index + 1;
        const think = () => {
          seed = (seed * 1103515245 + 12345) % 2 ** 31;
          return 300 + (seed % 2200);
        };
        // Classes do not all start in the same millisecond: each student begins within the first second.
        await new Promise((resolve) => setTimeout(resolve, think() % 1000));
        for (let q = 0; q < QUESTIONS; q += 1) {
          const served = await (await fetch(`${base}/next`, { method: 'POST', headers: auth, body: '{}' })).json();
          const position = (served as { question?: { position: number } }).question?.position;
          if (position === undefined) {
            failures += 1;
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, think()));
          const list = pending.get(student.code)!.get(student.playerId) ?? [];
          pending.get(student.code)!.set(student.playerId, list);
          const sentAt = performance.now();
          list.push({ expected: q + 1, sentAt });
          const response = await fetch(`${base}/answers`, {
            method: 'POST',
            headers: auth,
            body: JSON.stringify({ position, choice: q % 2 }),
          });
          await response.arrayBuffer();
          answerMs.push(performance.now() - sentAt);
          if (!response.ok) failures += 1;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    // Let the last snapshots arrive.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const answers = STUDENTS * QUESTIONS;
    return {
      students: STUDENTS,
      classes: CLASSES,
      answers,
      failures,
      unmatched: answers - latencies.length,
      snapshots,
      seconds: Math.round(elapsed * 10) / 10,
      answersPerSec: Math.round(answers / elapsed),
      answerP50Ms: round(percentile(answerMs, 50)),
      answerP99Ms: round(percentile(answerMs, 99)),
      dashboardP50Ms: round(percentile(latencies, 50)),
      dashboardP95Ms: round(percentile(latencies, 95)),
      dashboardP99Ms: round(percentile(latencies, 99)),
      dashboardMaxMs: round(Math.max(...latencies)),
    };
  } finally {
    for (const controller of streams) controller.abort();
    await stopChild(child);
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`Class server benchmark on ${machine}; ${DURATION_SEC} s per load run, ${CONNECTIONS} connections.\n`);
const only = process.env.BENCH_ONLY;
if (only === 'mix' || only === 'school') {
  console.log(JSON.stringify(only === 'mix' ? await classMix() : await school()));
  process.exit(0);
}
const loadBefore = loadavg()[0]!.toFixed(1);
const hello = await helloWorld();
console.log(`hello-world: ${hello.requestsPerSec} req/s, p50 ${hello.p50Ms} ms, p99 ${hello.p99Ms} ms`);
const mix = await classMix();
console.log(
  `class mix:   ${mix.requestsPerSec} req/s, p50 ${mix.p50Ms} ms, p99 ${mix.p99Ms} ms, non-2xx ${mix.non2xx}, errors ${mix.errors}`,
);
const ceiling = await ceilings();
console.log(
  `ceilings:    health route ${ceiling.health.requestsPerSec} req/s (${(ceiling.health.requestsPerSec / hello.requestsPerSec).toFixed(2)} × hello-world), ` +
    `serving an open question ${ceiling.openQuestion.requestsPerSec} req/s (${(ceiling.openQuestion.requestsPerSec / hello.requestsPerSec).toFixed(2)} ×)`,
);
const live = await school();
console.log(`school:      ${JSON.stringify(live)}`);

const ratio = mix.requestsPerSec / hello.requestsPerSec;
// Other work on the machine takes CPU from both servers and the load generator: say how much there was.
const load = { before: loadBefore, after: loadavg()[0]!.toFixed(1) };
console.log(`\nLoad average (1 min) before the run ${load.before}, after ${load.after}, on ${cpus().length} cores.`);
const rows: [string, string, string, boolean][] = [
  ['class mix ÷ hello-world req/s', ratio.toFixed(2), `≥ ${GOALS.throughputRatio}`, ratio >= GOALS.throughputRatio],
  ['class mix p99 latency', `${mix.p99Ms} ms`, `< ${GOALS.mixP99Ms} ms`, mix.p99Ms < GOALS.mixP99Ms],
  [
    'answer → dashboard p99 (1,000 students)',
    `${live.dashboardP99Ms} ms`,
    `< ${GOALS.dashboardP99Ms} ms`,
    live.dashboardP99Ms! < GOALS.dashboardP99Ms,
  ],
];
console.log('\n| measure | result | goal | met |\n|---|---|---|---|');
for (const [name, value, goal, met] of rows) console.log(`| ${name} | ${value} | ${goal} | ${met ? 'yes' : 'no'} |`);
const out = join(root, 'test-artifacts', 'bench-server.json');
mkdirSync(join(root, 'test-artifacts'), { recursive: true });
writeFileSync(
  out,
  JSON.stringify(
    { machine, load, durationSec: DURATION_SEC, hello, mix, ratio, ceilings: ceiling, live, goals: GOALS },
    null,
    2,
  ),
);
console.log(`\nFigures written to ${out}`);
