/**
 * The claim, wager, results and title screens laid out at 100 %, 125 % and 150 % text on two phones, a laptop and a
 * full-HD screen: every claim's claim screen and wager, the results of a ten-question round of the bank's longest
 * prompts, and the title with its ways to play. It fails where a text leaves its card or the screen, runs over
 * another text or a button, splits a word, where a screen reports a text it could not fit, and where a text is
 * smaller at a larger text size than at 100 %. One Chromium, one page per screen size, the screens opened directly
 * through the test hooks; with reduced motion, so the layout is judged at rest.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { Question } from '../../src/core/types';
import { bundleBank, loadBankFromDisk } from '../../src/server/bankFiles';
import { pageErrors, screenshot, waitForScreen, type Viewport } from './game';
import { openAtTextScale } from './textScale';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const root = join(import.meta.dirname, '..', '..');
const questions: Question[] = bundleBank(loadBankFromDisk(join(root, 'questions'), root).bank).questions;
const claims = questions.filter((question) => question.claim);
/** The ten longest prompts: the results' review rows at their fullest. */
const longestPrompts = [...questions].sort((a, b) => b.prompt.length - a.prompt.length).slice(0, 10);
const TEXT_SCALES = [1, 1.25, 1.5] as const;
const SIZES: [string, Viewport][] = [
  ['360×640', { width: 360, height: 640 }],
  ['390×844', { width: 390, height: 844 }],
  ['1366×768', { width: 1366, height: 768 }],
  ['1920×1080', { width: 1920, height: 1080 }],
];
const chromium = useChromium();

type Screen = 'title' | 'claim' | 'wager' | 'results';
/** The screens each size walks, each with the questions it is opened with. */
const WALK: { screen: Screen; questions: Question[] }[] = [
  { screen: 'title', questions: [] },
  { screen: 'claim', questions: claims },
  { screen: 'wager', questions: claims },
  { screen: 'results', questions: longestPrompts },
];

/**
 * Opens every screen of the walk at every text size on the page, and returns every problem found and, per screen
 * and text size, each text's font size keyed by its first words (to compare the sizes).
 */
function walkScreens(page: Page, phone: boolean) {
  return page.evaluate(
    async ({ walk, scales, phone }) => {
      const hooks = window.sourceCheckTest!;
      const { game, services } = hooks;
      const rounds = await hooks.layoutRounds();
      const view = game.registry.get('view') as { width: number; height: number };
      const problems: string[] = [];
      const sizes: Record<string, Record<string, number>> = {};
      const a11y = document.getElementById('a11y')!;
      const open = async (screen: Screen, data: object | undefined, where: string) => {
        const from = game.scene.getScenes(true)[0]!;
        // The accessible layer names the screen as its build begins; a build runs in one go, so once the name is
        // back (seen from a later task) the screen is built.
        a11y.dataset.screen = 'walking';
        delete a11y.dataset.overflow;
        services.navigator.goTo(from, screen, data as never, () => problems.push(`${where}: could not load`));
        const deadline = performance.now() + 5000;
        while (a11y.dataset.screen !== screen && performance.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        const scene = game.scene.getScene(screen);
        if (a11y.dataset.screen !== screen || !scene) {
          problems.push(`${where}: did not open`);
          return;
        }
        if (a11y.dataset.overflow) problems.push(`${where}: reported as not fitting: ${a11y.dataset.overflow}`);
        const cssPerGame = game.canvas.getBoundingClientRect().width / view.width;
        problems.push(...rounds.layoutProblems(scene, view, cssPerGame, { where, phone }));
        const measured = (sizes[where.replace(/ at \d+ %/, '')] ??= {});
        for (const text of rounds.shownTexts(scene)) {
          const key = `${where.match(/ at (\d+) %/)![1]}|${text.text.slice(0, 24)}`;
          const size = parseFloat(String(text.style.fontSize)) * text.scale;
          measured[key] = Math.min(measured[key] ?? Infinity, size);
        }
      };
      for (const textScale of scales) {
        services.preferences.set({ ...services.preferences.get(), textScale });
        const percent = `${Math.round(textScale * 100)} %`;
        for (const { screen, questions } of walk) {
          const now = performance.now();
          if (screen === 'title') {
            await open('title', undefined, `title at ${percent}`);
            // The entries' own page, which large text on a small screen moves them to.
            await open('title', { more: true }, `title more at ${percent}`);
          }
          if (screen === 'results') {
            const session = rounds.finishedRound(questions, now);
            await open('results', { session, recorded: { board: 'no-speed', place: 1 } }, `results at ${percent}`);
          }
          for (const question of screen === 'claim' || screen === 'wager' ? questions : []) {
            const session =
              screen === 'claim'
                ? rounds.roundOf([question], 'fact-check', now)
                : rounds.wagerAfterWrongAnswer(question, now);
            await open(screen, { session }, `${screen} ${question.id} at ${percent}`);
          }
        }
      }
      return { problems, sizes };
    },
    { walk: WALK, scales: [...TEXT_SCALES], phone },
  );
}

/** Each text smaller at a larger text size than at 100 % (texts matched by their first words). */
function shrunkTexts(sizes: Record<string, Record<string, number>>): string[] {
  const problems: string[] = [];
  for (const [where, measured] of Object.entries(sizes)) {
    for (const [key, size] of Object.entries(measured)) {
      const [percent, start] = key.split('|') as [string, string];
      const base = measured[`100|${start}`];
      if (percent !== '100' && base !== undefined && size < base - 0.01) {
        problems.push(`${where}: "${start}" at ${percent} % is ${size} px, at 100 % ${base} px`);
      }
    }
  }
  return problems;
}

describe('the claim, wager, results and title screens at every text size', () => {
  it.each(SIZES)(
    'fit on %s with nothing cut off, overlapping or shrunk',
    async (name, viewport) => {
      expect(claims.length).toBeGreaterThan(20);
      const page = await openAtTextScale(chromium.browser, `${url}?test-hooks`, viewport, 1);
      const { problems, sizes } = await walkScreens(page, viewport.height > viewport.width);
      // The last screen walked, at 150 %: the results, for a person to look at.
      await screenshot(page, `layout-results-150-${name}`);
      expect([...problems, ...shrunkTexts(sizes), ...pageErrors(page)]).toEqual([]);
      await page.context().close();
    },
    240_000,
  );
});

/** Opens the results of a round of the longest prompts at a screen size and text size; returns the page. */
async function openResults(viewport: Viewport, textScale: number): Promise<Page> {
  const page = await openAtTextScale(chromium.browser, `${url}?test-hooks`, viewport, textScale);
  await page.evaluate(async (questions) => {
    const hooks = window.sourceCheckTest!;
    const session = (await hooks.layoutRounds()).finishedRound(questions, performance.now());
    const from = hooks.game.scene.getScenes(true)[0]!;
    hooks.services.navigator.goTo(from, 'results', { session, recorded: { board: 'no-speed', place: 1 } }, () => {});
  }, longestPrompts);
  await waitForScreen(page, 'results');
  return page;
}

/** The accessible names of the buttons on the screen, but the corner's. */
const buttonNames = (page: Page) =>
  page.$$eval('#a11y button[data-name]', (buttons) =>
    buttons
      .map((button) => (button as HTMLElement).dataset.name!)
      .filter((name) => !/^(review-|Back to title|Mute|Sound)/.test(name)),
  );

/** The numbers of the review rows drawn on the canvas. */
const shownReviewRows = (page: Page) =>
  page.evaluate(() =>
    window
      .sourceCheckTest!.game.scene.getScene('results')!
      .children.list.filter((object) => object.type === 'Text')
      .map((object) => /^(\d+)\. /.exec((object as Phaser.GameObjects.Text).text)?.[1])
      .filter((number): number is string => number !== undefined)
      .map(Number),
  );

describe("the results' buttons at 150 % text on a small phone and a laptop", () => {
  it.each([
    ['360×640', { width: 360, height: 640 }],
    ['1366×768', { width: 1366, height: 768 }],
  ] as [string, Viewport][])(
    'fold behind More on %s so the review keeps three rows on view, and More holds the rest',
    async (name, viewport) => {
      // A taller phone at the same text size has the room for all of them.
      const roomy = await openResults({ width: 390, height: 844 }, 1.5);
      const all = await buttonNames(roomy);
      expect(all).not.toContain('More');
      await roomy.context().close();

      const page = await openResults(viewport, 1.5);
      const kept = await buttonNames(page);
      expect(kept).toContain('More');
      expect(kept).toContain('Play again');
      expect(kept).toContain('Your report');
      expect((await shownReviewRows(page)).length).toBeGreaterThanOrEqual(3);
      await screenshot(page, `results-folded-${name}-text150`);
      await page.$eval('#a11y button[data-name="More"]', (button) => (button as HTMLElement).click());
      await page.waitForFunction(() => !document.querySelector('#a11y button[data-name="More"]'));
      await screenshot(page, `results-more-${name}-text150`);
      const folded = (await buttonNames(page)).filter((button) => button !== 'Done');
      expect(folded.length).toBeGreaterThan(0);
      // Nothing lost: the two pages hold every button the roomy screen shows, each once.
      expect([...kept.filter((button) => button !== 'More'), ...folded].sort()).toEqual([...all].sort());
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.name)).toBe(folded[0]);
      await page.keyboard.press('Escape');
      await page.waitForSelector('#a11y button[data-name="More"]');
      expect(await buttonNames(page)).toEqual(kept);
      // Back on the results, the focus is on the button that led away.
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.name)).toBe('More');
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    },
    120_000,
  );
});

describe("the results' review at 150 % text on a small phone", () => {
  it('keeps its rows at their size and scrolls them into view, the list read in full', async () => {
    const page = await openResults({ width: 360, height: 640 }, 1.5);
    const shownRows = () => shownReviewRows(page);
    const before = await shownRows();
    expect(before[0]).toBe(1);
    expect(before.length).toBeLessThan(10);
    expect(await page.$$eval('#a11y [aria-label="Review of your answers"] li', (items) => items.length)).toBe(10);
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() =>
      document.querySelector('#a11y button[data-name="review-up"]:not([aria-disabled])'),
    );
    const after = await shownRows();
    expect(after[0]).toBe(2);
    expect(after.length).toBe(before.length);
    // ▼ to the end shows the last row; ▲ from there, by the button, goes back a row and keeps the focus on it.
    const atEnd = '#a11y button[data-name="review-down"][aria-disabled]';
    for (let press = 0; press < 10 && !(await page.$(atEnd)); press += 1) {
      const first = (await shownRows())[0];
      await page.keyboard.press('ArrowDown');
      // A press while the list is being built again is not counted: each waits for the rows it scrolled.
      await expect.poll(async () => (await shownRows())[0]).not.toBe(first);
    }
    await page.waitForSelector(atEnd);
    expect((await shownRows()).at(-1)).toBe(10);
    await page.focus('#a11y button[data-name="review-up"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('#a11y button[data-name="review-down"][aria-disabled]'));
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.name)).toBe('review-up');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
