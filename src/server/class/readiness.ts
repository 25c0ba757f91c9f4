/**
 * Readiness: whether this server can do its job now, not only whether the process is up (that is /api/health).
 * It writes a row to the database and reads it back through the same group commit every request uses, and checks
 * that the disk holding the database has room left; either failing answers 503 with what is wrong.
 */
import { randomBytes } from 'node:crypto';
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ClassStore } from './store';

/** Below this much free space on the database's disk, the server says it is not ready (set by READY_MIN_FREE_MB). */
export const DEFAULT_MIN_FREE_BYTES = 64 * 1024 * 1024;

/** Reads READY_MIN_FREE_MB (0–100000, default 64). */
export function minFreeBytesFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_MIN_FREE_BYTES;
  const megabytes = Number(value);
  if (!Number.isFinite(megabytes) || megabytes < 0 || megabytes > 100_000) {
    throw new Error(`READY_MIN_FREE_MB must be a number of megabytes from 0 to 100000, found "${value}".`);
  }
  return megabytes * 1024 * 1024;
}

export interface ReadinessReport {
  ready: boolean;
  /** What is wrong, in a sentence, when not ready. */
  problem?: string;
  freeBytes?: number;
}

export class Readiness {
  constructor(
    private readonly store: ClassStore,
    /** The SQLite file, whose disk is checked for room; none for a database server (PostgreSQL). */
    private readonly dbPath: string | undefined,
    private readonly minFreeBytes = DEFAULT_MIN_FREE_BYTES,
  ) {}

  async check(): Promise<ReadinessReport> {
    if (!this.store.isOpen) return { ready: false, problem: 'The database is closed.' };
    let freeBytes: number | undefined;
    if (this.dbPath !== undefined && this.dbPath !== ':memory:') {
      try {
        const disk = await statfs(dirname(this.dbPath));
        freeBytes = disk.bavail * disk.bsize;
      } catch (error) {
        return { ready: false, problem: `The database's folder cannot be read: ${(error as Error).message}` };
      }
      if (freeBytes < this.minFreeBytes) {
        return {
          ready: false,
          freeBytes,
          problem: `The database's disk has ${megabytes(freeBytes)} MB free, less than the ${megabytes(this.minFreeBytes)} MB needed.`,
        };
      }
    }
    const nonce = randomBytes(8).toString('hex');
    try {
      const read = await this.store.run(async () => {
        await this.store
          .prepare(
            `INSERT INTO readiness_probe (id, checked_at, nonce) VALUES (1, ?, ?)
             ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at, nonce = excluded.nonce`,
          )
          .run(Date.now(), nonce);
        return (await this.store
          .prepare<[], { nonce: string }>('SELECT nonce FROM readiness_probe WHERE id = 1')
          .get())!;
      });
      if (read.nonce !== nonce) return { ready: false, freeBytes, problem: 'The database gave back another value.' };
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      return {
        ready: false,
        freeBytes,
        problem: `The database cannot be written: ${code ?? 'error'} ${message ?? ''}`.trim(),
      };
    }
    return { ready: true, freeBytes };
  }
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
