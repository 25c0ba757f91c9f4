/**
 * Words a Spanish player meets off the main screens: a saved round that cannot be read is dropped, and the title
 * says so in Spanish.
 */
import { describe, expect, inject, it } from 'vitest';
import { SAVED_ROUND_KEY } from '../../src/game/savedRounds';
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
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
