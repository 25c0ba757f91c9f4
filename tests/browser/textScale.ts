/** Opening the game at a text size (Settings → Text size) from its first screen, with the layout at rest. */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { PREFERENCES_KEY } from '../../src/storage/PreferencesStore';
import { openGame, type Viewport } from './game';

export function openAtTextScale(
  browser: Browser,
  url: string,
  viewport: Viewport,
  textScale: number,
  device: BrowserContextOptions = {},
): Promise<Page> {
  return openGame(
    browser,
    url,
    viewport,
    (page) =>
      page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
        PREFERENCES_KEY,
        JSON.stringify({ textScale }),
      ] as const),
    // The layout at rest: the verdict's swell as it arrives would count as running into the points beside it.
    { reducedMotion: 'reduce', ...device },
  );
}
