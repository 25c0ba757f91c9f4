import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PREFERENCES_KEY } from '../../src/storage/PreferencesStore';
import { axeAllProblems } from './axe';
import { openGame, pageErrors, PHONE, PROJECTOR, screenshot, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();

const LANGUAGE_ROW = '#a11y button[data-name="language"]';

async function openSettings(page: Page): Promise<void> {
  await page.keyboard.press('s');
  await waitForScreen(page, 'settings');
}

/** Steps the language row once with the keyboard and waits for the rebuilt screen to focus it again. */
async function stepLanguage(page: Page): Promise<string> {
  const before = await page.$eval(LANGUAGE_ROW, (element) => element.textContent);
  await page.focus(LANGUAGE_ROW);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    ([selector, old]) =>
      document.querySelector(selector)?.textContent !== old && document.activeElement?.matches(selector),
    [LANGUAGE_ROW, before] as const,
  );
  return page.$eval(LANGUAGE_ROW, (element) => element.textContent ?? '');
}

const pageLanguage = (page: Page) => page.evaluate(() => document.documentElement.lang);
const screenHeading = (page: Page) => page.$eval('#a11y h1', (element) => element.textContent);

describe('the interface language', () => {
  it('follows a Spanish browser: the settings screen and the page speak Spanish', async () => {
    const page = await openGame(chromium.browser, url, PHONE, undefined, { locale: 'es-MX' });
    expect(await pageLanguage(page)).toBe('es-US');
    await openSettings(page);
    expect(await screenHeading(page)).toBe('Configuración');
    expect(await page.$eval(LANGUAGE_ROW, (element) => element.textContent)).toBe(
      'Idioma: Según el navegador (Español)',
    );
    expect(await page.$eval('#a11y button[data-name="time"]', (element) => element.textContent)).toBe(
      'Tiempo por pregunta: Normal (20 s)',
    );
    await screenshot(page, 'settings-es-390x844');
    expect(await axeAllProblems(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('is chosen in Settings at once, remembered after a reload, and can go back to the browser’s', async () => {
    const page = await openGame(chromium.browser, url, PROJECTOR);
    expect(await pageLanguage(page)).toBe('en-US');
    await openSettings(page);
    expect(await page.$eval(LANGUAGE_ROW, (element) => element.textContent)).toBe(
      'Language: As the browser says (English)',
    );
    expect(await stepLanguage(page)).toBe('Language: English');
    expect(await stepLanguage(page)).toBe('Idioma: Español');
    // The screen itself is redrawn in the new language, and the page's language follows for screen readers.
    expect(await screenHeading(page)).toBe('Configuración');
    expect(await pageLanguage(page)).toBe('es-US');
    await screenshot(page, 'settings-es-1366x768');
    expect(await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').language, PREFERENCES_KEY)).toBe(
      'es',
    );

    await page.reload();
    await waitForScreen(page, 'title');
    expect(await pageLanguage(page)).toBe('es-US');
    await openSettings(page);
    expect(await screenHeading(page)).toBe('Configuración');
    expect(await stepLanguage(page)).toBe('Language: As the browser says (English)');
    expect(await pageLanguage(page)).toBe('en-US');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
