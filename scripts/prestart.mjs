/**
 * Runs before `npm start`: builds the game and the server when there is no build yet, or when a source is newer
 * than the build (a `git pull`), so `npm install && npm start` stays a newcomer's one command. A production
 * install (`npm ci --omit=dev`, no Vite) cannot build: it serves the build it has, and says so when that is stale.
 * Plain JavaScript on purpose: it must run without the TypeScript loader.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const outputs = [join(root, 'dist', 'index.html'), join(root, 'dist-server', 'serve.mjs')];
const sources = ['src', 'questions', 'public', 'assets', 'docs', 'scripts', 'index.html', 'host.html', 'teachers.html'];

/** The newest modification time under `path` (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const missing = outputs.some((path) => !existsSync(path));
const builtAt = missing ? 0 : Math.min(...outputs.map((path) => statSync(path).mtimeMs));
const stale = !missing && sources.some((source) => newest(join(root, source)) > builtAt);
const canBuild = existsSync(join(root, 'node_modules', 'vite', 'package.json'));

if (missing || stale) {
  if (canBuild) {
    console.log(missing ? 'No build yet: building the game and the server…' : 'Sources changed: rebuilding…');
    // npm is npm.cmd on Windows, which only a shell runs.
    const build = spawnSync('npm', ['run', 'build'], {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    process.exit(build.status ?? 1);
  }
  if (missing) {
    console.error(
      'No build found (dist/ and dist-server/). Build once with the development dependencies: npm ci && npm run build',
    );
    process.exit(1);
  }
  console.warn('The build is older than the sources; serving it anyway. Rebuild with: npm ci && npm run build');
}
