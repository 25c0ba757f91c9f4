/**
 * Rounds as a blind student plays them: the keyboard alone, and only what the accessibility tree holds and the live
 * region says (never a canvas coordinate). A Classic round, a Fact-check round with the wager, and a class round
 * with the student on ×2 time, whose answer at 30 s of a 20 s question the server accepts and scores. Axe runs with
 * every rule, moderate and minor included, on each screen met and on the host page's roster.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { bundleBank, loadBankFromDisk } from '../../src/server/bankFiles';
import { axeAllProblems } from './axe';
import { answerButtons, openGame, pageErrors, PHONE, PROJECTOR, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const SHOTS = '/tmp/shots-a11y';
const chromium = useChromium();

interface BankChoice {
  text: string;
  correct?: boolean;
  feedback?: string;
}
interface BankQuestion {
  prompt: string;
  choices: BankChoice[];
}
let bank: BankQuestion[];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // The whole bank, as the class server holds it: the game's bank.json lacks the class-only questions.
  const root = join(import.meta.dirname, '..', '..');
  bank = bundleBank(loadBankFromDisk(join(root, 'questions'), root).bank).questions;
});

/** Keeps every message the live region says, in order (window.said). */
async function listen(page: Page): Promise<void> {
  await page.evaluate(() => {
    const status = document.querySelector('#a11y > [role="status"]')!;
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    new MutationObserver(() => {
      const text = status.textContent ?? '';
      if (text !== '' && said.at(-1) !== text) said.push(text);
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
}

/** Waits until the live region has said something matching. */
async function hears(page: Page, pattern: RegExp, timeout = 15_000): Promise<string> {
  const handle = await page.waitForFunction(
    ([source, flags]) =>
      (window as unknown as { said: string[] }).said.find((text) => new RegExp(source!, flags).test(text)),
    [pattern.source, pattern.flags],
    { timeout },
  );
  return (await handle.jsonValue()) as string;
}

async function forget(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { said: string[] }).said.length = 0));
}

async function text(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) => element.textContent ?? '');
}

/** The focused element's name as a screen reader has it: its text, or its aria-label, and its tag. */
async function focused(page: Page): Promise<{ tag: string; text: string; name: string }> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return {
      tag: active?.tagName.toLowerCase() ?? '',
      text: active?.textContent ?? '',
      name: active?.dataset.name ?? '',
    };
  });
}

/** Presses Tab until the focused element has this data-name (at most 20 times): as a keyboard user gets there. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let step = 0; step < 20; step += 1) {
    if ((await focused(page)).name === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${name}`);
}

/** The question on screen, found by its heading in the accessibility tree. */
async function questionShown(page: Page): Promise<BankQuestion> {
  const prompt = await text(page, '#a11y h2');
  const question = bank.find((candidate) => candidate.prompt === prompt);
  if (!question) throw new Error(`Not in the bank: ${prompt}`);
  return question;
}

async function axeClean(page: Page, where: string): Promise<void> {
  expect(await axeAllProblems(page), where).toEqual([]);
}

/** Screenshots at the projector's and a phone's size, with `shown` (a selector) scrolled into view. */
async function photograph(page: Page, name: string, shown?: string): Promise<void> {
  for (const [size, viewport] of [
    ['1366x768', PROJECTOR],
    ['390x844', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(300);
    if (shown) await page.locator(shown).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/${name}-${size}.png` });
  }
  await page.setViewportSize(PROJECTOR);
  await page.waitForTimeout(300);
}

describe('a blind student', () => {
  it('plays Classic by keyboard and hears the feedback, the streak, the score and then the results first', async () => {
    const page = await openGame(chromium.browser, url);
    await listen(page);
    await axeClean(page, 'title');
    await page.keyboard.press('Enter');
    let streak = 0;
    let heardFeedback = false;
    let heardStreak = false;
    for (let number = 1; number <= 10; number += 1) {
      await waitForScreen(page, 'question');
      expect(await hears(page, new RegExp(`^Question ${number} of 10\\.`))).toContain('1: ');
      expect((await focused(page)).tag).toBe('button');
      if (number === 1) await axeClean(page, 'question');
      const question = await questionShown(page);
      const shown = await answerButtons(page);
      const byText = (choice: BankChoice) => shown.indexOf(choice.text);
      // One wrong answer that has feedback, as early as one shows up; right answers otherwise, to build a streak.
      const wrongWithNote = heardFeedback ? undefined : question.choices.find((c) => !c.correct && c.feedback);
      const pick = wrongWithNote ?? question.choices.find((choice) => choice.correct)!;
      await forget(page);
      await page.keyboard.press(String(byText(pick) + 1));
      await waitForScreen(page, 'reveal');
      streak = pick.correct ? streak + 1 : 0;
      const outcome = await hears(page, /^(Correct|Not quite)/);
      const score = (await text(page, '#a11y [aria-label="Score"]')).replace('Score: ', '');
      expect(outcome).toContain(`Score: ${Number(score).toLocaleString('en-US')}.`);
      expect(outcome).toContain('The source says: “');
      if (wrongWithNote) {
        expect(outcome).toContain(`Not quite. You picked ${wrongWithNote.text}.`);
        expect(outcome).toContain(wrongWithNote.feedback!.replace(/[.]$/, ''));
        heardFeedback = true;
        await axeClean(page, 'reveal after a wrong answer');
        await photograph(page, 'reveal-feedback');
      }
      if (streak > 1) {
        expect(outcome).toContain(`${streak} right in a row.`);
        heardStreak = true;
      } else expect(outcome).not.toContain('right in a row');
      expect((await focused(page)).name).toBe('Next');
      await page.keyboard.press('Enter');
    }
    expect(heardFeedback).toBe(true);
    expect(heardStreak).toBe(true);
    await waitForScreen(page, 'results');
    // Focus is on the score and place, not on Play again; the status no longer holds question 10's outcome.
    const summary = await focused(page);
    expect(summary.tag).toBe('h2');
    expect(summary.text).toMatch(
      /^[\d,]+ points\. (Number \d+ on your Classic board!|Not in your top 10 this time\.)$/,
    );
    const final = (await text(page, '#a11y [data-name="final-score"]')).match(/\d+/)![0];
    expect(summary.text.startsWith(`${Number(final).toLocaleString('en-US')} points.`)).toBe(true);
    expect(await text(page, '#a11y > [role="status"]')).not.toMatch(/^(Correct|Not quite)/);
    await axeClean(page, 'results');
    await photograph(page, 'results');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('plays Fact-check by keyboard and hears the claim, the verdict on it and the wager', async () => {
    const page = await openGame(chromium.browser, url);
    await listen(page);
    await page.keyboard.press('f');
    for (let number = 1; number <= 10; number += 1) {
      await page.waitForSelector('#a11y[data-screen="claim"], #a11y[data-screen="question"]');
      if ((await page.$eval('#a11y', (element) => (element as HTMLElement).dataset.screen)) === 'claim') {
        if (number === 1) await axeClean(page, 'claim');
        await page.keyboard.press('2');
        await waitForScreen(page, 'question');
      }
      // The claim is read with the question, before its prompt.
      expect(await hears(page, new RegExp(`^Question ${number} of 10\\. The article claims: “`))).toBeTruthy();
      const question = await questionShown(page);
      const right = question.choices.find((choice) => choice.correct)!;
      await page.keyboard.press(String((await answerButtons(page)).indexOf(right.text) + 1));
      await waitForScreen(page, 'wager');
      if (number === 1) await axeClean(page, 'wager');
      await forget(page);
      await page.keyboard.press('s');
      await waitForScreen(page, 'reveal');
      const outcome = await hears(page, /^Correct/);
      expect(outcome).toMatch(/You judged the claim Inaccurate: (right|not quite), [^.]+\./);
      expect(outcome).toContain('You were Sure: +3,000.');
      if (number === 1) {
        await axeClean(page, 'fact-check reveal');
        await photograph(page, 'fact-check-reveal');
      }
      await page.keyboard.press('Enter');
    }
    await waitForScreen(page, 'results');
    const summary = await focused(page);
    expect(summary.tag).toBe('h2');
    expect(summary.text).toMatch(/^[\d,]+ points\. /);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('asks for more time in class; on ×2 time their answer at 30 s of a 20 s question is taken and scored', async () => {
    // One question from a topic whose class-only questions carry no time of their own: the class's 20 s.
    const created = await fetch(new URL('api/classes', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        questionCount: 1,
        timeLimitSec: 20,
        topics: ['orders-2020'],
        scoring: 'speed',
        holdStart: true,
      }),
    });
    expect(created.status).toBe(201);
    const { class: info, teacherToken } = (await created.json()) as { class: { code: string }; teacherToken: string };
    const code = info.code;

    const student = await openGame(chromium.browser, url);
    await student.goto(new URL(`?class=${code}`, url).href);
    await student.waitForFunction(() => document.body.dataset.classMode === 'name', undefined, { timeout: 20_000 });
    await listen(student);
    await axeClean(student, 'class join');
    await tabTo(student, 'more-time');
    await student.keyboard.press('Enter');
    await student.waitForSelector('#a11y button[data-name="more-time"][aria-pressed="true"]');
    expect(await hears(student, /^More time asked for/)).toContain('your teacher sees it');
    expect((await focused(student)).name).toBe('more-time');
    await photograph(student, 'class-join-more-time');
    await tabTo(student, 'Join the class');
    await student.keyboard.press('Enter');
    await waitForScreen(student, 'class-wait', 20_000);

    const teacherContext = await chromium.browser.newContext({ viewport: PROJECTOR });
    await teacherContext.addInitScript(
      ([saved]) => localStorage.setItem('source-check:host:v1', saved!),
      [JSON.stringify({ code, token: teacherToken })],
    );
    const teacher = await teacherContext.newPage();
    await teacher.goto(new URL('host.html', url).href);
    await teacher.waitForSelector('table[data-name="roster"] [data-name="time-request"]:not([hidden])');
    const nickname = await text(teacher, 'table[data-name="roster"] td.nickname');
    await axeClean(teacher, 'host roster with a request for more time');
    await photograph(teacher, 'host-roster-request', 'table[data-name="roster"]');
    // One click grants it; focus moves to the student's time, which says what was given.
    await teacher.click('[data-name="grant-time"]');
    await teacher.waitForSelector('[data-name="time-request"][hidden]', { state: 'attached' });
    expect(await teacher.$eval('select[data-name="time"]', (select) => (select as HTMLSelectElement).value)).toBe(
      'half-more',
    );
    expect(await teacher.evaluate(() => (document.activeElement as HTMLElement).dataset.name)).toBe('time');
    await teacher.selectOption('select[data-name="time"]', 'double');
    await teacher.waitForFunction(
      (name) => document.querySelector('.message[role="status"]')?.textContent?.startsWith(`${name} now has ×2 time`),
      nickname,
    );
    expect(await teacher.$eval('td.time', (cell) => (cell as HTMLElement).dataset.timeAccommodation)).toBe('double');
    await axeClean(teacher, 'host roster with ×2 time');
    await photograph(teacher, 'host-roster-double', 'table[data-name="roster"]');
    await teacher.click('[data-name="start"]');

    await waitForScreen(student, 'class-question', 20_000);
    expect(await text(student, '#a11y [role="timer"]')).toMatch(/^(40|39) seconds left$/);
    await axeClean(student, 'class question');
    const question = await questionShown(student);
    // The standard student's time would be up; this one's is not, and the warnings still come halfway and at 5 s.
    expect(await hears(student, /^20 seconds left$/, 30_000)).toBe('20 seconds left');
    await student.waitForFunction(
      () => document.querySelector('#a11y [role="timer"]')?.textContent === '10 seconds left',
      undefined,
      { timeout: 20_000 },
    );
    expect(await screenName(student)).toBe('class-question');
    await forget(student);
    const right = question.choices.find((choice) => choice.correct)!;
    await student.keyboard.press(String((await answerButtons(student)).indexOf(right.text) + 1));
    await waitForScreen(student, 'class-reveal', 20_000);
    const outcome = await hears(student, /^Correct, plus \d+ points/);
    const points = Number(/plus (\d+) points/.exec(outcome)![1]);
    // Speed points over the student's own 40 s: about three quarters of it gone.
    expect(points).toBeGreaterThanOrEqual(500);
    expect(points).toBeLessThan(750);
    expect(outcome).toContain(`Score: ${points.toLocaleString('en-US')}.`);
    await axeClean(student, 'class reveal');
    await photograph(student, 'class-reveal');
    await student.keyboard.press('Enter');
    await waitForScreen(student, 'class-results', 20_000);
    const summary = await focused(student);
    expect(summary.tag).toBe('h2');
    expect(summary.text).toBe(`${points.toLocaleString('en-US')} points. 1st of 1 in the class.`);
    await axeClean(student, 'class results');
    expect(pageErrors(student)).toEqual([]);
    await teacherContext.close();
    await student.context().close();
  });
});

async function screenName(page: Page): Promise<string | undefined> {
  return page.$eval('#a11y', (element) => (element as HTMLElement).dataset.screen);
}
