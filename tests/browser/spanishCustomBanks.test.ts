/**
 * "Your questions" in Spanish: a Spanish browser loads a teacher's file, reads the report, opens the bank, renames
 * and removes it, and loads a file with nothing to play, on a phone and a projector at 100 % and 150 % text. Each
 * screen speaks Spanish in the accessible layer, keeps the page's `lang`, passes axe and cuts nothing off; the
 * screenshots are kept.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { exportTopicYaml, importQuestions } from '../../src/core/import/index';
import { CUSTOM_BANKS_KEY } from '../../src/storage/CustomBankStore';
import { clickCanvasButton, pageErrors, PHONE, titleEntry, waitForScreen } from './game';
import { useChromium } from './sharedChromium';
import { checkSpanishScreen, layoutName, openSpanishGame, SPANISH_LAYOUTS, textOf } from './spanishScreens';

const url = inject('appUrl');
/** The screens that list the importer's lines about a file: those lines are still English (interface-languages.md). */
const LOOK_FOR_ENGLISH_BESIDE_IMPORTER_LINES = false;
const chromium = useChromium();

/**
 * A Spanish teacher's own quiz: a question that plays with a change (its source comment is not used), and one with
 * no right answer.
 */
const CLASS_QUIZ = [
  '// source: Kahoot quiz, 2023',
  '::Autoría:: ¿Quién escribió el artículo de 2020 sobre la prohibición de TikTok? {',
  '  =El artículo no lo dice',
  '  ~Un periodista de la Casa Blanca',
  '}',
  '',
  '::Sin respuesta correcta:: ¿De quién es TikTok? {',
  '  ~ByteDance',
  '  ~Microsoft',
  '}',
  '',
].join('\n');

/** Ten questions with no right answer: nothing to play, a long list of problems. */
const BROKEN_QUIZ = Array.from(
  { length: 10 },
  (_, i) => `::Broken ${i + 1}:: Question number ${i + 1} with no right answer? {\n  ~One\n  ~Two\n}\n`,
).join('\n');

const button = (name: string) => `#a11y button[data-name="${name}"]`;

async function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(`#a11y ${selector}`, (elements) => elements.map((element) => element.textContent ?? ''));
}

/** Loads a file through the picker, opened by a click on the canvas button. */
async function loadFile(page: Page, name: string, text: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickCanvasButton(page, button('load-file'))]);
  await chooser.setFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
}

describe('your questions in Spanish', () => {
  for (const [viewport, textScale] of SPANISH_LAYOUTS) {
    const size = layoutName(viewport, textScale);
    it(`loads, reads, renames and removes a bank at ${size}`, { timeout: 180_000 }, async () => {
      const page = await openSpanishGame(chromium.browser, url, viewport, textScale);
      page.on('filechooser', () => undefined);
      await clickCanvasButton(page, await titleEntry(page, 'Your questions'));
      await waitForScreen(page, 'custom-banks');
      await page.waitForSelector(button('load-file'));
      expect(await textOf(page, 'h1')).toBe('Tus preguntas');
      expect(await textOf(page, 'button[data-name="load-file"]')).toBe('Cargar un archivo…');
      expect(await textOf(page, '[data-name="usage"]')).toBe('Aún no hay bancos: carga un archivo para crear uno.');
      expect(await textOf(page, '[data-name="summary"]')).toMatch(/^Cada pregunta se revisa con las reglas del juego/);
      await checkSpanishScreen(page, 'custom-banks-empty', size);

      // A file with one question to play (changed) and one skipped: the bank's screen with the report.
      await loadFile(page, 'Prueba de clase.gift', CLASS_QUIZ);
      await waitForScreen(page, 'custom-bank');
      expect(await textOf(page, '[data-name="summary"]')).toBe(
        'Prueba de clase.gift: 1 pregunta lista para jugar. 1 cambio hecho al leer el archivo, en la lista de abajo. ' +
          '1 problema: una pregunta con un problema queda fuera hasta que se corrija.',
      );
      expect(await textOf(page, '[data-name="notice"]')).toBe('Guardado en este dispositivo.');
      expect(await page.$eval('#a11y [data-name="problems"]', (e) => e.getAttribute('aria-label'))).toBe(
        'Qué se cambió u omitió en Prueba de clase.gift',
      );
      const lines = await texts(page, '[data-name="problems"] li');
      expect(lines).toHaveLength(2);
      // The importer's notes in Spanish, with the file's line numbers.
      expect(lines).toEqual([
        'Cambiada: Línea 1, pregunta “Autoría”, comentario de fuente: no se usa: necesita sus dos partes, como ' +
          '// source: eo-13942 | quote: "the exact words"; la pregunta se juega sin fragmento de la fuente',
        'Omitida: Línea 7, pregunta “Sin respuesta correcta”, respuestas: ninguna respuesta está marcada como ' +
          'correcta; empieza la respuesta correcta con "="',
      ]);
      expect(await texts(page, '[data-name="questions"] li')).toEqual([
        '1. ¿Quién escribió el artículo de 2020 sobre la prohibición de TikTok?  (sin fuente, sin explicación)',
      ]);
      expect(await textOf(page, '[data-name="facts"]')).toMatch(
        /^1 pregunta · 1 sin fuente · 1 sin explicación · de Prueba de clase\.gift, cargado el \d+ de \p{L}+ de \d{4}$/u,
      );
      expect(await textOf(page, 'button[data-name="play"]')).toBe('Jugar “Prueba de clase”');
      expect(await textOf(page, 'button[data-name="export"]')).toBe('Exportar como archivo YAML');
      expect(await textOf(page, 'button[data-name="back"]')).toBe('Volver a tus preguntas');
      await checkSpanishScreen(page, 'custom-bank-report', size, [], LOOK_FOR_ENGLISH_BESIDE_IMPORTER_LINES);

      // Rename: the text box and its buttons.
      await clickCanvasButton(page, button('rename'));
      await page.waitForSelector('#a11y input[aria-label="Nombre nuevo"]');
      expect(await textOf(page, 'button[data-name="save-name"]')).toBe('Guardar el nombre');
      await checkSpanishScreen(page, 'custom-bank-rename', size);
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Semana de medios');
      await page.keyboard.press('Enter');
      await page.waitForSelector(button('play'));
      expect(await textOf(page, 'h2')).toBe('Semana de medios');
      expect(await textOf(page, '[data-name="notice"]')).toBe('Renombrado.');
      await checkSpanishScreen(page, 'custom-bank', size, [], LOOK_FOR_ENGLISH_BESIDE_IMPORTER_LINES);

      // Remove, after a confirmation.
      await clickCanvasButton(page, button('remove'));
      await page.waitForSelector(button('confirm-remove'));
      const dialog = await textOf(page, '[role="alertdialog"]');
      expect(dialog).toContain('¿Quitar “Semana de medios” de este dispositivo?');
      expect(dialog).toContain('Su 1 pregunta desaparecerá de este navegador.');
      expect(await textOf(page, 'button[data-name="keep"]')).toBe('Conservarlo');
      await checkSpanishScreen(page, 'custom-bank-remove', size);
      await clickCanvasButton(page, button('confirm-remove'));
      await waitForScreen(page, 'custom-banks');
      expect(await textOf(page, '[data-name="notice"]')).toBe('Se quitó “Semana de medios”.');

      // Two banks on the list, then a file with nothing to play: its problems on the list screen.
      await loadFile(page, 'Prueba de clase.gift', CLASS_QUIZ);
      await waitForScreen(page, 'custom-bank');
      await page.keyboard.press('Escape');
      await waitForScreen(page, 'custom-banks');
      await page.waitForSelector(button('load-file'));
      expect(await textOf(page, '[data-name="usage"]')).toMatch(/^1 banco · \d+ bytes de 1 MB$/);
      expect(await textOf(page, '[aria-label="Bancos guardados"] button')).toBe('Prueba de clase, 1 pregunta');
      await checkSpanishScreen(page, 'custom-banks', size);
      await loadFile(page, 'Broken.gift', BROKEN_QUIZ);
      await page.waitForSelector('#a11y [data-name="problems"] li');
      expect(await textOf(page, '[data-name="summary"]')).toBe(
        'Aún no se puede jugar ninguna pregunta: hay 10 problemas que corregir. Corrige el archivo y cárgalo otra vez.',
      );
      expect(await textOf(page, 'h2')).toBe('Broken.gift');
      expect(await texts(page, '[data-name="problems"] li')).toHaveLength(10);
      await checkSpanishScreen(page, 'custom-banks-report', size, [], LOOK_FOR_ENGLISH_BESIDE_IMPORTER_LINES);
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('words what was wrong with the banks saved before in Spanish', { timeout: 120_000 }, async () => {
    // A bank whose question lost its right answer in storage, and a bank with half its fields.
    const read = importQuestions(
      { path: 'semana.gift', text: '::Dueño:: ¿De quién es TikTok? {=ByteDance ~Microsoft}' },
      { sources: {} },
    );
    const yaml = exportTopicYaml(read.topic, read.questions).replace('correct: true', 'correct: false');
    expect(yaml).toContain('correct: false');
    const saved = {
      id: 'b1',
      name: 'Semana 3',
      fileName: 'semana.gift',
      format: 'gift',
      savedAt: '2026-01-05T10:00:00.000Z',
    };
    const stored = JSON.stringify({
      version: 1,
      banks: [
        { ...saved, topic: read.topic, yaml },
        { id: 'b2', name: 'A medias' },
      ],
    });
    const page = await openSpanishGame(chromium.browser, url, PHONE, 1.5);
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [CUSTOM_BANKS_KEY, stored] as const);
    await page.reload();
    await waitForScreen(page, 'title');
    await clickCanvasButton(page, await titleEntry(page, 'Your questions'));
    await waitForScreen(page, 'custom-banks');
    await page.waitForSelector('#a11y [data-name="problems"] li');
    expect(await texts(page, '[data-name="problems"] li')).toEqual([
      'banco guardado “Semana 3”: pregunta “dueno”, campo "choices": ninguna respuesta está marcada como correcta; ' +
        'agrega "correct: true" a la respuesta correcta',
      'al banco guardado “Semana 3” no le queda ninguna pregunta que se pueda jugar; se dejó fuera',
      'el banco guardado 2 está dañado (falta un campo o es de otro tipo); se dejó fuera',
    ]);
    await checkSpanishScreen(page, 'custom-banks-stored-problems', layoutName(PHONE, 1.5));
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
