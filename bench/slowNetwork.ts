/**
 * The slow-network part of `npm run bench`: both pages served the way the class server serves the game (its own
 * static-file route, sending the build's brotli copies), and Chromium's network emulation set to a crowded school
 * Wi-Fi before each cold load.
 */
import Fastify from 'fastify';
import type { Page } from 'playwright-core';
import { serveBuild } from '../src/server/class/staticFiles';

/**
 * 1.6 Mbps down, 750 kbps up, 150 ms round trip: the crowded school Wi-Fi (Lighthouse's throttled mobile
 * profile). Throughputs are in bytes a second, as the DevTools protocol takes them.
 */
export const SCHOOL_WIFI = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
} as const;

/** Serves a built folder (with its `.br`/`.gz` copies beside the files) through the class server's static route. */
export async function serveCompressed(folder: string): Promise<{ url: string; close: () => Promise<void> }> {
  const app = Fastify();
  await serveBuild(app, folder);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url: `${address}/`, close: () => app.close() };
}

/** Slows the page's network to the school Wi-Fi from its next request on (call before navigating). */
export async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SCHOOL_WIFI);
}

/**
 * Bytes the page had pulled over the network by a moment of its timeline (compressed, headers included): the
 * responses finished by then, by its resource timings.
 */
export function bytesTransferredBy(page: Page, moment: number): Promise<number> {
  return page.evaluate(
    (until) =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
        .filter((entry) => (entry as PerformanceResourceTiming).responseEnd <= until)
        .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).transferSize, 0),
    moment,
  );
}
