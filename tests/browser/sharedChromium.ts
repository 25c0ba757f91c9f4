/**
 * The Chromium a browser test file shares: launched before its first test, closed after its last. Call once at the
 * top of the file and read `.browser` inside the tests (a file gets its own browser, so files can run in parallel).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';

export function useChromium(): { readonly browser: Browser } {
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launchChromium();
  });
  afterAll(async () => {
    await launched?.close();
  });
  return {
    get browser(): Browser {
      if (!launched) throw new Error('Chromium is not running: use the browser inside a test or a hook.');
      return launched;
    },
  };
}
