/**
 * The production start, as a district runs it: the server compiled by `npm run build` (here into a folder of its
 * own, beside a game folder with the shipped bank), a node_modules holding only the production dependencies,
 * and `npm start`. SIGTERM to npm mid-class stops the server itself, nothing acknowledged is lost, and the next
 * start succeeds; SIGUSR2 takes a snapshot.
 */
import Database from 'better-sqlite3';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleBank, loadBankFromDisk, soloBank } from '../../src/server/bankFiles';
import { Api, rightChoice } from './helpers';

const root = join(import.meta.dirname, '..', '..');
const app = mkdtempSync(join(tmpdir(), 'source-check-production-'));
const dbPath = join(app, 'data', 'classes.db');
const backupDir = join(app, 'snapshots');
const children: ChildProcess[] = [];

/** Links the packages a production install has (npm ls --omit=dev) into the app's own node_modules. */
function linkProductionPackages(): void {
  const listed = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8' });
  const modules = join(root, 'node_modules');
  for (const path of listed.split('\n')) {
    const inside = relative(modules, path.trim());
    if (path.trim() === '' || inside.startsWith('..') || inside === '') continue;
    const parts = inside.split(sep);
    // Only top-level packages; nested ones come with their parent.
    const depth = parts[0]!.startsWith('@') ? 2 : 1;
    if (parts.length !== depth) continue;
    const target = join(app, 'node_modules', ...parts);
    mkdirSync(join(target, '..'), { recursive: true });
    if (!existsSync(target)) symlinkSync(join(modules, ...parts), target, 'dir');
  }
}

beforeAll(async () => {
  await build({ configFile: join(root, 'vite.server.config.ts'), build: { outDir: join(app, 'dist-server') } });
  mkdirSync(join(app, 'dist'));
  copyFileSync(join(root, 'index.html'), join(app, 'dist', 'index.html'));
  // npm start plays the whole bank from questions/ and refuses a dist/bank.json (shipped without the class-only
  // questions) built from other questions: the app holds both, as a checkout after `npm run build` does.
  cpSync(join(root, 'questions'), join(app, 'questions'), { recursive: true });
  const { bank, errors } = loadBankFromDisk(join(root, 'questions'), root);
  expect(errors).toEqual([]);
  writeFileSync(join(app, 'dist', 'bank.json'), JSON.stringify(bundleBank(soloBank(bank))));
  mkdirSync(join(app, 'scripts'));
  copyFileSync(join(root, 'scripts', 'prestart.mjs'), join(app, 'scripts', 'prestart.mjs'));
  copyFileSync(join(root, 'package.json'), join(app, 'package.json'));
  linkProductionPackages();
}, 120_000);

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(app, { recursive: true, force: true });
});

/** `npm start` in the app folder; resolves with npm's process, the server's pid and its address. */
function npmStart(): Promise<{ npm: ChildProcess; pid: number; url: string }> {
  const npm = spawn('npm', ['start'], {
    cwd: app,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CLASS_DB: dbPath,
      BACKUP_DIR: backupDir,
      LOG_LEVEL: 'error',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(npm);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)\s+\(process (\d+);/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ npm, pid: Number(match[2]), url: match[1]! });
      }
    };
    npm.stdout!.on('data', read);
    npm.stderr!.on('data', read);
    npm.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the production start', () => {
  it('serves the game with production dependencies only, and stops on SIGTERM to npm without losing an answer', async () => {
    const first = await npmStart();
    const api = new Api(first.url);
    const page = await api.get('/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<!doctype html>');
    expect((await api.get('/api/ready')).status).toBe(200);

    // SIGUSR2: a snapshot now.
    process.kill(first.pid, 'SIGUSR2');
    await waitFor(
      () => existsSync(backupDir) && readdirSync(backupDir).some((name) => name.endsWith('.db')),
      'a snapshot',
    );

    const code = (await api.createClass({ questionCount: 30, timeLimitSec: 60 })).body.class.code as string;
    const acked: string[] = [];
    let stopped = false;
    const student = async (index: number) => {
      const player = (await api.join(code, `Term ${index}`)).body as { playerId: string; token: string };
      try {
        while (!stopped) {
          const served = await api.next(code, player);
          if (served.body.state !== 'question') return;
          const { position } = served.body.question;
          const reply = await api.answer(code, player, position, rightChoice(served.body.question));
          if (reply.status === 200) acked.push(`${player.playerId}:${position}`);
        }
      } catch {
        // The server went away mid-request: that answer was not acknowledged.
      }
    };
    const load = Promise.all(Array.from({ length: 10 }, (_, index) => student(index)));
    await waitFor(() => acked.length >= 60, '60 acknowledged answers');
    const npmExited = new Promise((resolve) => first.npm.once('exit', resolve));
    first.npm.kill('SIGTERM');
    await npmExited;
    await waitFor(() => !isRunning(first.pid), 'the server process to exit after SIGTERM to npm', 10_000);
    stopped = true;
    await load;

    const db = new Database(dbPath, { readonly: true });
    try {
      const stored = new Set(
        (
          db
            .prepare(
              `SELECT p.public_id || ':' || t.position AS key FROM turns t JOIN players p ON p.id = t.player_id
               WHERE t.answered_at IS NOT NULL`,
            )
            .all() as { key: string }[]
        ).map((row) => row.key),
      );
      expect(acked.filter((key) => !stored.has(key))).toEqual([]);
    } finally {
      db.close();
    }

    const second = await npmStart();
    expect((await new Api(second.url).get(`/api/classes/${code}`)).status).toBe(200);
    const exited = new Promise((resolve) => second.npm.once('exit', resolve));
    second.npm.kill('SIGTERM');
    await exited;
    await waitFor(() => !isRunning(second.pid), 'the second server to exit', 10_000);

    // The administrator's command runs compiled too, on the database the server left.
    const listed = execFileSync('npm', ['run', '--silent', 'admin', '--', 'list'], {
      cwd: app,
      env: { ...process.env, CLASS_DB: dbPath, BACKUP_DIR: backupDir },
      encoding: 'utf8',
    });
    expect(listed).toContain(`${code}\topen`);
  });
});
