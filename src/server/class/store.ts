/**
 * The class server's storage seam: statements in, rows out, one transaction per request, every call a promise.
 * The service, the learning checks, live lessons, the server clock and challenges speak only to a ClassStore;
 * SQLite (sqliteStore.ts, the embedded default) and PostgreSQL (pgStore.ts, for several servers) implement it.
 * A statement is written once in the SQL both engines share (`?` or `@name` parameters, `RETURNING id` for a new
 * row's id, no engine-only functions); where they differ, it carries a text for each engine.
 */

/** One prepared statement. Parameters are positional (`?`) or one object of named ones (`@name`). */
export interface StoreStatement<P extends unknown[] = unknown[], R = unknown> {
  /** The first row, or undefined. */
  get(...params: P): Promise<R | undefined>;
  all(...params: P): Promise<R[]>;
  /** How many rows the statement changed. */
  run(...params: P): Promise<{ changes: number }>;
}

/** A statement whose text differs between the engines. */
export interface EngineSql {
  sqlite: string;
  postgres: string;
}

export type StoreEngine = 'sqlite' | 'postgres';

export interface ClassStore {
  readonly engine: StoreEngine;
  /**
   * Whether the service may keep a class's roster and tallies in memory between requests: right only while this
   * server makes every write to the database (SQLite: one process owns the file). Otherwise every request reads.
   */
  readonly keepsRosters: boolean;
  /** Whether the database can be used (not closed). */
  readonly isOpen: boolean;
  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string | EngineSql): StoreStatement<P, R>;
  /**
   * Runs one request's work as one transaction (a savepoint when called inside one): all of its writes or none.
   * Resolves with the work's result once it is committed, so a reply still means "stored".
   */
  run<T>(work: () => T | Promise<T>): Promise<T>;
  /**
   * Runs `callback` once the transaction under way is committed (at once outside one, and on SQLite, where every
   * reader shares the one connection); it is dropped if the transaction rolls back. Change notices go this way,
   * so no other connection is told of a change it cannot see yet.
   */
  afterCommit(callback: () => void): void;
  /** Commits the open group of requests now, if any (the server is closing, or a snapshot is due). */
  commit(): void;
  /** Hears of a commit that failed after its requests' work was done (their writes are rolled back). */
  onFailedCommit(listener: () => void): void;
  /** Whether the error is a unique constraint on `table`'s `column` (a drawn code already taken, say). */
  isUniqueViolation(error: unknown, table: string, column: string): boolean;
  /**
   * Inside a transaction: takes the lock named `name` for the rest of it if no other server holds it, so a
   * periodic job (the expiry sweep) runs on one server at a time. True when taken.
   */
  tryJobLock(name: string): Promise<boolean>;
  /** After a committed deletion: makes the deleted rows' bytes unrecoverable where the engine keeps them. */
  flushDeleted(): void;
  close(): Promise<void>;
}

/** The store is unreachable (PostgreSQL went away): requests get 503 and the server carries on. */
export class StoreUnavailableError extends Error {
  readonly code = 'database-unavailable';
}
