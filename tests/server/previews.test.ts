/**
 * Link previews over real HTTP, read with an HTML parser as a crawler would: the game's page (`/`) and a
 * challenge's short link (`/c/CODE`) carry `og:` and Twitter card tags with absolute addresses, from PUBLIC_URL
 * when it is set and from the request's own host otherwise; the picture they name is served, 1200×630.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { playSeat, rawGet as get, startTestServer, type TestServer } from './helpers';

const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Source Check — the TikTok ban quiz</title>
  </head>
  <body><div id="game"></div></body>
</html>`;

let dir: string;
let t: TestServer | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'source-check-preview-test-'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  copyFileSync(join(import.meta.dirname, '..', '..', 'public', 'preview.png'), join(dir, 'preview.png'));
});

afterEach(async () => {
  await t?.close();
  t = undefined;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The page's preview as a crawler reads it: every meta tag by its property or name, and the title. */
function previewOf(html: string): { tags: Record<string, string>; title: string; count: number } {
  const document = parseDocument(html);
  const tags: Record<string, string> = {};
  let count = 0;
  for (const meta of DomUtils.getElementsByTagName('meta', document)) {
    const key = meta.attribs.property ?? meta.attribs.name;
    if (key?.startsWith('og:') || key?.startsWith('twitter:')) {
      tags[key] = meta.attribs.content!;
      count += 1;
    }
  }
  const title = DomUtils.getElementsByTagName('title', document)[0];
  return { tags, title: title ? DomUtils.textContent(title) : '', count };
}

describe('the game page’s preview', () => {
  it('names the game with an absolute picture at the host the page was asked for', async () => {
    t = await startTestServer({ staticDir: dir });
    for (const path of ['/', '/index.html']) {
      const page = await get(t.url, path, { host: 'quiz.school.example:8080' });
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      const { tags, title } = previewOf(page.body.toString('utf8'));
      expect(tags['og:title']).toBe('Source Check — the TikTok ban quiz');
      expect(tags['og:description']).toMatch(/^A quiz that holds a 2020 article on the TikTok ban/);
      expect(tags['og:url']).toBe('http://quiz.school.example:8080/');
      expect(tags['og:image']).toBe('http://quiz.school.example:8080/preview.png');
      expect(tags['og:image:width']).toBe('1200');
      expect(tags['og:image:height']).toBe('630');
      expect(tags['og:image:alt']).toMatch(/^Source Check: check the claims/);
      expect(tags['twitter:card']).toBe('summary_large_image');
      expect(tags['twitter:title']).toBe(tags['og:title']);
      expect(tags['twitter:image']).toBe(tags['og:image']);
      expect(title).toBe('Source Check — the TikTok ban quiz');
    }
    // The picture the tags name is there, in the size they say.
    const picture = await get(t.url, '/preview.png');
    expect(picture.status).toBe(200);
    expect(picture.headers['content-type']).toBe('image/png');
    const png = PNG.sync.read(picture.body);
    expect([png.width, png.height]).toEqual([1200, 630]);
  });

  it('uses PUBLIC_URL, path and https included, whatever host the request names', async () => {
    t = await startTestServer({ staticDir: dir, publicUrl: 'https://school.example/quiz/' });
    const { tags } = previewOf((await get(t.url, '/', { host: 'evil.example' })).body.toString('utf8'));
    expect(tags['og:image']).toBe('https://school.example/quiz/preview.png');
    expect(tags['og:url']).toBe('https://school.example/quiz/');
  });

  it('leaves absolute addresses out for a host it cannot use, and still serves the page', async () => {
    t = await startTestServer({ staticDir: dir });
    const page = await get(t.url, '/', { host: 'a"b<script>' });
    // Node's HTTP parser may refuse such a Host outright; if it lets it through, no tag carries it.
    if (page.status === 200) {
      const html = page.body.toString('utf8');
      expect(html).not.toContain('<script>');
      expect(previewOf(html).tags['og:image']).toBeUndefined();
    } else expect(page.status).toBe(400);
  });

  it('revalidates the page with its ETag', async () => {
    t = await startTestServer({ staticDir: dir });
    const first = await get(t.url, '/');
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await get(t.url, '/', { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    // Another host is another page, with another tag.
    const elsewhere = await get(t.url, '/', { host: 'other.example', 'if-none-match': String(first.headers.etag) });
    expect(elsewhere.status).toBe(200);
  });
});

describe('a short link’s preview', () => {
  it('names the challenge, the score to beat and an absolute picture', async () => {
    t = await startTestServer({ staticDir: dir });
    const created = await t.api.post('/api/challenges', { nickname: 'Brave Heron', title: 'Period 3 homework' });
    expect(created.status).toBe(201);
    const { board, seat } = created.body as { board: { code: string }; seat: Parameters<typeof playSeat>[1] };
    const before = previewOf((await get(t.url, `/c/${board.code}`, { host: 'quiz.example' })).body.toString('utf8'));
    expect(before.tags['og:title']).toBe('Period 3 homework · Source Check');
    expect(before.tags['og:description']).toBe('10 questions on the TikTok ban, checked against the sources.');

    const score = await playSeat(t, seat, 7);
    const page = await get(t.url, `/c/${board.code}`, { host: 'quiz.example' });
    expect(page.status).toBe(200);
    const { tags, title } = previewOf(page.body.toString('utf8'));
    expect(tags['og:title']).toBe('Period 3 homework · Source Check');
    expect(tags['og:description']).toBe(
      `Beat Brave Heron’s ${score.toLocaleString('en-US')} points: 10 questions on the TikTok ban, checked against the sources.`,
    );
    expect(tags['og:url']).toBe(`http://quiz.example/c/${board.code}`);
    expect(tags['og:image']).toBe('http://quiz.example/preview.png');
    expect(tags['twitter:card']).toBe('summary_large_image');
    expect(tags['twitter:description']).toBe(tags['og:description']);
    expect(title).toBe('Period 3 homework · Source Check');

    // A code that names no challenge still gets a page, saying so.
    const missing = previewOf((await get(t.url, '/c/XXXXXX', { host: 'quiz.example' })).body.toString('utf8'));
    expect(missing.tags['og:description']).toBe('This challenge could not be found: ask for the link again.');
    expect(missing.tags['og:image']).toBe('http://quiz.example/preview.png');
  });
});

describe('the preview picture', () => {
  it('is the committed 1200×630 PNG, small enough to keep in the repository', () => {
    const file = readFileSync(join(import.meta.dirname, '..', '..', 'public', 'preview.png'));
    const png = PNG.sync.read(file);
    expect([png.width, png.height]).toEqual([1200, 630]);
    expect(file.length).toBeLessThan(150 * 1024);
  });
});
