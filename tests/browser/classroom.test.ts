/* eslint-disable @typescript-eslint/no-explicit-any -- replies are read field by field */
/**
 * A self-paced class that gives nothing away and never stalls, on the teacher's page in Chromium: the lobby shows
 * the code, the QR code and a wall of names and no question; a question shows only how many answered until the
 * active players are past it; two students who fall silent become away and hold back neither marks nor skills;
 * a student confirms "Leave the class" and leaves; the projector layout at 1280×720, 1920×1080 and 3840×2160 in
 * both themes (screenshots in /tmp/shots-classroom/); the teacher's earlier classes listed and reopened. Axe with
 * every rule, moderate and minor included, finds nothing in any of these states.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { AWAY_MARGIN_MS } from '../../src/core/classPresence';
import { axeAllProblems } from './axe';
import { clickCanvasButton, openGame, PHONE, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const SHOTS = '/tmp/shots-classroom';
const TIME_LIMIT_MS = 10_000;
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;
const chromium = useChromium();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
});
type Player = { playerId: string; token: string };

async function api(method: string, path: string, body?: unknown, token?: string): Promise<any> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(new URL(`api/${path}`, url), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

/** A student's game holding its live stream open, as a present student's does: closed by the returned function. */
async function present(code: string, player: Player): Promise<() => void> {
  const controller = new AbortController();
  const response = await fetch(new URL(`api/classes/${code}/players/${player.playerId}/events`, url), {
    headers: { authorization: `Bearer ${player.token}` },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  return () => controller.abort();
}

/** Serves the student's next question and answers it with the first choice they see. */
async function answerNext(code: string, player: Player): Promise<void> {
  const view = await api('POST', `classes/${code}/players/${player.playerId}/next`, {}, player.token);
  expect(view.state).toBe('question');
  const outcome = await api(
    'POST',
    `classes/${code}/players/${player.playerId}/answers`,
    { position: view.question.position, choice: 0 },
    player.token,
  );
  expect(outcome.position).toBe(view.question.position);
}

/** Every visible text at least `min` CSS px, and nothing on the page cut off or scrolling sideways. */
async function layoutProblems(page: Page, selector: string, min: number): Promise<string[]> {
  return page.evaluate(
    ({ selector, min }) => {
      const problems: string[] = [];
      for (const element of document.querySelectorAll<HTMLElement>(selector)) {
        if (element.offsetParent === null) continue;
        const size = parseFloat(getComputedStyle(element).fontSize);
        if (size < min) problems.push(`${selector} "${element.textContent?.slice(0, 30)}" is ${size}px`);
      }
      if (document.documentElement.scrollWidth > window.innerWidth) {
        const wide = [...document.querySelectorAll<HTMLElement>('body *')].find(
          (element) => element.getBoundingClientRect().right > window.innerWidth + 1,
        );
        const where = wide?.closest('[data-name], section, table')?.outerHTML.slice(0, 80);
        problems.push(`the page scrolls sideways (${wide?.tagName} in ${where}, ${window.innerWidth} wide)`);
      }
      for (const element of document.querySelectorAll<HTMLElement>('#host *')) {
        if (element.offsetParent === null || getComputedStyle(element).overflowX === 'visible') continue;
        if (element.scrollWidth > element.clientWidth + 1) problems.push(`${element.tagName} is cut off`);
      }
      return problems;
    },
    { selector, min },
  );
}

/** Axe in both themes, then screenshots at the three projector sizes in both. */
async function checkState(page: Page, name: string): Promise<void> {
  for (const theme of ['standard', 'high-contrast'] as const) {
    const on = await page.evaluate(() => document.body.dataset.theme === 'high-contrast');
    if (on !== (theme === 'high-contrast')) await page.click('[data-name="high-contrast"]');
    expect(await axeAllProblems(page), `${name}, ${theme}`).toEqual([]);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `${SHOTS}/${name}-${size.width}x${size.height}-${theme}.png`, fullPage: true });
    }
  }
  if (await page.evaluate(() => document.body.dataset.theme === 'high-contrast')) {
    await page.click('[data-name="high-contrast"]');
  }
  await page.setViewportSize(SIZES[1]);
}

describe('a self-paced class on the projector', () => {
  it('gives nothing away, waits for no away player, and reads from the back of the room', async () => {
    const context = await chromium.browser.newContext({ viewport: SIZES[1] });
    const teacher = await context.newPage();
    const errors: string[] = [];
    teacher.on('pageerror', (error) => errors.push(error.message));
    await teacher.goto(new URL('host.html', url).href);
    await teacher.waitForSelector('form[data-name="setup"]');
    await teacher.fill('#question-count', '3');
    await teacher.selectOption('#time-limit', { label: `${TIME_LIMIT_MS / 1000} seconds` });
    // Self-paced: the form's default is a live lesson.
    await teacher.check('input[name="pace"][value="self"]');
    await teacher.click('form[data-name="setup"] button[type="submit"]');
    await teacher.waitForSelector('[data-name="class-code"]');
    const code = (await teacher.textContent('[data-name="class-code"]'))!;
    const teacherToken = await teacher.evaluate(
      () => (JSON.parse(localStorage.getItem('source-check:host:v1')!) as { token: string }).token,
    );

    // Four students over HTTP: Ada and Bo will play; Cy and Di join and then fall silent.
    const [ada, bo, cy, di] = (await Promise.all(
      ['Ada', 'Bo', 'Cy', 'Di'].map((nickname) => api('POST', `classes/${code}/players`, { nickname })),
    )) as Player[];
    // And one on a phone, who leaves again, asked first.
    const phone = await openGame(chromium.browser, url, PHONE);
    await phone.goto(`${url}?class=${code}`);
    await phone.waitForFunction(() => document.body.dataset.classMode === 'name', undefined, { timeout: 20_000 });
    const phoneName = (await phone.textContent('#a11y [data-name="nickname"]'))!.replace('Your nickname: ', '');
    await phone.keyboard.press('Enter');
    await waitForScreen(phone, 'class-wait');

    await teacher.waitForFunction(() => document.querySelectorAll('[data-name="name-wall"] li').length === 5);
    const lobbyText = await teacher.evaluate(() => document.body.innerText);
    expect(await teacher.isVisible('canvas[data-name="qr"]')).toBe(true);
    expect(await teacher.isVisible('[data-name="questions"]')).toBe(false);
    expect(await layoutProblems(teacher, '[data-name="name-wall"] li', 28)).toEqual([]);
    await checkState(teacher, 'lobby');

    await clickCanvasButton(phone, '#a11y button[data-name="Leave the class"]');
    await phone.waitForSelector('#a11y [data-name="confirm-leave"]');
    // Staying is the safe choice, and focused.
    expect(await phone.evaluate(() => document.activeElement?.getAttribute('data-name'))).toBe('Stay');
    await clickCanvasButton(phone, '#a11y button[data-name="Confirm leave"]');
    await waitForScreen(phone, 'title');
    await teacher.waitForFunction(() => document.querySelectorAll('[data-name="name-wall"] li').length === 4);
    expect(await teacher.textContent('[data-name="name-wall"]')).not.toContain(phoneName);
    await phone.context().close();

    await teacher.click('[data-name="start"]');
    await teacher.waitForFunction(() => document.body.dataset.classStatus === 'open');
    const stopAda = await present(code, ada!);
    const stopBo = await present(code, bo!);
    // Cy and Di each open the first question, then go quiet.
    // (A question may have a time limit of its own, longer than the class's.)
    const limits: number[] = [];
    for (const player of [cy!, di!]) {
      const view = await api('POST', `classes/${code}/players/${player.playerId}/next`, {}, player.token);
      limits.push(view.question.timeLimitMs);
    }
    const silentFrom = Date.now();
    await answerNext(code, ada!);
    await answerNext(code, bo!);

    // Cy and Di are still within their time: two answered, nothing more, and the page says who it waits for.
    await teacher.waitForFunction(
      () => document.querySelector('[data-question="0"] .note')?.textContent?.startsWith('2 answered') === true,
    );
    expect(await teacher.getAttribute('[data-question="0"]', 'data-settled')).toBe('false');
    expect(await teacher.$$eval('[data-question="0"] .tally li', (items) => items.length)).toBe(0);
    expect(await teacher.textContent('[data-name="waiting-for"]')).toBe(
      'Question 1 shows its answers once Cy and Di are past it.',
    );
    expect(await teacher.getAttribute('[data-name="skills-body"]', 'data-state')).toBe('empty');
    // The join panel has gone to the corner.
    const join = await teacher.$eval('.join', (element) => element.getBoundingClientRect().toJSON());
    expect(join.height).toBeLessThan(SIZES[1].height / 5);
    expect(join.right).toBeGreaterThan(SIZES[1].width * 0.9);

    // Silent past the question's time and the margin: away. Marks and skills come without them.
    const awayAt = silentFrom + Math.max(...limits) + AWAY_MARGIN_MS;
    await teacher.waitForFunction(
      () => document.querySelector('[data-question="0"]')?.getAttribute('data-settled') === 'true',
      undefined,
      { timeout: awayAt - Date.now() + 10_000 },
    );
    expect(Date.now()).toBeGreaterThanOrEqual(awayAt - 1000);
    expect(await teacher.textContent('[data-name="away"]')).toMatch(/^Away: Cy and Di /);
    expect(await teacher.$$eval('[data-question="0"] .tally li.right', (items) => items.length)).toBe(1);
    const counted = await teacher.$$eval('[data-question="0"] .tally .count', (cells) =>
      cells.reduce((sum, cell) => sum + Number(cell.textContent), 0),
    );
    expect(counted).toBe(2);
    await teacher.waitForFunction(
      () => document.querySelector('[data-name="skills-body"]')?.getAttribute('data-state') === 'filled',
    );
    expect(await teacher.$$eval('tr.away td.nickname', (cells) => cells.map((cell) => cell.textContent))).toEqual([
      'Cy',
      'Di',
    ]);

    // The next question waits for Bo (present), not for the away players.
    await answerNext(code, ada!);
    await teacher.waitForFunction(
      () => document.querySelector('[data-name="waiting-for"]')?.textContent?.includes('once Bo is past it') === true,
    );
    expect(await teacher.getAttribute('[data-question="1"]', 'data-settled')).toBe('false');
    await answerNext(code, bo!);
    await teacher.waitForFunction(
      () => document.querySelector('[data-question="1"]')?.getAttribute('data-settled') === 'true',
    );

    // Read from the back of the room: a question 48 px or more at 1920×1080, lists 28 px or more, nothing cut.
    expect(await layoutProblems(teacher, '.question h3', 48)).toEqual([]);
    expect(
      await layoutProblems(teacher, '.roster td.nickname, .leaderboard li, .tally li, [data-name="away"]', 28),
    ).toEqual([]);
    await checkState(teacher, 'playing');
    for (const size of SIZES) {
      await teacher.setViewportSize(size);
      expect(await layoutProblems(teacher, '.question h3', 0), `${size.width}`).toEqual([]);
    }
    await teacher.setViewportSize(SIZES[1]);

    // The end: asked first; then the join panel and "● Live" are gone.
    await teacher.click('[data-name="end"]');
    await teacher.click('[data-name="confirm-end"]');
    await teacher.waitForFunction(() => document.body.dataset.classStatus === 'ended');
    expect(await teacher.isVisible('.join')).toBe(false);
    expect(await teacher.isVisible('[data-name="live-mode"]')).toBe(false);
    await checkState(teacher, 'ended');
    stopAda();
    stopBo();

    // Nothing the lobby showed was a question or one of its choices.
    const ended = await api('GET', `classes/${code}/dashboard`, undefined, teacherToken);
    for (const question of ended.questions as { prompt: string; choices: { text: string }[] }[]) {
      expect(lobbyText).not.toContain(question.prompt);
      for (const choice of question.choices) if (choice.text.length >= 12) expect(lobbyText).not.toContain(choice.text);
    }

    // A new class does not drop this one: it is listed with its status and date, and opens again.
    await teacher.click('button:has-text("Host a new class")');
    await teacher.waitForSelector(`[data-name="kept-classes"] tr[data-code="${code}"]`);
    expect(await teacher.textContent(`[data-name="kept-classes"] tr[data-code="${code}"]`)).toMatch(
      /Created \d+ \w+ \d{4}.*Ended .* 4 players · 3 questions/,
    );
    await checkState(teacher, 'your-classes');
    await teacher.click(`[data-name="kept-classes"] tr[data-code="${code}"] [data-name="open-kept"]`);
    await teacher.waitForFunction(() => document.body.dataset.hostState === 'dashboard');
    expect(await teacher.textContent('[data-name="class-code"]')).toBe(code);
    expect(errors).toEqual([]);
    await context.close();
  });
});
