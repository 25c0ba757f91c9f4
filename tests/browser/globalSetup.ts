/**
 * Builds the production game into a temporary folder and serves it on 127.0.0.1 at a free port, through the
 * class server (so every browser test runs under its Content-Security-Policy), and as plain static files too.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { serveStatic } from '../../scripts/static-server';
import { checkBankBundle } from '../../src/core/bankBundle';
import { loadChecksFromDisk } from '../../src/checks/checkFiles';
import { bundleBank, loadBankFromDisk } from '../../src/server/bankFiles';
import { startClassServer } from '../../src/server/class/start';
import { loadBankOverlays } from '../../scripts/spanishBankFiles';
import { findChromium } from './chromium';

const root = join(import.meta.dirname, '..', '..');

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    /** The same build as plain static files, with no class server behind it. */
    staticUrl: string;
    /** The folder the build was written to (tests that read the build's files). */
    buildDir: string;
  }
}

export default async function setup(project: TestProject) {
  // Fail here, once and loudly, when there is no browser (installing one where we may).
  findChromium();
  // A build of its own per run, so two test runs on one machine never serve each other's files.
  const outDir = mkdtempSync(join(tmpdir(), 'source-check-test-build-'));
  // Vitest sets NODE_ENV=test, which would make Vite build a development bundle: test what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  // The class server holds the whole bank, as npm start's does: bank.json ships without the class-only questions.
  const loaded = loadBankFromDisk(join(root, 'questions'), root).bank;
  const bank = bundleBank(loaded);
  const { checks } = loadChecksFromDisk(join(root, 'questions'), loaded, root);
  if (!checkBankBundle(JSON.parse(readFileSync(join(outDir, 'bank.json'), 'utf8'))).bundle) {
    throw new Error('The build wrote no usable bank.json.');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'source-check-test-data-'));
  const classServer = await startClassServer({
    bank,
    checks,
    sources: loaded.sources,
    overlays: loadBankOverlays(join(root, 'questions'), loaded, root).overlays,
    dbPath: join(dataDir, 'classes.db'),
    staticDir: outDir,
    port: 0,
  });
  const { server, url: staticUrl } = await serveStatic(outDir, 0);
  project.provide('appUrl', classServer.url);
  project.provide('staticUrl', staticUrl);
  project.provide('buildDir', outDir);
  return async () => {
    await classServer.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(outDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  };
}
