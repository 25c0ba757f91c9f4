/**
 * What `npm run bench:server` runs its load against: a "target" is a way to start the class server on a fresh
 * database. Every run starts the target, drives the addresses it gives, reads the CPU of the processes it names,
 * and stops it, so a run never sees another run's rows.
 *
 * The targets: one server on a SQLite file; one server on a throw-away PostgreSQL cluster (started as the server
 * tests start theirs, tests/server/pgCluster.ts); and three servers on one PostgreSQL database behind nginx, as
 * deploy/ runs them (started with the multi-server test's harness, tests/server/multiServer/cluster.ts), where
 * the load goes to nginx only. A target returns the address(es) to load, its servers' pids in `serverPids`, the
 * postmaster in `databasePids` and a proxy in `proxyPids`; the runs need nothing else.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startMultiServerCluster } from '../../tests/server/multiServer/cluster';
import { NGINX_PATH } from '../../tests/server/nginx';
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
export function startChild(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string }> {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', join(root, 'bench', 'server', 'child.ts'), ...args],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
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

/** The servers of the three-server target: the reference deployment's count (deploy/). */
export const CLUSTER_SERVERS = 3;

/**
 * Three servers on one PostgreSQL database behind nginx, every run on a fresh cluster (PostgreSQL, servers and
 * nginx started together, stopped after). The servers are the benchmark's (child.ts: their own limits raised,
 * X-Forwarded-For believed from nginx) and nginx runs the shipped config with its limits lifted: the load comes
 * from one address, and the figures are about the work, not the refusals. Each server has the deployment's pool.
 */
export function clusterTarget(): Target {
  return {
    name: 'cluster3',
    label: `${CLUSTER_SERVERS} servers on PostgreSQL behind nginx`,
    async start() {
      const cluster = await startMultiServerCluster({
        servers: CLUSTER_SERVERS,
        proxyLimits: 'lifted',
        launchServer: async ({ databaseUrl, port, env }) =>
          (await startChild(['class', databaseUrl], { ...env, BENCH_SERVER_PORT: String(port) })).child,
      });
      try {
        return {
          urls: [cluster.url],
          serverPids: cluster.servers.map((server) => server.child!.pid!),
          databasePids: [await postmasterPid(cluster.adminUrl)],
          proxyPids: [cluster.proxyPid],
          stop: () => cluster.stop(),
        };
      } catch (error) {
        await cluster.stop();
        throw error;
      }
    },
    close: async () => {},
  };
}

const KNOWN_TARGETS = ['sqlite', 'postgres', 'cluster3'];

/**
 * The targets this machine can run, SQLite first; BENCH_TARGETS (e.g. "sqlite,cluster3") limits them. A target
 * on PostgreSQL is skipped, with the reason printed, when Debian's postgresql package is not installed, and the
 * three-server one when nginx is not ($NGINX_PATH, as the tests read it).
 */
export async function availableTargets(
  log: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Target[]> {
  const nginxPath = env.NGINX_PATH ?? NGINX_PATH;
  const wanted = (env.BENCH_TARGETS ?? KNOWN_TARGETS.join(',')).split(',').map((name) => name.trim());
  const unknown = wanted.filter((name) => !KNOWN_TARGETS.includes(name));
  if (unknown.length > 0) {
    throw new Error(`BENCH_TARGETS names unknown targets: ${unknown.join(', ')} (known: ${KNOWN_TARGETS.join(', ')}).`);
  }
  let postgresMissing: string | undefined;
  try {
    postgresBin();
  } catch (error) {
    postgresMissing = (error as Error).message;
  }
  const targets: Target[] = [];
  if (wanted.includes('sqlite')) targets.push(sqliteTarget());
  if (wanted.includes('postgres')) {
    if (postgresMissing) log(`PostgreSQL run skipped: ${postgresMissing}`);
    else targets.push(await postgresTarget());
  }
  if (wanted.includes('cluster3')) {
    if (postgresMissing) log(`Three-server run skipped: ${postgresMissing}`);
    else if (!existsSync(nginxPath)) {
      log(`Three-server run skipped: nginx is not installed at ${nginxPath} (apt-get install nginx).`);
    } else targets.push(clusterTarget());
  }
  return targets;
}
