/**
 * Consistent snapshots of the class database while the server runs. Copying the .db file alone misses what is
 * still in its WAL, and a second process cannot even read the file (the server holds it exclusively), so the
 * server copies itself with VACUUM INTO, between two group commits: on a schedule and on SIGUSR2. Each
 * snapshot is checked (integrity_check), made one self-contained file (rollback journal, no WAL), and put in
 * place by a rename, so a half-written snapshot never looks like a good one; only the newest `keep` stay.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MIGRATIONS, openClassDb, type ClassDb } from './db';
import type { GroupCommit } from './groupCommit';

export const DEFAULT_BACKUP_EVERY_HOURS = 24;
export const MAX_BACKUP_EVERY_HOURS = 24 * 7;
export const DEFAULT_BACKUP_KEEP = 7;
export const MAX_BACKUP_KEEP = 1000;
const SNAPSHOT_PATTERN = /^classes-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.db$/;
const HOUR_MS = 60 * 60 * 1000;

export interface BackupSettings {
  /** The folder snapshots go to. */
  dir: string;
  /** Time between scheduled snapshots; 0 takes them only on request. */
  everyMs: number;
  /** How many snapshots to keep (the oldest go first). */
  keep: number;
}

/** Reads BACKUP_DIR (default: backups/ beside the database), BACKUP_EVERY_HOURS (0–168) and BACKUP_KEEP (1–1000). */
export function backupSettingsFromEnv(env: NodeJS.ProcessEnv, dbPath: string, root: string): BackupSettings {
  const dir = env.BACKUP_DIR ? resolve(root, env.BACKUP_DIR) : join(dirname(dbPath), 'backups');
  const hours = numberSetting(env, 'BACKUP_EVERY_HOURS', DEFAULT_BACKUP_EVERY_HOURS, 0, MAX_BACKUP_EVERY_HOURS);
  const keep = numberSetting(env, 'BACKUP_KEEP', DEFAULT_BACKUP_KEEP, 1, MAX_BACKUP_KEEP);
  if (!Number.isInteger(keep)) throw new Error(`BACKUP_KEEP must be a whole number, found "${env.BACKUP_KEEP}".`);
  return { dir, everyMs: hours * HOUR_MS, keep };
}

function numberSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a number from ${min} to ${max}, found "${raw}".`);
  }
  return value;
}

export interface SnapshotCheck {
  ok: boolean;
  problem?: string;
  schemaVersion: number;
  classes: number;
  players: number;
  answers: number;
}

/** Opens a snapshot read-only and checks it: integrity, a schema this server knows, and what it holds. */
export function checkSnapshot(path: string): SnapshotCheck {
  const empty = { schemaVersion: 0, classes: 0, players: 0, answers: 0 };
  if (!existsSync(path)) return { ok: false, problem: `There is no file ${path}.`, ...empty };
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return { ok: false, problem: `${path} fails its integrity check: ${integrity}`, ...empty };
    const count = (sql: string) => (db!.prepare(sql).get() as { n: number }).n;
    const schemaVersion = count('SELECT COALESCE(MAX(version), 0) AS n FROM schema_migrations');
    const known = Math.max(...MIGRATIONS.map((migration) => migration.version));
    const found = {
      schemaVersion,
      classes: count('SELECT COUNT(*) AS n FROM classes'),
      players: count('SELECT COUNT(*) AS n FROM players'),
      answers: count('SELECT COUNT(*) AS n FROM turns WHERE answered_at IS NOT NULL'),
    };
    if (schemaVersion > known) {
      return {
        ok: false,
        problem: `${path} is at schema version ${schemaVersion}, newer than this server knows (${known}).`,
        ...found,
      };
    }
    return { ok: true, ...found };
  } catch (error) {
    return { ok: false, problem: `${path} is not a class database: ${(error as Error).message}`, ...empty };
  } finally {
    db?.close();
  }
}

/** The snapshots in `dir`, newest first. */
export function listSnapshots(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => SNAPSHOT_PATTERN.test(name))
    .sort()
    .reverse()
    .map((name) => join(dir, name));
}

export class Backups {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<string> | undefined;

  constructor(
    private readonly db: ClassDb,
    private readonly commits: GroupCommit,
    readonly settings: BackupSettings,
  ) {}

  /** Starts the schedule (nothing when everyMs is 0). */
  start(onError: (error: unknown) => void): void {
    if (this.settings.everyMs <= 0) return;
    this.timer = setInterval(() => void this.snapshot().catch(onError), this.settings.everyMs);
    this.timer.unref();
  }

  /** Stops the schedule and waits for a snapshot under way (the database must stay open until it is done). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => {});
  }

  /** Takes a snapshot now (or joins the one under way) and resolves with its path once it is checked and in place. */
  snapshot(): Promise<string> {
    this.running ??= this.take().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async take(): Promise<string> {
    mkdirSync(this.settings.dir, { recursive: true });
    const name = `classes-${new Date().toISOString().replace(/[:.]/g, '-')}.db`;
    const target = join(this.settings.dir, name);
    const partial = `${target}.partial`;
    rmSync(partial, { force: true });
    try {
      // This turn's group transaction commits first (its requests are answered as usual); then one statement
      // makes a consistent, compact copy of everything committed. It holds the event loop while it runs
      // (see docs/operations.md for how long).
      this.commits.commit();
      this.db.prepare('VACUUM INTO ?').run(partial);
      const copy = new Database(partial);
      try {
        copy.pragma('journal_mode = DELETE');
        const integrity = copy.pragma('integrity_check', { simple: true });
        if (integrity !== 'ok') throw new Error(`The snapshot ${name} failed its integrity check: ${integrity}`);
      } finally {
        copy.close();
      }
      renameSync(partial, target);
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
    for (const old of listSnapshots(this.settings.dir).slice(this.settings.keep)) rmSync(old, { force: true });
    return target;
  }
}

export interface RestoreResult {
  restored: SnapshotCheck;
  /** Where the database that was replaced was moved (delete it once the restore is confirmed). */
  replacedBy?: string;
}

/**
 * Puts a snapshot in place of the database at `dbPath`, with the server stopped: checks the snapshot, moves the
 * current database (and its WAL) aside, copies the snapshot in, and opens it once to bring its schema up to date.
 * Throws a readable error when the snapshot is bad or the database is in use.
 */
export function restoreSnapshot(snapshot: string, dbPath: string, stamp = Date.now()): RestoreResult {
  const restored = checkSnapshot(snapshot);
  if (!restored.ok) throw new Error(restored.problem);
  let replacedBy: string | undefined;
  if (existsSync(dbPath)) {
    // Opening it proves no server holds it, and closing it folds its WAL back into the file.
    openClassDb(dbPath).close();
    replacedBy = `${dbPath}.replaced-${new Date(stamp).toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dbPath, replacedBy);
  }
  for (const leftover of [`${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`]) rmSync(leftover, { force: true });
  mkdirSync(dirname(dbPath), { recursive: true });
  const incoming = `${dbPath}.restoring`;
  copyFileSync(snapshot, incoming);
  renameSync(incoming, dbPath);
  openClassDb(dbPath).close();
  return { restored, replacedBy };
}
