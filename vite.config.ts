import { defineConfig, type Plugin } from 'vite';
import { join } from 'node:path';
import { bundleBank, loadBankFromDisk } from './src/server/bankFiles.ts';
import { formatBankError } from './src/core/types.ts';

const root = import.meta.dirname;
/** The bank to build in; QUESTIONS_DIR points elsewhere (a teacher's copy, a test fixture). */
const questionsDir = process.env.QUESTIONS_DIR ? join(root, process.env.QUESTIONS_DIR) : join(root, 'questions');
export const BANK_FILE_NAME = 'bank.json';

/** Validates questions/ at build time (a broken bank fails the build) and ships it as bank.json. */
function questionBank(): Plugin {
  const load = () => {
    const { bank, errors } = loadBankFromDisk(questionsDir, root);
    return { bundle: bundleBank(bank), errors: errors.map(formatBankError) };
  };
  return {
    name: 'source-check-question-bank',
    buildStart() {
      this.addWatchFile(questionsDir);
      const { errors } = load();
      if (errors.length > 0) {
        this.error(`The question bank has ${errors.length} problem(s):\n${errors.join('\n')}`);
      }
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: BANK_FILE_NAME, source: JSON.stringify(load().bundle) });
    },
    configureServer(server) {
      server.middlewares.use(`/${BANK_FILE_NAME}`, (_req, res) => {
        const { bundle, errors } = load();
        res.setHeader('Content-Type', 'application/json');
        if (errors.length > 0) {
          res.statusCode = 500;
          res.end(JSON.stringify({ errors }));
          return;
        }
        res.end(JSON.stringify(bundle));
      });
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [questionBank()],
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        // Phaser in a chunk of its own: it changes less often than the game, so it caches apart.
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
