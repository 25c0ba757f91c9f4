/** The benchmark's CPU reading of a process tree (bench/server/processCpu.ts), against real processes. */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { treeCpuSeconds } from '../../bench/server/processCpu';

const BURN_MS = 400;
/** A Node program that uses BURN_MS of CPU time (not wall time: the machine may be busy), then does `then`. */
const burn = (then: string) =>
  `const s = process.cpuUsage(); for (;;) { const u = process.cpuUsage(s); if (u.user + u.system >= ${BURN_MS * 1000}) break; } ${then}`;

let running: ChildProcess | undefined;
afterEach(() => {
  // The whole process group: a grandchild left running (the first test's) would outlive the test run.
  if (running?.pid) {
    try {
      process.kill(-running.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  running = undefined;
});

/** Starts `code` in Node and resolves once it prints "ready". */
function startNode(code: string): Promise<ChildProcess> {
  // In a process group of its own, so that it and what it starts are killed together.
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  running = child;
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`exited (${code})`)));
  });
}

describe('treeCpuSeconds', () => {
  it('counts a process, a descendant that is still running and one that has exited', async () => {
    // The parent starts one burner that exits (and is waited for) and one that keeps running, then says ready.
    const parent = await startNode(`
      const { spawn } = require('node:child_process');
      const code = ${JSON.stringify(burn('process.stdout.write("burnt")'))};
      const gone = spawn(process.execPath, ['-e', code]);
      gone.on('exit', () => {
        const stays = spawn(process.execPath, ['-e', code + '; setInterval(() => {}, 1000)'], { stdio: ['ignore', 'pipe', 'ignore'] });
        stays.stdout.on('data', () => console.log('ready'));
      });
      setInterval(() => {}, 1000);
    `);
    const seconds = treeCpuSeconds([parent.pid!]);
    // Two burners' worth: the one that exited counts through its parent's waited-for children's time.
    expect(seconds).toBeGreaterThanOrEqual((2 * BURN_MS) / 1000);
    expect(seconds).toBeLessThan(30);
  });

  it('counts nothing for no process or one that is gone, and a process named twice once', async () => {
    expect(treeCpuSeconds([])).toBe(0);
    expect(treeCpuSeconds([2 ** 22 + 12345])).toBe(0);
    const child = await startNode(burn('console.log("ready"); setInterval(() => {}, 1000)'));
    const first = treeCpuSeconds([child.pid!]);
    expect(first).toBeGreaterThanOrEqual(BURN_MS / 1000);
    // Counted twice it would be at least twice the first reading (the process may still use a little CPU).
    expect(treeCpuSeconds([child.pid!, child.pid!])).toBeLessThan(first + BURN_MS / 1000);
  });
});
