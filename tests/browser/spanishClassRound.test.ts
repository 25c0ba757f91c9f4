/**
 * One class, two languages: a Spanish student and an English one answer the same class questions. The server sends
 * English; the Spanish student's question and reveal show the bank's Spanish for that question id, the choices in
 * their own order, while the English student's stay English. The class draws from the questions held back for
 * classes, whose words after the answer are not in bank.es.json: the Spanish student's reveal has them all the same
 * (explanation, the quote's rendering marked as unofficial, the feedback), from the verdict the server words in the
 * language the student joined and answered in.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { SpanishBankBundle } from '../../src/core/spanishBankBundle';
import { loadBankFromDisk } from '../../src/server/bankFiles';
import { loadSpanishOverlay } from '../../scripts/spanishBankFiles';
import { axeAllProblems } from './axe';
import { openGame, pageErrors, PHONE, PROJECTOR, screenshot, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();
const root = join(import.meta.dirname, '..', '..');
/** The whole bank, the questions held back for classes included. */
const bank = loadBankFromDisk(join(root, 'questions'), root).bank;
/** The bank's whole Spanish, the words after the answer of the class-only questions included. */
const overlay = loadSpanishOverlay(join(root, 'questions'), bank, root).overlay;
const QUESTIONS = 2;

const text = (page: Page, selector: string) => page.$eval(selector, (element) => element.textContent ?? '');
const buttonsOf = (page: Page, group: string) =>
  page.$$eval(`#a11y [role="group"][aria-label="${group}"] button`, (buttons) =>
    buttons.map((button) => button.textContent ?? ''),
  );

async function classMode(page: Page, mode: string): Promise<void> {
  await page.waitForFunction((wanted) => document.body.dataset.classMode === wanted, mode, { timeout: 20_000 });
}

describe('a class with a Spanish and an English student', () => {
  it('shows each student the class question in their own language, the Spanish choices in the Spanish student’s order', async () => {
    const spanish = (await (await fetch(new URL('bank.es.json', url))).json()) as SpanishBankBundle;
    const teacher = await (await chromium.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await teacher.goto(new URL('host.html', url).href);
    await teacher.waitForSelector('form[data-name="setup"]');
    await teacher.fill('#question-count', String(QUESTIONS));
    await teacher.check('input[name="pace"][value="self"]');
    await teacher.click('form[data-name="setup"] button[type="submit"]');
    await teacher.waitForSelector('[data-name="class-code"]');
    const joinUrl = (await teacher.getAttribute('[data-name="join-link"]', 'href'))!;

    const ana = await openGame(chromium.browser, url, PHONE, undefined, { locale: 'es-MX' });
    const spanishBank = ana.waitForResponse((response) => response.url().endsWith('bank.es.json'));
    const ben = await openGame(chromium.browser, url, PROJECTOR);
    for (const page of [ana, ben]) {
      await page.goto(joinUrl);
      await classMode(page, 'name');
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'class-wait');
    }
    expect((await spanishBank).ok()).toBe(true);
    await teacher.click('[data-name="start"]');

    for (let q = 0; q < QUESTIONS; q += 1) {
      await waitForScreen(ana, 'class-question');
      await waitForScreen(ben, 'class-question');
      const prompt = await text(ana, '#a11y h2');
      const id = Object.keys(spanish.served).find((key) => spanish.served[key]!.prompt === prompt);
      expect(id, `not a Spanish prompt of the bank: ${prompt}`).toBeDefined();
      const english = bank.questions.find((question) => question.id === id)!;
      expect(await text(ben, '#a11y h2')).toBe(english.prompt);
      const benChoices = await buttonsOf(ben, 'Answers');
      expect(new Set(benChoices)).toEqual(new Set(english.choices.map((choice) => choice.text)));
      // Each Spanish tile is the translation of the English choice the server put in that place for Ana.
      const anaChoices = await buttonsOf(ana, 'Respuestas');
      const translations = spanish.served[id!]!.choices;
      expect(new Set(anaChoices)).toEqual(new Set(Object.values(translations)));
      expect(await ana.evaluate(() => document.documentElement.lang)).toBe('es-US');
      if (q === 0) {
        expect(await ana.$eval('#a11y', (element) => (element as HTMLElement).dataset.overflow ?? '')).toBe('');
        expect(await axeAllProblems(ana)).toEqual([]);
        await screenshot(ana, 'es-class-question-390x844');
      }

      await ana.keyboard.press('1');
      await ben.keyboard.press('1');
      await waitForScreen(ana, 'class-reveal');
      await waitForScreen(ben, 'class-reveal');
      const anaPicked = anaChoices[0]!;
      const anaOutcome = await text(ana, '#a11y [aria-label="Resultado"]');
      expect(anaOutcome).toMatch(/^(Correcto, ganas \d+ puntos\.|No es así\. Elegiste .+\.) La respuesta es: /);
      if (anaOutcome.startsWith('No es así')) expect(anaOutcome).toContain(`Elegiste ${anaPicked}.`);
      // The answer Ana is shown as right is the translation of the bank's right answer.
      const right = english.choices.find((choice) => choice.correct)!.text;
      expect(anaOutcome).toContain(`La respuesta es: ${translations[right]}.`);
      expect(await text(ben, '#a11y [aria-label="Outcome"]')).toMatch(/^(Correct|Not quite)/);
      expect(await ana.$eval('#a11y .excerpt', (element) => (element as HTMLElement).dataset.quote)).toBe(
        english.evidence[0]!.quote,
      );
      // The words after the answer in Spanish, though bank.es.json holds none of this class-only question's.
      expect(spanish.overlay.questions[id!]).toBeUndefined();
      const words = overlay.questions[id!]!;
      expect(await text(ana, '#a11y [data-name="translation"]')).toBe(`Traducción no oficial: ${words.evidence[0]}`);
      const source = await text(ana, '#a11y section');
      if (words.explanation) expect(source).toContain(`Por qué: ${words.explanation}`);
      const anaPickedIndex = english.choices.findIndex((choice) => translations[choice.text] === anaPicked);
      const feedback = words.choices[anaPickedIndex]?.feedback;
      if (anaOutcome.startsWith('No es así') && feedback) expect(anaOutcome).toContain(feedback);
      if (english.explanation) expect(await text(ben, '#a11y section')).toContain(english.explanation);
      if (q === 0) {
        expect(await ana.$eval('#a11y', (element) => (element as HTMLElement).dataset.overflow ?? '')).toBe('');
        expect(await axeAllProblems(ana)).toEqual([]);
        await screenshot(ana, 'es-class-reveal-390x844');
      }
      await ana.keyboard.press('Enter');
      await ben.keyboard.press('Enter');
    }
    expect(pageErrors(ana)).toEqual([]);
    expect(pageErrors(ben)).toEqual([]);
    for (const page of [ana, ben, teacher]) await page.context().close();
  });
});
