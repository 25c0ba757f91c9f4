import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  answerKey,
  fetchBank,
  openGame,
  pageErrors,
  PROJECTOR,
  screenshot,
  waitForScreen,
  type BankForTests,
} from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
/** The shortest round Settings offers. */
const QUESTIONS = 5;
/** Longer than any tween. */
const SETTLE_MS = 600;
/** The second answer in a row (its reveal shows the streak growing), and the results. */
const WATCHED = ['reveal-2', 'results-1'];
const chromium = useChromium();
let bank: BankForTests;

beforeAll(async () => {
  bank = await fetchBank(url);
});

/**
 * Keeps, for each visit to a screen ("reveal-2": the second reveal), the canvas as first drawn and again
 * once any motion would be over. The first
 * picture is taken in the same frame that drew the new screen (the accessible layer changes while the
 * screen is built, and the observer runs before the frame is shown), so a tween is caught at its start.
 */
function recordFrames(page: Page): Promise<unknown> {
  return page.addInitScript(
    ([settleMs, wanted]) => {
      // The game draws only the frames that change (src/engine/drawOnlyChanges.ts), and a WebGL canvas read after
      // a frame that drew nothing is blank unless its drawing buffer is kept: kept here, it reads as shown.
      const getContext = HTMLCanvasElement.prototype.getContext as (
        this: HTMLCanvasElement,
        ...args: unknown[]
      ) => unknown;
      (HTMLCanvasElement.prototype as { getContext: unknown }).getContext = function (
        this: HTMLCanvasElement,
        type: string,
        attributes?: object,
      ) {
        const kept = type.startsWith('webgl') ? { ...attributes, preserveDrawingBuffer: true } : attributes;
        return getContext.call(this, type, kept);
      };
      const frames: Record<string, [string, string?]> = {};
      const visits: Record<string, number> = {};
      (window as unknown as { frames_: typeof frames }).frames_ = frames;
      new MutationObserver((records) => {
        const root = records.find((record) => (record.target as HTMLElement).id === 'a11y')?.target as HTMLElement;
        const screen = root?.dataset.screen;
        const canvas = document.querySelector('canvas');
        if (!screen || !canvas) return;
        visits[screen] = (visits[screen] ?? 0) + 1;
        const visit = `${screen}-${visits[screen]}`;
        // Only the visits a test looks at: reading the canvas back is slow with software WebGL.
        if (!wanted.includes(visit)) return;
        const pair: [string, string?] = [canvas.toDataURL()];
        frames[visit] = pair;
        setTimeout(() => requestAnimationFrame(() => (pair[1] = canvas.toDataURL())), settleMs);
      }).observe(document, { subtree: true, attributeFilter: ['data-screen'] });
    },
    [SETTLE_MS, WATCHED] as const,
  );
}

/** Waits until a visit's second picture is taken (so the test leaves the screen only after it). */
async function settled(page: Page, visit: string): Promise<void> {
  await page.waitForFunction(
    (name) => (window as unknown as { frames_: Record<string, string[]> }).frames_[name]?.[1] !== undefined,
    visit,
  );
}

async function stillOn(page: Page, visit: string): Promise<boolean> {
  await settled(page, visit);
  return page.evaluate((name) => {
    const [first, later] = (window as unknown as { frames_: Record<string, string[]> }).frames_[name]!;
    return first === later;
  }, visit);
}

/** Right answers all the way: the second reveal shows the streak growing. */
async function playRound(page: Page): Promise<void> {
  await page.keyboard.press('Enter');
  for (let number = 1; number <= QUESTIONS; number += 1) {
    await waitForScreen(page, 'question');
    await page.keyboard.press(await answerKey(page, bank, true));
    await waitForScreen(page, 'reveal');
    if (number === 2) await settled(page, 'reveal-2');
    await page.keyboard.press('Enter');
  }
  await waitForScreen(page, 'results');
}

function openWith(motion: 'system' | 'reduce' | 'full', deviceReduces: boolean): Promise<Page> {
  return openGame(chromium.browser, url, PROJECTOR, async (p) => {
    if (deviceReduces) await p.emulateMedia({ reducedMotion: 'reduce' });
    await p.addInitScript(
      (settings) => localStorage.setItem('source-check:settings:v1', settings),
      JSON.stringify({ questionCount: QUESTIONS, motion }),
    );
    await recordFrames(p);
  });
}

describe('the font', () => {
  it('is loaded before the game draws any text', async () => {
    const page = await openGame(chromium.browser, url);
    expect(await page.evaluate(() => document.body.dataset.font)).toBe('loaded');
    expect(await page.evaluate(() => document.fonts.check('700 24px "Atkinson Hyperlegible"'))).toBe(true);
    await page.context().close();
  });

  it('never keeps the game from starting when it cannot be loaded', async () => {
    const page = await openGame(chromium.browser, url, PROJECTOR, (p) =>
      p.context().route(/\.woff2?$/, (r) => r.abort()),
    );
    expect(await page.evaluate(() => document.body.dataset.font)).toBe('fallback');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe('reduced motion', () => {
  it('shows the final picture at once when the device asks for reduced motion', async () => {
    const page = await openWith('system', true);
    await playRound(page);
    // The answer's emphasis and the new streak pip, then the score: all in place from the first frame.
    expect(await stillOn(page, 'reveal-2')).toBe(true);
    expect(await stillOn(page, 'results-1')).toBe(true);
    await screenshot(page, 'results-reduced-motion-1366x768');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('moves when the player chose full motion, whatever the device says', async () => {
    const page = await openWith('full', true);
    await playRound(page);
    expect(await stillOn(page, 'reveal-2')).toBe(false);
    expect(await stillOn(page, 'results-1')).toBe(false);
    await page.context().close();
  });
});
