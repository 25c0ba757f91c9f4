/** Driving the built game like a player: real keyboard and mouse input, read through the accessible layer. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { NICKNAME_CHOSEN_KEY } from '../../src/storage/NicknameStore';

export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'screens');

/** A viewport, with the device's pixel ratio where it matters (1 unless given). */
export type Viewport = { width: number; height: number; deviceScaleFactor?: number };
export const PROJECTOR: Viewport = { width: 1366, height: 768 };
export const PHONE: Viewport = { width: 390, height: 844 };

export async function openGame(
  browser: Browser,
  url: string,
  viewport: Viewport = PROJECTOR,
  beforeLoad?: (page: Page) => Promise<unknown>,
  /** More of the device: its `locale` (the browser's language), time zone … */
  device: BrowserContextOptions = {},
): Promise<Page> {
  const { deviceScaleFactor, ...size } = viewport;
  const context = await browser.newContext({
    ...device,
    viewport: size,
    ...(deviceScaleFactor ? { deviceScaleFactor } : {}),
  });
  await asNamedPlayer(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  errorsByPage.set(page, errors);
  if (beforeLoad) await beforeLoad(page);
  await page.goto(url);
  // A challenge's short link (/c/CODE) shows the title only until the title hands it over, often within a frame.
  await page.waitForSelector(OPENING_SCREENS.map((screen) => `#a11y[data-screen="${screen}"]`).join(', '), {
    timeout: 15_000,
  });
  return page;
}

const errorsByPage = new WeakMap<Page, string[]>();

/** The screens a visit opens on: the title, or the challenge a short link leads to. */
const OPENING_SCREENS = ['title', 'challenge'];

/**
 * Plays as a player who has chosen their name on this device, so a first saved score goes straight to the results
 * (nameOnFirstScore.test.ts asks for the name): set before every page load, unless storage is refused.
 */
export async function asNamedPlayer(context: BrowserContext): Promise<void> {
  await context.addInitScript((key) => {
    try {
      localStorage.setItem(key, '1');
    } catch {
      // Storage refused: the game keeps the name for the visit, and so asks for it.
    }
  }, NICKNAME_CHOSEN_KEY);
}

/** Uncaught errors the page has thrown since it was opened. */
export function pageErrors(page: Page): string[] {
  return errorsByPage.get(page) ?? [];
}

export async function waitForScreen(page: Page, screen: string, timeout = 15_000): Promise<void> {
  await page.waitForSelector(`#a11y[data-screen="${screen}"]`, { timeout });
}

export async function currentScreen(page: Page): Promise<string | undefined> {
  return page.$eval('#a11y', (element) => (element as HTMLElement).dataset.screen);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** The text of the accessible element with the given aria-label (progress, score, timer …). */
export async function labelled(page: Page, label: string): Promise<string> {
  return page.$eval(`#a11y [aria-label="${label}"]`, (element) => element.textContent ?? '');
}

/** Clicks the canvas where the DOM twin of a button lies (the DOM layer lets the mouse through). */
export async function clickCanvasButton(page: Page, selector: string): Promise<void> {
  const box = await page.$eval(selector, (element) => {
    const rect = element.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
}

/**
 * A title entry's button. On a small screen at large text the entries after the ways to play sit on the title's
 * "More" page: it is opened first when the entry is not on the title itself.
 */
export async function titleEntry(page: Page, name: string): Promise<string> {
  const selector = `#a11y button[data-name="${name}"]`;
  const more = '#a11y button[data-name="More"]';
  if (!(await page.$(selector)) && (await page.$(more))) {
    await clickCanvasButton(page, more);
    await page.waitForSelector(selector);
  }
  return selector;
}

export async function answerButtons(page: Page): Promise<string[]> {
  return page.$$eval('#a11y [role="group"][aria-label="Answers"] button', (buttons) =>
    buttons.map((button) => button.textContent ?? ''),
  );
}

export interface BankForTests {
  questions: { prompt: string; choices: { text: string; correct?: boolean }[] }[];
}

/** The question bank the game serves, for tests that need to know the right answers. */
export async function fetchBank(url: string): Promise<BankForTests> {
  return (await fetch(new URL('bank.json', url))).json() as Promise<BankForTests>;
}

/** The key (1–4) for the right answer to the question on screen, or for a wrong one. */
export async function answerKey(page: Page, bank: BankForTests, right: boolean): Promise<string> {
  const prompt = await page.$eval('#a11y h2', (element) => element.textContent);
  const question = bank.questions.find((candidate) => candidate.prompt === prompt);
  if (!question) throw new Error(`The question on screen is not in the bank: ${prompt}`);
  const correct = question.choices.find((choice) => choice.correct)!.text;
  const shown = await answerButtons(page);
  return String(shown.findIndex((text) => (text === correct) === right) + 1);
}

/** Rounds of five questions, set before the first load only (a choice the test makes later stays). */
export const fiveQuestionRounds = (page: Page) =>
  page.addInitScript(() => {
    if (!localStorage.getItem('source-check:settings:v1')) {
      localStorage.setItem('source-check:settings:v1', JSON.stringify({ questionCount: 5 }));
    }
  });

/**
 * Answers `count` questions of a solo round from its first question, pressing `keyFor(number)` (1-based) on each
 * and going on from each reveal; the prompts, in order.
 */
export async function answerQuestions(
  page: Page,
  count: number,
  keyFor: (number: number) => string = () => '1',
): Promise<string[]> {
  const prompts: string[] = [];
  for (let number = 1; number <= count; number += 1) {
    await waitForScreen(page, 'question');
    prompts.push((await page.$eval('#a11y h2', (element) => element.textContent)) ?? '');
    await page.keyboard.press(keyFor(number));
    await waitForScreen(page, 'reveal');
    await page.keyboard.press('Enter');
  }
  return prompts;
}
