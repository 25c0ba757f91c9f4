/**
 * A solo round survives a reload on a phone (390×844 at a device pixel ratio of 3): the page opens paused at the same
 * question with the score so far, the clock stopped while the page was away, and Resume goes on from there. Saved
 * data that cannot be read is dropped with a notice on the title, and the game starts as usual.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SAVED_ROUND_KEY } from '../../src/game/keptRound';
import { labelled, openGame, pageErrors, PHONE, screenshot, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();
const prompt = (page: Page) => page.$eval('#a11y h2', (element) => element.textContent);
const secondsLeft = async (page: Page) =>
  Number((await page.$eval('#a11y [role="timer"]', (element) => element.textContent ?? '')).match(/\d+/)?.[0]);

describe('reloading a solo round', () => {
  it('comes back paused at the same question with its score, and the clock did not run while away', async () => {
    const page = await openGame(chromium.browser, url, { ...PHONE, deviceScaleFactor: 3 });
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    await page.keyboard.press('1');
    await waitForScreen(page, 'reveal');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    const asked = await prompt(page);
    const score = await labelled(page, 'Score');
    const before = await secondsLeft(page);
    await page.reload();
    await waitForScreen(page, 'pause');
    expect(await page.$eval('#a11y h1', (element) => element.textContent)).toBe('Paused');
    expect(await page.$eval('#a11y', (element) => element.textContent)).toContain('Question 2 of 10');
    await screenshot(page, 'reload-paused-phone');
    // Away for longer than the clock could hide: it stays stopped.
    await page.waitForTimeout(3000);
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'question');
    expect(await prompt(page)).toBe(asked);
    expect(await labelled(page, 'Score')).toBe(score);
    expect(await secondsLeft(page)).toBeGreaterThanOrEqual(before - 1);
    // Left for good: nothing is left to resume.
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'pause');
    await page.focus('#a11y button[data-name="Quit to title"]');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'title');
    expect(await page.evaluate((key) => localStorage.getItem(key), SAVED_ROUND_KEY)).toBeNull();
    await page.reload();
    await waitForScreen(page, 'title');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('drops saved data it cannot read, says so on the title, and plays on', async () => {
    const page = await openGame(chromium.browser, url, PHONE);
    for (const broken of ['{"version":1,"plan":5', JSON.stringify({ version: 1, plan: { seed: 'x' }, index: -1 })]) {
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [SAVED_ROUND_KEY, broken] as const);
      await page.reload();
      await waitForScreen(page, 'title');
      expect(await page.$eval('#a11y [data-name="notice"]', (element) => element.textContent)).toMatch(
        /could not be read, so it was dropped/,
      );
      expect(await page.evaluate((key) => localStorage.getItem(key), SAVED_ROUND_KEY)).toBeNull();
    }
    await screenshot(page, 'reload-dropped-phone');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});
