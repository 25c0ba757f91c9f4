/** The host page as a teacher whose browser asks for Spanish opens it, at the projector's size. */
import type { Browser } from 'playwright-core';
import { PROJECTOR } from './game';

/** The page on its set-up form, and the errors it throws (a test expects none). */
export async function openSpanishHost(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: PROJECTOR, locale: 'es-MX' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL('host.html', url).href);
  await page.waitForSelector('form[data-name="setup"]');
  return { context, page, errors };
}
