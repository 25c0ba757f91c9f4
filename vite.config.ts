import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { bundleBank, loadBankFromDisk, soloBank } from './src/server/bankFiles.ts';
import { precompressFolder } from './src/server/precompress.ts';
import { loadChecksFromDisk } from './src/checks/checkFiles.ts';
import { formatBankError } from './src/core/types.ts';
import { loadSpanishOverlay } from './scripts/spanishBankFiles.ts';
import { bundleSpanishBank } from './src/core/spanishBankBundle.ts';
import { TEACHER_PAGE_FILES } from './src/teachers/pages.ts';
import { teacherPageInputs, teacherPages, type TeacherPagesApi } from './src/teachers/vitePlugin.ts';
import { trimmedPhaser } from './src/engine/trimmedPhaser.ts';

const root = import.meta.dirname;
/** The bank to build in; QUESTIONS_DIR points elsewhere (a teacher's copy, a test fixture). */
const questionsDir = process.env.QUESTIONS_DIR ? join(root, process.env.QUESTIONS_DIR) : join(root, 'questions');
export const BANK_FILE_NAME = 'bank.json';
/**
 * Every shipped source document with its full text, which teachers' quotes are checked against. Only the
 * "Your questions" screen fetches it; bank.json, on the way to the title, carries no source texts.
 */
export const SOURCES_FILE_NAME = 'sources.json';
/** The learning check's items and forms (questions/checks/), checked with the bank. */
export const CHECKS_FILE_NAME = 'checks.json';
/** The bank's Spanish, fetched only by a player whose interface is Spanish (src/core/spanishBankBundle.ts). */
export const SPANISH_BANK_FILE_NAME = 'bank.es.json';

/**
 * Validates questions/ at build time (a broken bank, learning check or Spanish overlay fails the build) and ships
 * it as bank.json, less the questions held back for classes (the class server reads those from questions/ itself),
 * and checks.json.
 */
function loadBank() {
  const { bank, errors } = loadBankFromDisk(questionsDir, root);
  const checks = loadChecksFromDisk(questionsDir, bank, root);
  // The Spanish overlay is checked with the bank, so a build never ships a bank whose Spanish is incomplete.
  const spanish = loadSpanishOverlay(questionsDir, bank, root);
  const bundle = bundleBank(soloBank(bank));
  const shipped = new Set(bundle.questions.map((question) => question.id));
  return {
    bundle,
    spanishBundle: bundleSpanishBank(bundle.version, spanish.overlay, bank.questions, shipped),
    sources: bank.sources,
    checks: checks.checks,
    errors: [...errors, ...checks.errors, ...spanish.errors].map(formatBankError),
  };
}

function questionBank(): Plugin {
  const load = loadBank;
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
      const { bundle, spanishBundle, sources, checks } = load();
      this.emitFile({ type: 'asset', fileName: BANK_FILE_NAME, source: JSON.stringify(bundle) });
      this.emitFile({ type: 'asset', fileName: SPANISH_BANK_FILE_NAME, source: JSON.stringify(spanishBundle) });
      this.emitFile({ type: 'asset', fileName: SOURCES_FILE_NAME, source: JSON.stringify(sources) });
      this.emitFile({ type: 'asset', fileName: CHECKS_FILE_NAME, source: JSON.stringify(checks) });
    },
    configureServer(server) {
      server.middlewares.use(`/${SOURCES_FILE_NAME}`, (_req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(load().sources));
      });
      server.middlewares.use(`/${SPANISH_BANK_FILE_NAME}`, (_req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(load().spanishBundle));
      });
      server.middlewares.use(`/${CHECKS_FILE_NAME}`, (_req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(load().checks));
      });
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

/**
 * Emits sw.js with the list of every file of this build and a version made from their names, so the
 * game plays offline after one visit and a new deployment is noticed (and offered) by the page.
 */
function offlineCache(teachers: TeacherPagesApi): Plugin {
  const template = readFileSync(join(root, 'src', 'offline', 'service-worker.js'), 'utf8');
  return {
    name: 'source-check-offline-cache',
    apply: 'build',
    // After Vite's own generateBundle, which writes the HTML pages and drops the empty entry chunks of pages
    // without scripts of their own: the list is then exactly the files that ship.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const files = Object.keys(bundle).filter((name) => !name.endsWith('.map'));
        const missing = TEACHER_PAGE_FILES.filter((name) => !files.includes(name));
        if (missing.length > 0) this.error(`The teacher pages are missing from the build: ${missing.join(', ')}`);
        const publicFiles = [
          'manifest.webmanifest',
          'icons/icon-192.png',
          'icons/icon-512.png',
          'icons/maskable-512.png',
          'icons/apple-touch-icon.png',
        ];
        const precache = ['./', ...files, ...publicFiles].map((name) => (name === './' ? name : `./${name}`));
        // The version covers the teacher pages' text too: their file names do not change when a doc does.
        const version = createHash('sha256')
          .update(files.sort().join('\n'))
          .update(loadBank().bundle.version)
          .update(teachers.digest())
          .digest('hex')
          .slice(0, 12);
        const source = template.replace('__VERSION__', version).replace('[/* files */]', JSON.stringify(precache));
        this.emitFile({ type: 'asset', fileName: 'sw.js', source });
      },
    },
  };
}

/** Brotli and gzip copies of the written build's text files, which the class server sends by Accept-Encoding. */
function precompressed(): Plugin {
  let outDir = '';
  return {
    name: 'source-check-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        precompressFolder(outDir);
      },
    },
  };
}

const teachers = teacherPages({
  root,
  docsDir: join(root, 'docs'),
  // The teacher pages are served to anyone: they quote only questions the game ships anyway.
  loadBank: () => soloBank(loadBankFromDisk(questionsDir, root).bank),
  loadSpanishSources: (bank) => loadSpanishOverlay(questionsDir, bank, root).overlay.sources,
});

/** Whether a build is the game's own: the benchmark builds its bare Phaser page with this config from bench/bare. */
function buildsTheGame(config: UserConfig): boolean {
  return resolve(config.root ?? process.cwd()) === root;
}

/**
 * The game's pages: the game, the teacher's "Host a class" page (served by the class server beside it), and the
 * teacher pages made from docs/ (lesson plan, handout, guides). Any other root builds its own index.html.
 */
function gamePages(): Plugin {
  return {
    name: 'source-check-pages',
    apply: buildsTheGame,
    config: () => ({
      build: {
        rolldownOptions: {
          input: { main: join(root, 'index.html'), host: join(root, 'host.html'), ...teacherPageInputs(root) },
        },
      },
    }),
  };
}

export default defineConfig({
  base: './',
  plugins: [
    questionBank(),
    gamePages(),
    // The game ships only the part of Phaser it uses; the benchmark's bare page keeps the whole engine. Only in a
    // build: the dev server sends modules as they are, and Phaser's are CommonJS (it runs Phaser's prebuilt bundle).
    {
      ...trimmedPhaser(join(root, 'src', 'engine', 'phaser.js')),
      apply: (config, env) => env.command === 'build' && buildsTheGame(config),
    },
    { ...teachers, apply: buildsTheGame },
    { ...offlineCache(teachers.api!), apply: (config, env) => env.command === 'build' && buildsTheGame(config) },
    { ...precompressed(), apply: (config, env) => env.command === 'build' && buildsTheGame(config) },
  ],
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
  server: {
    host: '127.0.0.1',
    // `npm run dev` starts the class API beside Vite (scripts/dev.ts); its requests go through here.
    proxy: { '/api': { target: `http://127.0.0.1:${process.env.CLASS_API_PORT || 8787}` } },
  },
  preview: { host: '127.0.0.1' },
});
