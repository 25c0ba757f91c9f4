/**
 * The smaller things a screen-reader user was not told: where focus lands on How to play, the excerpt paged to on
 * the answer screen, a new generated name on Share, and the board switched to with ← → on High scores.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openGame, pageErrors, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();

async function status(page: Page): Promise<string> {
  return page.$eval('#a11y > [role="status"]', (element) => element.textContent ?? '');
}

async function focusedName(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.name);
}

describe('what the page says besides the round', () => {
  it('focuses Play on How to play, reads a paged excerpt, says a new name on Share and the board on High scores', async () => {
    const page = await openGame(chromium.browser, url);
    await page.focus('#a11y button[data-name="How to play"]');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'how-to-play');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Play');
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'title');

    await page.keyboard.press('Enter');
    let paged = false;
    for (let number = 1; number <= 10; number += 1) {
      await waitForScreen(page, 'question');
      await page.keyboard.press('1');
      await waitForScreen(page, 'reveal');
      if (!paged && (await page.$('#a11y button[data-name="More evidence"]'))) {
        await page.keyboard.press('e');
        await page.waitForFunction(() =>
          /^Excerpt \d+ of \d+: “/.test(document.querySelector('#a11y > [role="status"]')?.textContent ?? ''),
        );
        expect(await focusedName(page)).toBe('More evidence');
        paged = true;
      }
      await page.focus('#a11y button[data-name="Next"]');
      await page.keyboard.press('Enter');
    }
    expect(paged).toBe(true);
    await waitForScreen(page, 'results');
    await page.keyboard.press('s');
    await waitForScreen(page, 'share');
    const before = await page.$eval('#a11y [data-name="nickname"]', (element) => element.textContent ?? '');
    await page.focus('#a11y button[data-name="New name"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (old) => document.querySelector('#a11y [data-name="nickname"]')?.textContent !== old,
      before,
    );
    const name = (await page.$eval('#a11y [data-name="nickname"]', (element) => element.textContent ?? '')).replace(
      'Your name: ',
      '',
    );
    expect(await status(page)).toBe(`New name: ${name}.`);
    expect(await focusedName(page)).toBe('New name');

    await page.goto(url);
    await waitForScreen(page, 'title');
    await page.keyboard.press('h');
    await waitForScreen(page, 'high-scores');
    const first = await status(page);
    expect(first).toMatch(/^[\w ]+ board: (no scores yet|\d+ scores?)\. Left and right arrows switch boards\.$/);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((old) => document.querySelector('#a11y > [role="status"]')?.textContent !== old, first);
    expect(await status(page)).toMatch(/^[\w ]+ board: /);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
