/**
 * The class server compiled to JavaScript at build time (`npm run build`), so the production start is plain
 * `node dist-server/serve.mjs`: no TypeScript loader, no Vite, nothing from devDependencies. The packages in
 * "dependencies" stay outside the bundle and are loaded from node_modules as usual.
 */
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { defineConfig } from 'vite';
import manifest from './package.json' with { type: 'json' };

const root = import.meta.dirname;
const external = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...Object.keys(manifest.dependencies),
];

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: join(root, 'dist-server'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { serve: join(root, 'scripts', 'serve.ts'), admin: join(root, 'scripts', 'admin.ts') },
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
    },
  },
  ssr: { noExternal: [] },
});
