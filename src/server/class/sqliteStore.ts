/**
 * The class store on one SQLite file (the embedded default): better-sqlite3's synchronous statements behind the
 * store's promises, every request's work a savepoint in the turn's group transaction (groupCommit.ts).
 */
import type Database from 'better-sqlite3';
import { checkpointAndTruncate, type ClassDb } from './db';
import { GroupCommit } from './groupCommit';
import type { ClassStore, EngineSql, StoreStatement } from './store';

class SqliteStatement<P extends unknown[], R> implements StoreStatement<P, R> {
  constructor(private readonly statement: Database.Statement<P, R>) {}

  get(...params: P): Promise<R | undefined> {
    try {
      return Promise.resolve(this.statement.get(...params));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  all(...params: P): Promise<R[]> {
    try {
      return Promise.resolve(this.statement.all(...params));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  run(...params: P): Promise<{ changes: number }> {
    try {
      return Promise.resolve({ changes: this.statement.run(...params).changes });
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }
}

export class SqliteClassStore implements ClassStore {
  readonly engine = 'sqlite';
  readonly keepsRosters = true;
  readonly commits: GroupCommit;

  constructor(readonly db: ClassDb) {
    this.commits = new GroupCommit(db);
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string | EngineSql): StoreStatement<P, R> {
    return new SqliteStatement(this.db.prepare<P, R>(typeof sql === 'string' ? sql : sql.sqlite));
  }

  run<T>(work: () => T | Promise<T>): Promise<T> {
    return this.commits.run(work);
  }

  /** Every reader uses this one connection, which sees the open transaction: no need to wait. */
  afterCommit(callback: () => void): void {
    callback();
  }

  commit(): void {
    this.commits.commit();
  }

  onFailedCommit(listener: () => void): void {
    this.commits.onFailedCommit(listener);
  }

  isUniqueViolation(error: unknown, table: string, column: string): boolean {
    const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
    return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes(`${table}.${column}`);
  }

  /** One process owns the file: every job is this server's. */
  tryJobLock(): Promise<boolean> {
    return Promise.resolve(true);
  }

  flushDeleted(): void {
    checkpointAndTruncate(this.db);
  }

  close(): Promise<void> {
    if (this.db.open) {
      this.commits.commit();
      this.db.close();
    }
    return Promise.resolve();
  }
}
