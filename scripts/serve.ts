/** `npm start`: serves the built game (dist/) on 127.0.0.1, port $PORT or 8080. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './static-server';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('No build found in dist/. Run "npm run build" first (npm start does it for you).');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0–65535), found "${process.env.PORT}".`);
  process.exit(1);
}
serveStatic(dist, port, process.env.HOST ?? '127.0.0.1').then(
  ({ url }) => console.log(`Source Check is running at ${url}  (Ctrl+C to stop)`),
  (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Port ${port} is already in use. Start on another one with: PORT=8081 npm start`
        : `Could not start the server: ${error.message}`,
    );
    process.exit(1);
  },
);
