/**
 * Every target a finger can press is at least 44 CSS px high and wide on a phone (390×844 at a device pixel ratio
 * of 3): the corner buttons, the menu buttons and the answer tiles of each main screen. The canvas's input zones and
 * their twins in the accessible layer share one rectangle, so measuring the twins measures both. The timeline's dots
 * are left out: a hundred dates on one line get 26 CSS px each, spaced apart (WCAG 2.5.8), and ◀ Earlier / Later ▶
 * (measured) step through them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { currentScreen, openGame, pageErrors, PHONE, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
/** The usual smallest target for a finger, in CSS pixels. */
const MIN_TARGET_CSS_PX = 44;
const chromium = useChromium();

/** "screen: button (width×height)" for every shown button of the accessible layer smaller than a finger. */
async function smallTargets(page: Page): Promise<string[]> {
  const screen = await currentScreen(page);
  const sizes = await page.$$eval('#a11y button', (buttons) =>
    buttons
      .map((button) => ({
        name: button.dataset.name ?? button.textContent ?? '',
        rect: button.getBoundingClientRect(),
      }))
      .filter(({ name, rect }) => rect.width > 0 && rect.height > 0 && !name.startsWith('timeline-item-'))
      .map(({ name, rect }) => ({ name, width: rect.width, height: rect.height })),
  );
  expect(sizes.length).toBeGreaterThan(0);
  return sizes
    .filter(({ width, height }) => width < MIN_TARGET_CSS_PX - 0.01 || height < MIN_TARGET_CSS_PX - 0.01)
    .map(({ name, width, height }) => `${screen}: ${name} (${width.toFixed(1)}×${height.toFixed(1)})`);
}

describe('touch targets on a phone', () => {
  it('are at least 44 CSS px on every main screen', async () => {
    const page = await openGame(chromium.browser, url, { ...PHONE, deviceScaleFactor: 3 });
    const problems: string[] = [];
    const measure = async (screen: string) => {
      await waitForScreen(page, screen);
      problems.push(...(await smallTargets(page)));
    };
    await measure('title');
    for (const [key, screen] of [
      ['s', 'settings'],
      ['h', 'high-scores'],
      ['t', 'timeline'],
    ] as const) {
      await page.keyboard.press(key);
      await measure(screen);
      await page.keyboard.press('Escape');
      await waitForScreen(page, 'title');
    }
    await page.keyboard.press('Enter');
    await measure('question');
    await page.keyboard.press('Escape');
    await measure('pause');
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'question');
    await page.keyboard.press('1');
    await measure('reveal');
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'pause');
    await page.focus('#a11y button[data-name="Quit to title"]');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'title');
    await page.keyboard.press('f');
    await page.waitForSelector('#a11y[data-screen="claim"], #a11y[data-screen="question"]');
    if ((await currentScreen(page)) === 'claim') {
      await measure('claim');
      await page.keyboard.press('2');
    }
    await waitForScreen(page, 'question');
    await page.keyboard.press('1');
    await measure('wager');
    expect([...problems, ...pageErrors(page)]).toEqual([]);
    await page.context().close();
  }, 120_000);
});
