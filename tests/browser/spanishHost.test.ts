/* eslint-disable @typescript-eslint/no-explicit-any -- replies are read field by field */
/**
 * The host page in Spanish: a teacher whose browser asks for Spanish creates a live class with a learning check,
 * sees the lobby, runs both questions to the podium and reads the check panel, every step in Spanish, with the
 * page's `lang` in Spanish, axe clean (every rule), no English left outside the quotes, nothing wider than the
 * screen, and photographs at 1366×768 and on a phone (the projector's question and evidence at 1920×1080 too). The
 * topics, and the projector's questions (class-only ones: the explanation and the quotes' renderings come from the
 * server), are the bank's Spanish; the quotes stay in English, each cited in Spanish. The header's language switch
 * then turns the page to English and is remembered. A refusal of the class server's is said in Spanish too.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { loadChecksFromDisk } from '../../src/checks/checkFiles';
import { classOnlyIds } from '../../src/core/classPool';
import { briefPrompt } from '../../src/core/reports';
import { createRng, type RngState } from '../../src/core/rng';
import { citationIn } from '../../src/i18n/citations';
import { SPANISH_RESOURCES } from '../../src/i18n/spanishResources';
import { createTranslator } from '../../src/i18n/translator';
import { loadBankFromDisk } from '../../src/server/bankFiles';
import { loadSpanishOverlay } from '../../scripts/spanishBankFiles';
import { simulateAnswers } from '../simulatedStudents';
import { axeAllProblems } from './axe';
import { sendCheckAnswers } from './checkAnswers';
import { englishLeftOn } from './englishLeftovers';
import { PHONE, PROJECTOR, screenshot } from './game';
import { useChromium } from './sharedChromium';
import { openSpanishHost } from './spanishHostPage';

const url = inject('appUrl');
const chromium = useChromium();
const root = join(import.meta.dirname, '..', '..');
const { bank } = loadBankFromDisk(join(root, 'questions'), root);
const spanish = loadSpanishOverlay(join(root, 'questions'), bank, root).overlay;
const spanishWords = createTranslator('es', SPANISH_RESOURCES);
/** The class-only question whose Spanish prompt the projector shows, or undefined (a test failure names it). */
const questionWithPrompt = (prompt: string) =>
  bank.questions.find((question) => spanish.questions[question.id]?.prompt === prompt);
/** The projector at full HD, as most classroom projectors and screens are. */
const FULL_HD = { width: 1920, height: 1080 };
const truth = new Map(
  loadChecksFromDisk(join(root, 'questions'), bank, root).checks.items.map((item) => [item.id, item.accurate]),
);
const STUDENTS = ['Ana', 'Beto', 'Caro'];

async function call(method: string, path: string, token?: string, body?: unknown): Promise<any> {
  const response = await fetch(new URL(`api/${path}`, url), {
    method,
    headers: {
      ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
  });
  const text = await response.text();
  expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(300);
  return text.startsWith('{') ? JSON.parse(text) : text;
}

/** One student's due check, judged with a fair discernment. */
async function takeCheck(code: string, student: { playerId: string; token: string }, state: RngState) {
  const path = `classes/${code}/players/${student.playerId}`;
  const view = await call('GET', `${path}/check`, student.token);
  const items = (view.due.items as { id: string }[]).map((item) => ({ id: item.id, accurate: truth.get(item.id)! }));
  const [answers, next] = simulateAnswers(items, 1.5, 0, state);
  await sendCheckAnswers(call, path, student.token, view.due.stage as string, answers);
  return next;
}

const text = (page: Page, selector: string) => page.$eval(selector, (element) => element.textContent ?? '');

async function phase(page: Page, wanted: string, position?: number): Promise<void> {
  await page.waitForFunction(
    ([name, at]) =>
      document.body.dataset.livePhase === name && (at === undefined || document.body.dataset.livePosition === at),
    [wanted, position === undefined ? undefined : String(position)] as const,
    { timeout: 20_000 },
  );
}

/** Axe (every rule), no English left outside the quotes, the page no wider than the screen, and a photograph at 1366×768 and on a phone. */
async function checkScreen(page: Page, name: string, scrollTo?: string): Promise<void> {
  expect(await axeAllProblems(page), name).toEqual([]);
  expect(await englishLeftOn(page, 'body'), name).toEqual([]);
  for (const size of [PROJECTOR, PHONE]) {
    await page.setViewportSize(size);
    if (scrollTo) await page.locator(scrollTo).evaluate((element) => element.scrollIntoView());
    await screenshot(page, `host-es-${name}-${size.width}x${size.height}`);
    // Whatever reaches past the screen's right edge (a table scrolls inside its own region, so it is let be).
    const outside = await page.evaluate(() =>
      [...document.body.querySelectorAll<HTMLElement>('*')]
        .filter(
          (element) => !element.closest('.table-scroll') && element.getBoundingClientRect().right > innerWidth + 1,
        )
        .map(
          (element) =>
            `${element.tagName.toLowerCase()}.${element.className} “${element.textContent?.slice(0, 40)}” ${Math.round(element.getBoundingClientRect().left)}–${Math.round(element.getBoundingClientRect().right)} ${getComputedStyle(element).whiteSpace} ${element.parentElement?.className} ${innerWidth}`,
        ),
    );
    expect(outside, `${name} at ${size.width}×${size.height}`).toEqual([]);
  }
  await page.setViewportSize(PROJECTOR);
}

/** A topic and a kind of question between which the bank holds no class-only question. */
function emptyChoice(): { topic: string; kind: string } {
  const classOnly = classOnlyIds(bank.questions);
  const kinds = [...new Set(bank.questions.map((question) => question.kind))];
  for (const topic of bank.topics) {
    for (const kind of kinds) {
      const held = bank.questions.filter(
        (question) => classOnly.has(question.id) && question.topic === topic.id && question.kind === kind,
      );
      if (kind && held.length === 0) return { topic: topic.id, kind };
    }
  }
  throw new Error('every topic holds class-only questions of every kind: this test needs another refusal');
}

describe('the host page in Spanish', () => {
  it('creates a class, runs a live lesson to the podium and shows the learning check, all in Spanish', async () => {
    const { context, page, errors } = await openSpanishHost(chromium.browser, url);

    // The set-up form.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es-US');
    expect(await page.title()).toBe('Dirige una clase — Source Check');
    expect(await text(page, 'h1')).toBe('Source Check — dirige una clase');
    expect(await page.$eval('#host-language', (select) => (select as HTMLSelectElement).value)).toBe('es');
    expect(await text(page, 'label[for="host-language"]')).toBe('Idioma');
    expect(await text(page, '[data-name="pace"] legend')).toBe('Cómo juega la clase');
    expect(await text(page, 'label[for="question-count"]')).toBe('Número de preguntas');
    expect(await page.$$eval('#time-limit option', (options) => options.map((option) => option.textContent))).toEqual([
      '10 segundos',
      '20 segundos',
      '30 segundos',
      '45 segundos',
      '60 segundos',
      '90 segundos',
      'Sin límite de tiempo',
    ]);
    expect(await text(page, '[data-name="pool"] label:first-of-type')).toMatch(
      /^ Preguntas solo de clase: .* preguntas?\)$/,
    );
    expect(await text(page, 'form[data-name="setup"] button[type="submit"]')).toBe('Crear la clase');
    // Each topic by its Spanish title.
    const topicLabels = await page.$$eval('input[name="topic"]', (boxes) =>
      boxes.map((box) => ({ id: (box as HTMLInputElement).value, text: box.parentElement?.textContent ?? '' })),
    );
    expect(topicLabels.length).toBe(bank.topics.length);
    for (const { id, text: label } of topicLabels) expect(label).toContain(spanish.topics[id]!);
    await checkScreen(page, 'setup');

    await page.fill('#question-count', '2');
    await page.selectOption('#time-limit', 'none');
    await page.check('#learning-check');
    await page.click('form[data-name="setup"] button[type="submit"]');
    await phase(page, 'lobby');

    // The lobby: the join panel on the projector, and the class's status line.
    const code = (await text(page, '[data-name="class-code"]')).trim();
    let state = createRng('spanish-host');
    const students: { playerId: string; token: string }[] = [];
    for (const nickname of STUDENTS) {
      const student = await call('POST', `classes/${code}/players`, undefined, { nickname });
      state = await takeCheck(code, student, state);
      students.push(student);
    }
    await page.waitForFunction(() => document.querySelectorAll('[data-name="live-wall"] li').length === 3);
    expect(await text(page, '[data-name="live-heading"]')).toBe(
      'Únete a la clase: la primera pregunta se abre cuando estén todos',
    );
    expect(await text(page, '[data-name="live-join"] .live-lead')).toBe('Código de la clase');
    expect(await text(page, '[data-name="class-status"]')).toBe(
      'Esperando para empezar · 3 conectados · 2 preguntas · sin límite de tiempo',
    );
    expect(await text(page, '[data-name="live-next"]')).toBe('Empezar: pregunta 1');
    expect(await text(page, '[data-name="live-screen"] > .live-lead')).toBe('3 jugadores en la clase');
    expect(await text(page, '[data-name="joining-state"]')).toBe(
      'Entrada abierta: cualquiera con el código puede unirse',
    );
    await checkScreen(page, 'lobby');

    for (let position = 0; position < 2; position += 1) {
      await page.click('[data-name="live-next"]');
      await phase(page, 'question', position);
      expect(await text(page, '[data-name="live-heading"]')).toBe(`Pregunta ${position + 1} de 2`);
      expect(await text(page, '[data-name="live-countdown"]')).toBe('Sin límite de tiempo');
      await page.waitForFunction(
        () => document.querySelector('[data-name="live-answered"]')?.textContent === '0 de 3 jugadores respondieron',
      );
      expect(await text(page, '[data-name="live-show-answer"]')).toBe('Mostrar la respuesta');
      // The question in the bank's Spanish, its choices too.
      const prompt = await text(page, '[data-name="live-prompt"]');
      const english = questionWithPrompt(prompt);
      expect(english, `not a Spanish prompt of the bank: ${prompt}`).toBeDefined();
      const words = spanish.questions[english!.id]!;
      expect(
        new Set(await page.$$eval('[data-name="live-choices"] li', (items) => items.map((item) => item.textContent))),
      ).toEqual(new Set(words.choices.map((choice) => choice.text)));
      if (position === 0) {
        await checkScreen(page, 'question', '[data-name="live-stage"]');
        await page.setViewportSize(FULL_HD);
        await screenshot(page, 'host-es-question-1920x1080');
        await page.setViewportSize(PROJECTOR);
      }
      // Two answer; the teacher does not wait for the third.
      for (const student of students.slice(0, 2)) {
        await call('POST', `classes/${code}/players/${student.playerId}/answers`, student.token, {
          position,
          choice: 0,
        });
      }
      await page.waitForFunction(
        () => document.querySelector('[data-name="live-answered"]')?.textContent === '2 de 3 jugadores respondieron',
      );
      await page.click('[data-name="live-show-answer"]');
      await phase(page, 'answer', position);
      expect(await text(page, '[data-name="live-heading"]')).toBe(
        `Pregunta ${position + 1} de 2: cómo respondió la clase`,
      );
      const counts = await page.$$eval('[data-name="live-distribution"] .choice-count', (items) =>
        items.map((item) => item.textContent ?? ''),
      );
      // Each student's choices come in an order of their own: the counts, not where they fall, are checked.
      for (const count of counts) expect(count).toMatch(/^(1 respuesta|\d+ respuestas)$/);
      expect(counts.reduce((sum, count) => sum + parseInt(count, 10), 0)).toBe(2);
      expect(await text(page, '.live-note')).toBe('Se acabó el tiempo sin respuesta: 1');
      expect(await text(page, '[data-name="live-next"]')).toBe('Mostrar las pruebas');
      if (position === 0) await checkScreen(page, 'answer', '[data-name="live-stage"]');
      await page.click('[data-name="live-next"]');
      await phase(page, 'evidence', position);
      expect(await text(page, '[data-name="live-heading"]')).toBe(`Pregunta ${position + 1} de 2: qué dice la fuente`);
      // The right answer and the explanation in Spanish; each quote as published, its rendering marked as unofficial.
      const right = english!.choices.findIndex((choice) => choice.correct);
      expect(await text(page, '.live-right')).toBe(`Respuesta correcta: ${words.choices[right]!.text}`);
      expect(await text(page, '.live-why')).toBe(`Por qué: ${words.explanation}`);
      expect(
        await page.$$eval('[data-name="live-excerpt"] blockquote', (quotes) =>
          quotes.map((quote) => [quote.textContent, quote.getAttribute('lang')]),
        ),
      ).toEqual(english!.evidence.map((excerpt) => [excerpt.quote, 'en']));
      expect(
        await page.$$eval('[data-name="live-translation"]', (items) => items.map((item) => item.textContent)),
      ).toEqual(words.evidence.map((rendering) => `Traducción no oficial: ${rendering}`));
      // Each citation as a Spanish student's reveal words it: the source's title and issuer in Spanish, the date the
      // Spanish way, the document's own title as published.
      const captions = await page.$$eval('[data-name="live-excerpt"] figcaption', (items) =>
        items.map((item) => item.textContent),
      );
      expect(captions).toEqual(
        english!.evidence.map(
          (excerpt) =>
            `— ${citationIn(spanishWords, excerpt.source, bank.sources[excerpt.source], spanish.sources[excerpt.source], true)}`,
        ),
      );
      for (const [index, excerpt] of english!.evidence.entries()) {
        const source = bank.sources[excerpt.source]!;
        expect(captions[index]).toContain(spanish.sources[excerpt.source]!.title);
        if (source.date !== 'not stated') expect(captions[index]).toMatch(/\d{1,2} de [a-z]+ de \d{4}\)$/);
      }
      if (position === 0) {
        await checkScreen(page, 'evidence', '[data-name="live-stage"]');
        await page.setViewportSize(FULL_HD);
        await screenshot(page, 'host-es-evidence-1920x1080');
        await page.setViewportSize(PROJECTOR);
        await page.locator('[data-name="live-stage"]').evaluate((element) => element.scrollIntoView());
        await screenshot(page, 'host-es-evidence-1366x768');
      }
      await page.click('[data-name="live-next"]');
      await phase(page, 'leaderboard', position);
      expect(await text(page, '[data-name="live-heading"]')).toBe(
        `Clasificación después de la pregunta ${position + 1}`,
      );
      expect(await text(page, '[data-name="live-next"]')).toBe(position === 0 ? 'Siguiente: pregunta 2' : 'Podio');
    }
    await page.click('[data-name="live-next"]');
    await phase(page, 'podium');
    expect(await text(page, '[data-name="live-heading"]')).toBe('Podio');
    expect(
      await page.$$eval('[data-name="live-podium"] .points', (items) => items.map((item) => item.textContent)),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^[\d,]+ pts$/)]));
    expect(await text(page, '.live-skills h3')).toBe('Pasos SIFT');
    // The most-missed question (if any) quoted from the bank's Spanish.
    const missed = await page.$('.live-skills [data-name="most-missed"]');
    if (missed) {
      const id = (await missed.getAttribute('data-question'))!;
      expect(await missed.textContent()).toContain(briefPrompt(spanish.questions[id]!.prompt));
    }
    await checkScreen(page, 'podium', '[data-name="live-stage"]');

    // The learning check: the before check of all three, then the after check.
    for (const student of students) state = await takeCheck(code, student, state);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-name="check-progress"]')?.textContent ===
        'Antes de la clase: 3 de 3 terminaron · Después de la clase: 3 de 3 terminaron',
      undefined,
      { timeout: 20_000 },
    );
    expect(await text(page, '#check-heading')).toBe('Prueba de aprendizaje');
    expect(
      await page.$$eval('[data-name="check-table"] thead th', (cells) => cells.map((cell) => cell.textContent)),
    ).toEqual(['Prueba', 'Estudiantes', 'Tasa de aciertos', 'Tasa de falsas alarmas', 'Discernimiento d′', 'Sesgo c']);
    expect(await text(page, '[data-name="check-reading"] h3')).toBe(
      'Antes → después (3 estudiantes que hicieron las dos)',
    );
    expect(await text(page, '[data-name="check-reading"] p:last-child')).toContain('Sin una clase de comparación');
    expect(await text(page, '[data-name="delayed-check-state"]')).toMatch(
      /^La prueba diferida \(forma C\) muestra lo que se quedó\. Ábrela de 7 a 28 días después de la clase: del \d+ de [a-z]+ de \d{4} al \d+ de [a-z]+ de \d{4}\./,
    );
    expect(await text(page, '[data-name="class-status"]')).toBe(
      'Jugando · 3 jugadores · 3 terminaron · 2 preguntas · sin límite de tiempo',
    );
    expect(await text(page, '#roster-heading')).toBe('Jugadores');
    await checkScreen(page, 'check', '[data-name="learning-check"]');
    await page.evaluate(() => window.scrollTo(0, 0));

    // The header's switch: English, at once and after a reload.
    await Promise.all([page.waitForEvent('load'), page.selectOption('#host-language', 'en')]);
    await page.waitForSelector('[data-name="live-stage"]');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
    expect(await text(page, 'h1')).toBe('Source Check — host a class');
    expect(await text(page, '[data-name="live-heading"]')).toBe('Podium');
    await page.reload();
    await page.waitForSelector('[data-name="live-stage"]');
    expect(await text(page, '#check-heading')).toBe('Learning check');
    expect(await page.$eval('#host-language', (select) => (select as HTMLSelectElement).value)).toBe('en');
    expect(errors).toEqual([]);
    await context.close();
  });

  // A refusal of the server's (code `no-questions`, an English sentence) said in Spanish: class-only questions
  // asked for from a topic and a kind that hold none.
  it('says in Spanish why the class server would not create the class', async () => {
    const { context, page, errors } = await openSpanishHost(chromium.browser, url);
    const { topic, kind } = emptyChoice();
    await page.check('input[name="pool"][value="class-only"]');
    await page.check(`input[name="topic"][value="${topic}"]`);
    await page.check(`input[name="kind"][value="${kind}"]`);
    const refused = page.waitForResponse((response) => response.url().endsWith('/api/classes'));
    await page.click('form[data-name="setup"] button[type="submit"]');
    // The server's own refusal, in English with its code…
    const reply = await refused;
    expect(reply.status()).toBe(422);
    expect(((await reply.json()) as { error: string }).error).toBe('no-questions');
    // …and the page's words for it in Spanish.
    const problem = page.locator('form[data-name="setup"] [role="alert"]');
    await problem.waitFor();
    expect(await problem.textContent()).toBe(SPANISH_RESOURCES.host.refusal['no-questions']);
    expect(await problem.textContent()).toMatch(/^Los temas y tipos elegidos no tienen preguntas/);
    expect(await axeAllProblems(page)).toEqual([]);
    expect(await englishLeftOn(page, 'body')).toEqual([]);
    await problem.scrollIntoViewIfNeeded();
    await screenshot(page, 'host-es-refusal-1366x768');
    expect(errors).toEqual([]);
    await context.close();
  });
});
