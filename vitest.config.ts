import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest-report.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          // The class server over real HTTP on 127.0.0.1, each file with a database of its own.
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          // Builds the game once and serves it for every browser test file.
          globalSetup: ['tests/browser/globalSetup.ts'],
          testTimeout: 240_000,
          hookTimeout: 180_000,
          // One Chromium at a time: the machine has two cores and WebGL runs in software.
          fileParallelism: false,
        },
      },
    ],
  },
});
