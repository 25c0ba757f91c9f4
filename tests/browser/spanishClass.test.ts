/**
 * A class with Spanish and English students: Spanish browsers (phone and projector, 100 % and 150 % text) find the
 * class by its code, pick a nickname, take the learning check before and after, wait in the lobby and see their
 * results, all in Spanish, with the page's language Spanish, axe clean and nothing cut off on any of those
 * screens; an English student in the same class keeps English.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PREFERENCES_KEY } from '../../src/storage/PreferencesStore';
import { axeAllProblems } from './axe';
import { englishLeftOn } from './englishLeftovers';
import {
  clickCanvasButton,
  openGame,
  pageErrors,
  PHONE,
  PROJECTOR,
  screenshot,
  waitForScreen,
  type Viewport,
} from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();
const QUESTIONS = 2;
const CLAIMS = 12;
/** Two checks of twelve claims and a round, each screen through axe, for two students at a time. */
const CLASS_TIMEOUT = 480_000;

interface Student {
  page: Page;
  nickname: string;
  /** Names its screenshots: `390x844-150`. */
  look: string;
}

const STUDENTS: { nickname: string; viewport: Viewport; textScale: number }[] = [
  { nickname: 'Ana', viewport: PHONE, textScale: 1 },
  { nickname: 'Beto', viewport: PHONE, textScale: 1.5 },
  { nickname: 'Cami', viewport: PROJECTOR, textScale: 1 },
  { nickname: 'Dani', viewport: PROJECTOR, textScale: 1.5 },
];

async function api(method: string, path: string, token?: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(new URL(`api/${path}`, url), {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body ?? {}),
  });
  const text = await response.text();
  expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(300);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const a11yText = (page: Page, selector: string) => page.$eval(selector, (element) => element.textContent ?? '');
const heading = (page: Page) => a11yText(page, '#a11y h1');

async function classMode(page: Page, mode: string): Promise<void> {
  await page.waitForFunction((wanted) => document.body.dataset.classMode === wanted, mode, { timeout: 20_000 });
}

/** The screen as it is: the page in Spanish (no English left outside the quotes), nothing cut off, axe clean; photographed. */
async function inspect(student: Student, shot: string): Promise<void> {
  const { page } = student;
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('es-US');
  expect(await page.$eval('#a11y', (element) => element.dataset.overflow ?? ''), `${shot} ${student.look}`).toBe('');
  expect(await axeAllProblems(page), `${shot} ${student.look}`).toEqual([]);
  expect(await englishLeftOn(page, '#a11y'), `${shot} ${student.look}`).toEqual([]);
  await screenshot(page, `es-${shot}-${student.look}`);
}

/** The learning check on screen, every claim called accurate and sure, in Spanish; the first claim inspected. */
async function takeCheck(student: Student): Promise<void> {
  const { page } = student;
  await waitForScreen(page, 'check');
  await page.waitForSelector('#a11y button[data-name="Start"]');
  expect(await heading(page)).toMatch(/^Prueba de aprendizaje · prueba [ABC]$/);
  expect(await a11yText(page, '#a11y button[data-name="Start"]')).toBe('Empezar la prueba');
  expect(await a11yText(page, '#a11y [data-name="about"]')).toContain('Doce afirmaciones cortas');
  await inspect(student, 'check-intro');
  await page.keyboard.press('Enter');
  for (let claim = 1; claim <= CLAIMS; claim += 1) {
    await page.waitForFunction(
      (progress) =>
        document.querySelector('#a11y [data-name="progress"]')?.textContent?.startsWith(progress) === true &&
        document.querySelector('#a11y button[data-name="judge-accurate"]') !== null,
      `Afirmación ${claim} de ${CLAIMS}`,
    );
    if (claim === 1) {
      expect(await a11yText(page, '#a11y button[data-name="judge-accurate"]')).toBe('Exacta');
      expect(await a11yText(page, '#a11y [data-name="asked"]')).toBe('¿Esta afirmación es exacta?');
      // The claims are English only: marked so, for a screen reader's voice.
      expect(await page.$eval('#a11y [data-name="claim"]', (element) => element.getAttribute('lang'))).toBe('en');
      await inspect(student, 'check-claim');
    }
    await page.keyboard.press('1');
    await page.waitForSelector('#a11y button[data-name="confidence-sure"]');
    if (claim === 1) {
      expect(await a11yText(page, '#a11y [data-name="asked"]')).toBe('Dijiste: Exacta. ¿Qué tan seguro estás?');
      expect(await a11yText(page, '#a11y button[data-name="confidence-think-so"]')).toBe('Creo que sí');
      await inspect(student, 'check-confidence');
    }
    await page.keyboard.press('1');
  }
  await waitForScreen(page, 'check-report');
  await page.waitForSelector('#a11y [data-name="figure"]');
  expect(await a11yText(page, '#a11y [data-name="figure"]')).toMatch(
    /^Afirmaciones exactas que dijiste que eran exactas: 6 de 6\.$/,
  );
}

/**
 * One class played by `group` in Spanish, from the code to the results, every screen inspected; with an English
 * student in it too when asked (returned, still on their check's first screen).
 */
async function playClass(group: typeof STUDENTS, withEnglish: boolean): Promise<Page | undefined> {
  const created = (await api('POST', 'classes', undefined, {
    questionCount: QUESTIONS,
    timeLimitSec: 30,
    topics: [],
    scoring: 'accuracy',
    pace: 'self',
    learningCheck: true,
    holdStart: true,
  })) as { class: { code: string }; teacherToken: string };
  const code = created.class.code;

  const students: Student[] = [];
  for (const { nickname, viewport, textScale } of group) {
    const page = await openGame(
      chromium.browser,
      url,
      viewport,
      (opened) =>
        opened.addInitScript(([key, value]) => localStorage.setItem(key, value), [
          PREFERENCES_KEY,
          JSON.stringify({ textScale }),
        ] as const),
      { locale: 'es-MX' },
    );
    students.push({ page, nickname, look: `${viewport.width}x${viewport.height}-${textScale * 100}` });
  }

  // Finding the class: a link with something that is no code, a code of no class, then the right one.
  for (const student of students) {
    const { page } = student;
    await page.goto(new URL('?class=ZZZZZZ', url).href);
    await classMode(page, 'code');
    expect(await heading(page)).toBe('Únete a una clase');
    expect(await a11yText(page, '#a11y [role="alert"][data-name="class-message"]')).toBe(
      '«ZZZZZZ» no es un código de clase.',
    );
    await inspect(student, 'class-code');
    const field = 'input[aria-label="Código de clase"]';
    await page.fill(field, '333333');
    await page.press(field, 'Enter');
    // The server's refusal, by its code, in Spanish.
    await page.waitForFunction(() =>
      document.querySelector('#a11y [role="alert"]')?.textContent?.startsWith('No hay ninguna clase con ese código'),
    );
    await page.fill(field, code.toLowerCase());
    await page.press(field, 'Enter');
    await classMode(page, 'name');
    expect(await a11yText(page, '#a11y [data-name="nickname"]')).toMatch(/^Tu apodo: /);
    expect(await a11yText(page, '#a11y button[data-name="more-time"]')).toBe('Pedir más tiempo');
    await inspect(student, 'class-name');

    // A nickname of one letter is refused, in Spanish; then one that passes.
    await clickCanvasButton(page, '#a11y button[data-name="Type my own"]');
    const nickname = 'input[aria-label="Tu apodo"]';
    await page.waitForSelector(nickname);
    await page.fill(nickname, 'A');
    await page.press(nickname, 'Enter');
    await page.waitForFunction(
      () =>
        document.querySelector('#a11y [role="alert"][data-name="class-message"]')?.textContent ===
        'Un apodo necesita por lo menos 2 letras o números.',
    );
    await inspect(student, 'class-nickname');
    await page.fill(nickname, student.nickname);
    await page.press(nickname, 'Enter');
    await page.waitForFunction(
      (name) => document.querySelector('#a11y [data-name="nickname"]')?.textContent === `Tu apodo: ${name}`,
      student.nickname,
    );
    await page.keyboard.press('Enter');
  }

  const bo = withEnglish ? await englishStudent(code) : undefined;

  // The check before the lesson, its claims looked back on, then the lobby.
  for (const student of students) {
    const { page } = student;
    await takeCheck(student);
    expect(await a11yText(page, '#a11y button[data-name="Go on"]')).toBe('Ir a las preguntas');
    await inspect(student, 'check-done');
    await clickCanvasButton(page, '#a11y button[data-name="Claims"]');
    await page.waitForSelector('#a11y [data-name="verdict"]');
    expect(await a11yText(page, '#a11y [data-name="verdict"]')).toMatch(
      /^(Exacta|No exacta)\. Dijiste Exacta \(seguro\): (✔ bien|✘ no)\.$/,
    );
    await inspect(student, 'check-claim-review');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#a11y button[data-name="Go on"]');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'class-wait');
    expect(await heading(page)).toBe('Esperando a que empiece la clase');
    expect(await a11yText(page, '#a11y h2')).toBe(`¡Ya entraste, ${student.nickname}!`);
    expect(await a11yText(page, '#a11y [data-name="class-message"]')).toBe(
      `Clase ${code} · ${QUESTIONS} preguntas. Esperando a que tu maestro empiece…`,
    );
    await inspect(student, 'class-lobby');
  }

  await api('POST', `classes/${code}/start`, created.teacherToken);
  for (let question = 0; question < QUESTIONS; question += 1) {
    for (const { page } of students) {
      await waitForScreen(page, 'class-question', 20_000);
      await page.keyboard.press('1');
      await waitForScreen(page, 'class-reveal');
      await page.keyboard.press('Enter');
    }
  }

  // The check after the lesson, then the results.
  for (const student of students) {
    const { page } = student;
    await takeCheck(student);
    expect(await a11yText(page, '#a11y button[data-name="Go on"]')).toBe('Ir a los resultados');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'class-results', 20_000);
    expect(await heading(page)).toBe('Resultados de la clase');
    const results = await a11yText(page, '#a11y');
    expect(results).toContain('✔ Verificado: el servidor de la clase tomó el tiempo y calificó cada respuesta.');
    expect(results).toMatch(/\d\.º lugar de \d en la clase/);
    expect(await a11yText(page, '#a11y [data-name="final-score"]')).toMatch(/^Puntaje final: \d+ puntos$/);
    await inspect(student, 'class-results');
    expect(pageErrors(page)).toEqual([]);
  }
  for (const { page } of students) await page.context().close();
  return bo;
}

/** An English browser joins the same class: English from the join to the check. */
async function englishStudent(code: string): Promise<Page> {
  const bo = await openGame(chromium.browser, url, PROJECTOR, undefined, { locale: 'en-US' });
  await bo.goto(new URL(`?class=${code}`, url).href);
  await classMode(bo, 'name');
  expect(await heading(bo)).toBe('Join a class');
  expect(await bo.evaluate(() => document.documentElement.lang)).toBe('en-US');
  await bo.keyboard.press('Enter');
  await waitForScreen(bo, 'check');
  await bo.waitForSelector('#a11y button[data-name="Start"]');
  expect(await heading(bo)).toMatch(/^Learning check · check [ABC]$/);
  expect(await a11yText(bo, '#a11y button[data-name="Start"]')).toBe('Start the check');

  return bo;
}

describe('a class in Spanish', () => {
  it(
    'takes Spanish students on a phone and a projector from the code to their results; an English one stays English',
    async () => {
      const bo = (await playClass([STUDENTS[0]!, STUDENTS[3]!], true))!;
      expect(await heading(bo)).toMatch(/^Learning check/);
      expect(await bo.evaluate(() => document.documentElement.lang)).toBe('en-US');
      expect(pageErrors(bo)).toEqual([]);
      await bo.context().close();
    },
    CLASS_TIMEOUT,
  );

  it(
    'fits every screen in Spanish with the other sizes of text',
    async () => {
      await playClass([STUDENTS[1]!, STUDENTS[2]!], false);
    },
    CLASS_TIMEOUT,
  );
});
