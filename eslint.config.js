import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const phaserGlobal = { name: 'Phaser', message: "Import it: import Phaser from 'phaser'." };

/** DOM and storage globals that the rules in src/core must never touch. */
const browserOnlyGlobals = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'navigator',
  'location',
  'fetch',
  'performance',
  'requestAnimationFrame',
].map((name) => ({ name, message: 'src/core is pure: pass this in from the caller.' }));

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Phaser's typings declare a global namespace, so a missing import type-checks and then fails at run time.
      'no-restricted-globals': ['error', phaserGlobal],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Typed rules that pay: a promise nobody awaits or catches fails silently, and one handed to a caller that
    // expects nothing back (an event listener, a Phaser callback) loses its rejection the same way.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // An import circle makes the order modules run in depend on who imports first, and a change ripple both ways.
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'phaser', message: 'src/core holds the rules only: no Phaser.' },
            { name: 'howler', message: 'src/core holds the rules only: no Howler.' },
          ],
          patterns: [
            { group: ['phaser/*', 'howler/*'], message: 'src/core holds the rules only.' },
            { group: ['node:*', 'fs', 'path'], message: 'src/core runs in the browser and the server alike.' },
            {
              group: ['../scenes/*', '../ui/*', '../a11y/*', '../audio/*', '../storage/*', '../net/*'],
              message: 'src/core must not depend on the layers above it.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', phaserGlobal, ...browserOnlyGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded RNG in src/core/rng.ts.' },
      ],
    },
  },
);
