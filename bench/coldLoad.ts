/**
 * Cold loads of a built page in Chromium, shared by `npm run bench` and `npm run bench:slow-timeline`: both pages
 * built by the same Vite config, a new browser context each time (empty cache and storage), the page instrumented
 * before it runs, and the start of the first frame after a mark taken as the moment the page is ready.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { bytesTransferredBy, throttle } from './slowNetwork';

export const VIEWPORT = { width: 1366, height: 768 };
const root = join(import.meta.dirname, '..');

/** Builds the game and bare Phaser's page (bench/bare) with the game's Vite config, into dist-bench/. */
export async function buildGameAndBare(): Promise<{ gameDir: string; bareDir: string }> {
  const gameDir = join(root, 'dist-bench', 'game');
  const bareDir = join(root, 'dist-bench', 'bare');
  const configFile = join(root, 'vite.config.ts');
  console.log('Building the game and bare Phaser with the same Vite config…');
  await build({ configFile, root, logLevel: 'warn', build: { outDir: gameDir, emptyOutDir: true } });
  await build({
    configFile,
    root: join(root, 'bench', 'bare'),
    logLevel: 'warn',
    build: { outDir: bareDir, emptyOutDir: true },
  });
  return { gameDir, bareDir };
}
/** A load on the slow network that has not reached its mark by then has failed, not merely been slow. */
export const SLOW_LOAD_TIMEOUT_MS = 60_000;

/** Counts live WebGL textures and records the time of every digit key press, installed before load. */
export function instrument(): void {
  const counters = window as unknown as { liveTextures: number; lastKeyDown: number };
  counters.liveTextures = 0;
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    const create = proto.createTexture;
    const remove = proto.deleteTexture;
    proto.createTexture = function (this: WebGLRenderingContext) {
      counters.liveTextures += 1;
      return create.call(this);
    };
    proto.deleteTexture = function (this: WebGLRenderingContext, texture: WebGLTexture | null) {
      if (texture) counters.liveTextures -= 1;
      return remove.call(this, texture);
    };
  }
  window.addEventListener('keydown', (event) => (counters.lastKeyDown = event.timeStamp), { capture: true });
  // The start time of every animation frame, to tell which frame drew the outcome; and when its callbacks ran. The
  // two differ when a long task held the frame back: Chromium stamps it with the time it was due, not when it ran.
  const frames: number[] = [];
  const runs: number[] = [];
  (window as unknown as { frameStarts: number[] }).frameStarts = frames;
  (window as unknown as { frameRuns: number[] }).frameRuns = runs;
  const onFrame = (now: number) => {
    frames.push(now);
    runs.push(performance.now());
    if (frames.length > 600) {
      frames.splice(0, 300);
      runs.splice(0, 300);
    }
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
}

export async function markTime(page: Page, name: string, timeout = 30_000): Promise<number> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, name, { timeout });
  return page.evaluate((mark) => performance.getEntriesByName(mark).at(-1)!.startTime, name);
}

export async function newPage(browser: Browser, device: object = { viewport: VIEWPORT }): Promise<Page> {
  // A new context is a cold load: empty cache, empty storage.
  const context = await browser.newContext(device);
  const page = await context.newPage();
  // tsx compiles this file keeping function names through a `__name` helper that the page lacks.
  await page.addInitScript('window.__name = (fn) => fn;');
  await page.addInitScript(instrument);
  return page;
}

/**
 * A cold load of a page: the start of the first frame after its mark goes into `times` (both pages are measured
 * at the same moment of their lives: the title's first frame with its Play button taking input, bare Phaser's first
 * frame after its create()); the page stays open. `ranAt` gets when the first frame to run after the mark ran: a
 * frame held back by the task that set the mark carries an earlier start, so the first frame *stamped* after the
 * mark can be the one after the frame that drew the title.
 */
export async function coldLoad(
  browser: Browser,
  url: string,
  mark: string,
  times: number[],
  slow?: { bytes: number[] },
  ranAt?: number[],
): Promise<Page> {
  const page = await newPage(browser);
  if (slow) await throttle(page);
  const timeout = slow ? SLOW_LOAD_TIMEOUT_MS : 30_000;
  await page.goto(url, { timeout });
  const marked = await markTime(page, mark, timeout);
  await page.waitForFunction(
    (after) => (window as unknown as { frameStarts: number[] }).frameStarts.some((start) => start > after),
    marked,
    { timeout },
  );
  if (slow) slow.bytes.push(await bytesTransferredBy(page, marked));
  times.push(
    await page.evaluate(
      (after) => (window as unknown as { frameStarts: number[] }).frameStarts.find((start) => start > after)!,
      marked,
    ),
  );
  ranAt?.push(
    await page.evaluate(
      (after) => (window as unknown as { frameRuns: number[] }).frameRuns.find((run) => run > after)!,
      marked,
    ),
  );
  return page;
}
