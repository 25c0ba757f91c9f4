/**
 * Pictures of every screen, for comparing a change that should not alter the look:
 *
 *   npx tsx scripts/screens.ts capture <folder>    builds the game, serves it and walks every screen
 *   npx tsx scripts/screens.ts compare <before> <after>
 *
 * The walk is deterministic: fixed seeds for every random draw in the page and in the class server (which runs in
 * this process), a fixed date, no timer and reduced motion. It runs at 1366×768 and at 390×844 with 150 % text,
 * each in both themes. SCREENS_ROOT builds another checkout of the game (an older commit, say) instead of this one.
 */
import nodeCrypto from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { build } from 'vite';
import { checkBankBundle } from '../src/core/bankBundle';
import { PREFERENCES_KEY } from '../src/storage/PreferencesStore';
import { launchChromium } from '../tests/browser/chromium';

const root = process.env.SCREENS_ROOT ?? join(import.meta.dirname, '..');
/** Every screen is pictured once it is at rest: with reduced motion, only textures still being uploaded. */
const SETTLE_MS = 500;
const FIXED_DATE = new Date('2026-03-02T10:00:00Z');
const SEED = 20260302;

interface Setup {
  name: string;
  viewport: { width: number; height: number };
  textScale: number;
  highContrast: boolean;
}

const SETUPS: Setup[] = [
  { name: '1366x768', viewport: { width: 1366, height: 768 }, textScale: 1, highContrast: false },
  { name: '1366x768-contrast', viewport: { width: 1366, height: 768 }, textScale: 1, highContrast: true },
  { name: '390x844-text150', viewport: { width: 390, height: 844 }, textScale: 1.5, highContrast: false },
  { name: '390x844-text150-contrast', viewport: { width: 390, height: 844 }, textScale: 1.5, highContrast: true },
];

/**
 * Replaces the page's random sources with seeded generators (mulberry32), before any script runs: one for
 * Math.random (Phaser draws from it as frames come), one for crypto (the game's seeds and nicknames), so the rounds
 * dealt do not depend on how many frames were drawn before. Plain JavaScript in a string: a function compiled here
 * would carry the compiler's helpers, which the page does not have.
 */
function seedPageScript(seed: number): string {
  return `(() => {
    const generator = (start) => {
      let state = start >>> 0;
      return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return (t ^ (t >>> 14)) >>> 0;
      };
    };
    const forMath = generator(${seed});
    const forCrypto = generator(${seed ^ 0x5bd1e995});
    Math.random = () => forMath() / 2 ** 32;
    crypto.getRandomValues = (array) => {
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      for (let i = 0; i < bytes.length; i += 1) bytes[i] = forCrypto() & 0xff;
      return array;
    };
    window.seededForScreens = true;
  })();`;
}

/**
 * The class server's random draws (class codes, seeds, tokens), seeded for this process only: pictures, not safety.
 * Only the server's own calls are seeded; Playwright, in the same process, draws from crypto as events come.
 */
function seedServer(seed: number): void {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  const fromServer = () => /src[\\/]server[\\/]/.test(new Error().stack ?? '');
  const { randomBytes: realBytes, randomInt: realInt } = nodeCrypto;
  const randomBytes = (size: number) =>
    fromServer() ? Buffer.from(Array.from({ length: size }, () => next() >>> 24)) : realBytes(size);
  const randomInt = (min: number, max?: number) => {
    if (!fromServer()) return max === undefined ? realInt(min) : realInt(min, max);
    const [low, high] = max === undefined ? [0, min] : [min, max];
    return low + (next() % (high - low));
  };
  Object.assign(nodeCrypto, { randomBytes, randomInt });
  syncBuiltinESMExports();
}

async function waitForScreen(page: Page, screen: string): Promise<void> {
  await page.waitForSelector(`#a11y[data-screen="${screen}"]`, { timeout: 20_000 });
}

class Walk {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly folder: string,
    private readonly setup: Setup,
  ) {}

  /** Waits for the screen, lets it settle and keeps its picture as <screen>[-n]-<setup>.png. */
  async shot(page: Page, screen: string, mask: string[] = []): Promise<void> {
    if (!screen.startsWith('host')) await waitForScreen(page, screen);
    await page.waitForTimeout(SETTLE_MS);
    const count = (this.seen.get(screen) ?? 0) + 1;
    this.seen.set(screen, count);
    const name = `${screen}${count > 1 ? `-${count}` : ''}-${this.setup.name}.png`;
    await page.screenshot({ path: join(this.folder, name), mask: mask.map((selector) => page.locator(selector)) });
  }
}

async function openPage(browser: Browser, url: string, setup: Setup, seed: number): Promise<Page> {
  const context = await browser.newContext({ viewport: setup.viewport });
  const page = await context.newPage();
  await page.clock.setFixedTime(FIXED_DATE);
  await page.addInitScript({ content: seedPageScript(seed) });
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
    PREFERENCES_KEY,
    JSON.stringify({
      time: 'off',
      questionCount: 5,
      motion: 'reduce',
      textScale: setup.textScale,
      highContrast: setup.highContrast,
    }),
  ] as const);
  await page.goto(url);
  if (!(await page.evaluate(() => 'seededForScreens' in window))) throw new Error('The page was not seeded');
  return page;
}

async function press(page: Page, key: string, then: string): Promise<void> {
  await page.keyboard.press(key);
  await waitForScreen(page, then);
}

async function choose(page: Page, name: string, then: string, built?: string): Promise<void> {
  await page.focus(`#a11y button[data-name="${name}"]`);
  await page.keyboard.press('Enter');
  await waitForScreen(page, then);
  if (built) await page.waitForSelector(built);
}

/** An entry of the title's; large text on a phone puts the other entries on the title's More page. */
async function chooseOnTitle(page: Page, name: string, then: string, built?: string): Promise<void> {
  if (!(await page.$(`#a11y button[data-name="${name}"]`)) && (await page.$('#a11y button[data-name="More"]'))) {
    await choose(page, 'More', 'title', `#a11y button[data-name="${name}"]`);
  }
  await choose(page, name, then, built);
}

/**
 * One step of the walk: a key, or a button by its name ("button:Name", with a selector to wait for when the screen
 * builds in two steps), the screen it leads to, and whether that screen is pictured.
 */
type Step = [how: string, screen: string, shoot: boolean, built?: string];

async function walkSteps(page: Page, walk: Walk, steps: Step[]): Promise<void> {
  for (const [how, screen, shoot, built] of steps) {
    if (how.startsWith('button:')) await choose(page, how.slice('button:'.length), screen, built);
    else await press(page, how, screen);
    if (shoot) await walk.shot(page, screen);
  }
}

async function walkGame(browser: Browser, url: string, folder: string, setup: Setup): Promise<void> {
  const walk = new Walk(folder, setup);
  const page = await openPage(browser, url, setup, SEED);
  await walk.shot(page, 'title');
  await walkSteps(page, walk, [
    ['s', 'settings', true],
    ['button:topics', 'topics', true],
    ['Escape', 'settings', false],
    ['Escape', 'title', false],
    ['button:How to play', 'how-to-play', true],
    ['Escape', 'title', false],
    ['h', 'high-scores', true],
    ['Escape', 'title', false],
    ['t', 'timeline', true],
    ['Escape', 'title', false],
  ]);
  await chooseOnTitle(page, 'Your questions', 'custom-banks', '#a11y button[data-name="load-file"]');
  await walk.shot(page, 'custom-banks');
  await press(page, 'Escape', 'title');

  // A Classic round of five: right, then wrong (the streak and both outcomes), a pause, and the screens after it.
  await press(page, 'Enter', 'question');
  await walk.shot(page, 'question');
  for (let number = 1; number <= 5; number += 1) {
    if (number > 1) await waitForScreen(page, 'question');
    if (number === 2) {
      await press(page, 'p', 'pause');
      await walk.shot(page, 'pause');
      await press(page, 'Enter', 'question');
    }
    await press(page, String((number % 4) + 1), 'reveal');
    if (number <= 2) await walk.shot(page, 'reveal');
    await page.keyboard.press('Enter');
  }
  // The first score saved on a device asks for a name to save it under; Escape keeps the one offered.
  await walk.shot(page, 'results');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#a11y input', { state: 'detached' });
  await walk.shot(page, 'results');
  await walkSteps(page, walk, [
    ['y', 'report', true],
    ['t', 'timeline', true],
    ['Escape', 'results', false],
    ['s', 'share', true],
    ['Escape', 'results', false],
    ['h', 'high-scores', true],
    ['Escape', 'title', false],
    // Fact-check: the claim, the question, the wager and the side-by-side reveal; then the daily round.
    ['f', 'claim', true],
    ['2', 'question', true],
    ['1', 'wager', true],
    ['1', 'reveal', true],
    // A way out of a round asks first.
    ['Escape', 'pause', false],
    ['button:Quit to title', 'title', false],
    ['d', 'question', true],
  ]);
  await page.context().close();
}

async function walkClass(browser: Browser, url: string, folder: string, setup: Setup): Promise<void> {
  const walk = new Walk(folder, setup);
  const teacher = await openPage(browser, new URL('host.html', url).href, setup, SEED);
  await teacher.waitForSelector('form[data-name="setup"]');
  await walk.shot(teacher, 'host-setup');
  await teacher.fill('#question-count', '2');
  // Self-paced, as the walk pictures it: each student goes on from a reveal with Enter (a live lesson is the form's
  // default, and there the teacher moves the class on).
  await teacher.check('input[name="pace"][value="self"]');
  await teacher.click('form[data-name="setup"] button[type="submit"]');
  await teacher.waitForSelector('[data-name="class-code"]');
  const code = (await teacher.textContent('[data-name="class-code"]'))!;
  await teacher.waitForFunction(() => document.body.dataset.live === 'live');
  const masked = ['[data-name="class-code"]', '[data-name="join-link"]', 'canvas[data-name="qr"]'];
  await walk.shot(teacher, 'host-dashboard', masked);

  const student = await openPage(browser, url, setup, SEED + 1);
  await waitForScreen(student, 'title');
  await chooseOnTitle(student, 'Class', 'class-join');
  await student.waitForFunction(() => document.body.dataset.classMode === 'code');
  await walk.shot(student, 'class-join');
  await student.fill('input[aria-label="Class code"]', code);
  await student.press('input[aria-label="Class code"]', 'Enter');
  await student.waitForFunction(() => document.body.dataset.classMode === 'name');
  await walk.shot(student, 'class-join');
  await press(student, 'Enter', 'class-wait');
  await walk.shot(student, 'class-wait');
  await teacher.waitForFunction(() => document.querySelectorAll('table[data-name="roster"] tr[data-player]').length);
  await teacher.click('[data-name="start"]');
  for (let number = 1; number <= 2; number += 1) {
    await waitForScreen(student, 'class-question');
    if (number === 1) await walk.shot(student, 'class-question');
    await press(student, String(number), 'class-reveal');
    await walk.shot(student, 'class-reveal');
    await student.keyboard.press('Enter');
  }
  await walk.shot(student, 'class-results');
  await teacher.waitForFunction(() => document.querySelectorAll('.progress-text').length === 1);
  await walk.shot(teacher, 'host-dashboard', masked);
  await student.context().close();
  await teacher.context().close();
}

async function capture(folder: string): Promise<void> {
  mkdirSync(folder, { recursive: true });
  const outDir = mkdtempSync(join(tmpdir(), 'source-check-screens-build-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'source-check-screens-data-'));
  process.env.NODE_ENV = 'production';
  seedServer(SEED);
  const { startClassServer } = await import('../src/server/class/start');
  await build({ root, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const bank = checkBankBundle(JSON.parse(readFileSync(join(outDir, 'bank.json'), 'utf8'))).bundle!;
  const server = await startClassServer({ bank, dbPath: join(dataDir, 'classes.db'), staticDir: outDir, port: 0 });
  const browser = await launchChromium();
  try {
    for (const setup of SETUPS) {
      await walkGame(browser, server.url, folder, setup);
      await walkClass(browser, server.url, folder, setup);
      console.log(`${setup.name}: done`);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`${readdirSync(folder).length} pictures in ${folder}`);
}

/** Decoded pixels compared exactly: the count of pixels that differ, or why they cannot be compared. */
function difference(before: string, after: string): number | string {
  const a = PNG.sync.read(readFileSync(before));
  const b = PNG.sync.read(readFileSync(after));
  if (a.width !== b.width || a.height !== b.height) return `size ${a.width}×${a.height} → ${b.width}×${b.height}`;
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (a.data.readUInt32BE(i) !== b.data.readUInt32BE(i)) differing += 1;
  }
  return differing;
}

function compare(beforeFolder: string, afterFolder: string): void {
  const before = readdirSync(beforeFolder).filter((name) => name.endsWith('.png'));
  const after = new Set(readdirSync(afterFolder).filter((name) => name.endsWith('.png')));
  let identical = 0;
  const differences: string[] = [];
  for (const name of before) {
    if (!after.has(name)) {
      differences.push(`${name}: missing after`);
      continue;
    }
    after.delete(name);
    const result = difference(join(beforeFolder, name), join(afterFolder, name));
    if (result === 0) identical += 1;
    else differences.push(`${name}: ${typeof result === 'number' ? `${result} pixels differ` : result}`);
  }
  for (const name of after) differences.push(`${name}: new after`);
  console.log(`${before.length} compared, ${identical} identical, ${differences.length} different`);
  for (const line of differences) console.log(`  ${line}`);
}

const [command, first, second] = process.argv.slice(2);
if (command === 'capture' && first) {
  await capture(first);
} else if (command === 'compare' && first && second) {
  compare(first, second);
} else {
  console.error('Usage: tsx scripts/screens.ts capture <folder> | compare <before> <after>');
  process.exitCode = 2;
}
