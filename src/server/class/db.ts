/**
 * The class server's SQLite database: one file, WAL journal, foreign keys on, and versioned migrations that
 * run in order inside a transaction each (schema_migrations records which have run).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export type ClassDb = Database.Database;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: a shipped migration is never edited; a change to the schema is a new version. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'classes, players and turns',
    sql: `
      -- The round (plan: the class's own copy of its questions) comes last: a row is read up to the columns a
      -- query needs, so the status checked on every request never waits on the round's overflow pages.
      CREATE TABLE classes (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        teacher_token_hash TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('lobby', 'open', 'ended')),
        hide_scores INTEGER NOT NULL DEFAULT 0 CHECK (hide_scores IN (0, 1)),
        created_at INTEGER NOT NULL,
        started_at INTEGER,
        ended_at INTEGER,
        expires_at INTEGER NOT NULL,
        bank_version TEXT NOT NULL,
        seed TEXT NOT NULL,
        settings TEXT NOT NULL,
        plan TEXT NOT NULL
      );
      CREATE INDEX classes_expiry ON classes (expires_at);

      CREATE TABLE players (
        id INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
        public_id TEXT NOT NULL UNIQUE,
        token_hash TEXT NOT NULL UNIQUE,
        nickname TEXT NOT NULL,
        joined_at INTEGER NOT NULL,
        removed_at INTEGER,
        finished_at INTEGER,
        score INTEGER NOT NULL DEFAULT 0,
        correct INTEGER NOT NULL DEFAULT 0,
        answered INTEGER NOT NULL DEFAULT 0,
        streak INTEGER NOT NULL DEFAULT 0,
        best_streak INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX players_class ON players (class_id);
      CREATE UNIQUE INDEX players_nickname ON players (class_id, nickname COLLATE NOCASE) WHERE removed_at IS NULL;

      -- One row per question served to a player; the answer fields stay empty until it is answered or times out.
      CREATE TABLE turns (
        player_id INTEGER NOT NULL REFERENCES players (id) ON DELETE CASCADE,
        class_id INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        question_id TEXT NOT NULL,
        served_at INTEGER NOT NULL,
        answered_at INTEGER,
        choice_index INTEGER,
        timed_out INTEGER NOT NULL DEFAULT 0 CHECK (timed_out IN (0, 1)),
        correct INTEGER CHECK (correct IN (0, 1)),
        elapsed_ms INTEGER,
        base INTEGER,
        streak_bonus INTEGER,
        points INTEGER,
        PRIMARY KEY (player_id, position)
      ) WITHOUT ROWID;
      CREATE INDEX turns_class ON turns (class_id, position);
    `,
  },
  {
    version: 2,
    name: 'readiness probe',
    // One row the readiness check rewrites and reads back: a real write through the WAL to the disk.
    sql: `
      CREATE TABLE readiness_probe (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        checked_at INTEGER NOT NULL,
        nonce TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'lock joining',
    sql: `
      -- The teacher's "Lock joining": no new player is seated while it is on.
      ALTER TABLE classes ADD COLUMN joining_locked INTEGER NOT NULL DEFAULT 0 CHECK (joining_locked IN (0, 1));
    `,
  },
  {
    version: 4,
    name: 'live lessons and the server alive clock',
    sql: `
      -- A live (teacher-paced) class's state (JSON, see src/core/liveLesson.ts), and its open question's deadline
      -- on its own, so the server finds the questions whose time is up without reading every state.
      CREATE TABLE live_lessons (
        class_id INTEGER PRIMARY KEY REFERENCES classes (id) ON DELETE CASCADE,
        state TEXT NOT NULL,
        deadline INTEGER
      );
      CREATE INDEX live_lessons_deadline ON live_lessons (deadline) WHERE deadline IS NOT NULL;
      -- The last moment the server was known to be running, rewritten every second: at start, the gap since is
      -- the downtime every open turn is given back (see downtime.ts).
      CREATE TABLE server_alive (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        alive_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'settled questions and players who left',
    sql: `
      -- How many questions, from the first, have been settled for the class (every active player past them): once
      -- shown, a question's counts and right answer stay shown when an away player comes back, restarts included.
      ALTER TABLE classes ADD COLUMN settled_up_to INTEGER NOT NULL DEFAULT 0;
      -- The player left by their own choice ("Leave the class"); removed_at is set too, but the name stays free.
      ALTER TABLE players ADD COLUMN left_at INTEGER;
    `,
  },
  {
    version: 6,
    name: 'learning check in class',
    sql: `
      -- The class's own copy of the check's claims and forms (JSON), when it was created with a check; and when
      -- the teacher opened the delayed check.
      ALTER TABLE classes ADD COLUMN check_set TEXT;
      ALTER TABLE classes ADD COLUMN delayed_check_opened_at INTEGER;
      -- The form a student takes before the lesson (A or B, by join order); the other comes after, C delayed.
      ALTER TABLE players ADD COLUMN check_first_form TEXT CHECK (check_first_form IN ('A', 'B'));

      -- One row per claim a student judged; the claim's truth is stored as it was when they answered.
      CREATE TABLE check_answers (
        player_id INTEGER NOT NULL REFERENCES players (id) ON DELETE CASCADE,
        class_id INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
        stage TEXT NOT NULL CHECK (stage IN ('before', 'after', 'delayed')),
        form TEXT NOT NULL CHECK (form IN ('A', 'B', 'C')),
        position INTEGER NOT NULL CHECK (position >= 0),
        item_id TEXT NOT NULL,
        accurate INTEGER NOT NULL CHECK (accurate IN (0, 1)),
        judgement TEXT NOT NULL CHECK (judgement IN ('accurate', 'not-accurate')),
        confidence TEXT NOT NULL CHECK (confidence IN ('sure', 'think-so', 'guessing')),
        answered_at INTEGER NOT NULL,
        PRIMARY KEY (player_id, stage, item_id)
      ) WITHOUT ROWID;
      CREATE INDEX check_answers_class ON check_answers (class_id, stage);
    `,
  },
  {
    version: 7,
    name: 'time accommodations',
    sql: `
      -- A student's extended time, set by the teacher for this class (src/core/timeAccommodation.ts), and whether
      -- the student asked for more time when joining and has not been answered yet.
      ALTER TABLE players ADD COLUMN time_accommodation TEXT NOT NULL DEFAULT 'standard'
        CHECK (time_accommodation IN ('standard', 'half-more', 'double', 'no-limit'));
      ALTER TABLE players ADD COLUMN time_requested INTEGER NOT NULL DEFAULT 0 CHECK (time_requested IN (0, 1));
    `,
  },
  {
    version: 8,
    name: 'challenges',
    sql: `
      -- A challenge is a self-paced class with a board: its code is the class's, its creator's token the teacher's.
      CREATE TABLE challenges (
        id INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL UNIQUE REFERENCES classes (id) ON DELETE CASCADE,
        title TEXT,
        created_at INTEGER NOT NULL,
        closes_at INTEGER NOT NULL,
        closed_at INTEGER
      );
      CREATE INDEX challenges_closing ON challenges (closes_at) WHERE closed_at IS NULL;
      -- Every seat taken in a challenge: a first try (first_player_id NULL) or a later one, which is practice.
      CREATE TABLE challenge_entries (
        player_id INTEGER PRIMARY KEY REFERENCES players (id) ON DELETE CASCADE,
        challenge_id INTEGER NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
        first_player_id INTEGER REFERENCES players (id) ON DELETE CASCADE,
        attempt INTEGER NOT NULL DEFAULT 1,
        creator INTEGER NOT NULL DEFAULT 0 CHECK (creator IN (0, 1))
      );
      CREATE INDEX challenge_entries_challenge ON challenge_entries (challenge_id);
    `,
  },
  {
    version: 9,
    name: 'own questions',
    sql: `
      -- A class of the teacher's own questions keeps the checked file it was created from (see ownQuestions.ts):
      -- JSON {fileName, yaml}; NULL for a class drawn from the shipped bank.
      ALTER TABLE classes ADD COLUMN own_questions TEXT;
    `,
  },
  {
    version: 10,
    name: 'player language',
    sql: `
      -- The language the student plays in ('en', 'es': LANGUAGES in src/core/languages.ts), from their join and
      -- their latest answer. Checked by the server against LANGUAGES, not here, so a new language needs no table
      -- rebuild.
      ALTER TABLE players ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
    `,
  },
];

/**
 * Opens (creating when needed) the database file, checks it, and brings its schema up to date. A file that is
 * there but empty is refused, not taken as a new database (that would silently start over without the classes it
 * should hold), and so is one that fails SQLite's quick_check.
 */
export function openClassDb(path: string): ClassDb {
  if (path !== ':memory:' && existsSync(path) && statSync(path).size === 0) {
    throw new Error(
      `The class database ${path} is an empty file, not a database. Restore it from a backup, or move it away ` +
        'to start with no classes (a new database is made where there is no file).',
    );
  }
  let db: ClassDb;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
  } catch (error) {
    // The bare system error ("EACCES", "unable to open database file") does not say which file.
    throw new Error(`The class database ${path} cannot be opened: ${(error as Error).message}. Check CLASS_DB.`, {
      cause: error,
    });
  }
  try {
    // One server owns the file: the WAL index lives in its memory and no lock is taken per transaction.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a commit survives the process being killed (the OS holds the write); only a power
    // cut can lose the last few. See docs/architecture.md.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // A deleted class or player is overwritten with zeros, not just unlinked: their names must not linger.
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 2000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DamagedDatabaseError(path, String(check));
    migrate(db);
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new DamagedDatabaseError(path, (error as Error).message, error);
    }
    if (code === 'SQLITE_BUSY') {
      throw new Error(
        `The class database ${path} is in use by another server. Stop it, or set CLASS_DB to another file.`,
        { cause: error },
      );
    }
    throw error;
  }
  return db;
}

/**
 * Copies every committed page into the file and empties the WAL, which still holds the old versions of pages a
 * deletion zeroed. Waits for the open group transaction, if any, to commit first.
 */
export function checkpointAndTruncate(db: ClassDb): void {
  if (!db.open) return;
  if (db.inTransaction) {
    setImmediate(() => checkpointAndTruncate(db));
    return;
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** The database file is not a sound SQLite database: the server does not start on it. */
export class DamagedDatabaseError extends Error {
  constructor(path: string, detail: string, cause?: unknown) {
    super(
      `The class database ${path} is damaged (${detail.split('\n')[0]}). Restore it from a backup, or move it ` +
        'away to start with no classes.',
      { cause },
    );
  }
}

/**
 * The migrations a database whose schema has the versions `applied` still needs, oldest first; a database newer than
 * this server (a version it does not know) is refused. The same for both engines.
 */
export function pendingMigrations(applied: ReadonlySet<number>, migrations: readonly Migration[]): Migration[] {
  const known = Math.max(0, ...migrations.map((migration) => migration.version));
  const newest = Math.max(0, ...applied);
  if (newest > known) {
    throw new Error(`The class database is at schema version ${newest}, newer than this server knows (${known}).`);
  }
  return [...migrations].sort((a, b) => a.version - b.version).filter((migration) => !applied.has(migration.version));
}

export function migrate(db: ClassDb, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version),
  );
  const ran: number[] = [];
  for (const migration of pendingMigrations(applied, migrations)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        Date.now(),
      );
    })();
    ran.push(migration.version);
  }
  return ran;
}

interface TransactionStatements {
  begin: Database.Statement;
  commit: Database.Statement;
  rollback: Database.Statement;
  savepoint: Database.Statement;
  release: Database.Statement;
  rollbackTo: Database.Statement;
}

const transactionStatements = new WeakMap<ClassDb, TransactionStatements>();

/**
 * Runs `work` as one transaction, or as a savepoint inside the one already open: all of its writes or none.
 * The same as better-sqlite3's `db.transaction(work)()`, without building a new wrapper function (with its
 * three variants) on every call, which cost more than a request's own queries.
 */
export function atomically<T>(db: ClassDb, work: () => T): T {
  let statements = transactionStatements.get(db);
  if (!statements) {
    statements = {
      begin: db.prepare('BEGIN'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT atomically'),
      release: db.prepare('RELEASE atomically'),
      rollbackTo: db.prepare('ROLLBACK TO atomically'),
    };
    transactionStatements.set(db, statements);
  }
  const nested = db.inTransaction;
  (nested ? statements.savepoint : statements.begin).run();
  try {
    const result = work();
    (nested ? statements.release : statements.commit).run();
    return result;
  } catch (error) {
    // SQLite may have rolled back by itself (a full disk, say): only undo what is still open.
    if (db.inTransaction) {
      if (nested) {
        statements.rollbackTo.run();
        statements.release.run();
      } else {
        statements.rollback.run();
      }
    }
    throw error;
  }
}
