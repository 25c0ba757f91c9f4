/**
 * A slow connection: the title is drawn and takes input before the question bank has arrived (bank.json held back
 * here until the test lets it through). What needs the bank waits for it, saying so; a bank that then fails still
 * reaches the error screen; a fast load still opens on the title with the bank in hand.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { encodeChallenge } from '../../src/core/challenge';
import { SAVED_ROUND_KEY } from '../../src/game/keptRound';
import { dailyChallenge } from '../unit/helpers';
import { openGame, PHONE, PROJECTOR, screenshot, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();

/** Holds bank.json back until `release` is called; then it is served as usual (or answered with `failure`). */
async function holdBank(page: Page): Promise<{ release: (failure?: number) => Promise<void> }> {
  let held: Route | undefined;
  let arrived: () => void = () => undefined;
  const requested = new Promise<void>((resolve) => (arrived = resolve));
  await page.route('**/bank.json', (route) => {
    held = route;
    arrived();
  });
  return {
    release: async (failure) => {
      await requested;
      if (failure) await held!.fulfill({ status: failure, body: 'not here' });
      else await held!.continue();
    },
  };
}

const footer = (page: Page) =>
  page.$$eval('#a11y p, #a11y div', (elements) => elements.map((element) => element.textContent ?? '').join('\n'));
const status = (page: Page) => page.$eval('#a11y [role="status"]', (element) => element.textContent ?? '');

describe('the title before the question bank', () => {
  it('takes input before the bank arrives, and Play waits for it with a visible, spoken state', async () => {
    let bank: { release: (failure?: number) => Promise<void> } | undefined;
    const page = await openGame(chromium.browser, url, PHONE, async (page) => (bank = await holdBank(page)));
    expect(await page.evaluate(() => document.body.dataset.font)).toBe('loaded');
    expect(await footer(page)).toContain('Loading questions…');
    await screenshot(page, 'title-before-bank-390x844');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await page.$eval('#a11y', (element) => (element as HTMLElement).dataset.screen)).toBe('title');
    expect(await status(page)).toBe('Loading questions…');
    await screenshot(page, 'title-waiting-for-bank-390x844');
    await bank!.release();
    await waitForScreen(page, 'question');
    await page.context().close();
  });

  it('gives the count once the bank is in, with nothing pressed meanwhile', async () => {
    let bank: { release: (failure?: number) => Promise<void> } | undefined;
    const page = await openGame(chromium.browser, url, PHONE, async (page) => (bank = await holdBank(page)));
    await bank!.release();
    await page.waitForFunction(() => /\d+ questions, each settled/.test(document.getElementById('a11y')!.textContent!));
    expect(await footer(page)).not.toContain('Loading questions…');
    await screenshot(page, 'title-after-bank-390x844');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    await page.context().close();
  });

  it('offers a challenge link pasted before the bank arrived once it is in', async () => {
    let bank: { release: (failure?: number) => Promise<void> } | undefined;
    const page = await openGame(chromium.browser, url, PHONE, async (page) => (bank = await holdBank(page)));
    const { version } = (await (await fetch(new URL('bank.json', url))).json()) as { version: string };
    const challenge = {
      ...dailyChallenge('2026-03-14', version),
      seed: 'k3j9x2a',
      mode: 'classic' as const,
      questionCount: 5,
      score: 4_200,
      marks: Array<'right'>(5).fill('right'),
    };
    await page.evaluate((fragment) => (window.location.hash = fragment), `#c=${encodeChallenge(challenge)}`);
    await page.waitForTimeout(300);
    expect(await page.$('#a11y [data-name="challenge"]')).toBeNull();
    await bank!.release();
    await page.waitForSelector('#a11y [data-name="challenge"]', { timeout: 5000 });
    expect(await page.$eval('#a11y [data-name="challenge"]', (element) => element.textContent)).toMatch(
      /challenges you: 4,200 points/,
    );
    await page.context().close();
  });

  it('reaches the error screen with its message when the bank fails after the title', async () => {
    let bank: { release: (failure?: number) => Promise<void> } | undefined;
    const page = await openGame(chromium.browser, url, PROJECTOR, async (page) => (bank = await holdBank(page)));
    await bank!.release(404);
    await waitForScreen(page, 'error');
    const alert = await page.$eval('#a11y [role="alert"]', (element) => element.textContent ?? '');
    expect(alert).toContain('the server answered 404');
    await page.context().close();
  });

  it('keeps the loading screen for a visit whose title needs the bank (a round to resume)', async () => {
    const context = await chromium.browser.newContext({ viewport: PROJECTOR });
    await context.addInitScript((key) => localStorage.setItem(key, '{}'), SAVED_ROUND_KEY);
    const page = await context.newPage();
    const bank = await holdBank(page);
    await page.goto(url);
    await waitForScreen(page, 'preload');
    await bank.release();
    await waitForScreen(page, 'title');
    await context.close();
  });

  it('opens on the title on a fast load, no loading screen first, and gives the count', async () => {
    const page = await openGame(chromium.browser, url, PROJECTOR, (page) =>
      page.addInitScript(() => {
        const seen: string[] = ((window as unknown as { screensSeen: string[] }).screensSeen = []);
        new MutationObserver(() => {
          const screen = document.getElementById('a11y')?.dataset.screen;
          if (screen && seen.at(-1) !== screen) seen.push(screen);
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-screen'] });
      }),
    );
    await page.waitForFunction(() => /\d+ questions, each settled/.test(document.getElementById('a11y')!.textContent!));
    expect(await page.evaluate(() => (window as unknown as { screensSeen: string[] }).screensSeen)).toEqual(['title']);
    await page.context().close();
  });
});
