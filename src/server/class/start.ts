/**
 * Starts the class server: opens the database, builds the app, listens, and sweeps expired classes away on a
 * timer. Used by `npm start`, `npm run dev`, the tests and the benchmark.
 */
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { ServerInfo } from '../../core/classProtocol';
import type { CheckSet } from '../../core/checkItems';
import type { BankOverlays } from '../../core/revealWords';
import type { BankBundle, SourceDoc } from '../../core/types';
import { buildClassApp, type RateLimits } from './app';
import type { ConnectionLimits } from './connections';
import type { JoinLimits } from './joinGuard';
import type { LookupLimit } from './lookupLimit';
import { openClassDb, type ClassDb } from './db';
import { recoverDowntime, ServerClock } from './downtime';
import { InProcessFanout, type Fanout } from './fanout';
import { LiveHub } from './hub';
import type { ChallengeRateLimits } from '../challenge/routes';
import type { ChallengeFloodLimits } from '../challenge/floodGuard';
import { ChallengeService } from '../challenge/service';
import { Backups, type BackupSettings } from './backup';
import { Readiness } from './readiness';
import { ClassService, DAY_MS, DEFAULT_RETENTION_DAYS } from './service';
import { PgFanout } from './pgFanout';
import { PgClassStore } from './pgStore';
import { SqliteClassStore } from './sqliteStore';
import type { ClassStore } from './store';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
/** Where the database lives unless CLASS_DB says otherwise (data/ is not committed). */
export const DEFAULT_DB_PATH = join('data', 'source-check-classes.db');
const SWEEP_EVERY_MS = 60 * 60 * 1000;
/** How often the server looks for players who have fallen silent (away: see classPresence.ts). */
const AWAY_CHECK_EVERY_MS = 1000;

export interface ClassServerOptions {
  bank: BankBundle;
  dbPath: string;
  staticDir?: string;
  port?: number;
  host?: string;
  now?: () => number;
  retentionMs?: number;
  limits?: Partial<RateLimits>;
  connections?: Partial<ConnectionLimits>;
  joinLimits?: Partial<JoinLimits>;
  lookupLimit?: Partial<LookupLimit>;
  logger?: FastifyServerOptions['logger'];
  /** A fixed address for the join link (e.g. behind a proxy), instead of this machine's own addresses. */
  publicUrl?: string;
  /** Where and how often the server snapshots its database; no snapshots unless given. */
  backup?: BackupSettings;
  /** /api/ready answers 503 when the database's disk has less free space than this. */
  minFreeBytes?: number;
  /** The proxies whose X-Forwarded-For is believed (see trustProxy.ts); none by default. */
  trustProxy?: string[] | false;
  /** More origins whose pages may use this server (PUBLIC_ORIGINS), besides the join origins and loopback. */
  publicOrigins?: string[];
  /** How often the server writes that it is alive (see downtime.ts); every second by default. */
  aliveIntervalMs?: number;
  /** The learning check's claims and forms (questions/checks/), for classes created with a check. */
  checks?: CheckSet;
  /** The shipped source texts a teacher's own questions may quote (the loaded bank's sources). */
  sources?: Record<string, SourceDoc>;
  /** The bank in other languages (questions/es/), for the words after an answer in a student's or the projector's. */
  overlays?: BankOverlays;
  challengeLimits?: Partial<ChallengeRateLimits>;
  challengeFlood?: Partial<ChallengeFloodLimits>;
  /** A PostgreSQL database (postgres://…) to keep the classes in instead of the SQLite file at dbPath. */
  databaseUrl?: string;
  /** Connections to PostgreSQL (DATABASE_POOL_SIZE). */
  databasePoolSize?: number;
}

export interface RunningClassServer {
  app: FastifyInstance;
  service: ClassService;
  hub: LiveHub;
  store: ClassStore;
  /** The SQLite database (the store's own connection); none on PostgreSQL. */
  db?: ClassDb;
  /** Snapshots on request (SIGUSR2 in scripts/serve.ts) and on the schedule, when backups are set. */
  backups?: Backups;
  /** e.g. http://127.0.0.1:8080/ */
  url: string;
  port: number;
  info: ServerInfo;
  close(): Promise<void>;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** Addresses students can open: this machine's network addresses when listening on all of them. */
export function joinOriginsFor(host: string, port: number, publicUrl?: string): ServerInfo {
  if (publicUrl) return { joinOrigins: [new URL(publicUrl).origin], loopbackOnly: false, publicUrl };
  if (isLoopback(host)) return { joinOrigins: [], loopbackOnly: true };
  if (host !== '0.0.0.0' && host !== '::') {
    const name = host.includes(':') ? `[${host}]` : host;
    return { joinOrigins: [`http://${name}:${port}`], loopbackOnly: false };
  }
  const origins: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const address of list ?? []) {
      if (address.internal || address.family !== 'IPv4') continue;
      origins.push(`http://${address.address}:${port}`);
    }
  }
  return { joinOrigins: origins, loopbackOnly: origins.length === 0 };
}

/** The shortest and longest a class may be kept: a class outlives its lesson, and no data is kept for years. */
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 365;

/** Reads the retention in days from the environment (CLASS_RETENTION_DAYS), default 30, within 1–365. */
export function retentionFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_RETENTION_DAYS * DAY_MS;
  const days = Number(value);
  if (!Number.isFinite(days) || days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) {
    throw new Error(
      `CLASS_RETENTION_DAYS must be a number of days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}, found "${value}".`,
    );
  }
  return days * DAY_MS;
}

export async function startClassServer(options: ClassServerOptions): Promise<RunningClassServer> {
  let storeError: (error: unknown) => void = () => {};
  const store: ClassStore = options.databaseUrl
    ? await PgClassStore.open({
        url: options.databaseUrl,
        poolSize: options.databasePoolSize,
        onError: (error) => storeError(error),
      })
    : new SqliteClassStore(openClassDb(options.dbPath));
  const sqlite = store instanceof SqliteClassStore ? store : undefined;
  // Before any request: every open turn gets back the time the server was down.
  await recoverDowntime(store, (options.now ?? Date.now)());
  // The hub asks the service for snapshots only once events flow, by which time both exist. On PostgreSQL a
  // snapshot's reads share one pooled connection (one wait for the pool, not one per statement); on SQLite they
  // stay out of the group commit.
  const hub: LiveHub = new LiveHub(
    (classId, version) =>
      options.databaseUrl
        ? store.run(() => service.snapshotById(classId, version))
        : service.snapshotById(classId, version),
    (error) => app.log.error({ err: error }, 'a dashboard snapshot failed'),
  );
  // Several servers on one PostgreSQL database hear each other's changes; one server on SQLite needs no more.
  let fanout: Fanout;
  try {
    fanout = options.databaseUrl
      ? await PgFanout.start(options.databaseUrl, store, (error) => storeError(error))
      : new InProcessFanout();
  } catch (error) {
    await store.close();
    throw error;
  }
  const service = new ClassService(store, options.bank, {
    now: options.now,
    retentionMs: options.retentionMs,
    onEvent: (event) => fanout.publish(event),
    joinLimits: options.joinLimits,
    sources: options.sources,
    checks: options.checks,
    overlays: options.overlays,
  });
  const challenges = new ChallengeService(store, service, {
    now: options.now,
    retentionMs: options.retentionMs,
    flood: options.challengeFlood,
  });
  await challenges.load();
  fanout.subscribe((event, origin) => {
    // Another server changed the class: what this one keeps of it may be stale.
    if (origin === 'elsewhere') service.forgetRoster(event.classId);
    hub.onEvent(event);
    challenges.onEvent(event);
  });
  const host = options.host ?? DEFAULT_HOST;
  let info: ServerInfo = { joinOrigins: [], loopbackOnly: true };
  const app = await buildClassApp({
    service,
    hub,
    commits: store,
    readiness: new Readiness(store, sqlite ? options.dbPath : undefined, options.minFreeBytes),
    staticDir: options.staticDir,
    limits: options.limits,
    connections: options.connections,
    lookupLimit: options.lookupLimit,
    logger: options.logger,
    trustProxy: options.trustProxy,
    challenges,
    challengeLimits: options.challengeLimits,
    serverInfo: () => info,
    allowedOrigins: () => [...info.joinOrigins, ...(options.publicOrigins ?? [])],
  });
  storeError = (error) => app.log.error({ err: error }, 'a database connection failed');
  // Snapshots copy the SQLite file; PostgreSQL has its own tools (docs/operations.md).
  const backups = options.backup && sqlite ? new Backups(sqlite.db, sqlite.commits, options.backup) : undefined;
  await service.sweepExpired();
  const clock = new ServerClock(store, service, options.now ?? Date.now, options.aliveIntervalMs);
  const sweeper = setInterval(() => {
    service.sweepExpired().catch((error: unknown) => app.log.error({ err: error }, 'the expiry sweep failed'));
  }, SWEEP_EVERY_MS);
  sweeper.unref();
  // Silence makes a player away with no request to notice it: looked for every second (classPresence.ts).
  const awayWatch = setInterval(() => {
    service.checkAway().catch((error: unknown) => app.log.error({ err: error }, 'looking for away players failed'));
  }, AWAY_CHECK_EVERY_MS);
  awayWatch.unref();
  try {
    // A class starting at once is a burst of connections: a deep accept queue takes it.
    await app.listen({ port: options.port ?? DEFAULT_PORT, host, backlog: 4096 });
  } catch (error) {
    clearInterval(sweeper);
    clearInterval(awayWatch);
    await fanout.close();
    await store.close();
    throw error;
  }
  backups?.start((error) => app.log.error({ err: error }, 'scheduled snapshot failed'));
  clock.start((error) => app.log.error({ err: error }, 'the server clock failed'));
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? DEFAULT_PORT);
  info = joinOriginsFor(host, port, options.publicUrl);
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  let closed = false;
  return {
    app,
    service,
    hub,
    store,
    db: sqlite?.db,
    backups,
    url: `http://${shown}:${port}/`,
    port,
    info,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweeper);
      clock.stop();
      clearInterval(awayWatch);
      await backups?.stop();
      await app.close();
      await fanout.close();
      await store.close();
    },
  };
}
