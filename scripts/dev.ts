/**
 * `npm run dev`: the class API (on $CLASS_API_PORT, default 8787) and Vite's dev server with hot reload, which
 * proxies /api to it, so the game, the host page and class mode all work from Vite's address.
 */
import { join } from 'node:path';
import { createServer } from 'vite';
import { formatBankError } from '../src/core/types';
import { loadChecksFromDisk } from '../src/checks/checkFiles';
import { bundleBank, loadBankFromDisk } from '../src/server/bankFiles';
import { configFromEnv } from '../src/server/class/config';
import { startClassServer } from '../src/server/class/start';
import { loadBankOverlays } from './spanishBankFiles';

const root = join(import.meta.dirname, '..');
const questionsDir = process.env.QUESTIONS_DIR ? join(root, process.env.QUESTIONS_DIR) : join(root, 'questions');

try {
  const config = configFromEnv(process.env, root, { port: 8787, portVariable: 'CLASS_API_PORT' });
  const { bank, errors } = loadBankFromDisk(questionsDir, root);
  if (errors.length > 0) throw new Error(`The question bank has problems:\n${errors.map(formatBankError).join('\n')}`);
  const checks = loadChecksFromDisk(questionsDir, bank, root);
  const api = await startClassServer({
    bank: bundleBank(bank),
    checks: checks.checks,
    sources: bank.sources,
    // The build's check (vite.config.ts) reports any problem of the overlay; the API words what it can meanwhile.
    overlays: loadBankOverlays(questionsDir, bank, root).overlays,
    dbPath: config.dbPath,
    port: config.port,
    host: '127.0.0.1',
    retentionMs: config.retentionMs,
    logger: { level: config.logLevel },
  });
  // Read by vite.config.ts for its /api proxy.
  process.env.CLASS_API_PORT = String(api.port);
  const vite = await createServer({ root, configFile: join(root, 'vite.config.ts') });
  await vite.listen();
  vite.printUrls();
  console.log(`  ➜  Class API: ${api.url} (proxied at /api); host a class at /host.html`);
  const stop = () => void Promise.all([vite.close(), api.close()]).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
