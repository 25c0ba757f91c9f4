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
          setupFiles: ['tests/setupEnglish.ts'],
        },
      },
      {
        test: {
          // The class server over real HTTP on 127.0.0.1, each file with a database of its own.
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          exclude: ['tests/server/multiServer.test.ts', 'tests/server/benchCluster.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // The same tests on PostgreSQL: one throw-away cluster for the run, a database per server. The files
          // left out test the SQLite file itself (its bytes, snapshots, the admin commands, group commit).
          name: 'server-pg',
          include: ['tests/server/**/*.test.ts'],
          exclude: [
            'tests/server/admin.test.ts',
            'tests/server/backup.test.ts',
            'tests/server/database.test.ts',
            'tests/server/erase.test.ts',
            'tests/server/groupCommit.test.ts',
            'tests/server/productionStart.test.ts',
            'tests/server/multiServer.test.ts',
            'tests/server/benchCluster.test.ts',
          ],
          environment: 'node',
          globalSetup: ['tests/server/pgGlobalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Several server processes on one throw-away PostgreSQL cluster behind nginx (deploy/'s config): a
          // class day with a server killed mid-class; and the benchmark's three-server target. Each file starts
          // its own cluster, so they run one at a time.
          name: 'multi-server',
          include: ['tests/server/multiServer.test.ts', 'tests/server/benchCluster.test.ts'],
          fileParallelism: false,
          environment: 'node',
          testTimeout: 240_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          // Builds the game once and serves it for every browser test file.
          globalSetup: ['tests/browser/globalSetup.ts'],
          setupFiles: ['tests/setupEnglish.ts'],
          testTimeout: 240_000,
          hookTimeout: 180_000,
          // One Chromium at a time: the machine has two cores and WebGL runs in software.
          fileParallelism: false,
        },
      },
    ],
  },
});
