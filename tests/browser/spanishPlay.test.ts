/**
 * A round in Spanish, played with the keyboard by a student whose browser speaks Spanish: the question in the bank's
 * Spanish, the outcome in Spanish, each quote verbatim in English with its "Traducción no oficial" under it; and a
 * fact-check round with the claim, the wager and the calls. Every screen: axe, nothing reported as cut off, the
 * page's lang, and screenshots on a phone and a laptop at 100 % and 150 % text.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { SpanishBankBundle } from '../../src/core/spanishBankBundle';
import type { BankBundle } from '../../src/core/types';
import { PREFERENCES_KEY } from '../../src/storage/PreferencesStore';
import { axeAllProblems } from './axe';
import { englishLeftOn } from './englishLeftovers';
import { openGame, pageErrors, PHONE, PROJECTOR, screenshot, waitForScreen, type Viewport } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();

let english: BankBundle;
let spanish: SpanishBankBundle;
beforeAll(async () => {
  english = (await (await fetch(new URL('bank.json', url))).json()) as BankBundle;
  spanish = (await (await fetch(new URL('bank.es.json', url))).json()) as SpanishBankBundle;
});

/** A Spanish browser with these settings saved, the Spanish bank in (read through the test hooks). */
async function openInSpanish(viewport: Viewport, settings: object): Promise<Page> {
  const page = await openGame(
    chromium.browser,
    `${url}?test-hooks`,
    viewport,
    (p) =>
      p.addInitScript(([key, value]) => localStorage.setItem(key, value), [
        PREFERENCES_KEY,
        JSON.stringify(settings),
      ] as const),
    { locale: 'es-MX' },
  );
  await page.waitForFunction(() => window.sourceCheckTest?.services.spanishBank !== undefined);
  return page;
}

const text = (page: Page, selector: string) => page.$eval(selector, (element) => element.textContent ?? '');
const overflow = (page: Page) => page.$eval('#a11y', (element) => (element as HTMLElement).dataset.overflow ?? '');

/** What every Spanish screen must be: lang es-US, axe clean, no English left outside the quotes, nothing reported as cut off; then its screenshot. */
async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('es-US');
  expect(await overflow(page), `${name}: reported as not fitting`).toBe('');
  expect(await textsOffScreen(page), `${name}: texts past the screen's edge`).toEqual([]);
  expect(await axeAllProblems(page), name).toEqual([]);
  expect(await englishLeftOn(page, '#a11y'), name).toEqual([]);
  await screenshot(page, name);
}

/** The canvas texts of the screen that run past its edges (a heading too long for a phone at large text). */
function textsOffScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { game } = window.sourceCheckTest!;
    const view = game.registry.get('view') as { width: number; height: number };
    const problems: string[] = [];
    for (const scene of game.scene.getScenes(true)) {
      for (const child of scene.children.list) {
        const text = child as unknown as {
          type: string;
          visible: boolean;
          text: string;
          getBounds(): { left: number; right: number; top: number; bottom: number };
        };
        if (text.type !== 'Text' || !text.visible || text.text === '') continue;
        const box = text.getBounds();
        if (box.left < -1 || box.right > view.width + 1 || box.top < -1 || box.bottom > view.height + 1) {
          problems.push(text.text);
        }
      }
    }
    return problems;
  });
}

/** The question on screen, found by its Spanish prompt, with its Spanish choices in the bank's order. */
async function questionOnScreen(page: Page) {
  const prompt = await text(page, '#a11y h2');
  const id = Object.keys(spanish.overlay.questions).find((key) => spanish.overlay.questions[key]!.prompt === prompt);
  expect(id, `the prompt on screen is not a Spanish prompt of the bank: ${prompt}`).toBeDefined();
  const question = english.questions.find((candidate) => candidate.id === id)!;
  return { question, words: spanish.overlay.questions[id!]! };
}

/** The key for the right (or a wrong) answer, by the Spanish choices on screen. */
async function answerKeyInSpanish(page: Page, right: boolean) {
  const { question, words } = await questionOnScreen(page);
  const correct = words.choices[question.choices.findIndex((choice) => choice.correct)]!.text;
  const shown = await page.$$eval('#a11y [role="group"][aria-label="Respuestas"] button', (buttons) =>
    buttons.map((button) => button.textContent ?? ''),
  );
  expect(new Set(shown)).toEqual(new Set(words.choices.map((choice) => choice.text)));
  const index = shown.findIndex((choice) => (choice === correct) === right);
  return { key: String(index + 1), chosen: shown[index]!, question, words };
}

/** The reveal's source region: the first quote as published, and its rendering marked as unofficial. */
async function checkQuoteAndRendering(
  page: Page,
  { question, words }: Awaited<ReturnType<typeof questionOnScreen>>,
): Promise<void> {
  const quote = await page.$eval('#a11y .excerpt', (element) => (element as HTMLElement).dataset.quote);
  expect(quote).toBe(question.evidence[0]!.quote);
  expect(await page.$eval('#a11y .excerpt span[lang="en"]', (element) => element.textContent)).toBe(quote);
  expect(await text(page, '#a11y [data-name="translation"]')).toBe(`Traducción no oficial: ${words.evidence[0]}`);
}

describe('a round in Spanish', () => {
  it.each([
    ['390x844', PHONE, 1],
    ['1366x768', PROJECTOR, 1],
    ['390x844-150', PHONE, 1.5],
    ['1366x768-150', PROJECTOR, 1.5],
  ] as const)(
    'classic at %s: the question, the outcome and the quote with its rendering',
    async (name, viewport, textScale) => {
      const page = await openInSpanish(viewport, { textScale });
      await page.focus('#a11y button[data-name="How to play"]');
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'how-to-play');
      expect(await text(page, '#a11y')).toContain('M silencia el sonido.');
      await checkScreen(page, `es-how-to-play-${name}`);
      // Play, from How to play.
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'question');
      expect(await text(page, '#a11y [aria-label="Progreso"]')).toBe('Pregunta 1 de 10');
      await checkScreen(page, `es-question-${name}`);
      await page.keyboard.press('Escape');
      await waitForScreen(page, 'pause');
      expect(await text(page, '#a11y')).toContain(
        'Pregunta 1 de 10. El reloj está detenido y la pregunta queda oculta hasta que sigas.',
      );
      await checkScreen(page, `es-pause-${name}`);
      await page.keyboard.press('Escape');
      await waitForScreen(page, 'question');
      const right = await answerKeyInSpanish(page, true);
      await page.keyboard.press(right.key);
      await waitForScreen(page, 'reveal');
      expect(await text(page, '#a11y [aria-label="Resultado"]')).toMatch(
        new RegExp(`^Correcto, ganas \\d+ puntos\\. La respuesta es: ${escape(right.chosen)}\\.`),
      );
      await checkQuoteAndRendering(page, right);
      await checkScreen(page, `es-reveal-${name}`);
      // A wrong answer next: the outcome line names both.
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'question');
      const wrong = await answerKeyInSpanish(page, false);
      await page.keyboard.press(wrong.key);
      await waitForScreen(page, 'reveal');
      expect(await text(page, '#a11y [aria-label="Resultado"]')).toMatch(
        new RegExp(`^No es así\\. Elegiste ${escape(wrong.chosen)}\\. La respuesta es: `),
      );
      await checkQuoteAndRendering(page, wrong);
      await checkScreen(page, `es-reveal-wrong-${name}`);
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    },
  );

  it.each([
    ['1366x768', PROJECTOR, 1],
    ['390x844-150', PHONE, 1.5],
  ] as const)(
    'fact-check at %s: the claim judged, the answer, the wager and the calls',
    async (name, viewport, textScale) => {
      const page = await openInSpanish(viewport, { textScale });
      await page.keyboard.press('f');
      await waitForScreen(page, 'claim');
      expect(await text(page, '#a11y h2')).toBe('Primero, juzga la afirmación');
      await checkScreen(page, `es-claim-${name}`);
      // 2 is "Inexacta".
      await page.keyboard.press('2');
      await waitForScreen(page, 'question');
      const { question, words } = await questionOnScreen(page);
      expect(await text(page, '#a11y [aria-label="Afirmación"]')).toBe(
        `El artículo afirma: ${question.claim!.quote}\nTraducción no oficial: «${words.claim}»`,
      );
      const right = await answerKeyInSpanish(page, true);
      await page.keyboard.press(right.key);
      await waitForScreen(page, 'wager');
      expect(await text(page, '#a11y [data-name="picked"]')).toBe(`Tu respuesta: ${right.chosen}`);
      expect(
        await page.$$eval('#a11y [role="group"][aria-label="Tu confianza"] button', (buttons) =>
          buttons.map((button) => button.textContent),
        ),
      ).toEqual([
        'Seguro: si aciertas +3,000, si fallas −6,000 puntos',
        'Creo que sí: si aciertas +2,000, si fallas −2,000 puntos',
        'Adivino: si aciertas +1,000, si fallas ±0 puntos',
      ]);
      await checkScreen(page, `es-wager-${name}`);
      await page.keyboard.press('1');
      await waitForScreen(page, 'reveal');
      expect(await text(page, '#a11y [data-name="calls"]')).toMatch(
        /^Juzgaste la afirmación como «Inexacta»: (bien|no del todo), .+\. Dijiste «Seguro»: \+3,000\.$/,
      );
      await checkQuoteAndRendering(page, right);
      await checkScreen(page, `es-fact-check-reveal-${name}`);
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    },
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
