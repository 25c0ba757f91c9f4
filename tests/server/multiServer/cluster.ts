/**
 * Several class servers on one PostgreSQL database behind nginx, all on loopback, as deploy/ runs them: a
 * throw-away PostgreSQL cluster (pgCluster.ts), N server processes (scripts/class-api.ts, one port each), and
 * nginx with the shipped configuration: the zones and the upstream block of deploy/nginx-source-check-cluster.conf
 * with the test's ports in place of 8080.., and deploy/source-check-locations.conf included as it is (plain HTTP
 * instead of the TLS server block). A server can be killed with SIGKILL and started again on its port.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, startApiProcess } from '../apiProcess';
import { freePort, startNginxWith, type TestNginx } from '../nginx';
import { ensureDatabase, startPgCluster, type PgCluster } from '../pgCluster';

const deployDir = join(import.meta.dirname, '..', '..', '..', 'deploy');
export const CLUSTER_CONF = join(deployDir, 'nginx-source-check-cluster.conf');
export const LOCATIONS_CONF = join(deployDir, 'source-check-locations.conf');

/** A server's start may take this long: on two busy cores a start beside three running servers is slow. */
const START_TIMEOUT_MS = 120_000;
/** The database the servers share, made in the throw-away cluster. */
const DATABASE_NAME = 'source_check';

export interface ClusterOptions {
  /** How many servers (3 in the reference deployment). */
  servers: number;
  /** DATABASE_POOL_SIZE of each server (the deployment's default when absent). */
  poolSize?: number;
  /**
   * Starts a server process instead of scripts/class-api.ts (the benchmark's server, with its own limits raised);
   * resolves once it listens on `port`.
   */
  launchServer?: ServerLauncher;
  /**
   * "lifted": nginx's rate and connection limits raised out of reach (the zones are still looked up on every
   * request), for a load that comes from one address. The shipped limits otherwise.
   */
  proxyLimits?: 'shipped' | 'lifted';
}

export type ServerLauncher = (settings: {
  databaseUrl: string;
  port: number;
  env: NodeJS.ProcessEnv;
}) => Promise<ChildProcess>;

/** A rate and a connection count no load on loopback reaches (nginx takes connection limits below 65,536). */
const LIFTED_RATE = 'rate=100000r/s';
const LIFTED_CONNECTIONS = 65_000;

export interface ClusterServer {
  port: number;
  /** The server's own address, bypassing nginx. */
  url: string;
  /** The running process, undefined while it is killed. */
  child: ChildProcess | undefined;
}

export interface MultiServerCluster {
  /** nginx's address: what students and teachers use. */
  url: string;
  databaseUrl: string;
  adminUrl: string;
  /** nginx's master process. */
  proxyPid: number;
  servers: ClusterServer[];
  /** Kills server `index` with SIGKILL (no goodbye to its clients or the database) and waits for it to be gone. */
  kill(index: number): Promise<void>;
  /** Starts server `index` again on its port; resolves once it listens. */
  restart(index: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The http-context part of the shipped cluster config (everything before its first `server {` block: the rate-limit
 * zones and the upstream) with one upstream `server` line per port, each with the shipped line's parameters.
 */
export function renderClusterHttp(conf: string, ports: number[]): string {
  const head = conf.slice(0, conf.search(/^server \{/m));
  const serverLine = /^(\s*)server 127\.0\.0\.1:\d+( [^;]*)?;\n/gm;
  const shipped = [...head.matchAll(serverLine)];
  if (shipped.length === 0 || !/^upstream source_check \{/m.test(head)) {
    throw new Error(`${CLUSTER_CONF}: no "upstream source_check" block with "server 127.0.0.1:PORT" lines found.`);
  }
  const [, indent, parameters = ''] = shipped[0]!;
  const lines = ports.map((port) => `${indent}server 127.0.0.1:${port}${parameters};\n`).join('');
  let placed = false;
  return head.replace(serverLine, () => {
    if (placed) return '';
    placed = true;
    return lines;
  });
}

export async function startMultiServerCluster(options: ClusterOptions): Promise<MultiServerCluster> {
  const children: ChildProcess[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'source-check-multi-'));
  let pg: PgCluster | undefined;
  let nginx: TestNginx | undefined;
  const servers: ClusterServer[] = [];

  const stop = async () => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited(child);
      }
    }
    await nginx?.stop();
    pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    pg = await startPgCluster();
    const databaseUrl = await ensureDatabase(pg.adminUrl, DATABASE_NAME);
    const env: NodeJS.ProcessEnv = {
      // nginx is on loopback: its X-Forwarded-For names the student, for the servers' per-address limits.
      TRUST_PROXY: '127.0.0.1',
      ...(options.poolSize ? { DATABASE_POOL_SIZE: String(options.poolSize) } : {}),
    };
    const launch = async (server: ClusterServer) => {
      if (options.launchServer) {
        const child = await options.launchServer({ databaseUrl, port: server.port, env });
        children.push(child);
        server.child = child;
        return;
      }
      const started = await startApiProcess(join(dir, 'unused.db'), children, {
        databaseUrl,
        port: server.port,
        env,
        startTimeoutMs: START_TIMEOUT_MS,
      });
      server.child = started.child;
    };
    for (let index = 0; index < options.servers; index += 1) {
      const port = await freePort();
      servers.push({ port, url: `http://127.0.0.1:${port}/`, child: undefined });
    }
    // One after another: the first migrates the schema, and two cores start one process at a time anyway.
    for (const server of servers) await launch(server);

    let http = renderClusterHttp(
      readFileSync(CLUSTER_CONF, 'utf8'),
      servers.map((server) => server.port),
    );
    let locations = LOCATIONS_CONF;
    if (options.proxyLimits === 'lifted') {
      if (!/rate=\d+r\/[sm]/.test(http))
        throw new Error(`${CLUSTER_CONF}: no "rate=N r/m" in its limit_req_zone lines.`);
      http = http.replace(/rate=\d+r\/[sm]/g, LIFTED_RATE);
      locations = join(dir, 'source-check-locations.conf');
      writeFileSync(
        locations,
        readFileSync(LOCATIONS_CONF, 'utf8').replace(
          /^(\s*limit_conn \S+) \d+;/gm,
          (_line, directive: string) => `${directive} ${LIFTED_CONNECTIONS};`,
        ),
      );
    }
    nginx = await startNginxWith(
      (port) => `${http}\nserver {\n  listen 127.0.0.1:${port};\n  include ${locations};\n}`,
    );

    return {
      url: `${nginx.url}/`,
      databaseUrl,
      adminUrl: pg.adminUrl,
      proxyPid: nginx.pid,
      servers,
      async kill(index) {
        const child = servers[index]!.child;
        if (!child) return;
        child.kill('SIGKILL');
        await exited(child);
        servers[index]!.child = undefined;
      },
      async restart(index) {
        if (servers[index]!.child) throw new Error(`Server ${index} is running: kill it first.`);
        await launch(servers[index]!);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
