/**
 * Group commit: the requests handled in one turn of the event loop share one SQLite transaction.
 *
 * Committing costs more than the work of most requests (each commit appends the pages it changed to the WAL),
 * so the class server runs each request's work as a savepoint inside a transaction that stays open for the
 * rest of this turn, commits once when the turn's I/O is done, and only then replies. A reply therefore still
 * means "stored": what the server acknowledged survives the process being killed. A request whose work throws
 * rolls back its own savepoint and nothing else; a failed commit fails every request that waited on it.
 */
import { atomically, type ClassDb } from './db';

interface Waiting {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class GroupCommit {
  private waiting: Waiting[] = [];
  private open = false;

  /** `onFailedCommit` hears of a commit that failed, once its work has been rolled back. */
  constructor(
    private readonly db: ClassDb,
    private readonly onFailedCommit: () => void = () => {},
  ) {}

  /** Runs `work` now, inside this turn's transaction; resolves with its result once that is committed. */
  run<T>(work: () => T): Promise<T> {
    if (!this.open) {
      this.db.exec('BEGIN IMMEDIATE');
      this.open = true;
      // setImmediate runs after this turn's I/O callbacks: every request read in this turn joins the batch.
      setImmediate(() => this.commit());
    }
    let result: T;
    try {
      // Inside the open transaction this is a savepoint: a throw undoes this request's writes only.
      result = atomically(this.db, work);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ resolve: () => resolve(result), reject });
    });
  }

  /** Commits now (the server is closing, or a test wants the batch settled). */
  commit(): void {
    if (!this.open) return;
    this.open = false;
    const waiting = this.waiting;
    this.waiting = [];
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.onFailedCommit();
      for (const request of waiting) request.reject(error);
      return;
    }
    for (const request of waiting) request.resolve();
  }
}
