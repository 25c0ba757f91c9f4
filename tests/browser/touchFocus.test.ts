/**
 * On a touch phone (390×844 at a device pixel ratio of 3) a tap leaves no keyboard focus ring behind: not on the
 * first answer tile the question screen focuses for the keyboard, not on the tile tapped, and the wager screen shows
 * its three levels alike until the player chooses ("Sure" does not look chosen before).
 */
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { CONFIDENCE_LEVELS } from '../../src/core/wager';
import { describe, expect, inject, it } from 'vitest';
import { PHONE, screenshot, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();

async function openOnTouchPhone(): Promise<Page> {
  const context = await chromium.browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 3,
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await page.goto(url);
  await waitForScreen(page, 'title');
  return page;
}

/** Taps the canvas where the accessible twin `selector` lies. */
async function tap(page: Page, selector: string): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

/** The names of the buttons that show the keyboard's focus ring, as drawn. */
async function ringed(page: Page): Promise<string[]> {
  return page.$$eval('#a11y button', (buttons) =>
    buttons
      .filter((button) => {
        const style = getComputedStyle(button);
        return style.outlineStyle !== 'none' || style.boxShadow !== 'none';
      })
      .map((button) => button.dataset.name ?? ''),
  );
}

/** The colour of the screen just inside the top-left corner of each button, as "r,g,b". */
async function faceColors(page: Page, selectors: string[]): Promise<string[]> {
  const png = PNG.sync.read(await page.screenshot());
  const ratio = png.width / PHONE.width;
  const colors: string[] = [];
  for (const selector of selectors) {
    const box = (await page.locator(selector).boundingBox())!;
    // Inside the face, clear of its rounded corner, its edge and its label.
    const x = Math.round((box.x + 16) * ratio);
    const y = Math.round((box.y + box.height / 2) * ratio);
    const at = (y * png.width + x) * 4;
    colors.push(`${png.data[at]},${png.data[at + 1]},${png.data[at + 2]}`);
  }
  return colors;
}

describe('touch on a phone', () => {
  it('leaves no focus ring on a tile and shows no wager as chosen', async () => {
    const page = await openOnTouchPhone();
    await tap(page, '#a11y button[data-name="mode-fact-check"]');
    await page.waitForSelector('#a11y[data-screen="claim"], #a11y[data-screen="question"]');
    if ((await page.$eval('#a11y', (element) => (element as HTMLElement).dataset.screen)) === 'claim') {
      expect(await ringed(page)).toEqual([]);
      await tap(page, '#a11y [role="group"] button >> nth=1');
    }
    await waitForScreen(page, 'question');
    expect(await ringed(page)).toEqual([]);
    await tap(page, '#a11y [role="group"][aria-label="Answers"] button >> nth=1');
    await waitForScreen(page, 'wager');
    expect(await ringed(page)).toEqual([]);
    const levels = CONFIDENCE_LEVELS.map((level) => `#a11y button[data-name="wager-${level}"]`);
    await screenshot(page, 'wager-touch-phone');
    const colors = await faceColors(page, levels);
    expect(new Set(colors).size, `the wager faces: ${colors.join(' / ')}`).toBe(1);
    // The keyboard still gets its ring.
    await page.keyboard.press('Tab');
    expect(await ringed(page)).toHaveLength(1);
    await page.context().close();
  }, 60_000);
});
