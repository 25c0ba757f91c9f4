/**
 * Readiness tells the truth on a full disk: the database lives on a small tmpfs, a filler file takes the rest, and
 * /api/ready answers 503 (the write fails, or the free space is under the minimum) while /api/health says the
 * process is up. Mounting needs root, as in CI; elsewhere the test says why it is skipped.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClassServer } from '../../src/server/class/start';
import { Api, testBank } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'source-check-ready-'));
const disk = join(dir, 'disk');
let mounted = false;

beforeAll(() => {
  mkdirSync(disk);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', disk], { stdio: 'pipe' });
    mounted = true;
  } catch {
    mounted = false;
  }
});

afterAll(() => {
  if (mounted) execFileSync('umount', [disk]);
  rmSync(dir, { recursive: true, force: true });
});

/** Writes zeros into `path` until the disk says it is full. */
function fillDisk(path: string): void {
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(16 * 1024);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

describe('readiness on a full disk', () => {
  it('answers 503 when the database cannot be written, while liveness stays 200, and recovers', async (context) => {
    if (!mounted) context.skip('mounting a tmpfs needs root');
    const server = await startClassServer({
      bank: testBank(),
      dbPath: join(disk, 'classes.db'),
      port: 0,
      host: '127.0.0.1',
      minFreeBytes: 0,
    });
    const api = new Api(server.url);
    try {
      expect((await api.get('/api/ready')).body).toMatchObject({ ready: true });
      const filler = join(disk, 'filler');
      fillDisk(filler);
      const full = await api.get('/api/ready');
      expect(full.status).toBe(503);
      expect(full.body.ready).toBe(false);
      expect(full.body.problem).toContain('The database cannot be written: SQLITE_FULL');
      expect((await api.get('/api/health')).status).toBe(200);

      unlinkSync(filler);
      const after = await api.get('/api/ready');
      expect(after.status).toBe(200);
      const created = await api.createClass();
      expect(created.status).toBe(201);
    } finally {
      await server.close();
    }
  });

  it('answers 503 when the disk has less free space than the minimum', async (context) => {
    if (!mounted) context.skip('mounting a tmpfs needs root');
    const server = await startClassServer({
      bank: testBank(),
      dbPath: join(disk, 'small.db'),
      port: 0,
      host: '127.0.0.1',
      minFreeBytes: 4 * 1024 * 1024,
    });
    try {
      const api = new Api(server.url);
      const reply = await api.get('/api/ready');
      expect(reply.status).toBe(503);
      expect(reply.body.problem).toMatch(/^The database's disk has \d+\.\d MB free, less than the 4\.0 MB needed\.$/);
      expect((await api.get('/api/health')).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('is rate-limited per address, since each check writes', async () => {
    const server = await startClassServer({ bank: testBank(), dbPath: join(dir, 'limited.db'), port: 0 });
    try {
      const api = new Api(server.url);
      const statuses: number[] = [];
      for (let index = 0; index < 121; index += 1) statuses.push((await api.get('/api/ready')).status);
      expect(statuses.slice(0, 120).every((status) => status === 200)).toBe(true);
      expect(statuses[120]).toBe(429);
    } finally {
      await server.close();
    }
  });
});
