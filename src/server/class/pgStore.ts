/**
 * The class store on PostgreSQL (DATABASE_URL=postgres://…), for several servers on one database: a pool of
 * connections (`pg`), each request's work one transaction on a connection of its own (found again by the
 * statements through AsyncLocalStorage), nested work a savepoint. Nothing is kept in memory between requests
 * (keepsRosters is false): another server may have written since. When the database goes away, statements fail
 * with StoreUnavailableError (a 503 for the request) and the pool connects again once it is back.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { pendingMigrations, type Migration } from './db';
import { PG_MIGRATIONS } from './pgSchema';
import { StoreUnavailableError, type ClassStore, type EngineSql, type StoreStatement } from './store';

/** Connections per server unless DATABASE_POOL_SIZE says otherwise. */
export const DEFAULT_POOL_SIZE = 10;
export const MAX_POOL_SIZE = 200;
/** How long a request waits for a free connection, or for a new one to open, before it is refused with a 503. */
const CONNECT_TIMEOUT_MS = 5_000;
/** The lock key (pg_advisory_lock) under which one server at a time brings the schema up to date. */
const MIGRATION_LOCK = 'source-check schema migrations';

/** Reads DATABASE_POOL_SIZE (1–200, default 10). */
export function poolSizeFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_POOL_SIZE;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > MAX_POOL_SIZE) {
    throw new Error(`DATABASE_POOL_SIZE must be a whole number from 1 to ${MAX_POOL_SIZE}, found "${value}".`);
  }
  return size;
}

/** BIGINT (epoch milliseconds, ids, counts) and NUMERIC as JavaScript numbers, as SQLite gives them. */
const NUMERIC_TYPES = new Set([20, 1700]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    NUMERIC_TYPES.has(oid) && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * The shared SQL in PostgreSQL's form: `?` and `@name` become `$1`, `$2`…; `names` says which named value goes
 * where (a name used twice is one parameter).
 */
export function toPostgres(sql: string): { text: string; names: string[] | undefined } {
  const names: string[] = [];
  if (/@[A-Za-z_]/.test(sql)) {
    const text = sql.replace(/@([A-Za-z_][A-Za-z0-9_]*)/g, (_match, name: string) => {
      let index = names.indexOf(name);
      if (index < 0) index = names.push(name) - 1;
      return `$${index + 1}`;
    });
    return { text, names };
  }
  let count = 0;
  return { text: sql.replace(/\?/g, () => `$${(count += 1)}`), names: undefined };
}

/** Connection failures, the server shutting down or refusing connections: worth a 503 and a retry. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
  // The database is not accepting connections (ALLOW_CONNECTIONS false, or being dropped or restored).
  '55000',
]);

function isUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|not queryable|Connection refused/i.test(message)
  );
}

function unavailable(error: unknown): StoreUnavailableError {
  return new StoreUnavailableError('The class database cannot be reached right now: try again in a moment.', {
    cause: error,
  });
}

/** A failed statement as the service sees it: unreachable becomes StoreUnavailableError, anything else as it is. */
function translated(error: unknown): unknown {
  return error instanceof StoreUnavailableError || !isUnavailable(error) ? error : unavailable(error);
}

interface Transaction {
  client: pg.PoolClient;
  /** Change notices waiting for the commit. */
  after: (() => void)[];
  savepoints: number;
  done: boolean;
}

class PgStatement<P extends unknown[], R> implements StoreStatement<P, R> {
  private readonly text: string;
  private readonly names: string[] | undefined;

  constructor(
    private readonly store: PgClassStore,
    sql: string,
  ) {
    ({ text: this.text, names: this.names } = toPostgres(sql));
  }

  private values(params: unknown[]): unknown[] {
    if (!this.names) return params;
    const named = (params[0] ?? {}) as Record<string, unknown>;
    return this.names.map((name) => {
      if (!(name in named)) throw new Error(`The statement needs a value for @${name}.`);
      return named[name];
    });
  }

  async get(...params: P): Promise<R | undefined> {
    return (await this.store.query<R>(this.text, this.values(params))).rows[0];
  }

  async all(...params: P): Promise<R[]> {
    return (await this.store.query<R>(this.text, this.values(params))).rows;
  }

  async run(...params: P): Promise<{ changes: number }> {
    return { changes: (await this.store.query(this.text, this.values(params))).rowCount ?? 0 };
  }
}

export interface PgStoreOptions {
  url: string;
  poolSize?: number;
  /** Hears of connection trouble outside any request (an idle connection dropped). */
  onError?: (error: unknown) => void;
}

export class PgClassStore implements ClassStore {
  readonly engine = 'postgres';
  readonly keepsRosters = false;
  private readonly pool: pg.Pool;
  private readonly current = new AsyncLocalStorage<Transaction>();
  private closed = false;

  private constructor(options: PgStoreOptions) {
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? DEFAULT_POOL_SIZE,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      types,
    });
    // An idle connection the database dropped: without a listener it would end the process.
    this.pool.on('error', (error) => options.onError?.(error));
  }

  /** Connects, checks the schema's version and brings it up to date; a clear message when it cannot. */
  static async open(options: PgStoreOptions, migrations: readonly Migration[] = PG_MIGRATIONS): Promise<PgClassStore> {
    const store = new PgClassStore(options);
    try {
      await store.migrate(migrations);
    } catch (error) {
      await store.close();
      if (isUnavailable(error) || (error as { code?: string }).code === '3D000' || /password/.test(String(error))) {
        throw new Error(
          `The class database at ${redacted(options.url)} cannot be reached: ${(error as Error).message}. ` +
            'Check DATABASE_URL and that PostgreSQL is running.',
          { cause: error },
        );
      }
      throw error;
    }
    return store;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string | EngineSql): StoreStatement<P, R> {
    return new PgStatement<P, R>(this, typeof sql === 'string' ? sql : sql.postgres);
  }

  /** Runs one statement on the request's connection, or on any connection outside a transaction. */
  async query<R>(text: string, values: unknown[]): Promise<pg.QueryResult<R & pg.QueryResultRow>> {
    const transaction = this.current.getStore();
    const on = transaction && !transaction.done ? transaction.client : this.pool;
    try {
      return await on.query<R & pg.QueryResultRow>(text, values);
    } catch (error) {
      throw translated(error);
    }
  }

  async run<T>(work: () => T | Promise<T>): Promise<T> {
    const open = this.current.getStore();
    if (open && !open.done) return this.savepoint(open, work);
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      // No connection to be had, whatever the reason: the database is away for this request.
      throw unavailable(error);
    }
    const transaction: Transaction = { client, after: [], savepoints: 0, done: false };
    let broken: unknown;
    try {
      await client.query('BEGIN');
      const result = await this.current.run(transaction, work);
      await client.query('COMMIT');
      transaction.done = true;
      for (const callback of transaction.after) callback();
      return result;
    } catch (error) {
      transaction.done = true;
      if (isUnavailable(error)) broken = error;
      else await client.query('ROLLBACK').catch((rollbackError: unknown) => (broken = rollbackError));
      throw translated(error);
    } finally {
      // A connection that failed is closed, not given back to the pool.
      client.release(broken instanceof Error ? broken : broken === undefined ? undefined : true);
    }
  }

  private async savepoint<T>(transaction: Transaction, work: () => T | Promise<T>): Promise<T> {
    transaction.savepoints += 1;
    const name = `nested_${transaction.savepoints}`;
    const mark = transaction.after.length;
    await this.query(`SAVEPOINT ${name}`, []);
    try {
      const result = await work();
      await this.query(`RELEASE SAVEPOINT ${name}`, []);
      return result;
    } catch (error) {
      if (!isUnavailable(error)) await this.query(`ROLLBACK TO SAVEPOINT ${name}`, []);
      transaction.after.length = mark;
      throw error;
    }
  }

  afterCommit(callback: () => void): void {
    const transaction = this.current.getStore();
    if (transaction && !transaction.done) transaction.after.push(callback);
    else callback();
  }

  /** Every request commits on its own: nothing waits. */
  commit(): void {}

  /** A failed commit rolls back only its own request, whose error the request gets: nothing kept to forget. */
  onFailedCommit(): void {}

  isUniqueViolation(error: unknown, table: string, column: string): boolean {
    const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
    return (
      code === '23505' &&
      typeof constraint === 'string' &&
      constraint.startsWith(`${table}_`) &&
      constraint.includes(column)
    );
  }

  async tryJobLock(name: string): Promise<boolean> {
    const row = await this.prepare<[string], { locked: boolean }>(
      'SELECT pg_try_advisory_xact_lock(hashtext(?)) AS locked',
    ).get(name);
    return row?.locked === true;
  }

  /** PostgreSQL's own VACUUM reclaims deleted rows (see docs/operations.md): nothing to do per deletion. */
  flushDeleted(): void {}

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  /** Brings the schema up to date under a lock, so servers starting together migrate once. */
  private async migrate(migrations: readonly Migration[]): Promise<number[]> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at BIGINT NOT NULL
      )`);
      const applied = new Set(
        (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
          (row) => row.version,
        ),
      );
      const ran: number[] = [];
      for (const migration of pendingMigrations(applied, migrations)) {
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
            migration.version,
            migration.name,
            Date.now(),
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
        ran.push(migration.version);
      }
      return ran;
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK]).catch(() => {});
      client.release();
    }
  }
}

/** The URL without its password, for messages and logs. */
export function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL (not a valid URL)';
  }
}
