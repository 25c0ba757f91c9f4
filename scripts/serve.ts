/**
 * `npm start`: one server on one port ($PORT, default 8080) for the built game (dist/), the teacher's host page
 * and the class API. It listens on 127.0.0.1 unless HOST says otherwise (HOST=0.0.0.0 opens it to the classroom).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBankBundle } from '../src/core/bankBundle';
import { bundleBank, loadBankFromDisk, soloBank } from '../src/server/bankFiles';
import { configFromEnv } from '../src/server/class/config';
import { startClassServer } from '../src/server/class/start';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('No build found in dist/. Run "npm run build" first (npm start does it for you).');
  process.exit(1);
}

try {
  const config = configFromEnv(process.env, root);
  // The class server plays the whole bank (bank.json ships without the class-only questions), the very one the
  // build was made from: a build older than questions/ is refused rather than mixed with it.
  const { bank, errors } = loadBankFromDisk(join(root, 'questions'), root);
  if (errors.length > 0) throw new Error(`questions/ has problems: ${errors[0]!.message}`);
  const checked = checkBankBundle(JSON.parse(readFileSync(join(dist, 'bank.json'), 'utf8')));
  if (!checked.bundle) throw new Error(`dist/bank.json is not usable: ${checked.error}`);
  if (checked.bundle.version !== bundleBank(soloBank(bank)).version) {
    throw new Error('dist/ was built from other questions than questions/ holds now. Run "npm run build" again.');
  }
  const server = await startClassServer({
    bank: bundleBank(bank),
    dbPath: config.dbPath,
    staticDir: dist,
    port: config.port,
    host: config.host,
    retentionMs: config.retentionMs,
    publicUrl: config.publicUrl,
    publicOrigins: config.publicOrigins,
    ...(config.maxPlayersPerAddress ? { joinLimits: { perAddress: config.maxPlayersPerAddress } } : {}),
    logger: { level: config.logLevel },
  });
  console.log(`Source Check is running at ${server.url}  (Ctrl+C to stop)`);
  console.log(`Teachers: host a class at ${server.url}host.html`);
  console.log(`          lesson plan, student handout and guides at ${server.url}teachers.html`);
  if (server.info.loopbackOnly) {
    console.log('Only this computer can reach it. To let a class join, start it with: HOST=0.0.0.0 npm start');
  } else {
    for (const origin of server.info.joinOrigins) console.log(`Students join at ${origin}/`);
  }
  console.log(
    `Class data: ${config.dbPath} (deleted ${Math.round(config.retentionMs / 86_400_000)} days after a class is created)`,
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${process.env.PORT ?? 8080} is already in use. Start on another one with: PORT=8081 npm start`
      : `Could not start the server: ${message}`,
  );
  process.exit(1);
}
