/**
 * `npm run bench:server`: the class server under load, on loopback only, every run bounded in time, on each target
 * (bench/server/targets.ts): one server on SQLite, one on a throw-away PostgreSQL cluster when PostgreSQL is
 * installed, and three servers on one PostgreSQL database behind nginx when nginx is installed too (the load goes
 * to nginx only). Every run starts its target on a fresh database.
 *
 * 1. Throughput: a mix of join / next question / answer / leaderboard read at 64 connections, with the CPU time
 *    per request of the server(s), the database, the proxy and this load generator. A bare Fastify hello-world runs once for
 *    reference (its ratio is printed, not a goal). Goal: p99 under 20 ms.
 * 2. A school's worth of classes: 1,000 simulated students in 33 classes, each class's dashboard listening on
 *    its live stream; every answer is timed from being sent to the first dashboard update that shows it, and the
 *    CPU time of the servers (summed), the database, the proxy and the load generator is divided by the answers
 *    taken.
 *    Goal: p99 under 100 ms.
 * 3. Not goals: the ceilings of the server's cheapest routes.
 *
 * Prints a table with a column per target and writes the figures to test-artifacts/bench-server.json.
 * BENCH_SECONDS sets a load run's length, BENCH_STUDENTS the school's size, BENCH_ONLY=mix|school runs one part, BENCH_TARGETS=sqlite|postgres|cluster3
 * (comma-separated) chooses the targets, BENCH_PROFILE=<folder> profiles the servers.
 */
import autocannon from 'autocannon';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { NICKNAME_ADJECTIVES, NICKNAME_NOUNS } from '../src/core/nicknames';
import { MAX_TIME_LIMIT_SEC } from '../src/core/settings';
import { readEventStream } from '../src/net/liveStream';
import { treeCpuSeconds } from './server/processCpu';
import { availableTargets, startChild, stopChild, type StartedTarget, type Target } from './server/targets';

const root = join(import.meta.dirname, '..');
const DURATION_SEC = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 64;
/** The school run's students (BENCH_STUDENTS, default 1,000), in classes of about 30. */
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 1000);
if (!Number.isInteger(STUDENTS) || STUDENTS < 1 || STUDENTS > 10_000) {
  throw new Error(`BENCH_STUDENTS must be a whole number from 1 to 10000, found "${process.env.BENCH_STUDENTS}".`);
}
const CLASSES = Math.max(1, Math.round(STUDENTS / 30));
const QUESTIONS = 10;
/** How long the school run waits after the last answer for the dashboards to show every answer. */
const SETTLE_MS = 10_000;
const GOALS = { mixP99Ms: 20, dashboardP99Ms: 100 };

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

interface CpuReading {
  at: number;
  server: number;
  database: number;
  proxy: number;
  generator: NodeJS.CpuUsage;
}

/** CPU seconds over a stretch of a run: the servers', the database's, a proxy's and this load generator's own. */
export interface CpuUse {
  wallSec: number;
  serverSec: number;
  databaseSec: number;
  proxySec: number;
  generatorSec: number;
}

function readCpu(target: StartedTarget): CpuReading {
  return {
    at: performance.now(),
    server: treeCpuSeconds(target.serverPids),
    database: treeCpuSeconds(target.databasePids),
    proxy: treeCpuSeconds(target.proxyPids),
    generator: process.cpuUsage(),
  };
}

function cpuSince(target: StartedTarget, before: CpuReading): CpuUse {
  const after = readCpu(target);
  const generator = process.cpuUsage(before.generator);
  return {
    wallSec: round3((after.at - before.at) / 1000),
    serverSec: round3(after.server - before.server),
    databaseSec: round3(after.database - before.database),
    proxySec: round3(after.proxy - before.proxy),
    generatorSec: round3((generator.user + generator.system) / 1e6),
  };
}

/** CPU per unit of work in microseconds, and how many cores each part kept busy on average. */
function cpuPer(cpu: CpuUse, units: number) {
  const per = (sec: number) => Math.round((sec / units) * 1e6);
  const cores = (sec: number) => Math.round((sec / cpu.wallSec) * 100) / 100;
  return {
    serverUs: per(cpu.serverSec),
    databaseUs: per(cpu.databaseSec),
    proxyUs: per(cpu.proxySec),
    generatorUs: per(cpu.generatorSec),
    serverCores: cores(cpu.serverSec),
    databaseCores: cores(cpu.databaseSec),
    proxyCores: cores(cpu.proxySec),
    generatorCores: cores(cpu.generatorSec),
  };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

async function helloWorld(): Promise<LoadResult> {
  const { child, url } = await startChild(['hello']);
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
async function classMix(target: StartedTarget) {
  const url = target.urls[0]!;
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
  const before = readCpu(target);
  const result = summarize(await run({ url, connections: CONNECTIONS, duration: DURATION_SEC, requests }));
  const cpu = cpuSince(target, before);
  return { ...result, cpu, cpuPerRequest: cpuPer(cpu, result.total) };
}

/**
 * Not goals: where the class server's own ceilings lie, for reading the mix's ratio. The health route is the
 * server's request pipeline with no work; serving the question a student is already on is the cheapest real
 * student request (a token check and two indexed reads, no write).
 */
async function ceilings(target: StartedTarget): Promise<{ health: LoadResult; openQuestion: LoadResult }> {
  const url = target.urls[0]!;
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
}

interface Pending {
  expected: number;
  sentAt: number;
}

/**
 * 1,000 students in 33 classes answering ten questions each, with each class's dashboard on its live stream. With
 * several addresses, students and dashboards are spread over them (a class's dashboard on another server than
 * most of its students).
 */
async function school(target: StartedTarget) {
  const streams: AbortController[] = [];
  try {
    const at = (n: number) => target.urls[n % target.urls.length]!;
    const api = (path: string, n = 0) => new URL(`api/${path}`, at(n)).href;
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
    const students: { n: number; code: string; playerId: string; token: string }[] = [];
    for (let batch = 0; batch < STUDENTS; batch += 50) {
      const joined = await Promise.all(
        Array.from({ length: Math.min(50, STUDENTS - batch) }, (_, i) => {
          const n = batch + i;
          const code = classes[n % CLASSES]!.code;
          return post(api(`classes/${code}/players`, n), { nickname: studentName(n) }).then((seat) => ({
            n,
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
    for (const [c, { code, teacher }] of classes.entries()) {
      const controller = new AbortController();
      streams.push(controller);
      const response = await fetch(api(`classes/${code}/events`, c + 1), {
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
    // CPU is counted from the first class's start to the last snapshot: serving each question, taking each
    // answer and sending the dashboards their snapshots, the work a lesson makes per answer.
    const cpuBefore = readCpu(target);
    for (const { code, teacher } of classes) await post(api(`classes/${code}/start`), {}, teacher);

    const answerMs: number[] = [];
    let failures = 0;
    let taken = 0;
    /** What failed, e.g. "answers 503 database-unavailable": a student whose request fails stops there. */
    const failureKinds: Record<string, number> = {};
    const fail = (kind: string) => {
      failures += 1;
      failureKinds[kind] = (failureKinds[kind] ?? 0) + 1;
    };
    const failed = async (route: string, response: Response) => {
      const code = ((await response.json().catch(() => ({}))) as { error?: string }).error ?? '';
      fail(`${route} ${response.status} ${code}`.trim());
    };
    let retries = 0;
    /**
     * A request that fails in the network is sent once more, as browsers do when a kept-alive connection was
     * closed under it (on a loaded machine the client's idle timer can fire after the server's); failing again,
     * it is a failure, not the end of the run.
     */
    const send = async (route: string, url: string, init: RequestInit): Promise<Response | undefined> => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await fetch(url, init);
        } catch (error) {
          if (attempt < 2) {
            retries += 1;
            continue;
          }
          fail(`${route} ${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}`);
          return undefined;
        }
      }
    };
    const started = performance.now();
    await Promise.all(
      students.map(async (student, index) => {
        const auth = { 'content-type': 'application/json', authorization: `Bearer ${student.token}` };
        const base = api(`classes/${student.code}/players/${student.playerId}`, student.n);
        let seed = index + 1;
        const think = () => {
          seed = (seed * 1103515245 + 12345) % 2 ** 31;
          return 300 + (seed % 2200);
        };
        // Classes do not all start in the same millisecond: each student begins within the first second.
        await new Promise((resolve) => setTimeout(resolve, think() % 1000));
        for (let q = 0; q < QUESTIONS; q += 1) {
          const nextResponse = await send('next', `${base}/next`, { method: 'POST', headers: auth, body: '{}' });
          if (!nextResponse) return;
          if (!nextResponse.ok) return failed('next', nextResponse);
          const served = (await nextResponse.json()) as { question?: { position: number } };
          const position = served.question?.position;
          if (position === undefined) return fail('next served no question');
          await new Promise((resolve) => setTimeout(resolve, think()));
          const list = pending.get(student.code)!.get(student.playerId) ?? [];
          pending.get(student.code)!.set(student.playerId, list);
          const sentAt = performance.now();
          list.push({ expected: q + 1, sentAt });
          const response = await send('answers', `${base}/answers`, {
            method: 'POST',
            headers: auth,
            body: JSON.stringify({ position, choice: q % 2 }),
          });
          answerMs.push(performance.now() - sentAt);
          if (!response?.ok) {
            list.pop();
            return response && failed('answers', response);
          }
          await response.arrayBuffer();
          taken += 1;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    // Let the last snapshots arrive (a dashboard that lags far behind is counted as unmatched, not waited for).
    const settleBy = performance.now() + SETTLE_MS;
    while (latencies.length < taken && performance.now() < settleBy) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const cpu = cpuSince(target, cpuBefore);
    return {
      cpu,
      cpuPerAnswer: cpuPer(cpu, taken),
      students: STUDENTS,
      classes: CLASSES,
      answers: taken,
      failures,
      failureKinds,
      retries,
      unmatched: taken - latencies.length,
      snapshots,
      seconds: Math.round(elapsed * 10) / 10,
      answersPerSec: Math.round(taken / elapsed),
      answerP50Ms: round(percentile(answerMs, 50)),
      answerP99Ms: round(percentile(answerMs, 99)),
      dashboardP50Ms: round(percentile(latencies, 50)),
      dashboardP95Ms: round(percentile(latencies, 95)),
      dashboardP99Ms: round(percentile(latencies, 99)),
      dashboardMaxMs: round(Math.max(...latencies)),
    };
  } finally {
    for (const controller of streams) controller.abort();
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Starts the target for one run on a fresh database and stops it after, whatever happens. */
async function onFresh<T>(target: Target, work: (started: StartedTarget) => Promise<T>): Promise<T> {
  const started = await target.start();
  try {
    return await work(started);
  } finally {
    await started.stop();
  }
}

type MixResult = Awaited<ReturnType<typeof classMix>>;
type SchoolResult = Awaited<ReturnType<typeof school>>;

interface TargetResult {
  label: string;
  mix?: MixResult;
  ceilings?: Awaited<ReturnType<typeof ceilings>>;
  school?: SchoolResult;
}

/** Every run on one target, each on a fresh database; `only` limits them to the mix or the school run. */
async function benchTarget(target: Target, only: string | undefined): Promise<TargetResult> {
  const result: TargetResult = { label: target.label };
  const tag = target.name.padEnd(8);
  if (!only || only === 'mix') {
    const mix = await onFresh(target, classMix);
    result.mix = mix;
    console.log(
      `${tag} class mix: ${mix.requestsPerSec} req/s, p50 ${mix.p50Ms} ms, p99 ${mix.p99Ms} ms, non-2xx ${mix.non2xx}, ` +
        `errors ${mix.errors}; CPU per request: server ${mix.cpuPerRequest.serverUs} µs, database ` +
        `${mix.cpuPerRequest.databaseUs} µs, proxy ${mix.cpuPerRequest.proxyUs} µs, load generator ${mix.cpuPerRequest.generatorUs} µs`,
    );
  }
  if (!only) {
    const ceiling = await onFresh(target, ceilings);
    result.ceilings = ceiling;
    console.log(
      `${tag} ceilings: health route ${ceiling.health.requestsPerSec} req/s, serving an open question ` +
        `${ceiling.openQuestion.requestsPerSec} req/s`,
    );
  }
  if (!only || only === 'school') {
    const live = await onFresh(target, school);
    result.school = live;
    console.log(`${tag} school: ${JSON.stringify(live)}`);
  }
  return result;
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`Class server benchmark on ${machine}; ${DURATION_SEC} s per load run, ${CONNECTIONS} connections.\n`);
const only = process.env.BENCH_ONLY;
if (only !== undefined && only !== 'mix' && only !== 'school') {
  throw new Error(`BENCH_ONLY must be "mix" or "school", found "${only}".`);
}
const loadBefore = loadavg()[0]!.toFixed(1);
const targets = await availableTargets((line) => console.log(line));
const results: Record<string, TargetResult> = {};
let hello: LoadResult | undefined;
try {
  if (!only) {
    hello = await helloWorld();
    console.log(`hello-world: ${hello.requestsPerSec} req/s, p50 ${hello.p50Ms} ms, p99 ${hello.p99Ms} ms`);
  }
  for (const target of targets) results[target.name] = await benchTarget(target, only);
} finally {
  for (const target of targets) await target.close();
}

// Other work on the machine takes CPU from the servers, the database and the load generator: say how much there was.
const load = { before: loadBefore, after: loadavg()[0]!.toFixed(1) };
console.log(`\nLoad average (1 min) before the run ${load.before}, after ${load.after}, on ${cpus().length} cores.`);

const names = Object.keys(results);
const column = (show: (result: TargetResult) => string | undefined) => names.map((name) => show(results[name]!) ?? '—');
const met = (value: number | undefined, goal: number) =>
  value === undefined ? '' : value < goal ? ' (met)' : ' (missed)';
const table: [string, string[], string][] = [
  [
    'class mix req/s (÷ hello-world, not a goal)',
    column(
      (r) =>
        r.mix &&
        `${r.mix.requestsPerSec}${hello ? ` (${(r.mix.requestsPerSec / hello.requestsPerSec).toFixed(2)})` : ''}`,
    ),
    '',
  ],
  [
    'class mix p50 / p99',
    column((r) => r.mix && `${r.mix.p50Ms} / ${r.mix.p99Ms} ms${met(r.mix.p99Ms, GOALS.mixP99Ms)}`),
    `p99 < ${GOALS.mixP99Ms} ms`,
  ],
  [
    'class mix CPU per request: servers / database / proxy / load generator',
    column(
      (r) =>
        r.mix &&
        `${r.mix.cpuPerRequest.serverUs} / ${r.mix.cpuPerRequest.databaseUs} / ${r.mix.cpuPerRequest.proxyUs} / ` +
          `${r.mix.cpuPerRequest.generatorUs} µs`,
    ),
    '',
  ],
  [
    'ceilings: health / open question req/s',
    column((r) => r.ceilings && `${r.ceilings.health.requestsPerSec} / ${r.ceilings.openQuestion.requestsPerSec}`),
    '',
  ],
  [
    'school: answers, failed, unmatched, seconds',
    column(
      (r) => r.school && `${r.school.answers}, ${r.school.failures}, ${r.school.unmatched}, ${r.school.seconds} s`,
    ),
    '',
  ],
  ['answer request p50 / p99', column((r) => r.school && `${r.school.answerP50Ms} / ${r.school.answerP99Ms} ms`), ''],
  [
    'answer → dashboard p50 / p99 / max',
    column(
      (r) =>
        r.school &&
        `${r.school.dashboardP50Ms} / ${r.school.dashboardP99Ms} / ${r.school.dashboardMaxMs} ms${met(r.school.dashboardP99Ms, GOALS.dashboardP99Ms)}`,
    ),
    `p99 < ${GOALS.dashboardP99Ms} ms`,
  ],
  [
    'CPU per answer: servers / database / proxy / all three',
    column(
      (r) =>
        r.school &&
        `${r.school.cpuPerAnswer.serverUs} / ${r.school.cpuPerAnswer.databaseUs} / ${r.school.cpuPerAnswer.proxyUs} / ` +
          `${r.school.cpuPerAnswer.serverUs + r.school.cpuPerAnswer.databaseUs + r.school.cpuPerAnswer.proxyUs} µs`,
    ),
    '',
  ],
  [
    'school run, cores busy: servers / database / proxy / load generator',
    column(
      (r) =>
        r.school &&
        `${r.school.cpuPerAnswer.serverCores} / ${r.school.cpuPerAnswer.databaseCores} / ` +
          `${r.school.cpuPerAnswer.proxyCores} / ${r.school.cpuPerAnswer.generatorCores}`,
    ),
    '',
  ],
];
console.log(`\n| measure | ${names.join(' | ')} | goal |\n|---|${names.map(() => '---|').join('')}---|`);
for (const [name, values, goal] of table) console.log(`| ${name} | ${values.join(' | ')} | ${goal} |`);
const out = join(root, 'test-artifacts', 'bench-server.json');
mkdirSync(join(root, 'test-artifacts'), { recursive: true });
writeFileSync(
  out,
  JSON.stringify({ machine, load, durationSec: DURATION_SEC, hello, targets: results, goals: GOALS }, null, 2),
);
console.log(`\nFigures written to ${out}`);
