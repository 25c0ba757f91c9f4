/**
 * `npm run bench:title-profile`: where a cold load's time goes until the title is interactive on a fast link, against
 * bare Phaser's create(), from Chromium's own trace (CPU samples, compile and task events) on the production build.
 *
 *   npm run bench:title-profile                 profile both pages (BENCH_PROFILE_LOADS cold loads each, default 5)
 *   npm run bench:title-profile -- --ab A B…    built game folders against each other and bare Phaser (BENCH_AB_LOADS
 *                                               rounds of cold loads, default 15, in turn): navigation → the first
 *                                               frame after the title's mark (bare: after create()), as bench/run.ts
 *
 * The profile splits the time from navigation to the first frame after the mark into the main thread's work by
 * phase and the JS samples by the source file and function they were in (source maps of a build made with them).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { build } from 'vite';
import { serveStatic } from '../scripts/static-server';
import { TITLE_INTERACTIVE_MARK } from '../src/game/pageConstants';
import { launchChromium } from '../tests/browser/chromium';
import { BARE_CREATE_MARK } from './bare/marks';

const root = join(import.meta.dirname, '..');
const PROFILE_LOADS = Number(process.env.BENCH_PROFILE_LOADS ?? 5);
/** Where to keep each load's trace (open it in Chromium's DevTools, Performance panel), when set. */
const TRACE_DIR = process.env.BENCH_PROFILE_TRACES;
const AB_LOADS = Number(process.env.BENCH_AB_LOADS ?? 15);
const VIEWPORT = { width: 1366, height: 768 };
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'loading',
  'disabled-by-default-v8.cpu_profiler',
].join(',');
/** How many functions the profile lists, by self time. */
const TOP_FUNCTIONS = 25;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string };
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  parent?: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The start of every animation frame, recorded from before the page's own scripts run. */
function recordFrames(): void {
  const frames: number[] = [];
  (window as unknown as { frameStarts: number[] }).frameStarts = frames;
  const onFrame = (now: number) => {
    frames.push(now);
    if (frames.length < 600) requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript('window.__name = (fn) => fn;');
  await page.addInitScript(recordFrames);
  return page;
}

/** Navigation → the start of the first frame after the mark, in the page's own milliseconds. */
async function firstFrameAfterMark(page: Page, mark: string): Promise<{ markMs: number; frameMs: number }> {
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: 30_000 });
  const markMs = await page.evaluate((name) => performance.getEntriesByName(name).at(-1)!.startTime, mark);
  await page.waitForFunction(
    (after) => (window as unknown as { frameStarts: number[] }).frameStarts.some((start) => start > after),
    markMs,
    { timeout: 30_000 },
  );
  const frameMs = await page.evaluate(
    (after) => (window as unknown as { frameStarts: number[] }).frameStarts.find((start) => start > after)!,
    markMs,
  );
  return { markMs, frameMs };
}

async function tracedLoad(browser: Browser, url: string, mark: string) {
  const page = await newPage(browser);
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (message) => events.push(...(message.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  await page.goto(url);
  const times = await firstFrameAfterMark(page, mark);
  // Let the frame itself finish before the trace stops.
  await page.waitForTimeout(100);
  await cdp.send('Tracing.end');
  await complete;
  await page.context().close();
  if (TRACE_DIR) {
    mkdirSync(TRACE_DIR, { recursive: true });
    writeFileSync(join(TRACE_DIR, `${new URL(url).port}-${Date.now()}.json`), JSON.stringify({ traceEvents: events }));
  }
  return { events, ...times };
}

/** Source maps of the built scripts, to name a sample's source file and function. */
class SourceNames {
  private readonly maps = new Map<string, SourceMapConsumer | null>();

  constructor(private readonly dir: string) {}

  name(frame: CallFrame): { file: string; name: string } {
    if (!frame.url) return { file: '(native)', name: frame.functionName || '(anonymous)' };
    const script = new URL(frame.url).pathname;
    let map = this.maps.get(script);
    if (map === undefined) {
      const path = join(this.dir, `${script}.map`);
      map = existsSync(path) ? new SourceMapConsumer(JSON.parse(readFileSync(path, 'utf8')) as RawSourceMap) : null;
      this.maps.set(script, map);
    }
    if (!map) return { file: script, name: frame.functionName || '(top level)' };
    const original = map.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
    const file = original.source
      ? relative(root, join(this.dir, 'assets', original.source)).replace(/^node_modules\//, '')
      : script;
    const name =
      frame.functionName || (frame.lineNumber === 0 && frame.columnNumber === 0 ? '(top level)' : '(anonymous)');
    return { file, name: `${name} ${file}:${original.line ?? '?'}` };
  }
}

/** Which part of the start a JS sample belongs to, by the files on its stack (innermost first). */
function phaseOf(files: string[], leafName: string): string {
  if (leafName === '(garbage collector)') return 'garbage collection';
  if (leafName === '(program)') return 'browser (style, layout, paint, native)';
  if (leafName === '(idle)') return 'idle';
  const gl =
    /^(texImage2D|texSubImage2D|bufferData|compileShader|linkProgram|getProgramParameter|getShaderParameter|drawElements|drawArrays|getContext|uniform\w+|bindTexture|generateMipmap)$/;
  const ours = files.filter((file) => file.startsWith('src/') && !file.startsWith('src/engine/'));
  const inTitle = ours.some((file) => file === 'src/scenes/TitleScene.ts');
  const prefix = inTitle
    ? 'title build: '
    : ours.length > 0
      ? 'game: '
      : files.some((f) => f.startsWith('phaser/'))
        ? 'Phaser: '
        : '';
  if (gl.test(leafName)) return `${prefix}GL (${leafName})`;
  if (leafName === 'measureText' || leafName === 'fillText' || leafName === 'strokeText')
    return `${prefix}canvas text (${leafName})`;
  if (inTitle) {
    const innermost = ours[0]!;
    return `title build: ${innermost}`;
  }
  if (ours.length > 0) return `game: ${ours[0]}`;
  if (files.some((file) => file.startsWith('phaser/')))
    return `Phaser: ${files
      .find((f) => f.startsWith('phaser/'))!
      .split('/')
      .slice(0, 3)
      .join('/')}`;
  return `other: ${files[0] ?? leafName}`;
}

function analyse(load: Awaited<ReturnType<typeof tracedLoad>>, names: SourceNames, mark: string) {
  const { events } = load;
  const markEvent = events.find((event) => event.cat.includes('blink.user_timing') && event.name === mark);
  if (!markEvent) throw new Error(`The trace has no "${mark}" mark`);
  const pid = markEvent.pid;
  const mainTid = events.find(
    (event) =>
      event.pid === pid && event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
  )?.tid;
  // The page's zero: the mark's trace time less its page time.
  const zero = markEvent.ts - load.markMs * 1000;
  const end = zero + load.frameMs * 1000;
  const onMain = (event: TraceEvent) => event.pid === pid && event.tid === mainTid;
  const within = (event: TraceEvent) => event.ts >= zero && event.ts < end;
  const sumMs = (filter: (event: TraceEvent) => boolean) =>
    events
      .filter((event) => event.ph === 'X' && within(event) && filter(event))
      .reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
  const timeline: Record<string, number> = {
    'main thread busy (tasks)': sumMs((e) => onMain(e) && e.name === 'RunTask'),
    'script compile on main (v8.compile, v8.compileModule)': sumMs(
      (e) => onMain(e) && (e.name === 'v8.compile' || e.name === 'v8.compileModule'),
    ),
    'lazy function compile on main (V8.CompileLazy…)': sumMs(
      (e) => onMain(e) && /^V8\.(CompileLazy|LazyCompile)/.test(e.name),
    ),
    'module evaluation (v8.evaluateModule)': sumMs((e) => onMain(e) && e.name === 'v8.evaluateModule'),
    'parse/compile off main (v8.parseOnBackground, streaming)': sumMs(
      (e) => !onMain(e) && e.pid === pid && /parseOnBackground|StreamingCompile|BackgroundCompile/i.test(e.name),
    ),
    'animation frames (FireAnimationFrame)': sumMs((e) => onMain(e) && e.name === 'FireAnimationFrame'),
    'style and layout': sumMs((e) => onMain(e) && (e.name === 'UpdateLayoutTree' || e.name === 'Layout')),
    'paint and composite': sumMs(
      (e) => onMain(e) && /^(Paint|PrePaint|Layerize|UpdateLayer|Commit|CompositeLayers)$/.test(e.name),
    ),
    'garbage collection (MinorGC, MajorGC)': sumMs((e) => onMain(e) && /^(MinorGC|MajorGC)$/.test(e.name)),
    'HTML parse': sumMs((e) => onMain(e) && e.name === 'ParseHTML'),
  };
  // CPU samples: the profile's nodes and its samples come in chunks on the main thread's profile.
  const nodes = new Map<number, ProfileNode>();
  const samples: { node: number; ts: number }[] = [];
  let profileStart = 0;
  const profileEvent = events.find((event) => event.name === 'Profile' && event.pid === pid && event.tid === mainTid);
  const profileId = profileEvent?.id;
  if (profileEvent) profileStart = (profileEvent.args?.data as { startTime: number }).startTime;
  let clock = profileStart;
  for (const event of events) {
    if (event.name !== 'ProfileChunk' || event.pid !== pid || event.id !== profileId) continue;
    const data = event.args?.data as {
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    ids.forEach((id, i) => {
      clock += deltas[i] ?? 0;
      samples.push({ node: id, ts: clock });
    });
  }
  const phases = new Map<string, number>();
  /** When each phase was first and last sampled, in ms after navigation: the order things happen in. */
  const spans = new Map<string, { first: number; last: number }>();
  /** Stretches of 4 ms or more in which the main thread sat idle (waiting for the network, a compile, a decode). */
  const idleGaps: { from: number; ms: number }[] = [];
  let idleFrom = -1;
  const selfByFunction = new Map<string, number>();
  /** Inclusive time of every function on the stack while the title was being built. */
  const titleInclusive = new Map<string, number>();
  const stackCache = new Map<number, { files: string[]; names: string[] }>();
  const stackOf = (id: number) => {
    let cached = stackCache.get(id);
    if (cached) return cached;
    const files: string[] = [];
    const fnNames: string[] = [];
    for (let node = nodes.get(id); node; node = node.parent === undefined ? undefined : nodes.get(node.parent)) {
      const named = names.name(node.callFrame);
      files.push(named.file);
      fnNames.push(named.name);
    }
    cached = { files, names: fnNames };
    stackCache.set(id, cached);
    return cached;
  };
  // Each node's parent, from its children lists.
  for (const node of nodes.values()) {
    for (const child of (node as unknown as { children?: number[] }).children ?? []) {
      const childNode = nodes.get(child);
      if (childNode) childNode.parent = node.id;
    }
  }
  samples.sort((a, b) => a.ts - b.ts);
  for (let i = 0; i < samples.length; i += 1) {
    const sample = samples[i]!;
    if (sample.ts < zero || sample.ts >= end) continue;
    const next = samples[i + 1]?.ts ?? sample.ts;
    const ms = Math.min(next - sample.ts, 5000) / 1000;
    const stack = stackOf(sample.node);
    const leaf = nodes.get(sample.node)!.callFrame.functionName;
    const phase = phaseOf(stack.files, leaf);
    phases.set(phase, (phases.get(phase) ?? 0) + ms);
    const at = (sample.ts - zero) / 1000;
    const coarse = phase.replace(/^(title build|game|Phaser): .*/, '$1');
    const span = spans.get(coarse);
    if (span) span.last = at + ms;
    else spans.set(coarse, { first: at, last: at + ms });
    if (phase === 'idle' && idleFrom < 0) idleFrom = at;
    if (phase !== 'idle' && idleFrom >= 0) {
      if (at - idleFrom >= 4) idleGaps.push({ from: idleFrom, ms: at - idleFrom });
      idleFrom = -1;
    }
    if (phase.startsWith('title build')) {
      for (const name of new Set(stack.names)) titleInclusive.set(name, (titleInclusive.get(name) ?? 0) + ms);
    }
    selfByFunction.set(stack.names[0]!, (selfByFunction.get(stack.names[0]!) ?? 0) + ms);
  }
  return {
    toFrameMs: load.frameMs,
    markMs: load.markMs,
    timeline,
    phases,
    spans,
    idleGaps,
    selfByFunction,
    titleInclusive,
  };
}

type Analysis = ReturnType<typeof analyse>;

function report(label: string, runs: Analysis[]): void {
  console.log(`\n=== ${label}: ${runs.length} cold loads (medians) ===`);
  console.log(
    `navigation → mark ${median(runs.map((r) => r.markMs)).toFixed(1)} ms; → first frame after it ${median(runs.map((r) => r.toFrameMs)).toFixed(1)} ms`,
  );
  console.log('\nTrace events in that span:');
  for (const key of Object.keys(runs[0]!.timeline)) {
    console.log(
      `  ${median(runs.map((r) => r.timeline[key]!))
        .toFixed(1)
        .padStart(7)} ms  ${key}`,
    );
  }
  const medianOf = (maps: Map<string, number>[], limit: number) => {
    const keys = new Set(maps.flatMap((map) => [...map.keys()]));
    return [...keys]
      .map((key) => ({ key, ms: median(maps.map((map) => map.get(key) ?? 0)) }))
      .filter((entry) => entry.ms >= 0.05)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, limit);
  };
  console.log('\nCPU samples on the main thread by phase (the title build split by the innermost file of ours):');
  for (const { key, ms } of medianOf(
    runs.map((r) => r.phases),
    60,
  ))
    console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${key}`);
  console.log('\nFirst and last sample of each part, ms after navigation (the first load):');
  for (const [key, span] of [...runs[0]!.spans].sort((a, b) => a[1].first - b[1].first)) {
    console.log(`  ${span.first.toFixed(0).padStart(5)}–${span.last.toFixed(0).padEnd(5)} ${key}`);
  }
  console.log(
    `  idle stretches: ${runs[0]!.idleGaps.map((gap) => `${gap.from.toFixed(0)}+${gap.ms.toFixed(0)}`).join(', ')}`,
  );
  if (runs[0]!.titleInclusive.size > 0) {
    console.log(`\nThe title's build, top ${TOP_FUNCTIONS * 2} functions by inclusive time:`);
    for (const { key, ms } of medianOf(
      runs.map((r) => r.titleInclusive),
      TOP_FUNCTIONS * 2,
    )) {
      console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${key}`);
    }
  }
  console.log(`\nTop ${TOP_FUNCTIONS} functions by self time:`);
  for (const { key, ms } of medianOf(
    runs.map((r) => r.selfByFunction),
    TOP_FUNCTIONS,
  )) {
    console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${key}`);
  }
}

async function buildWithMaps(projectRoot: string, outDir: string): Promise<void> {
  await build({
    configFile: join(root, 'vite.config.ts'),
    root: projectRoot,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: 'hidden' },
  });
}

async function profile(): Promise<void> {
  const gameDir = join(root, 'dist-bench', 'profile-game');
  const bareDir = join(root, 'dist-bench', 'profile-bare');
  console.log('Building the game and bare Phaser (with source maps)…');
  await buildWithMaps(root, gameDir);
  await buildWithMaps(join(root, 'bench', 'bare'), bareDir);
  const game = await serveStatic(gameDir, 0);
  const bare = await serveStatic(bareDir, 0);
  const browser = await launchChromium();
  const runs = { game: [] as Analysis[], bare: [] as Analysis[] };
  console.log(
    `Load average before: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  for (let i = 0; i < PROFILE_LOADS; i += 1) {
    console.log(`Traced cold load pair ${i + 1} of ${PROFILE_LOADS}…`);
    runs.game.push(
      analyse(
        await tracedLoad(browser, game.url, TITLE_INTERACTIVE_MARK),
        new SourceNames(gameDir),
        TITLE_INTERACTIVE_MARK,
      ),
    );
    runs.bare.push(
      analyse(await tracedLoad(browser, bare.url, BARE_CREATE_MARK), new SourceNames(bareDir), BARE_CREATE_MARK),
    );
  }
  await browser.close();
  game.server.close();
  bare.server.close();
  report('The game, to the first frame after the title is interactive', runs.game);
  report('Bare Phaser, to the first frame after create()', runs.bare);
  console.log(
    `\nLoad average after: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
}

/**
 * Built game folders and bare Phaser (built here), cold loads in turn with the order rotated each round, each to the
 * first frame after its mark (untraced): the games' title mark, bare Phaser's create().
 */
async function compare(folders: string[]): Promise<void> {
  const bareDir = join(root, 'dist-bench', 'profile-bare');
  await buildWithMaps(join(root, 'bench', 'bare'), bareDir);
  const pages = [
    ...folders.map((folder) => ({ label: folder, folder, mark: TITLE_INTERACTIVE_MARK })),
    { label: 'bare Phaser', folder: bareDir, mark: BARE_CREATE_MARK },
  ];
  const servers = await Promise.all(pages.map((entry) => serveStatic(entry.folder, 0)));
  const browser = await launchChromium();
  const times = pages.map(() => [] as number[]);
  const load = () =>
    loadavg()
      .map((n) => n.toFixed(2))
      .join(' ');
  console.log(`Load average before: ${load()}`);
  for (let round = 0; round < AB_LOADS; round += 1) {
    for (let turn = 0; turn < pages.length; turn += 1) {
      const index = (round + turn) % pages.length;
      const page = await newPage(browser);
      await page.goto(servers[index]!.url);
      times[index]!.push((await firstFrameAfterMark(page, pages[index]!.mark)).frameMs);
      await page.context().close();
    }
  }
  await browser.close();
  for (const server of servers) server.server.close();
  const bare = median(times.at(-1)!);
  pages.forEach((entry, index) => {
    const values = times[index]!;
    console.log(
      `${entry.label}: ${median(values).toFixed(1)} ms (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}), ${(median(values) / bare).toFixed(3)} of bare Phaser, ${(median(values) / median(times[0]!)).toFixed(3)} of the first`,
    );
  });
  console.log(`Load average after: ${load()}`);
}

const args = process.argv.slice(2);
const run = args[0] === '--ab' && args.length > 1 ? compare(args.slice(1)) : profile();
run.catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
