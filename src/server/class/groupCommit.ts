/**
 * Group commit: the requests handled in one turn of the event loop share one SQLite transaction.
 *
 * Committing costs more than the work of most requests (each commit appends the pages it changed to the WAL),
 * so the class server runs each request's work as a savepoint inside a transaction that stays open for the
 * rest of this turn, commits once when the turn's I/O is done, and only then replies. A reply therefore still
 * means "stored": what the server acknowledged survives the process being killed. A request whose work throws
 * rolls back its own savepoint and nothing else; a failed commit fails every request that waited on it.
 *
 * A request's work may be async (the store's statements answer with promises), but on SQLite every statement is
 * done when it answers, so a work ends within the same turn. Works run one at a time, each to its end, so one
 * request's savepoint never interleaves with another's; a call made inside a running work is a nested savepoint.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ClassDb } from './db';

interface Waiting {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class GroupCommit {
  private waiting: Waiting[] = [];
  private open = false;
  /** The running work (its savepoint is open), if any. */
  private running: object | undefined;
  /** Works that arrived while another ran, in order. */
  private readonly queued: (() => void)[] = [];
  /** Which work the code running now belongs to (a callback it scheduled may run after it ended). */
  private readonly inside = new AsyncLocalStorage<object>();
  private readonly failedCommitListeners: (() => void)[] = [];

  /** `onFailedCommit` hears of a commit that failed, once its work has been rolled back. */
  constructor(
    private readonly db: ClassDb,
    onFailedCommit?: () => void,
  ) {
    if (onFailedCommit) this.failedCommitListeners.push(onFailedCommit);
  }

  onFailedCommit(listener: () => void): void {
    this.failedCommitListeners.push(listener);
  }

  /** Runs `work` inside this turn's transaction; resolves with its result once that is committed. */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    if (this.running && this.inside.getStore() === this.running) return this.savepoint(work);
    if (this.running) {
      return new Promise<T>((resolve, reject) => {
        this.queued.push(() => void this.start(work).then(resolve, reject));
      });
    }
    return this.start(work);
  }

  private start<T>(work: () => T | Promise<T>): Promise<T> {
    const running = {};
    this.running = running;
    if (!this.open) {
      this.db.exec('BEGIN IMMEDIATE');
      this.open = true;
      // setImmediate runs after this turn's I/O callbacks: every request read in this turn joins the batch.
      setImmediate(() => this.commit());
    }
    const done = this.inside.run(running, () => this.savepoint(work));
    const next = () => {
      this.running = undefined;
      this.queued.shift()?.();
    };
    return done.then(
      (result) => {
        next();
        return new Promise<T>((resolve, reject) => {
          this.waiting.push({ resolve: () => resolve(result), reject });
        });
      },
      (error: unknown) => {
        next();
        throw error;
      },
    );
  }

  /** Runs `work` as a savepoint: a throw undoes this work's writes only. */
  private async savepoint<T>(work: () => T | Promise<T>): Promise<T> {
    this.db.exec('SAVEPOINT request');
    try {
      const result = await work();
      this.db.exec('RELEASE request');
      return result;
    } catch (error) {
      // SQLite may have rolled back by itself (a full disk, say): only undo what is still open.
      if (this.db.inTransaction) {
        this.db.exec('ROLLBACK TO request');
        this.db.exec('RELEASE request');
      }
      throw error;
    }
  }

  /** Commits now (the server is closing, or a test wants the batch settled). */
  commit(): void {
    if (!this.open) return;
    if (this.running) {
      // A work is still running (it awaited something slower than a statement): commit once it is done.
      setImmediate(() => this.commit());
      return;
    }
    this.open = false;
    const waiting = this.waiting;
    this.waiting = [];
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const listener of this.failedCommitListeners) listener();
      for (const request of waiting) request.reject(error);
      return;
    }
    for (const request of waiting) request.resolve();
  }
}
