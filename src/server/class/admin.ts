/**
 * The administrator's commands (`npm run admin -- <command>`), run with the server stopped: the server holds
 * its database exclusively, and a command on a running server's file is refused with what to do instead.
 *
 *   list                       every class: code, status, created, expires, players, answers
 *   export CODE [--out FILE]   one class's results as CSV (to the terminal, or a file)
 *   delete CODE                deletes a class with its players and answers, for real
 *   purge --older-than DAYS    deletes every class created more than DAYS ago
 *   backup                     a snapshot into BACKUP_DIR now (a running server takes one on SIGUSR2)
 *   backups                    the snapshots in BACKUP_DIR, newest first
 *   restore FILE               puts a snapshot in place of the database (the old file is set aside)
 */
import { writeFileSync } from 'node:fs';
import { Backups, checkSnapshot, listSnapshots, restoreSnapshot } from './backup';
import type { ServerConfig } from './config';
import { openClassDb, type ClassDb } from './db';
import { GroupCommit } from './groupCommit';
import { ClassError, ClassService, DAY_MS } from './service';
import { SqliteClassStore } from './sqliteStore';
import type { BankBundle } from '../../core/types';

export const ADMIN_USAGE = `Usage: npm run admin -- <command>
  list                       every class: code, status, created, expires, players, answers
  export CODE [--out FILE]   one class's results as CSV
  delete CODE                delete a class with its players and answers
  purge --older-than DAYS    delete every class created more than DAYS ago
  backup                     take a snapshot into the backup folder now
  backups                    list the snapshots, newest first
  restore FILE               put a snapshot in place of the database
Run these with the server stopped.`;

export interface AdminIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

interface ClassListing {
  code: string;
  status: string;
  created_at: number;
  expires_at: number;
  players: number;
  answers: number;
}

/** Runs one command; returns the exit code (0 done, 1 refused, 2 not understood). */
export async function runAdmin(
  args: string[],
  config: ServerConfig,
  loadBank: () => BankBundle,
  io: AdminIo,
  now: () => number = Date.now,
): Promise<number> {
  const [command, ...rest] = args;
  const usage = (problem: string) => {
    io.err(`${problem}\n\n${ADMIN_USAGE}`);
    return 2;
  };
  try {
    switch (command) {
      case 'list':
        return await withDb(config, (db) => {
          const rows = db
            .prepare(
              `SELECT c.code, c.status, c.created_at, c.expires_at,
                 (SELECT COUNT(*) FROM players p WHERE p.class_id = c.id) AS players,
                 (SELECT COUNT(*) FROM turns t WHERE t.class_id = c.id AND t.answered_at IS NOT NULL) AS answers
               FROM classes c ORDER BY c.created_at`,
            )
            .all() as ClassListing[];
          io.out(['code', 'status', 'created', 'expires', 'players', 'answers'].join('\t'));
          for (const row of rows) {
            io.out(
              [row.code, row.status, iso(row.created_at), iso(row.expires_at), row.players, row.answers].join('\t'),
            );
          }
          io.out(`${rows.length} class${rows.length === 1 ? '' : 'es'} in ${config.dbPath}`);
          return 0;
        });
      case 'export': {
        const [code, flag, file] = rest;
        if (!code) return usage('export needs a class code.');
        if (flag !== undefined && (flag !== '--out' || !file)) return usage('export takes --out FILE after the code.');
        return await withDb(config, async (db) => {
          const csv = `\uFEFF${await service(db, loadBank, now).exportCsv(code.toUpperCase())}`;
          if (file) {
            writeFileSync(file, csv);
            io.out(`Class ${code.toUpperCase()} exported to ${file}`);
          } else {
            io.out(csv);
          }
          return 0;
        });
      }
      case 'delete': {
        const [code] = rest;
        if (!code) return usage('delete needs a class code.');
        return await withDb(config, async (db) => {
          await service(db, loadBank, now).deleteClassByCode(code.toUpperCase());
          io.out(`Class ${code.toUpperCase()} deleted, with its players and answers.`);
          return 0;
        });
      }
      case 'purge': {
        const [flag, value] = rest;
        const days = Number(value);
        if (flag !== '--older-than' || value === undefined || !Number.isFinite(days) || days < 0) {
          return usage('purge needs --older-than DAYS (a number of days, 0 or more).');
        }
        return await withDb(config, async (db) => {
          const count = await service(db, loadBank, now).deleteCreatedBefore(now() - days * DAY_MS);
          io.out(`${count} class${count === 1 ? '' : 'es'} created more than ${days} days ago deleted.`);
          return 0;
        });
      }
      case 'backup': {
        const db = open(config);
        try {
          const path = await new Backups(db, new GroupCommit(db), config.backup).snapshot();
          io.out(`Snapshot written: ${path}`);
        } finally {
          db.close();
        }
        return 0;
      }
      case 'backups': {
        const snapshots = listSnapshots(config.backup.dir);
        for (const path of snapshots) {
          const check = checkSnapshot(path);
          io.out(
            check.ok
              ? `${path}\t${check.classes} classes\t${check.players} players\t${check.answers} answers`
              : `${path}\tNOT USABLE: ${check.problem}`,
          );
        }
        io.out(`${snapshots.length} snapshot${snapshots.length === 1 ? '' : 's'} in ${config.backup.dir}`);
        return 0;
      }
      case 'restore': {
        const [file] = rest;
        if (!file) return usage('restore needs the snapshot file.');
        const result = restoreSnapshot(file, config.dbPath, now());
        io.out(
          `Restored ${file} to ${config.dbPath}: ${result.restored.classes} classes, ${result.restored.players} players, ${result.restored.answers} answers.`,
        );
        if (result.replacedBy) {
          io.out(`The database it replaced is at ${result.replacedBy}; delete it once the restore is confirmed.`);
        }
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
        io.out(ADMIN_USAGE);
        return command === undefined ? 2 : 0;
      default:
        return usage(`Unknown command "${command}".`);
    }
  } catch (error) {
    io.err(error instanceof ClassError ? `${error.message} (${rest[0] ?? ''})` : (error as Error).message);
    return 1;
  }
}

function open(config: ServerConfig): ClassDb {
  try {
    return openClassDb(config.dbPath);
  } catch (error) {
    if (/in use by another server/.test((error as Error).message)) {
      throw new Error(
        `The class database ${config.dbPath} is in use by the running server. Stop it first (e.g. systemctl stop source-check); a running server takes a snapshot on SIGUSR2.`,
        { cause: error },
      );
    }
    throw error;
  }
}

async function withDb(config: ServerConfig, work: (db: ClassDb) => number | Promise<number>): Promise<number> {
  const db = open(config);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

function service(db: ClassDb, loadBank: () => BankBundle, now: () => number): ClassService {
  return new ClassService(new SqliteClassStore(db), loadBank(), { now });
}

function iso(time: number): string {
  return new Date(time).toISOString().slice(0, 16).replace('T', ' ');
}
