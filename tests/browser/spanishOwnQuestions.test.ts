/**
 * The host page's own questions in Spanish: a teacher whose browser asks for Spanish loads a GIFT file with a broken
 * question and reads the summary and the report in Spanish, with the file's line numbers; a file too big is refused
 * in Spanish; and when the server refuses the questions sent with the class, its refusal is worded in Spanish from
 * the notes it sends. Axe clean, photographed at 1366×768 and on a phone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { MAX_IMPORT_FILE_BYTES } from '../../src/core/customBankLimits';
import { axeProblems } from './axe';
import { PHONE, PROJECTOR, screenshot } from './game';
import { useChromium } from './sharedChromium';
import { openSpanishHost } from './spanishHostPage';

const url = inject('appUrl');
const chromium = useChromium();

const GIFT = [
  '::Dueño:: ¿De qué empresa es TikTok? {',
  '  =ByteDance',
  '  ~Microsoft',
  '  ~Oracle',
  '}',
  '',
  '::Sin respuesta correcta:: ¿Quién firmó la orden ejecutiva? {',
  '  ~Un senador',
  '  ~Un juez',
  '}',
  '',
  '::Parcial:: ¿Cuál es una fuente primaria? {',
  '  =El texto de la orden',
  '  ~%50%Un artículo que la cita',
  '}',
  '',
].join('\n');

const text = (page: Page, selector: string) => page.$eval(selector, (element) => element.textContent ?? '');

async function choose(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.setInputFiles('#own-questions-file', { name, mimeType: 'text/plain', buffer });
}

describe('own questions on the host page in Spanish', () => {
  it('words the summary, the report, a file too big and the server’s refusal in Spanish', async () => {
    const { context, page, errors } = await openSpanishHost(chromium.browser, url);
    expect(await page.getAttribute('html', 'lang')).toBe('es-US');

    await choose(page, 'clase.gift', Buffer.from(GIFT, 'utf8'));
    await page.waitForSelector('[data-name="own-questions-report"]:not([hidden])');
    const summary = await text(page, '[data-name="own-questions-summary"]');
    expect(summary).toMatch(
      /^1 pregunta lista para jugar\. 2 problemas: una pregunta con un problema queda fuera hasta que se corrija\. /,
    );
    expect(await text(page, '[data-name="own-questions-report"] h3')).toBe('Qué se omitió en clase.gift');
    const lines = await page.$$eval('[data-name="own-questions-report"] li', (items) =>
      items.map((item) => item.textContent ?? ''),
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^\S+: Línea 7, pregunta “Sin respuesta correcta”, respuestas: ninguna respuesta está marcada como correcta; empieza la respuesta correcta con "="$/,
    );
    expect(lines[1]).toMatch(
      /^\S+: Línea 14, pregunta “Parcial”, respuesta 2: no se admite el puntaje parcial \(%50%\)/,
    );
    expect(await axeProblems(page)).toEqual([]);
    for (const size of [PROJECTOR, PHONE]) {
      await page.setViewportSize(size);
      await page.locator('[data-name="own-questions"]').evaluate((element) => element.scrollIntoView());
      // Nothing wider than the screen: the report's long lines wrap.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      await screenshot(page, `host-es-own-questions-${size.width}x${size.height}`);
    }
    await page.setViewportSize(PROJECTOR);

    // A file too big for the game, refused before it is read.
    await choose(page, 'enorme.gift', Buffer.alloc(MAX_IMPORT_FILE_BYTES + 1, 'a'));
    await page.waitForFunction(() =>
      document.querySelector('[data-name="own-questions-summary"]')?.textContent?.startsWith('enorme.gift pesa'),
    );
    expect(await text(page, '[data-name="own-questions-summary"]')).toMatch(
      /^enorme\.gift pesa \d+ KB; el juego lee archivos de hasta \d+ KB\./,
    );

    // The server reads the questions again and refuses what it cannot play: here a request altered on its way.
    await choose(page, 'clase.gift', Buffer.from(GIFT, 'utf8'));
    await page.waitForSelector('[data-name="own-questions-report"]:not([hidden])');
    await page.route('**/api/classes', async (route) => {
      const body = route.request().postDataJSON() as { ownQuestions: { yaml: string } };
      body.ownQuestions.yaml = body.ownQuestions.yaml.replace('Microsoft', 'ByteDance');
      await route.continue({ postData: JSON.stringify(body) });
    });
    await page.click('form[data-name="setup"] button[type="submit"]');
    const refusal = 'form[data-name="setup"] p[role="alert"]:not([hidden])';
    await page.waitForSelector(refusal);
    expect(await text(page, refusal)).toBe(
      'Tus preguntas (clase.gift): pregunta “dueno”, campo "choices[2].text": repite otra respuesta: “ByteDance”.',
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
