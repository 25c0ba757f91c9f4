/**
 * A server for `npm run bench:server`, in a process of its own so the load generator does not share its CPU:
 * "hello" is a bare Fastify hello-world; "class" is the class server on a fresh SQLite file in a temporary folder,
 * or "class postgres://…" on that PostgreSQL database (DATABASE_POOL_SIZE connections, as for npm start), with
 * the rate, join and connection limits raised (one address sends every request here). Listens on
 * $BENCH_SERVER_PORT (any free port when absent) and believes X-Forwarded-For from $TRUST_PROXY, as a server
 * behind nginx does. Prints its address, stops on SIGTERM.
 */
import Fastify from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleBank, loadBankFromDisk } from '../../src/server/bankFiles';
import { poolSizeFromEnv } from '../../src/server/class/pgStore';
import { startClassServer } from '../../src/server/class/start';
import { trustProxyFromEnv } from '../../src/server/class/trustProxy';

const mode = process.argv[2];
const root = join(import.meta.dirname, '..', '..');

if (mode === 'hello') {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  console.log(`READY http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`);
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
} else if (mode === 'class') {
  const dir = mkdtempSync(join(tmpdir(), 'source-check-bench-'));
  const { bank } = loadBankFromDisk(join(root, 'questions'), root);
  const unlimited = 1_000_000_000;
  const server = await startClassServer({
    bank: bundleBank(bank),
    dbPath: join(dir, 'classes.db'),
    port: Number(process.env.BENCH_SERVER_PORT ?? 0),
    host: '127.0.0.1',
    trustProxy: trustProxyFromEnv(process.env.TRUST_PROXY),
    limits: { createPerMinute: unlimited, joinPerMinute: unlimited, answerPerMinute: unlimited },
    joinLimits: { burst: unlimited, perAddress: unlimited },
    connections: { maxConnectionsPerAddress: unlimited },
    lookupLimit: { max: unlimited },
    databaseUrl: process.argv[3],
    databasePoolSize: poolSizeFromEnv(process.env.DATABASE_POOL_SIZE),
  });
  console.log(`READY ${server.url}`);
  process.once(
    'SIGTERM',
    () =>
      void server.close().then(() => {
        rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      }),
  );
} else {
  console.error('Usage: child.ts hello | class [postgres://…]');
  process.exit(2);
}
