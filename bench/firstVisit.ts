/**
 * `npm run bench:first-visit`: the bytes a student's first visit pulls over the network from `npm start`'s server,
 * measured on the server's sockets (everything written, headers included) while Debian's Chromium opens the game
 * on 127.0.0.1: once the title takes input, and once the service worker has stored the whole game for offline
 * play. Run twice: as Chromium asks (brotli), and with every request asking for no compression, which is what
 * the server sent to everyone before. Needs a build (npm run build).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { bundleBank, loadBankFromDisk } from '../src/server/bankFiles';
import { startClassServer } from '../src/server/class/start';
import { launchChromium } from '../tests/browser/chromium';
import { TITLE_INTERACTIVE_MARK } from '../src/game/pageConstants';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
/** After the service worker is ready, time for it to finish storing the game's files. */
const SETTLE_MS = 3000;

if (!existsSync(join(dist, 'index.html'))) {
  console.error('No build found in dist/. Run "npm run build" first.');
  process.exit(1);
}

interface Visit {
  /** Written by the time the title takes input. */
  title: number;
  /** Written by the time the service worker has stored the game too. */
  bytes: number;
  requests: number;
}

async function firstVisit(compressed: boolean): Promise<Visit> {
  const server = await startClassServer({
    bank: bundleBank(loadBankFromDisk(join(root, 'questions'), root).bank),
    dbPath: ':memory:',
    staticDir: dist,
    port: 0,
  });
  let bytes = 0;
  let title: number | undefined;
  let requests = 0;
  const open = new Set<Socket>();
  server.app.server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => {
      bytes += socket.bytesWritten;
      open.delete(socket);
    });
  });
  server.app.server.on('request', () => (requests += 1));
  const browser = await launchChromium();
  try {
    const context = await browser.newContext(compressed ? {} : { extraHTTPHeaders: { 'accept-encoding': 'identity' } });
    if (!compressed) {
      // The service worker's own requests do not take the context's headers: rewrite every request instead.
      await context.route('**/*', (route) =>
        route.continue({ headers: { ...route.request().headers(), 'accept-encoding': 'identity' } }),
      );
    }
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, TITLE_INTERACTIVE_MARK, {
      timeout: 60_000,
    });
    title = bytes + [...open].reduce((sum, socket) => sum + socket.bytesWritten, 0);
    await page.evaluate(() => navigator.serviceWorker?.ready);
    await page.waitForTimeout(SETTLE_MS);
    await context.close();
  } finally {
    await browser.close();
  }
  for (const socket of open) socket.destroy();
  await new Promise((resolve) => setTimeout(resolve, 200));
  await server.close();
  return { title: title ?? bytes, bytes, requests };
}

const br = await firstVisit(true);
const plain = await firstVisit(false);
const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`;
console.log('                          title takes input   with the offline copy   requests');
for (const [name, visit] of [
  ['brotli (as Chromium asks)', br],
  ['uncompressed', plain],
] as const) {
  console.log(
    `${name.padEnd(26)}${mb(visit.title).padStart(17)}${mb(visit.bytes).padStart(24)}${String(visit.requests).padStart(11)}`,
  );
}
console.log(`ratio, title: ${(br.title / plain.title).toFixed(3)}`);
