/** The class API (scripts/class-api.ts) in a process of its own on a database file, to kill and start again. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/**
 * Starts scripts/class-api.ts on a free port (or `options.port`) and resolves with its address once it listens.
 * `options.env` adds settings (TRUST_PROXY, DATABASE_POOL_SIZE, …); `startTimeoutMs` is how long it may take.
 */
export function startApiProcess(
  dbPath: string,
  children: ChildProcess[],
  options: { databaseUrl?: string; port?: number; env?: NodeJS.ProcessEnv; startTimeoutMs?: number } = {},
): Promise<{ child: ChildProcess; url: string }> {
  const env: NodeJS.ProcessEnv = {
    CLASS_DB: dbPath,
    CLASS_API_PORT: String(options.port ?? 0),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    ...options.env,
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'class-api.ts')], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timeoutMs = options.startTimeoutMs ?? 30_000;
    const timer = setTimeout(
      () => reject(new Error(`The server did not start within ${timeoutMs / 1000} s:\n${output}`)),
      timeoutMs,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`The server exited (${code}):\n${output}`)));
  });
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
