/**
 * `npm run bench:slow-timeline`: where the game's time to its title goes on the emulated school Wi-Fi. Builds the
 * game and bare Phaser as `npm run bench` does, serves both through the class server's static route with their
 * brotli copies, and prints one cold load's timeline of each: every request (start, first byte, end, bytes,
 * Chromium's priority, who asked for it) and the page's main-thread milestones (the entry script running, the font
 * asked for and ready, Phaser's WebGL context, long animation frames and the scripts in them, the mark, the first
 * frame after it). Then `BENCH_SLOW_LOADS` (default 5) alternating cold-load pairs, timed as `npm run bench`
 * times them, with their medians, min–max and the machine's load average.
 */
import { loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { precompressFolder } from '../src/server/precompress';
import { TITLE_INTERACTIVE_MARK } from '../src/game/pageConstants';
import { launchChromium } from '../tests/browser/chromium';
import { BARE_CREATE_MARK } from './bare/marks';
import { buildGameAndBare, coldLoad, markTime, newPage, SLOW_LOAD_TIMEOUT_MS } from './coldLoad';
import { SCHOOL_WIFI, serveCompressed } from './slowNetwork';

const PAIRS = Number(process.env.BENCH_SLOW_LOADS ?? 5);
/** Long animation frames shorter than this are left out of the timeline (Chromium reports those over 50 ms). */
const LONG_FRAME_SHOWN_MS = 50;

/** Notes main-thread milestones that the page does not mark itself, installed before it runs. */
function recordMilestones(): void {
  const seen = window as unknown as { milestones: [number, string][]; longFrames: unknown[] };
  seen.milestones = [];
  seen.longFrames = [];
  const note = (what: string) => seen.milestones.push([performance.now(), what]);
  const fontLoad = FontFaceSet.prototype.load;
  let fontsAsked = false;
  FontFaceSet.prototype.load = function (this: FontFaceSet, font: string, text?: string) {
    if (!fontsAsked) note('the entry script runs: the font is asked for');
    fontsAsked = true;
    const loading = fontLoad.call(this, font, text);
    void loading.then(() => note(`font ready: ${font}`));
    return loading;
  };
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, options?: unknown) {
    if (kind.startsWith('webgl')) note('Phaser boots: WebGL context asked for');
    return (getContext as (kind: string, options?: unknown) => RenderingContext | null).call(this, kind, options);
  } as typeof getContext;
  document.addEventListener('DOMContentLoaded', () => note('DOMContentLoaded'));
  window.addEventListener('load', () => note('load event'));
  new PerformanceObserver((list) => seen.longFrames.push(...list.getEntries().map((entry) => entry.toJSON()))).observe({
    type: 'long-animation-frame',
    buffered: true,
  });
}

interface RequestNote {
  url: string;
  priority: string;
  initiator: string;
}

interface LongFrame {
  startTime: number;
  duration: number;
  blockingDuration: number;
  scripts: { sourceURL: string; invoker: string; duration: number; startTime: number }[];
}

/** What Chromium knows of each request that resource timings do not say: its priority and who asked for it. */
async function watchRequests(page: Page): Promise<Map<string, RequestNote>> {
  const requests = new Map<string, RequestNote>();
  const byId = new Map<string, RequestNote>();
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (event) => {
    const from = event.initiator.url ?? event.initiator.stack?.callFrames[0]?.url ?? '';
    const note = {
      url: event.request.url,
      priority: event.request.initialPriority,
      initiator: `${event.initiator.type}${from ? ` ${shortName(from)}` : ''}`,
    };
    byId.set(event.requestId, note);
    requests.set(event.request.url, note);
  });
  cdp.on('Network.resourceChangedPriority', (event) => {
    const note = byId.get(event.requestId);
    if (note) note.priority = `${note.priority}→${event.newPriority}`;
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SCHOOL_WIFI);
  return requests;
}

function shortName(url: string): string {
  const path = new URL(url).pathname;
  return path === '/' ? 'index.html' : path.replace(/^\/(assets\/)?/, '');
}

const pad = (value: number, width = 6) => value.toFixed(0).padStart(width);

/** One cold load on the slow link with its timeline printed; resolves when the first frame after the mark began. */
async function tracedLoad(browser: Browser, label: string, url: string, mark: string): Promise<void> {
  const page = await newPage(browser);
  await page.addInitScript(recordMilestones);
  const requests = await watchRequests(page);
  await page.goto(url, { timeout: SLOW_LOAD_TIMEOUT_MS });
  const marked = await markTime(page, mark, SLOW_LOAD_TIMEOUT_MS);
  await page.waitForFunction(
    (after) => (window as unknown as { frameStarts: number[] }).frameStarts.some((start) => start > after),
    marked,
  );
  // Whatever was still on its way when the title took input, to see what shared the line with it.
  await page.waitForTimeout(3000);
  const timeline = await page.evaluate((after) => {
    const seen = window as unknown as {
      milestones: [number, string][];
      longFrames: unknown[];
      frameStarts: number[];
      frameRuns: number[];
    };
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map(
      (entry) => {
        const timing = entry as PerformanceResourceTiming;
        return {
          url: timing.name,
          start: timing.startTime,
          firstByte: timing.responseStart,
          end: timing.responseEnd,
          bytes: timing.transferSize,
          type: timing.initiatorType,
        };
      },
    );
    return {
      entries,
      milestones: seen.milestones,
      longFrames: seen.longFrames,
      firstFrame: seen.frameStarts.find((start) => start > after)!,
      firstFrameRun: seen.frameRuns.find((run) => run > after)!,
    };
  }, marked);
  await page.context().close();

  console.log(`\n${label}: requests (ms from navigation start; bytes as transferred, headers included)`);
  console.log(' start  1st byte    end    KiB  priority        asked by                    file');
  for (const entry of timeline.entries.sort((a, b) => a.start - b.start)) {
    const note = requests.get(entry.url);
    const late = entry.end > timeline.firstFrame ? '  (after the mark)' : '';
    console.log(
      `${pad(entry.start)}  ${pad(entry.firstByte, 8)}  ${pad(entry.end)}  ${(entry.bytes / 1024).toFixed(1).padStart(5)}  ${(note?.priority ?? '?').padEnd(14)}  ${(note?.initiator ?? entry.type).padEnd(26)}  ${shortName(entry.url)}${late}`,
    );
  }
  const events: [number, string][] = [
    ...timeline.milestones,
    [marked, `the mark (${mark})`],
    [timeline.firstFrame, 'the first frame stamped after the mark begins (what npm run bench times)'],
    [timeline.firstFrameRun, 'the first frame to run after the mark runs its callbacks'],
  ];
  for (const frame of timeline.longFrames as LongFrame[]) {
    if (frame.duration < LONG_FRAME_SHOWN_MS) continue;
    const scripts = frame.scripts
      .filter((script) => script.duration >= 5)
      .map((script) => `${script.invoker} in ${shortName(script.sourceURL || url)} ${script.duration.toFixed(0)} ms`)
      .join('; ');
    events.push([
      frame.startTime,
      // Blocking time is the part of the frame the main thread was busy; the rest waited (on styles, fonts, the GPU).
      `long frame ${frame.duration.toFixed(0)} ms (blocking ${frame.blockingDuration.toFixed(0)})${scripts ? `: ${scripts}` : ''}`,
    ]);
  }
  console.log(`\n${label}: main thread`);
  for (const [time, what] of events.sort((a, b) => a[0] - b[0])) console.log(`${pad(time)}  ${what}`);

  // The page's own files (index.html and what its parser asked for) are all there before its code can run: the last
  // of them ends the part the line decides; the rest, to the first frame after the mark, is the main thread's (and
  // the compositor's).
  const pageFiles = timeline.entries.filter(
    (entry) => entry.type === 'navigation' || requests.get(entry.url)?.initiator.startsWith('parser'),
  );
  const lastByte = Math.max(...pageFiles.map((entry) => entry.end));
  const pageBytes = pageFiles.reduce((sum, entry) => sum + entry.bytes, 0);
  console.log(
    `\n${label}: the page's ${pageFiles.length} files (${(pageBytes / 1024).toFixed(1)} KiB) are in by ${pad(lastByte, 0)} ms; ` +
      `from there ${pad(marked - lastByte, 0)} ms to the mark and ${pad(timeline.firstFrame - marked, 0)} ms more to the first frame stamped after it ` +
      `(${pad(timeline.firstFrame, 0)} ms; the first frame to run after it ran at ${pad(timeline.firstFrameRun, 0)} ms)`,
  );
}

/** When the last of the files the page's parser asked for (those requested before it finished parsing) ended. */
function pageFilesIn(page: Page): Promise<number> {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return Math.max(
      navigation.responseEnd,
      ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => entry.startTime <= navigation.domInteractive)
        .map((entry) => entry.responseEnd),
    );
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  const { gameDir, bareDir } = await buildGameAndBare();
  precompressFolder(bareDir);
  const game = await serveCompressed(gameDir);
  const bare = await serveCompressed(bareDir);
  const browser = await launchChromium();
  const loadBefore = loadavg()[0]!;

  await tracedLoad(browser, 'The game', game.url, TITLE_INTERACTIVE_MARK);
  await tracedLoad(browser, 'Bare Phaser', bare.url, BARE_CREATE_MARK);

  const times = { game: [] as number[], bare: [] as number[] };
  const ran = { game: [] as number[], bare: [] as number[] };
  const filesIn = { game: [] as number[], bare: [] as number[] };
  for (let i = 0; i < PAIRS; i += 1) {
    console.log(`Cold load pair ${i + 1} of ${PAIRS} on the emulated school Wi-Fi…`);
    const gamePage = await coldLoad(browser, game.url, TITLE_INTERACTIVE_MARK, times.game, { bytes: [] }, ran.game);
    filesIn.game.push(await pageFilesIn(gamePage));
    await gamePage.context().close();
    const barePage = await coldLoad(browser, bare.url, BARE_CREATE_MARK, times.bare, { bytes: [] }, ran.bare);
    filesIn.bare.push(await pageFilesIn(barePage));
    await barePage.context().close();
  }
  await browser.close();
  await game.close();
  await bare.close();
  const describe = (samples: number[]) =>
    `${median(samples).toFixed(0)} ms (${Math.min(...samples).toFixed(0)}–${Math.max(...samples).toFixed(0)})`;
  console.log(`\nThe first frame stamped after the mark, median of ${PAIRS} (min–max):`);
  console.log(`  game ${describe(times.game)}, bare Phaser ${describe(times.bare)}`);
  console.log(`  ratio ${(median(times.game) / median(times.bare)).toFixed(3)} (goal ≤ 0.75)`);
  console.log(`The page's own files all in (the part the line decides), median of ${PAIRS} (min–max):`);
  console.log(`  game ${describe(filesIn.game)}, bare Phaser ${describe(filesIn.bare)}`);
  console.log(`The first frame to run after the mark, when it ran, median of ${PAIRS} (min–max):`);
  console.log(`  game ${describe(ran.game)}, bare Phaser ${describe(ran.bare)}`);
  console.log(`  ratio ${(median(ran.game) / median(ran.bare)).toFixed(3)}`);
  console.log(`Load average (1 min) before ${loadBefore.toFixed(2)}, after ${loadavg()[0]!.toFixed(2)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
