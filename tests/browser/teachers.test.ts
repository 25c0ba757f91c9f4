import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { HANDOUT_PAGE_URL, TEACHERS_PAGE_URL } from '../../src/game/teacherLinks';
import { SPANISH_HANDOUT_PAGE_URL, TEACHER_PAGE_FILES } from '../../src/teachers/pages';
import { axeProblems } from './axe';
import { ARTIFACTS, PHONE, PROJECTOR } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();

async function fullScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Pages in a PDF, counted two ways that must agree: the page objects, and the page tree's own count. */
function pdfPageCount(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)];
  const declared = counts.map((match) => Number(match[1] ?? match[2]));
  expect(declared, 'the PDF page tree').toContain(pages);
  return pages;
}

/** What a page that has loaded shows: its language, title, first heading and whether the game's font is in use. */
async function describePage(page: Page) {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    h1: document.querySelector('main h1')?.textContent?.trim() ?? '',
    landmarks: ['header', 'nav', 'main', 'footer'].filter((tag) => document.querySelector(tag)),
    font: getComputedStyle(document.body).fontFamily,
    fontLoaded: [...document.fonts].some((face) => face.family.includes('Atkinson') && face.status === 'loaded'),
  }));
}

/** Absolute same-origin links on the page, each without its #fragment, and the fragments asked of each. */
async function linksOn(page: Page): Promise<{ href: string; fragment: string }[]> {
  const hrefs = await page.$$eval('a[href]', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  return hrefs.map((href) => {
    const link = new URL(href);
    const fragment = decodeURIComponent(link.hash.slice(1));
    link.hash = '';
    return { href: link.href, fragment };
  });
}

describe('the teacher pages', () => {
  it('lead to pages that load, and every teacher page is readable, accessible and in the game font', async () => {
    const teacherPages = new Set(TEACHER_PAGE_FILES.map((file) => new URL(file, url).href));
    // No service worker: every page must come from the server itself.
    const context = await chromium.browser.newContext({ viewport: PROJECTOR, serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => {
      if (teacherPages.has(page.url().split('#')[0]!)) errors.push(`${page.url()}: ${error.message}`);
    });
    const start = new URL(TEACHERS_PAGE_URL, url).href;
    const queue = [start];
    const seen = new Set(queue);
    const fragments = new Map<string, Set<string>>();
    const axe: Record<string, string[]> = {};
    const visited: string[] = [];
    const offSite: string[] = [];
    while (queue.length > 0) {
      const target = queue.shift()!;
      const response = await page.goto(target);
      const name = new URL(target).pathname;
      visited.push(name);
      expect(response?.status(), name).toBe(200);
      expect(response?.headers()['content-type'], name).toMatch(/^text\/html/);
      if (!teacherPages.has(target)) {
        // The game and the host page: real pages of the build, each tested on its own elsewhere.
        await page.waitForSelector(name === '/host.html' ? '#host h1' : '#a11y[data-screen="title"]');
        expect(await page.title(), name).toMatch(/Source Check/);
        continue;
      }
      const shown = await describePage(page);
      // The Spanish pages end in -es.html; a screen reader switches voice with the page's language.
      expect(shown.lang, name).toBe(name.endsWith('-es.html') ? 'es' : 'en');
      expect(shown.title, name).toMatch(/^.+ — Source Check$/);
      expect(shown.h1.length, name).toBeGreaterThan(3);
      expect(shown.landmarks, name).toEqual(['header', 'nav', 'main', 'footer']);
      expect(shown.font, name).toMatch(/^"?Atkinson Hyperlegible/);
      expect(shown.fontLoaded, name).toBe(true);
      axe[name] = await axeProblems(page);
      // Only the teacher pages are followed further: the game and host page are ends of the walk.
      for (const { href, fragment } of await linksOn(page)) {
        if (new URL(href).origin !== new URL(url).origin) {
          offSite.push(href);
          continue;
        }
        if (fragment) fragments.set(href, (fragments.get(href) ?? new Set()).add(fragment));
        if (!seen.has(href)) {
          seen.add(href);
          queue.push(href);
        }
      }
    }
    // Every teacher page, the game and the host page, each reached from teachers.html.
    expect(visited.sort()).toEqual([...TEACHER_PAGE_FILES.map((file) => `/${file}`), '/', '/host.html'].sort());
    expect(offSite).toEqual([]);
    expect(axe).toEqual(Object.fromEntries(TEACHER_PAGE_FILES.map((file) => [`/${file}`, []])));
    // Every #anchor a link asks for is on its page.
    const missing: string[] = [];
    for (const [href, wanted] of fragments) {
      await page.goto(href);
      for (const fragment of wanted) {
        if (!(await page.$(`[id="${fragment}"]`))) missing.push(`${href}#${fragment}`);
      }
    }
    expect(missing).toEqual([]);
    expect(errors).toEqual([]);

    await page.goto(start);
    await page.evaluate(() => document.fonts.ready);
    await fullScreenshot(page, 'teachers-1366x768');
    await page.goto(new URL(HANDOUT_PAGE_URL, url).href);
    await page.evaluate(() => document.fonts.ready);
    await fullScreenshot(page, 'handout-1366x768');
    await context.close();
  });

  it('read on a phone without sideways scrolling', async () => {
    const context = await chromium.browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const file of TEACHER_PAGE_FILES) {
      await page.goto(new URL(file, url).href);
      await page.evaluate(() => document.fonts.ready);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > PHONE.width) wide.push(`${file}: ${width}px`);
    }
    expect(wide).toEqual([]);
    await page.goto(new URL(TEACHERS_PAGE_URL, url).href);
    await fullScreenshot(page, 'teachers-390x844');
    await context.close();
  });

  it('print the handout on exactly one portrait page, A4 or Letter, black on white with no navigation', async () => {
    const context = await chromium.browser.newContext({ viewport: PROJECTOR, serviceWorkers: 'block' });
    const page = await context.newPage();
    // In Spanish too, with each sentence's rendering under it.
    for (const handout of [HANDOUT_PAGE_URL, SPANISH_HANDOUT_PAGE_URL]) {
      await page.goto(new URL(handout, url).href);
      await page.evaluate(() => document.fonts.ready);
      for (const format of ['A4', 'Letter'] as const) {
        const pdf = await page.pdf({ format, printBackground: true });
        expect(pdfPageCount(pdf), `${handout} ${format}`).toBe(1);
      }
    }
    // The count is not one by default: a long doc prints on several pages.
    await page.goto(new URL('import-formats.html', url).href);
    expect(pdfPageCount(await page.pdf({ format: 'A4' }))).toBeGreaterThan(1);

    await page.goto(new URL(HANDOUT_PAGE_URL, url).href);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      hidden: ['.site-header', '.site-footer', '.skip-link'].map(
        (selector) => getComputedStyle(document.querySelector(selector)!).display,
      ),
      page: getComputedStyle(document.documentElement).backgroundColor,
      text: getComputedStyle(document.body).color,
      quote: getComputedStyle(document.querySelector('.example-quote')!).backgroundColor,
      moves: document.querySelectorAll('.move').length,
      notes: document.querySelector('.notes h2')?.textContent,
    }));
    expect(printed).toEqual({
      hidden: ['none', 'none', 'none'],
      page: 'rgb(255, 255, 255)',
      text: 'rgb(0, 0, 0)',
      quote: 'rgb(255, 255, 255)',
      moves: 4,
      notes: 'My notes',
    });
    // A4 at 96 dpi: how the printed sheet looks, for people to check.
    await page.setViewportSize({ width: 794, height: 1123 });
    await fullScreenshot(page, 'handout-print-a4');
    await context.close();
  });

  it('are kept by the service worker, so they open offline after one visit', async () => {
    const sw = await (await fetch(new URL('sw.js', url))).text();
    const precache = JSON.parse(/const PRECACHE = (\[.*?\]);/.exec(sw)![1]!) as string[];
    expect(precache).toEqual(expect.arrayContaining(TEACHER_PAGE_FILES.map((file) => `./${file}`)));
    // One missing file would make the worker's install fail, and then nothing, the game included, works offline.
    const statuses = await Promise.all(
      precache.map(async (file) => `${file} ${(await fetch(new URL(file, url))).status}`),
    );
    expect(statuses).toEqual(precache.map((file) => `${file} 200`));
    const context = await chromium.browser.newContext({ viewport: PROJECTOR });
    const page = await context.newPage();
    // Only the teacher index is visited: its own script registers the worker.
    await page.goto(new URL(TEACHERS_PAGE_URL, url).href);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await context.setOffline(true);
    for (const file of [HANDOUT_PAGE_URL, 'lesson-plan.html']) {
      await page.goto(new URL(file, url).href);
      const shown = await describePage(page);
      expect(shown.h1, file).toBe(
        file === HANDOUT_PAGE_URL
          ? 'Four moves for checking what you read'
          : 'Lesson plan: who says so? Checking an article about the TikTok ban',
      );
      expect(shown.fontLoaded, file).toBe(true);
    }
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await context.close();
  });
});
