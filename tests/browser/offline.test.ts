import { describe, expect, inject, it } from 'vitest';
import { openGame, pageErrors, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();
describe('offline play', () => {
  it('starts and plays a whole round with the network off after one visit', async () => {
    const page = await openGame(chromium.browser, url);
    // The service worker registers once the title is up and takes control of the page.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.context().setOffline(true);
    await page.reload();
    await waitForScreen(page, 'title');
    await page.keyboard.press('Enter');
    for (let number = 1; number <= 10; number += 1) {
      await waitForScreen(page, 'question');
      await page.keyboard.press('1');
      await waitForScreen(page, 'reveal');
      await page.keyboard.press('Enter');
    }
    await waitForScreen(page, 'results');
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('offers a manifest that makes the game installable', async () => {
    const page = await openGame(chromium.browser, url);
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector('link[rel="manifest"]') as HTMLLinkElement;
      return (await fetch(link.href)).json();
    });
    expect(manifest).toMatchObject({ name: 'Source Check — the TikTok ban quiz', display: 'standalone' });
    const sizes = (manifest.icons as { sizes: string; src: string }[]).map((icon) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons as { src: string }[]) {
      const status = await page.evaluate(async (src) => (await fetch(src)).status, new URL(icon.src, url).href);
      expect(status).toBe(200);
    }
    await page.context().close();
  });
});
