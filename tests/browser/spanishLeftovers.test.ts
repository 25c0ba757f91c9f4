/**
 * Words a Spanish player meets off the main screens: a saved round that cannot be read is dropped, and the title
 * says so in Spanish; in a live lesson, the reveal on a Spanish student's phone gives their place in Spanish.
 */
import { describe, expect, inject, it } from 'vitest';
import { SAVED_ROUND_KEY } from '../../src/game/keptRound';
import type { Page } from 'playwright-core';
import { openGame, pageErrors, PHONE, waitForScreen } from './game';
import { useChromium } from './sharedChromium';
import { checkSpanishScreen, textOf } from './spanishScreens';

const url = inject('appUrl');
const chromium = useChromium();

describe('the leftover notices in Spanish', () => {
  it('says on the title, in Spanish, that a saved round could not be read', { timeout: 60_000 }, async () => {
    const page = await openGame(chromium.browser, url, PHONE, undefined, { locale: 'es-MX' });
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [SAVED_ROUND_KEY, '{"version":1'] as const);
    await page.reload();
    await waitForScreen(page, 'title');
    expect(await textOf(page, '[data-name="notice"]')).toBe(
      'No se pudo leer la ronda guardada en este dispositivo, así que se descartó. Empieza una nueva.',
    );
    await checkSpanishScreen(page, 'title-round-dropped', '390x844');
    // The tab and a shared link's preview name the game in Spanish too.
    expect(await page.title()).toBe('Source Check — el juego sobre la prohibición de TikTok');
    expect(await page.$eval('meta[name="description"]', (meta) => meta.getAttribute('content'))).toMatch(
      /^Source Check: un juego que pone un artículo de 2020/,
    );
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('gives a Spanish student their place in a live lesson’s reveal in Spanish', { timeout: 120_000 }, async () => {
    const context = await chromium.browser.newContext();
    const teacher = await context.newPage();
    await teacher.goto(new URL('host.html', url).href);
    await teacher.waitForSelector('form[data-name="setup"]');
    await teacher.check('input[name="pace"][value="live"]');
    await teacher.fill('#question-count', '3');
    await teacher.click('form[data-name="setup"] button[type="submit"]');
    await livePhase(teacher, 'lobby');
    const joinUrl = (await teacher.getAttribute('[data-name="join-link"]', 'href'))!;

    const student = await openGame(chromium.browser, url, PHONE, undefined, { locale: 'es-MX' });
    await student.goto(joinUrl);
    await student.waitForFunction(() => document.body.dataset.classMode === 'name', undefined, { timeout: 20_000 });
    await student.keyboard.press('Enter');
    await waitForScreen(student, 'class-wait');
    await teacher.click('[data-name="live-next"]');
    await waitForScreen(student, 'class-question', 20_000);
    await student.keyboard.press('1');
    await livePhase(teacher, 'answer');
    await waitForScreen(student, 'class-reveal', 20_000);
    await student.waitForFunction(() =>
      /\d$/.test(document.querySelector('#a11y [data-name="live-place"]')?.textContent ?? ''),
    );
    expect(await textOf(student, '[data-name="live-place"]')).toMatch(/^Mira la pantalla · Vas en 1\S* lugar de 1$/);
    expect(pageErrors(student)).toEqual([]);
    await student.context().close();
    await context.close();
  });
});

/** The stage's phase on the projector. */
async function livePhase(teacher: Page, wanted: string): Promise<void> {
  await teacher.waitForFunction((name) => document.body.dataset.livePhase === name, wanted, { timeout: 30_000 });
}
