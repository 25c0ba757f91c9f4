/**
 * What `npm run bench:server` runs its load against: a "target" is a way to start the class server on a fresh
 * database. Every run starts the target, drives the addresses it gives, reads the CPU of the processes it names,
 * and stops it, so a run never sees another run's rows.
 *
 * The targets today: one server on a SQLite file, and one server on a throw-away PostgreSQL cluster (started as
 * the server tests start theirs, tests/server/pgCluster.ts). A target of several servers behind a proxy plugs in
 * by returning its proxy's address first in `urls`, its servers' pids in `serverPids`, the postmaster in
 * `databasePids` and the proxy in `proxyPids`; the runs need nothing else.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { ensureDatabase, postgresBin, startPgCluster, type PgCluster } from '../../tests/server/pgCluster';

const root = join(import.meta.dirname, '..', '..');
const START_TIMEOUT_MS = 60_000;

export interface StartedTarget {
  /** Where the load goes: the first address takes it unless a run spreads its clients over all of them. */
  urls: string[];
  /** The class servers' processes (each counted with its descendants). */
  serverPids: number[];
  /** The database's processes, counted with their descendants (none on SQLite: it runs inside the server). */
  databasePids: number[];
  /** A proxy's processes in front of the servers (none for one server). */
  proxyPids: number[];
  stop(): Promise<void>;
}

export interface Target {
  /** A short name for tables and the JSON file, e.g. "sqlite". */
  name: string;
  /** What it is, in a sentence fragment for the printout. */
  label: string;
  /** Starts the target on a fresh, empty database. */
  start(): Promise<StartedTarget>;
  /** Releases what the target keeps between runs (a database cluster). */
  close(): Promise<void>;
}

/** A server (bench/server/child.ts) in a process of its own; resolves with its address once it listens. */
export function startChild(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', join(root, 'bench', 'server', 'child.ts'), ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The ${args[0]} server did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The ${args[0]} server exited (${code})`));
    });
  });
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function oneServer(child: ChildProcess, url: string, databasePids: number[]): StartedTarget {
  return { urls: [url], serverPids: [child.pid!], databasePids, proxyPids: [], stop: () => stopChild(child) };
}

/** One server on a fresh SQLite file in a temporary folder (the database works inside the server's process). */
export function sqliteTarget(): Target {
  return {
    name: 'sqlite',
    label: 'one server on SQLite',
    async start() {
      const { child, url } = await startChild(['class']);
      return oneServer(child, url, []);
    },
    close: async () => {},
  };
}

/** The postmaster's pid: the first line of postmaster.pid in the cluster's data folder. */
async function postmasterPid(adminUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
    const pid = Number(readFileSync(join(rows[0]!.data_directory, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) throw new Error('postmaster.pid holds no process id');
    return pid;
  } finally {
    await client.end();
  }
}

/**
 * One server on PostgreSQL: a throw-away cluster for the whole benchmark (loopback, stopped and deleted by
 * close()), a new database in it for every run.
 */
export async function postgresTarget(): Promise<Target> {
  const cluster: PgCluster = await startPgCluster();
  let pid: number;
  try {
    pid = await postmasterPid(cluster.adminUrl);
  } catch (error) {
    cluster.stop();
    throw error;
  }
  let runs = 0;
  return {
    name: 'postgres',
    label: 'one server on PostgreSQL',
    async start() {
      runs += 1;
      const databaseUrl = await ensureDatabase(cluster.adminUrl, `bench_${runs}`);
      const { child, url } = await startChild(['class', databaseUrl]);
      return oneServer(child, url, [pid]);
    },
    close: async () => cluster.stop(),
  };
}

/**
 * The targets this machine can run, SQLite first; BENCH_TARGETS (e.g. "sqlite") limits them. PostgreSQL is
 * skipped, with the reason printed, when Debian's postgresql package is not installed.
 */
export async function availableTargets(log: (line: string) => void): Promise<Target[]> {
  const wanted = (process.env.BENCH_TARGETS ?? 'sqlite,postgres').split(',').map((name) => name.trim());
  const unknown = wanted.filter((name) => name !== 'sqlite' && name !== 'postgres');
  if (unknown.length > 0) {
    throw new Error(`BENCH_TARGETS names unknown targets: ${unknown.join(', ')} (known: sqlite, postgres).`);
  }
  const targets: Target[] = [];
  if (wanted.includes('sqlite')) targets.push(sqliteTarget());
  if (wanted.includes('postgres')) {
    let installed = true;
    try {
      postgresBin();
    } catch (error) {
      installed = false;
      log(`PostgreSQL run skipped: ${(error as Error).message}`);
    }
    if (installed) targets.push(await postgresTarget());
  }
  return targets;
}
