/**
 * `npm start`: one server on one port ($PORT, default 8080) for the built game (dist/), the teacher's host page
 * and the class API. It listens on 127.0.0.1 unless HOST says otherwise (HOST=0.0.0.0 opens it to the classroom).
 * `npm run build` compiles this file to dist-server/serve.mjs, which is what `npm start` and the systemd unit run
 * (`npm run preview` runs it from source). SIGTERM or SIGINT stops it cleanly: the last answers are committed,
 * live streams end, the database is closed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBankBundle } from '../src/core/bankBundle';
import { loadChecksFromDisk } from '../src/checks/checkFiles';
import { bundleBank, loadBankFromDisk, soloBank } from '../src/server/bankFiles';
import { configFromEnv } from '../src/server/class/config';
import { redacted } from '../src/server/class/pgStore';
import { startClassServer } from '../src/server/class/start';
import { loadBankOverlays } from './spanishBankFiles';

const root = join(import.meta.dirname, '..');
/** How often the server checks that whatever started it is still there (see below). */
const PARENT_CHECK_MS = 1000;
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('No build found in dist/. Run "npm run build" first (npm start does it when it can).');
  process.exit(1);
}

try {
  const config = configFromEnv(process.env, root);
  // The class server plays the whole bank (bank.json ships without the class-only questions), the very one the
  // build was made from: a build older than questions/ is refused rather than mixed with it.
  const { bank, errors } = loadBankFromDisk(join(root, 'questions'), root);
  if (errors.length > 0) throw new Error(`questions/ has problems: ${errors[0]!.message}`);
  const checks = loadChecksFromDisk(join(root, 'questions'), bank, root);
  if (checks.errors.length > 0) throw new Error(`questions/checks/ has problems: ${checks.errors[0]!.message}`);
  const translated = loadBankOverlays(join(root, 'questions'), bank, root);
  if (translated.errors.length > 0) throw new Error(`questions/es/ has problems: ${translated.errors[0]!.message}`);
  const checked = checkBankBundle(JSON.parse(readFileSync(join(dist, 'bank.json'), 'utf8')));
  if (!checked.bundle) throw new Error(`dist/bank.json is not usable: ${checked.error}`);
  if (checked.bundle.version !== bundleBank(soloBank(bank)).version) {
    throw new Error('dist/ was built from other questions than questions/ holds now. Run "npm run build" again.');
  }
  const server = await startClassServer({
    bank: bundleBank(bank),
    checks: checks.checks,
    sources: bank.sources,
    overlays: translated.overlays,
    dbPath: config.dbPath,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl, databasePoolSize: config.databasePoolSize } : {}),
    staticDir: dist,
    port: config.port,
    host: config.host,
    retentionMs: config.retentionMs,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    backup: config.backup,
    minFreeBytes: config.minFreeBytes,
    publicOrigins: config.publicOrigins,
    ...(config.maxPlayersPerAddress ? { joinLimits: { perAddress: config.maxPlayersPerAddress } } : {}),
    logger: { level: config.logLevel },
  });
  console.log(`Source Check is running at ${server.url}  (process ${process.pid}; Ctrl+C to stop)`);
  // Behind a proxy, the public address (path included) is where teachers and students go.
  const site = config.publicUrl ?? server.url;
  console.log(`Teachers: host a class at ${site}host.html`);
  console.log(`          lesson plan, student handout and guides at ${site}teachers.html`);
  if (config.publicUrl) {
    console.log(`Students join at ${config.publicUrl}`);
  } else if (server.info.loopbackOnly) {
    console.log('Only this computer can reach it. To let a class join, start it with: HOST=0.0.0.0 npm start');
  } else {
    for (const origin of server.info.joinOrigins) console.log(`Students join at ${origin}/`);
  }
  console.log(
    `Class data: ${config.databaseUrl ? redacted(config.databaseUrl) : config.dbPath} (deleted ${Math.round(config.retentionMs / 86_400_000)} days after a class is created)`,
  );
  if (server.backups) {
    console.log(
      `Snapshots: ${config.backup.dir} (${config.backup.everyMs > 0 ? `every ${config.backup.everyMs / 3_600_000} h, ` : ''}on SIGUSR2; the newest ${config.backup.keep} kept)`,
    );
  }
  // kill -USR2 <pid> (or systemctl kill -s USR2 source-check) takes a snapshot now.
  process.on('SIGUSR2', () => {
    if (!server.backups) {
      console.error('Snapshots are of the SQLite file: back PostgreSQL up with its own tools (pg_dump).');
      return;
    }
    server.backups.snapshot().then(
      (path) => console.log(`Snapshot written: ${path}`),
      (error: Error) => console.error(`Snapshot failed: ${error.message}`),
    );
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Under `npm start` a shell sits between npm and this process: npm passes SIGTERM to the shell, which dies
  // without passing it on. Once the process that started this one is gone, stop as if signalled.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, PARENT_CHECK_MS).unref();
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${process.env.PORT ?? 8080} is already in use. Start on another one with: PORT=8081 npm start`
      : `Could not start the server: ${message}`,
  );
  process.exit(1);
}
