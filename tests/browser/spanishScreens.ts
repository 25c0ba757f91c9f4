/** A Spanish screen read and checked the same way in every Spanish walk of the game. */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { PREFERENCES_KEY } from '../../src/storage/PreferencesStore';
import { axeAllProblems } from './axe';
import { englishLeftOn } from './englishLeftovers';
import { openGame, PHONE, PROJECTOR, screenshot, type Viewport } from './game';

/** The text of an element of the accessible layer. */
export const textOf = (page: Page, selector: string) =>
  page.$eval(`#a11y ${selector}`, (element) => element.textContent ?? '');

/**
 * What a screen must be: Spanish (no English left outside the quotes, unless `lookForEnglish` is false), nothing cut
 * off (but the parts named in `mayOverflow`), axe clean; its picture is saved as `es-<name>-<size>.png`.
 */
export async function checkSpanishScreen(
  page: Page,
  name: string,
  size: string,
  mayOverflow: readonly string[] = [],
  lookForEnglish = true,
): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('es-US');
  await screenshot(page, `es-${name}-${size}`);
  const overflow = await page.$eval('#a11y', (element) => element.dataset.overflow ?? '');
  const cut = overflow.split(',').filter((part) => part !== '' && !mayOverflow.includes(part));
  expect(cut, `${name} at ${size}`).toEqual([]);
  expect(await axeAllProblems(page), `${name} at ${size}`).toEqual([]);
  if (lookForEnglish) expect(await englishLeftOn(page, '#a11y'), `${name} at ${size}`).toEqual([]);
}

/** The sizes every Spanish walk lays out at: a phone and a laptop, at 100 % and 150 % text. */
export const SPANISH_LAYOUTS: readonly (readonly [Viewport, number])[] = [
  [PHONE, 1],
  [PHONE, 1.5],
  [PROJECTOR, 1],
  [PROJECTOR, 1.5],
];

/** "390x844", "1366x768-150": a layout's name in screenshots and test names. */
export const layoutName = (viewport: Viewport, textScale: number) =>
  `${viewport.width}x${viewport.height}${textScale === 1 ? '' : `-${textScale * 100}`}`;

/** The game in a Spanish browser at this size and text scale, with motion reduced. */
export function openSpanishGame(browser: Browser, url: string, viewport: Viewport, textScale: number): Promise<Page> {
  return openGame(
    browser,
    url,
    viewport,
    (opening) =>
      opening.addInitScript(([key, value]) => localStorage.setItem(key, value), [
        PREFERENCES_KEY,
        JSON.stringify({ motion: 'reduce', textScale }),
      ] as const),
    { locale: 'es-MX' },
  );
}
