/**
 * The built game as the class server serves it: the precompressed copy the browser accepts, the right caching,
 * and no memory kept per URL, however many different spellings of a path are asked for.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressFolder } from '../../src/server/precompress';
import { MB, startChildServer, type ChildServer } from './child';
import { rawGet } from './helpers';

const ASSET = 'assets/game-Ab12Cd34.js';
/** Large enough that keeping a copy per URL shows at once: 2,000 copies would be 400 MB. */
const ASSET_BYTES = 200 * 1024;
const TRAVERSAL_URLS = 2000;
/** What the server may grow by over those URLs (a copy per URL grew it by the asset's size each). */
const GROWTH_BOUND = 40 * MB;

let dir: string;
let server: ChildServer;
let asset: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'source-check-static-test-'));
  mkdirSync(join(dir, 'assets'));
  // Text that compresses like code does, not like one repeated byte.
  const lines = Array.from({ length: ASSET_BYTES / 64 }, (_, i) =>
    `const value${i} = ${(i * 7919) % 10007};`.padEnd(63),
  );
  asset = Buffer.from(lines.join('\n').slice(0, ASSET_BYTES));
  writeFileSync(join(dir, ASSET), asset);
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>Source Check</title>${'<p>page</p>'.repeat(200)}`);
  writeFileSync(join(dir, 'bank.json'), JSON.stringify({ questions: Array.from({ length: 300 }, (_, i) => i) }));
  precompressFolder(dir);
  server = await startChildServer({ staticDir: dir });
});

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the built game', () => {
  it('sends the brotli copy to a browser that asks for it, gzip to one that takes only gzip, and the file to others', async () => {
    const br = await rawGet(server.url, `/${ASSET}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.body.length).toBeLessThan(asset.length / 3);
    expect(brotliDecompressSync(br.body).equals(asset)).toBe(true);

    const gz = await rawGet(server.url, `/${ASSET}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(asset)).toBe(true);

    const plain = await rawGet(server.url, `/${ASSET}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(asset)).toBe(true);
  });

  it('caches hashed assets for good and revalidates the page and the bank', async () => {
    const assetReply = await rawGet(server.url, `/${ASSET}`, { 'accept-encoding': 'br' });
    expect(assetReply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/bank.json']) {
      const reply = await rawGet(server.url, path, { 'accept-encoding': 'br' });
      expect(reply.status, path).toBe(200);
      expect(reply.headers['cache-control'], path).toBe('no-cache');
      expect(reply.headers.etag, path).toBeTruthy();
      const again = await rawGet(server.url, path, {
        'accept-encoding': 'br',
        'if-none-match': String(reply.headers.etag),
      });
      expect(again.status, path).toBe(304);
    }
    expect(assetReply.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('does not serve the compressed copies by name, paths outside the folder, or files that are not there', async () => {
    for (const path of [`/${ASSET}.br`, '/index.html.gz', '/../package.json', '/assets/../../etc/passwd', '/nope.js']) {
      const reply = await rawGet(server.url, path);
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
      expect(reply.status, path).toBeLessThan(500);
      expect(reply.body.length, path).toBeLessThan(1000);
    }
  });

  it(`keeps memory under ${GROWTH_BOUND / MB} MB through ${TRAVERSAL_URLS} different spellings of one asset's path`, async () => {
    // Warm up: the routes, the compressors and the sockets are made before the first measure.
    for (let i = 0; i < 50; i += 1) await rawGet(server.url, `/w${i}/../${ASSET}`);
    const before = await server.memory();
    let next = 0;
    const statuses = new Map<number, number>();
    const worker = async () => {
      while (next < TRAVERSAL_URLS) {
        const i = next++;
        const reply = await rawGet(server.url, `/r${i}/../${ASSET}`);
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const after = await server.memory();
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
    expect(after.rss - before.rss).toBeLessThan(GROWTH_BOUND);
    expect(after.heapUsed - before.heapUsed).toBeLessThan(GROWTH_BOUND / 4);
  });
});
