/**
 * The results' review rows on a phone (390×844 at a device pixel ratio of 3): a row cut short with "…" is a button
 * that opens to the whole question, the right answer and the player's; Done or Escape goes back to the results.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { clickCanvasButton, openGame, pageErrors, PHONE, screenshot, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();

/** The texts drawn on the canvas of the results screen. */
function canvasTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    window
      .sourceCheckTest!.game.scene.getScene('results')!
      .children.list.filter((object) => object.type === 'Text')
      .map((object) => (object as Phaser.GameObjects.Text).text),
  );
}

describe('results rows', () => {
  it('open to the whole question and answer when cut short', async () => {
    const page = await openGame(chromium.browser, `${url}?test-hooks`, { ...PHONE, deviceScaleFactor: 3 });
    await page.keyboard.press('Enter');
    for (let question = 0; question < 10; question += 1) {
      await waitForScreen(page, 'question');
      await page.keyboard.press('1');
      await waitForScreen(page, 'reveal');
      await page.keyboard.press('Enter');
    }
    await waitForScreen(page, 'results');
    const items = await page.$$eval('#a11y [aria-label="Review of your answers"] li', (lis) =>
      lis.map((li) => li.textContent ?? ''),
    );
    const cut = (await canvasTexts(page)).filter((text) => text.endsWith('…'));
    expect(cut.length).toBeGreaterThan(0);
    const rows = await page.$$eval('#a11y button[data-name^="review-"]', (buttons) =>
      buttons.map((button) => Number(button.dataset.name!.slice('review-'.length))),
    );
    expect(rows.length).toBeGreaterThan(0);
    await screenshot(page, 'results-phone');
    const row = rows[0]!;
    const prompt = items[row - 1]!.replace(/^\d+\. /, '').split(' Answer: ')[0]!;
    const answer = items[row - 1]!.split(' Answer: ')[1]!.split('. You: ')[0]!;
    await clickCanvasButton(page, `#a11y button[data-name="review-${row}"]`);
    await page.waitForFunction(
      (name) => document.querySelector('#a11y h1')?.textContent === name,
      `Question ${row} of 10`,
    );
    const shown = await canvasTexts(page);
    expect(shown).toContain(prompt);
    expect(shown).toContain(`Answer: ${answer}`);
    expect(shown.some((text) => text.endsWith('…'))).toBe(false);
    expect(await page.$eval('#a11y', (element) => element.dataset.overflow ?? '')).toBe('');
    await screenshot(page, 'results-row-opened-phone');
    await page.keyboard.press('Escape');
    await page.waitForSelector(`#a11y button[data-name="review-${row}"]`);
    // Back on the results, the focus is on the row that was opened.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.name)).toBe(
      `review-${row}`,
    );
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
