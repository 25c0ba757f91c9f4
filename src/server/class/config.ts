/** The class server's settings from the environment, checked, with the defaults the README documents. */
import { resolve } from 'node:path';
import { publicOriginsFrom } from './origins';
import { DEFAULT_DB_PATH, DEFAULT_HOST, DEFAULT_PORT, retentionFromEnv } from './start';
import { backupSettingsFromEnv, type BackupSettings } from './backup';
import { poolSizeFromEnv } from './pgStore';
import { minFreeBytesFromEnv } from './readiness';
import { trustProxyFromEnv } from './trustProxy';

export interface ServerConfig {
  port: number;
  host: string;
  dbPath: string;
  retentionMs: number;
  publicUrl?: string;
  /** PUBLIC_URL's origin and those listed in PUBLIC_ORIGINS: the pages that may use the server (see origins.ts). */
  publicOrigins: string[];
  /** Players one client address may seat in one class (CLASS_MAX_PLAYERS_PER_ADDRESS; see joinGuard.ts). */
  maxPlayersPerAddress?: number;
  logLevel: string;
  trustProxy: string[] | false;
  backup: BackupSettings;
  minFreeBytes: number;
  /** DATABASE_URL: the classes on PostgreSQL instead of the SQLite file (see pgStore.ts). */
  databaseUrl?: string;
  /** DATABASE_POOL_SIZE: connections this server opens to PostgreSQL. */
  databasePoolSize: number;
}

/** Reads the settings docs/operations.md lists (PORT, HOST, CLASS_DB, …); throws a readable error. */
export function configFromEnv(
  env: NodeJS.ProcessEnv,
  root: string,
  defaults: { port?: number; portVariable?: string } = {},
): ServerConfig {
  const portVariable = defaults.portVariable ?? 'PORT';
  const rawPort = env[portVariable];
  const port = rawPort === undefined || rawPort === '' ? (defaults.port ?? DEFAULT_PORT) : Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${portVariable} must be a port number (0–65535), found "${rawPort}".`);
  }
  const rawPublicUrl = env.PUBLIC_URL || undefined;
  if (rawPublicUrl !== undefined && !isHttpUrl(rawPublicUrl)) {
    throw new Error(`PUBLIC_URL must be an http(s) address, found "${rawPublicUrl}".`);
  }
  const publicUrl = rawPublicUrl === undefined ? undefined : asFolder(rawPublicUrl);
  const dbPath = resolve(root, env.CLASS_DB || DEFAULT_DB_PATH);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must be a PostgreSQL address (postgres://user:password@host:5432/database).');
  }
  return {
    port,
    host: env.HOST || DEFAULT_HOST,
    dbPath,
    retentionMs: retentionFromEnv(env.CLASS_RETENTION_DAYS),
    publicUrl,
    publicOrigins: publicOriginsFrom(publicUrl, env.PUBLIC_ORIGINS),
    maxPlayersPerAddress: positiveIntegerFrom(env.CLASS_MAX_PLAYERS_PER_ADDRESS, 'CLASS_MAX_PLAYERS_PER_ADDRESS'),
    logLevel: env.LOG_LEVEL || 'warn',
    trustProxy: trustProxyFromEnv(env.TRUST_PROXY),
    backup: backupSettingsFromEnv(env, dbPath, root),
    minFreeBytes: minFreeBytesFromEnv(env.READY_MIN_FREE_MB),
    ...(databaseUrl ? { databaseUrl } : {}),
    databasePoolSize: poolSizeFromEnv(env.DATABASE_POOL_SIZE),
  };
}

/** The address as a folder (https://school.example/quiz → https://school.example/quiz/), query and hash dropped. */
function asFolder(text: string): string {
  const url = new URL(text);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url.href;
}

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

function positiveIntegerFrom(value: string | undefined, variable: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new Error(`${variable} must be a whole number from 1, found "${value}".`);
  return number;
}
