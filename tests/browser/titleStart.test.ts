/**
 * The start of a visit on a fast link: Phaser's own start (its renderer, its default textures) runs while the page
 * waits for its font, not after it, and the title is built once the font is there.
 */
import type { Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PROJECTOR, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();

describe('the start of a visit', () => {
  it('starts Phaser while the font is still downloading, and builds the title once it is in', async () => {
    const context = await chromium.browser.newContext({ viewport: PROJECTOR });
    const page = await context.newPage();
    const heldFonts: Route[] = [];
    await page.route('**/*.woff2', (route) => void heldFonts.push(route));
    // Not waiting for the load event: that waits for the font held here.
    await page.goto(`${url}?test-hooks`, { waitUntil: 'commit' });
    // Phaser has started and its default textures are ready, with the font held.
    await page.waitForFunction(
      () => {
        const textures = window.sourceCheckTest?.game.textures;
        return textures?.exists('__DEFAULT') === true && textures.exists('__WHITE');
      },
      undefined,
      { timeout: 2000 },
    );
    expect(heldFonts.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.body.dataset.font)).toBeUndefined();
    expect(await page.$eval('#a11y', (element) => (element as HTMLElement).dataset.screen)).toBeUndefined();
    for (const route of heldFonts) await route.continue();
    await page.unroute('**/*.woff2');
    await waitForScreen(page, 'title');
    expect(await page.evaluate(() => document.body.dataset.font)).toBe('loaded');
    await context.close();
  });
});
