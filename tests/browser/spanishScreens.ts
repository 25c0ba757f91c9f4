/** A Spanish screen read and checked the same way in every Spanish walk of the game. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeAllProblems } from './axe';
import { screenshot } from './game';

/** The text of an element of the accessible layer. */
export const textOf = (page: Page, selector: string) =>
  page.$eval(`#a11y ${selector}`, (element) => element.textContent ?? '');

/**
 * What a screen must be: Spanish, nothing cut off (but the parts named in `mayOverflow`), axe clean; its picture is
 * saved as `es-<name>-<size>.png`.
 */
export async function checkSpanishScreen(
  page: Page,
  name: string,
  size: string,
  mayOverflow: readonly string[] = [],
): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('es-US');
  await screenshot(page, `es-${name}-${size}`);
  const overflow = await page.$eval('#a11y', (element) => element.dataset.overflow ?? '');
  const cut = overflow.split(',').filter((part) => part !== '' && !mayOverflow.includes(part));
  expect(cut, `${name} at ${size}`).toEqual([]);
  expect(await axeAllProblems(page), `${name} at ${size}`).toEqual([]);
}
