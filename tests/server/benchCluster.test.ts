/**
 * The benchmark's three-server target (bench/server/targets.ts): three servers on one PostgreSQL database behind
 * nginx, started with the multi-server harness, the load taken from one address as `npm run bench:server` sends
 * it; and the targets it skips, with the reason, when a program is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { treeCpuSeconds } from '../../bench/server/processCpu';
import { availableTargets, CLUSTER_SERVERS, clusterTarget, type StartedTarget } from '../../bench/server/targets';

/**
 * More than the shipped proxy lets one address create in a minute (30), and than the three servers' own limits
 * allow together (30 each, the requests spread over them).
 */
const CLASSES_FROM_ONE_ADDRESS = 100;

const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the three-server benchmark target', () => {
  let started: StartedTarget;
  let stopped = false;

  beforeAll(async () => {
    started = await clusterTarget().start();
  }, 120_000);

  afterAll(async () => {
    if (!stopped) await started?.stop();
  });

  it('names nginx as its one address and the processes of the servers, the database and the proxy', async () => {
    expect(started.urls).toHaveLength(1);
    const health = await fetch(new URL('api/health', started.urls[0]));
    expect(health.status).toBe(200);
    expect(health.headers.get('server')).toMatch(/^nginx/);
    expect(started.serverPids).toHaveLength(CLUSTER_SERVERS);
    expect(new Set(started.serverPids).size).toBe(CLUSTER_SERVERS);
    expect(started.databasePids).toHaveLength(1);
    expect(started.proxyPids).toHaveLength(1);
    for (const pid of [...started.serverPids, ...started.databasePids, ...started.proxyPids]) {
      expect(running(pid)).toBe(true);
    }
  });

  it('takes a benchmark load from one address without refusals, and every server and the proxy do work', async () => {
    const before = {
      servers: started.serverPids.map((pid) => treeCpuSeconds([pid])),
      proxy: treeCpuSeconds(started.proxyPids),
    };
    const statuses: number[] = [];
    for (let i = 0; i < CLASSES_FROM_ONE_ADDRESS; i += 1) {
      const response = await fetch(new URL('api/classes', started.urls[0]), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ questionCount: 3, timeLimitSec: 20, topics: [], scoring: 'speed' }),
      });
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
    // nginx hands requests to every server in turn: each one's CPU time grew.
    started.serverPids.forEach((pid, index) => expect(treeCpuSeconds([pid])).toBeGreaterThan(before.servers[index]!));
    expect(treeCpuSeconds(started.proxyPids)).toBeGreaterThanOrEqual(before.proxy);
  });

  it('stops every process it started', async () => {
    const pids = [...started.serverPids, ...started.databasePids, ...started.proxyPids];
    stopped = true;
    await started.stop();
    const deadline = Date.now() + 10_000;
    while (pids.some(running) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pids.filter(running)).toEqual([]);
  });
});

describe('choosing the targets', () => {
  it('skips the three-server run, saying why, when nginx is missing', async () => {
    const lines: string[] = [];
    const targets = await availableTargets((line) => lines.push(line), {
      BENCH_TARGETS: 'sqlite,cluster3',
      NGINX_PATH: '/nonexistent/nginx',
    });
    expect(targets.map((target) => target.name)).toEqual(['sqlite']);
    expect(lines).toEqual([
      'Three-server run skipped: nginx is not installed at /nonexistent/nginx (apt-get install nginx).',
    ]);
  });

  it('runs all three when both are installed, and refuses an unknown name, listing the known ones', async () => {
    const targets = await availableTargets(() => {}, { BENCH_TARGETS: 'sqlite,cluster3' });
    expect(targets.map((target) => target.name)).toEqual(['sqlite', 'cluster3']);
    await expect(availableTargets(() => {}, { BENCH_TARGETS: 'sqlite,mysql' })).rejects.toThrow(
      'BENCH_TARGETS names unknown targets: mysql (known: sqlite, postgres, cluster3).',
    );
  });
});
