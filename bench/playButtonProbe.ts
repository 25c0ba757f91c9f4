/**
 * `npm run bench:probe`: why a stopwatch around "open the page, wait for Play" gives a different ratio from the
 * bench's marks. Cold loads of the game through `npm start`'s class server and of bare Phaser through the bench's
 * static server, each timed four ways at once: the page's own marks (from its navigation start), the first frame
 * after them, the moment the Play button is in the page (a MutationObserver in the page), and a stopwatch in this
 * process around `page.goto` and a wait for the button (what a script that drives the browser sees). Needs a build
 * in dist/ (npm run build); bench/bare is built here.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { serveStatic } from '../scripts/static-server';
import { bundleBank, loadBankFromDisk } from '../src/server/bankFiles';
import { startClassServer } from '../src/server/class/start';
import { TITLE_INTERACTIVE_MARK } from '../src/game/pageConstants';
import { launchChromium } from '../tests/browser/chromium';
import { BARE_CREATE_MARK } from './bare/marks';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const LOADS = Number(process.env.BENCH_LOADS ?? 7);

if (!existsSync(join(dist, 'index.html'))) {
  console.error('No build found in dist/. Run "npm run build" first.');
  process.exit(1);
}

/** Notes when the accessible layer first holds the Play button, and the start of every frame. */
function watchForPlay(): void {
  const seen = window as unknown as { playInPage?: number; frameStarts: number[]; longTasks: [number, number][] };
  seen.frameStarts = [];
  seen.longTasks = [];
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) seen.longTasks.push([task.startTime, task.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const onFrame = (now: number) => {
    seen.frameStarts.push(now);
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  new MutationObserver((_records, observer) => {
    if (document.querySelector('#a11y [data-name="Play"]')) {
      seen.playInPage = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

interface Timing {
  /** From this process's call to `goto` to the page's navigation start. */
  toNavigationStart: number;
  mark: number;
  firstFrameAfterMark: number;
  playInPage: number | undefined;
  /** `goto` resolved (the page's load event), by the stopwatch, from the call. */
  gotoResolved: number;
  /** The wait for Play (or for bare Phaser's mark) returned, by the stopwatch, from the call. */
  seenByScript: number;
  /** Main-thread time in tasks over 50 ms after the first frame that followed the mark, until the script saw it. */
  busyAfterFrame: number;
}

async function load(browser: Browser, url: string, mark: string, play: boolean): Promise<Timing> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page: Page = await context.newPage();
  await page.addInitScript('window.__name = (fn) => fn;');
  await page.addInitScript(watchForPlay);
  const called = Date.now();
  await page.goto(url);
  const gotoResolved = Date.now() - called;
  if (play) await page.waitForSelector('#a11y [data-name="Play"]', { timeout: 30_000 });
  else await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark);
  const seenAt = Date.now();
  const timing = await page.evaluate((name) => {
    const seen = window as unknown as { playInPage?: number; frameStarts: number[]; longTasks: [number, number][] };
    const marked = performance.getEntriesByName(name).at(-1)!.startTime;
    const frame = seen.frameStarts.find((start) => start > marked) ?? Number.NaN;
    return {
      timeOrigin: performance.timeOrigin,
      mark: marked,
      firstFrameAfterMark: frame,
      playInPage: seen.playInPage,
      longTasks: seen.longTasks.filter(([start]) => start >= frame),
    };
  }, mark);
  await context.close();
  const { timeOrigin, longTasks, ...rest } = timing;
  // The script's clock and the page's timeline share the wall clock: the tasks that ran before the script saw it.
  const seenInPage = seenAt - timeOrigin;
  const busyAfterFrame = longTasks
    .filter(([start]) => start < seenInPage)
    .reduce((sum, [start, duration]) => sum + Math.min(duration, seenInPage - start), 0);
  return {
    toNavigationStart: timeOrigin - called,
    ...rest,
    gotoResolved,
    seenByScript: seenAt - called,
    busyAfterFrame,
  };
}

function median(values: number[]): number {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const bareDir = join(root, 'dist-bench', 'bare');
await build({
  configFile: join(root, 'vite.config.ts'),
  root: join(root, 'bench', 'bare'),
  logLevel: 'warn',
  build: { outDir: bareDir, emptyOutDir: true },
});
const classServer = await startClassServer({
  bank: bundleBank(loadBankFromDisk(join(root, 'questions'), root).bank),
  dbPath: ':memory:',
  staticDir: dist,
  port: 0,
});
const gameStatic = await serveStatic(dist, 0);
const bareStatic = await serveStatic(bareDir, 0);
const browser = await launchChromium();
const runs = {
  'game, npm start': [] as Timing[],
  'game, static': [] as Timing[],
  'bare, static': [] as Timing[],
};
try {
  for (let i = 0; i < LOADS; i += 1) {
    console.log(`Cold loads ${i + 1} of ${LOADS}…`);
    runs['game, npm start'].push(await load(browser, classServer.url, TITLE_INTERACTIVE_MARK, true));
    runs['game, static'].push(await load(browser, gameStatic.url, TITLE_INTERACTIVE_MARK, true));
    runs['bare, static'].push(await load(browser, bareStatic.url, BARE_CREATE_MARK, false));
  }
} finally {
  await browser.close();
  await classServer.close();
  gameStatic.server.close();
  bareStatic.server.close();
}
const columns: (keyof Timing)[] = [
  'toNavigationStart',
  'mark',
  'firstFrameAfterMark',
  'playInPage',
  'gotoResolved',
  'seenByScript',
  'busyAfterFrame',
];
console.log(`\nmedians of ${LOADS} cold loads, ms (page times from its navigation start; script times from goto)`);
console.log(['', ...columns].map((name) => name.padStart(20)).join(''));
for (const [name, timings] of Object.entries(runs)) {
  const cells = columns.map((column) => median(timings.map((timing) => timing[column] ?? Number.NaN)).toFixed(0));
  console.log([name, ...cells].map((cell) => cell.padStart(20)).join(''));
}
