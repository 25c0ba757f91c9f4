/**
 * Drawing at the device's pixel ratio: on a phone at a ratio of 3 the canvas has twice the game's pixels (the cap,
 * src/ui/renderScale.ts), every control sits where it sits at a ratio of 1, and a tap lands on the control under it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { clickCanvasButton, PHONE, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();
const errors: string[] = [];

async function openAt(deviceScaleFactor: number): Promise<Page> {
  const context = await chromium.browser.newContext({ viewport: PHONE, deviceScaleFactor, hasTouch: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await waitForScreen(page, 'title');
  return page;
}

/** The canvas's own pixels and where each accessible button lies, in CSS pixels. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('#game canvas') as HTMLCanvasElement;
    const buttons = [...document.querySelectorAll('#a11y button')].map((button) => {
      const rect = button.getBoundingClientRect();
      return `${button.textContent}: ${Math.round(rect.x)},${Math.round(rect.y)} ${Math.round(rect.width)}×${Math.round(rect.height)}`;
    });
    return { canvasWidth: canvas.width, shownWidth: Math.round(canvas.getBoundingClientRect().width), buttons };
  });
}

describe('a phone at a device pixel ratio of 3', () => {
  it('draws twice the game’s pixels, with the layout of a ratio of 1', async () => {
    const plain = await openAt(1);
    const sharp = await openAt(3);
    const [atOne, atThree] = [await measure(plain), await measure(sharp)];
    expect(atOne.canvasWidth).toBe(480);
    expect(atThree.canvasWidth).toBe(960);
    expect(atThree.shownWidth).toBe(atOne.shownWidth);
    expect(atThree.buttons.length).toBeGreaterThan(5);
    expect(atThree.buttons).toEqual(atOne.buttons);

    // A tap on the canvas reaches the control drawn there.
    await clickCanvasButton(sharp, '#a11y button:text-is("Settings")');
    await waitForScreen(sharp, 'settings');
    expect(errors).toEqual([]);
    await plain.context().close();
    await sharp.context().close();
  });
});
