/**
 * The challenge screen and a broken challenge link in Spanish: a Spanish browser opens Challenge friends (the
 * create step) and a link that cannot be played, on a phone and a projector at 100 % and 150 % text. Each speaks
 * Spanish in the accessible layer, keeps the page's `lang`, passes axe and cuts nothing off; the screenshots are kept.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { clickCanvasButton, pageErrors, titleEntry, waitForScreen, type Viewport } from './game';
import { useChromium } from './sharedChromium';
import { checkSpanishScreen, layoutName, openSpanishGame, SPANISH_LAYOUTS, textOf } from './spanishScreens';

const url = inject('appUrl');
const chromium = useChromium();

function openSpanish(viewport: Viewport, textScale: number, address = url): Promise<Page> {
  return openSpanishGame(chromium.browser, address, viewport, textScale);
}

const LAYOUTS = SPANISH_LAYOUTS;

describe('challenges in Spanish', () => {
  for (const [viewport, textScale] of LAYOUTS) {
    const size = layoutName(viewport, textScale);
    it(`opens the challenge screen and words a broken link at ${size}`, { timeout: 120_000 }, async () => {
      const page = await openSpanish(viewport, textScale);
      await clickCanvasButton(page, await titleEntry(page, 'Challenge friends'));
      await page.waitForFunction(() => document.body.dataset.challengeStep === 'create');
      expect(await textOf(page, 'h1')).toBe('Reta a amigos');
      expect(await page.$eval('#a11y', (element) => element.textContent ?? '')).toContain(
        'Tus amigos juegan las mismas 10 preguntas',
      );
      expect(await page.$('input[aria-label="Título (opcional)"]')).not.toBeNull();
      expect(await textOf(page, 'button[data-name="Make the challenge"]')).toBe('Jugar y compartir');
      expect(await textOf(page, 'button[data-name="Another name"]')).toBe('Otro nombre');
      await checkSpanishScreen(page, 'challenge-create', size);

      await page.goto(`${url}#c=garbage`);
      await waitForScreen(page, 'title');
      expect(await textOf(page, '[data-name="notice"]')).toBe(
        'No se puede jugar este reto: el enlace está dañado (no se puede leer). Pide el enlace otra vez.',
      );
      // The title's mode cards already run out of room under a notice at 150 % text, in English too (the title's
      // own layout); what is checked here is that the notice itself is whole.
      const titleCards = ['mode-classic', 'mode-practice', 'mode-fact-check', 'mode-daily'];
      await checkSpanishScreen(page, 'challenge-broken-link', size, textScale === 1 ? [] : titleCards);
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });
  }

  for (const [viewport, textScale] of [LAYOUTS[1]!, LAYOUTS[2]!]) {
    const size = layoutName(viewport, textScale);
    it(`opens a challenge's short link and its board at ${size}`, { timeout: 120_000 }, async () => {
      const reply = await fetch(new URL('api/challenges', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ nickname: 'Brave Otter' }),
      });
      const { board } = (await reply.json()) as { board: { code: string } };
      const page = await openSpanish(viewport, textScale, new URL(`c/${board.code}`, url).href);
      await page.waitForFunction(() => document.body.dataset.challengeStep === 'intro');
      await page.waitForSelector('#a11y button[data-name="See the board"]');
      const intro = await page.$eval('#a11y', (element) => element.textContent ?? '');
      expect(intro).toContain('Brave Otter te reta (todavía no termina su ronda).');
      expect(intro).toMatch(
        /10 preguntas, 20 s cada una · jugadas hasta ahora: 1 · abierto hasta el \d{1,2} de [a-z]+/,
      );
      expect(await textOf(page, 'button[data-name="Play"]')).toBe('Jugar');
      await checkSpanishScreen(page, 'challenge-intro', size);

      await clickCanvasButton(page, '#a11y button[data-name="See the board"]');
      await page.waitForFunction(() => document.body.dataset.challengeStep === 'board');
      await page.waitForSelector('#a11y [role="list"] li, #a11y ul li');
      const boardText = await page.$eval('#a11y', (element) => element.textContent ?? '');
      expect(boardText).toContain(`Código ${board.code}`);
      expect(boardText).toContain('1. Brave Otter (quien reta) · 0 puntos · jugando, 0/10');
      expect(await textOf(page, 'button[data-name="Copy link"]')).toBe('Copiar enlace');
      await checkSpanishScreen(page, 'challenge-board', size);
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });
  }
});
