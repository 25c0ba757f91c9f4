/** Builds the production game into dist-test/ and serves it on 127.0.0.1 at a free port. */
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { serveStatic } from '../../scripts/static-server';
import { findChromium } from './chromium';

const root = join(import.meta.dirname, '..', '..');
export const TEST_BUILD_DIR = join(root, 'dist-test');

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // Fail here, once and loudly, when there is no browser (installing one where we may).
  findChromium();
  await build({ root, logLevel: 'warn', build: { outDir: TEST_BUILD_DIR, emptyOutDir: true } });
  const { server, url } = await serveStatic(TEST_BUILD_DIR, 0);
  project.provide('appUrl', url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
