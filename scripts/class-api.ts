/**
 * The class server's API on its own, without the built game: `npm run dev` runs it beside Vite (which proxies
 * /api to it), and the crash test runs it as a child process. Port: $CLASS_API_PORT, default 8787.
 */
import { join } from 'node:path';
import { formatBankError } from '../src/core/types';
import { bundleBank, loadBankFromDisk } from '../src/server/bankFiles';
import { configFromEnv } from '../src/server/class/config';
import { startClassServer } from '../src/server/class/start';
import { loadBankOverlays } from './spanishBankFiles';

export const DEFAULT_API_PORT = 8787;

const root = join(import.meta.dirname, '..');
const questionsDir = process.env.QUESTIONS_DIR ? join(root, process.env.QUESTIONS_DIR) : join(root, 'questions');

try {
  const config = configFromEnv(process.env, root, { port: DEFAULT_API_PORT, portVariable: 'CLASS_API_PORT' });
  const { bank, errors } = loadBankFromDisk(questionsDir, root);
  if (errors.length > 0) throw new Error(`The question bank has problems:\n${errors.map(formatBankError).join('\n')}`);
  const server = await startClassServer({
    bank: bundleBank(bank),
    overlays: loadBankOverlays(questionsDir, bank, root).overlays,
    dbPath: config.dbPath,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl, databasePoolSize: config.databasePoolSize } : {}),
    port: config.port,
    host: config.host,
    retentionMs: config.retentionMs,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    logger: { level: config.logLevel },
  });
  console.log(`Class API listening at ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
