/**
 * `npm run bench`: the game against the floor it cannot beat — a bare Phaser 4 page built by the same
 * Vite config in the same run — in headless Chromium, alternating A/B over cold loads.
 * Prints a table of medians, min–max and ratios, and writes the same figures to bench/results.json.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { serveStatic } from '../scripts/static-server';
import { precompressFolder } from '../src/server/precompress';
import { ANSWER_FEEDBACK_MARK, TITLE_INTERACTIVE_MARK } from '../src/game/pageConstants';
import { launchChromium } from '../tests/browser/chromium';
import { BARE_CREATE_MARK } from './bare/marks';
import { initialJsGzipBytes } from './initialJs';
import { buildGameAndBare, coldLoad, markTime, newPage } from './coldLoad';
import { SCHOOL_WIFI, serveCompressed } from './slowNetwork';

const root = join(import.meta.dirname, '..');
const COLD_LOADS = Number(process.env.BENCH_LOADS ?? 5);
/**
 * Navigation alone is measured on more cold-load pairs than the rest: its medians moved by 30–40 ms between runs
 * of five pairs on the same machine, which moved the ratio by ±0.1. The extra pairs only load and measure.
 */
const NAVIGATION_LOADS = Math.max(COLD_LOADS, Number(process.env.BENCH_NAV_LOADS ?? 15));
/** Cold-load pairs on the emulated school Wi-Fi (each takes seconds, not milliseconds). */
const SLOW_LOADS = Number(process.env.BENCH_SLOW_LOADS ?? 5);
const FRAME_SAMPLE_MS = 10_000;
const HEAP_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
/** A phone at a device pixel ratio of 3, where the game draws at twice its game pixels (src/ui/renderScale.ts). */
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 };

/** Goals from the issue: ratios against bare Phaser, absolute latency, absolute heap growth. */
const GOALS = {
  initialJsGzipRatio: 0.6,
  titleInteractiveRatio: 1.0,
  slowTitleInteractiveRatio: 0.75,
  answerFeedbackMs: 16.7,
  frameP95Ratio: 1.1,
  heapGrowthBytes: 2 * 1024 * 1024,
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** requestAnimationFrame deltas over a span, measured in the page. */
async function frameDeltas(page: Page, durationMs: number): Promise<number[]> {
  return page.evaluate(
    (duration) =>
      new Promise<number[]>((resolve) => {
        const deltas: number[] = [];
        let last = -1;
        let start = -1;
        const tick = (now: number) => {
          if (start < 0) start = now;
          if (last >= 0) deltas.push(now - last);
          last = now;
          if (now - start < duration) requestAnimationFrame(tick);
          else resolve(deltas);
        };
        requestAnimationFrame(tick);
      }),
    durationMs,
  );
}

async function waitForScreen(page: Page, screen: string): Promise<void> {
  await page.waitForSelector(`#a11y[data-screen="${screen}"]`, { timeout: 30_000 });
}

async function heapAndCounters(page: Page, cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const dom = (await cdp.send('Memory.getDOMCounters')) as { jsEventListeners: number; nodes: number };
  const textures = await page.evaluate(() => (window as unknown as { liveTextures: number }).liveTextures);
  return { heapBytes: heap.usedSize, listeners: dom.jsEventListeners, nodes: dom.nodes, textures };
}

async function playRound(page: Page): Promise<void> {
  for (let i = 0; i < 10; i += 1) {
    await waitForScreen(page, 'question');
    await page.keyboard.press('1');
    await waitForScreen(page, 'reveal');
    await page.keyboard.press('Enter');
  }
  await waitForScreen(page, 'results');
}

function row(label: string, game: string, bare: string, ratio: string, goal: string, met: boolean | null): string[] {
  return [label, game, bare, ratio, goal, met === null ? '' : met ? 'met' : 'MISSED'];
}

function spread(samples: number[]) {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), samples };
}

type Spread = ReturnType<typeof spread>;

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** A navigation measure's two rows: the medians with their ratio, then each page's min–max. */
function navigationRows(label: string, figures: { game: Spread; bare: Spread; ratio: number }, goal: number) {
  return [
    row(
      label,
      ms(figures.game.median),
      ms(figures.bare.median),
      figures.ratio.toFixed(3),
      `≤ ${goal}`,
      figures.ratio <= goal,
    ),
    row(
      '  min–max',
      `${ms(figures.game.min)}–${ms(figures.game.max)}`,
      `${ms(figures.bare.min)}–${ms(figures.bare.max)}`,
      '',
      '',
      null,
    ),
  ];
}

async function main(): Promise<void> {
  const { gameDir, bareDir } = await buildGameAndBare();
  const gameServer = await serveStatic(gameDir, 0);
  const bareServer = await serveStatic(bareDir, 0);
  const browser = await launchChromium();

  const gzip = { game: initialJsGzipBytes(gameDir), bare: initialJsGzipBytes(bareDir) };
  const load = { game: [] as number[], bare: [] as number[] };
  const frames = { game: [] as number[], bare: [] as number[] };
  const feedback: number[] = [];
  const feedbackFrameStart: number[] = [];
  const framesWaited: number[] = [];

  for (let i = 0; i < COLD_LOADS; i += 1) {
    console.log(`Cold load pair ${i + 1} of ${COLD_LOADS}…`);
    // A: the game — navigation to title interactive, a question with its countdown, an answer.
    const game = await coldLoad(browser, gameServer.url, TITLE_INTERACTIVE_MARK, load.game);
    await game.keyboard.press('Enter');
    await waitForScreen(game, 'question');
    frames.game.push(...(await frameDeltas(game, FRAME_SAMPLE_MS / Math.min(COLD_LOADS, 2))));
    for (let q = 0; q < 3; q += 1) {
      await waitForScreen(game, 'question');
      await game.waitForTimeout(200);
      await game.keyboard.press('1');
      const shown = await markTime(game, ANSWER_FEEDBACK_MARK);
      const pressed = await game.evaluate(() => (window as unknown as { lastKeyDown: number }).lastKeyDown);
      feedback.push(shown - pressed);
      // The frame that drew the outcome began at the last frame start before the mark; frames that began between
      // the key press and that one are frames the outcome waited through.
      const starts = await game.evaluate(() => (window as unknown as { frameStarts: number[] }).frameStarts);
      const drawnIn = starts.filter((start) => start <= shown).at(-1) ?? shown;
      feedbackFrameStart.push(Math.max(0, drawnIn - pressed));
      framesWaited.push(starts.filter((start) => start > pressed && start < drawnIn).length);
      await game.evaluate((mark) => performance.clearMarks(mark), ANSWER_FEEDBACK_MARK);
      await waitForScreen(game, 'reveal');
      await game.keyboard.press('Enter');
    }
    await game.context().close();
    // B: bare Phaser — navigation to create(), then frames of its one scene.
    const bare = await coldLoad(browser, bareServer.url, BARE_CREATE_MARK, load.bare);
    frames.bare.push(...(await frameDeltas(bare, FRAME_SAMPLE_MS / Math.min(COLD_LOADS, 2))));
    await bare.context().close();
  }

  console.log('Frames on a phone at a device pixel ratio of 3…');
  const phoneFrames = { game: [] as number[], bare: [] as number[] };
  for (let i = 0; i < Math.min(COLD_LOADS, 2); i += 1) {
    const game = await newPage(browser, PHONE);
    await game.goto(gameServer.url);
    await waitForScreen(game, 'title');
    await game.keyboard.press('Enter');
    await waitForScreen(game, 'question');
    phoneFrames.game.push(...(await frameDeltas(game, FRAME_SAMPLE_MS / 2)));
    await game.context().close();
    const bare = await newPage(browser, PHONE);
    await bare.goto(bareServer.url);
    await markTime(bare, BARE_CREATE_MARK);
    phoneFrames.bare.push(...(await frameDeltas(bare, FRAME_SAMPLE_MS / 2)));
    await bare.context().close();
  }

  for (let i = COLD_LOADS; i < NAVIGATION_LOADS; i += 1) {
    console.log(`Cold load pair ${i + 1} of ${NAVIGATION_LOADS} (navigation only)…`);
    await (await coldLoad(browser, gameServer.url, TITLE_INTERACTIVE_MARK, load.game)).context().close();
    await (await coldLoad(browser, bareServer.url, BARE_CREATE_MARK, load.bare)).context().close();
  }

  // Both pages through the class server's static route with their brotli copies (the bare build has none of its
  // own: the game's config makes them only for the game's build).
  precompressFolder(bareDir);
  const gameCompressed = await serveCompressed(gameDir);
  const bareCompressed = await serveCompressed(bareDir);
  const slow = { game: [] as number[], bare: [] as number[] };
  const slowBytes = { game: [] as number[], bare: [] as number[] };
  for (let i = 0; i < SLOW_LOADS; i += 1) {
    console.log(`Cold load pair ${i + 1} of ${SLOW_LOADS} on the emulated school Wi-Fi…`);
    const game = await coldLoad(browser, gameCompressed.url, TITLE_INTERACTIVE_MARK, slow.game, {
      bytes: slowBytes.game,
    });
    await game.context().close();
    const bare = await coldLoad(browser, bareCompressed.url, BARE_CREATE_MARK, slow.bare, { bytes: slowBytes.bare });
    await bare.context().close();
  }
  await gameCompressed.close();
  await bareCompressed.close();

  console.log(`Playing ${HEAP_ROUNDS} rounds for the memory figures…`);
  const page = await newPage(browser);
  const cdp = await page.context().newCDPSession(page);
  await page.goto(gameServer.url);
  await waitForScreen(page, 'title');
  await page.keyboard.press('Enter');
  await playRound(page);
  // The first score saved on a device asks for a name to save it under; Escape keeps the one offered.
  const nameBox = await page.waitForSelector('#a11y input', { timeout: 5000 }).catch(() => null);
  if (nameBox) await page.keyboard.press('Escape');
  const afterFirst = await heapAndCounters(page, cdp);
  for (let round = 2; round <= HEAP_ROUNDS; round += 1) {
    await page.keyboard.press('r');
    await playRound(page);
  }
  const afterLast = await heapAndCounters(page, cdp);
  await browser.close();
  gameServer.server.close();
  bareServer.server.close();

  const ratio = (a: number, b: number) => a / b;
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryBytes: totalmem(),
      node: process.version,
    },
    coldLoadsEach: COLD_LOADS,
    navigationLoadsEach: NAVIGATION_LOADS,
    initialJsGzipBytes: { ...gzip, ratio: ratio(gzip.game, gzip.bare), goal: GOALS.initialJsGzipRatio },
    navigationToInteractiveMs: {
      game: spread(load.game),
      bare: spread(load.bare),
      ratio: ratio(median(load.game), median(load.bare)),
      goal: GOALS.titleInteractiveRatio,
    },
    slowNetworkToInteractiveMs: {
      network: SCHOOL_WIFI,
      loadsEach: SLOW_LOADS,
      game: spread(slow.game),
      bare: spread(slow.bare),
      // What each page had pulled over the network by then (transfer sizes from its resource timings).
      bytesBeforeInteractive: { game: median(slowBytes.game), bare: median(slowBytes.bare) },
      ratio: ratio(median(slow.game), median(slow.bare)),
      goal: GOALS.slowTitleInteractiveRatio,
    },
    answerToFeedbackMs: {
      median: median(feedback),
      p95: percentile(feedback, 95),
      min: Math.min(...feedback),
      max: Math.max(...feedback),
      samples: feedback.length,
      goal: GOALS.answerFeedbackMs,
      // Not a goal, to read the one above: when the frame that drew the outcome began, and how many frames began
      // between the key press and that one (0: the outcome was drawn in the first frame after the input).
      toFeedbackFrameStart: { median: median(feedbackFrameStart), p95: percentile(feedbackFrameStart, 95) },
      framesWaited: { max: Math.max(...framesWaited), samples: framesWaited },
    },
    frameTimeMs: {
      game: { median: median(frames.game), p95: percentile(frames.game, 95), samples: frames.game.length },
      bare: { median: median(frames.bare), p95: percentile(frames.bare, 95), samples: frames.bare.length },
      p95Ratio: ratio(percentile(frames.game, 95), percentile(frames.bare, 95)),
      goal: GOALS.frameP95Ratio,
    },
    frameTimePhoneDpr3Ms: {
      game: { median: median(phoneFrames.game), p95: percentile(phoneFrames.game, 95) },
      bare: { median: median(phoneFrames.bare), p95: percentile(phoneFrames.bare, 95) },
      p95Ratio: ratio(percentile(phoneFrames.game, 95), percentile(phoneFrames.bare, 95)),
      goal: GOALS.frameP95Ratio,
    },
    memory: {
      afterRound1: afterFirst,
      [`afterRound${HEAP_ROUNDS}`]: afterLast,
      heapGrowthBytes: afterLast.heapBytes - afterFirst.heapBytes,
      listenerGrowth: afterLast.listeners - afterFirst.listeners,
      textureGrowth: afterLast.textures - afterFirst.textures,
      goalHeapGrowthBytes: GOALS.heapGrowthBytes,
    },
  };
  writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2));

  const kb = (value: number) => `${(value / 1024).toFixed(1)} KiB`;
  const nav = results.navigationToInteractiveMs;
  const slowNav = results.slowNetworkToInteractiveMs;
  const rows = [
    ['measure', 'game', 'bare Phaser', 'ratio', 'goal', ''],
    row(
      'initial JS, gzip',
      kb(gzip.game),
      kb(gzip.bare),
      results.initialJsGzipBytes.ratio.toFixed(3),
      `≤ ${GOALS.initialJsGzipRatio}`,
      results.initialJsGzipBytes.ratio <= GOALS.initialJsGzipRatio,
    ),
    ...navigationRows(`navigation → interactive, median of ${NAVIGATION_LOADS}`, nav, GOALS.titleInteractiveRatio),
    ...navigationRows(`same on 1.6 Mbps / 150 ms, median of ${SLOW_LOADS}`, slowNav, GOALS.slowTitleInteractiveRatio),
    row(
      '  bytes pulled by then',
      kb(slowNav.bytesBeforeInteractive.game),
      kb(slowNav.bytesBeforeInteractive.bare),
      '',
      '',
      null,
    ),
    row(
      'answer → feedback frame, median',
      ms(results.answerToFeedbackMs.median),
      '',
      '',
      `≤ ${GOALS.answerFeedbackMs} ms`,
      results.answerToFeedbackMs.median <= GOALS.answerFeedbackMs,
    ),
    row(
      'answer → feedback frame, p95',
      ms(results.answerToFeedbackMs.p95),
      '',
      '',
      // A p95 of 16.7 ms from an unaligned key press is a retired goal: the first frame after the input is the goal.
      'not a goal',
      null,
    ),
    row(
      '  key press → start of that frame',
      `${ms(results.answerToFeedbackMs.toFeedbackFrameStart.median)} / ${ms(results.answerToFeedbackMs.toFeedbackFrameStart.p95)}`,
      '',
      '',
      'median / p95',
      null,
    ),
    row(
      '  drawn in the first frame after it',
      `${framesWaited.filter((n) => n === 0).length} of ${framesWaited.length}`,
      '',
      '',
      'every sample',
      framesWaited.length > 0 && framesWaited.every((n) => n === 0),
    ),
    row('frame time, median', ms(results.frameTimeMs.game.median), ms(results.frameTimeMs.bare.median), '', '', null),
    ...(
      [
        ['frame time, p95', results.frameTimeMs],
        ['frame time p95, phone at DPR 3', results.frameTimePhoneDpr3Ms],
      ] as const
    ).map(([label, frame]) =>
      row(
        label,
        ms(frame.game.p95),
        ms(frame.bare.p95),
        frame.p95Ratio.toFixed(3),
        `≤ ${GOALS.frameP95Ratio}`,
        frame.p95Ratio <= GOALS.frameP95Ratio,
      ),
    ),
    row(
      `JS heap, round 1 → ${HEAP_ROUNDS}`,
      `${kb(afterFirst.heapBytes)} → ${kb(afterLast.heapBytes)}`,
      '',
      '',
      '≤ +2 MiB',
      results.memory.heapGrowthBytes <= GOALS.heapGrowthBytes,
    ),
    row(
      `event listeners, round 1 → ${HEAP_ROUNDS}`,
      `${afterFirst.listeners} → ${afterLast.listeners}`,
      '',
      '',
      'no growth',
      afterLast.listeners <= afterFirst.listeners,
    ),
    row(
      `WebGL textures, round 1 → ${HEAP_ROUNDS}`,
      `${afterFirst.textures} → ${afterLast.textures}`,
      '',
      '',
      'no growth',
      afterLast.textures <= afterFirst.textures,
    ),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((r) => r[column]!.length)));
  console.log(`\n${rows.map((r) => r.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')).join('\n')}`);
  console.log(
    `\nMachine: ${results.machine.cpus} × ${results.machine.cpuModel}, ${(results.machine.memoryBytes / 2 ** 30).toFixed(0)} GiB, Node ${results.machine.node}`,
  );
  console.log('Figures written to bench/results.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
