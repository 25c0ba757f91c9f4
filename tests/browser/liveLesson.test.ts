/**
 * A live lesson from the front: the teacher's host page on the projector, two real students (a phone and a laptop)
 * and 25 scripted ones over HTTP, lobby → 3 questions → podium. The lobby shows no question; no count shows before
 * a question has closed; every student page moves to the next question within 1 s of Next; the podium matches the
 * CSV's totals. The projector is checked with axe in every state, measured for its type sizes and for anything cut
 * off, and photographed at 1280×720, 1920×1080 and 3840×2160 in both themes into /tmp/shots-live/. Once the class's
 * time is up, a question a student on ×2 time is still answering stays open, and the projector says so by their count.
 */
import { mkdirSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { DashboardSnapshot, PlayerView } from '../../src/core/classProtocol';
import { axeAllProblems } from './axe';
import { openGame, pageErrors, PHONE, PROJECTOR, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const SHOTS = '/tmp/shots-live';
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];
const FULL_HD = SIZES[1]!;
const SCRIPTED = 25;
const chromium = useChromium();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
});
type Seat = { playerId: string; token: string; nickname: string };

async function api<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(`api/${path}`, url), {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text.startsWith('\uFEFF') || !text.startsWith('{') ? text : JSON.parse(text)) as T;
}

/** The stage's phase on the projector. */
async function phase(teacher: Page, wanted: string, position?: number): Promise<void> {
  await teacher.waitForFunction(
    ([name, at]) =>
      document.body.dataset.livePhase === name && (at === undefined || document.body.dataset.livePosition === at),
    [wanted, position === undefined ? undefined : String(position)] as const,
    { timeout: 30_000 },
  );
}

/** Axe, the type sizes at 1920×1080, nothing cut at any size, and a photograph at each size in both themes. */
async function checkProjector(teacher: Page, name: string): Promise<void> {
  expect(await axeAllProblems(teacher), name).toEqual([]);
  for (const contrast of ['no-preference', 'more'] as const) {
    await teacher.emulateMedia({ contrast });
    for (const size of SIZES) {
      await teacher.setViewportSize(size);
      const cut = await teacher.evaluate(() => {
        const stage = document.querySelector<HTMLElement>('[data-name="live-stage"]')!;
        const over = [stage, ...stage.querySelectorAll<HTMLElement>(':not(.visually-hidden)')].filter(
          (element) =>
            element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflow !== 'visible',
        );
        const box = stage.getBoundingClientRect();
        return {
          wider: document.documentElement.scrollWidth > window.innerWidth + 1,
          outside: box.left < -1 || box.right > window.innerWidth + 1,
          clipped: over.map((element) => element.className || element.tagName),
        };
      });
      expect(cut, `${name} at ${size.width}×${size.height}`).toEqual({ wider: false, outside: false, clipped: [] });
      await teacher.locator('[data-name="live-stage"]').evaluate((stage) => stage.scrollIntoView());
      await teacher.screenshot({
        path: `${SHOTS}/${name}-${size.width}x${size.height}-${contrast === 'more' ? 'contrast' : 'standard'}.png`,
      });
    }
  }
  await teacher.emulateMedia({ contrast: 'no-preference' });
  await teacher.setViewportSize(FULL_HD);
}

/** The computed font size in CSS px of the first element matching `selector`. */
function fontSize(teacher: Page, selector: string): Promise<number> {
  return teacher.$eval(selector, (element) => parseFloat(getComputedStyle(element).fontSize));
}

/** Waits until the student's page shows question `position` (0-based); returns how long that took. */
async function onQuestion(page: Page, position: number, since: number): Promise<number> {
  await page.waitForFunction(
    (wanted) =>
      document.querySelector('#a11y')?.getAttribute('data-screen') === 'class-question' &&
      document.querySelector('#a11y [data-name="progress"]')?.textContent?.startsWith(`Question ${wanted} of`),
    position + 1,
    { timeout: 15_000, polling: 20 },
  );
  return Date.now() - since;
}

/** The teacher's host page with a new live lesson of 3 questions of 10 s (the form's default pace), in its lobby. */
async function liveLessonInLobby() {
  const context = await chromium.browser.newContext({ viewport: FULL_HD });
  const teacher = await context.newPage();
  const errors: string[] = [];
  teacher.on('pageerror', (error) => errors.push(error.message));
  await teacher.goto(new URL('host.html', url).href);
  await teacher.waitForSelector('form[data-name="setup"]');
  expect(await teacher.isChecked('input[name="pace"][value="live"]')).toBe(true);
  await teacher.fill('#question-count', '3');
  await teacher.selectOption('#time-limit', '10');
  await teacher.click('form[data-name="setup"] button[type="submit"]');
  await phase(teacher, 'lobby');
  const code = (await teacher.textContent('[data-name="class-code"]'))!;
  const { token } = JSON.parse((await teacher.evaluate(() => localStorage.getItem('source-check:host:v1')))!) as {
    token: string;
  };
  return { context, teacher, errors, code, token };
}

describe('a live lesson', () => {
  it('runs from the projector: lobby → 3 questions → podium, with two real students and 25 scripted', async () => {
    const { context: teacherContext, teacher, errors: teacherErrors, code, token } = await liveLessonInLobby();
    const joinUrl = (await teacher.getAttribute('[data-name="join-link"]', 'href'))!;

    // Two real students, then 25 over HTTP.
    const phone = await openGame(chromium.browser, url, PHONE);
    const laptop = await openGame(chromium.browser, url, PROJECTOR);
    const pages = [phone, laptop];
    for (const page of pages) {
      await page.goto(joinUrl);
      await page.waitForFunction(() => document.body.dataset.classMode === 'name', undefined, { timeout: 20_000 });
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'class-wait');
    }
    const scripted: Seat[] = [];
    for (let i = 0; i < SCRIPTED; i += 1) {
      scripted.push(await api<Seat>('POST', `classes/${code}/players`, undefined, { nickname: `Scripted ${i + 1}` }));
    }
    await teacher.waitForFunction(
      (count) => document.querySelectorAll('[data-name="live-wall"] li').length === count,
      SCRIPTED + 2,
    );
    const lobbyText = await teacher.evaluate(() => document.body.innerText);
    const lobbyPhoneText = await phone.$eval('#a11y', (element) => element.textContent ?? '');
    await checkProjector(teacher, 'lobby');

    const timings: number[] = [];
    const seen: { prompt: string; choices: string[] }[] = [];
    for (let position = 0; position < 3; position += 1) {
      // Next: every student page changes question within 1 s.
      const nextButton = teacher.locator('[data-name="live-next"]');
      await nextButton.focus();
      const pressed = Date.now();
      await teacher.keyboard.press('Enter');
      const waits = await Promise.all(pages.map((page) => onQuestion(page, position, pressed)));
      timings.push(...waits);
      await phase(teacher, 'question', position);
      const question = (await api<PlayerView>(
        'GET',
        `classes/${code}/players/${scripted[0]!.playerId}`,
        scripted[0]!.token,
      )) as Extract<PlayerView, { state: 'question' }>;
      expect(question.state).toBe('question');
      seen.push({ prompt: question.question.prompt, choices: question.question.choices });
      if (position === 0) {
        expect(await fontSize(teacher, '[data-name="live-prompt"]')).toBeGreaterThanOrEqual(48);
        expect(await fontSize(teacher, '[data-name="live-choices"] li')).toBeGreaterThanOrEqual(28);
        await checkProjector(teacher, 'question');
      }

      // Everyone but one scripted student answers (in question 2 everyone does: it closes at once).
      const answering = position === 1 ? scripted : scripted.slice(1);
      await Promise.all(
        answering.map((seat, index) =>
          api('POST', `classes/${code}/players/${seat.playerId}/answers`, seat.token, {
            position,
            choice: index % question.question.choices.length,
          }),
        ),
      );
      for (const [index, page] of pages.entries()) await page.keyboard.press(String(index + 1));
      // No count while the question is open: how many have answered, never what.
      if (position !== 1) {
        await teacher.waitForFunction(
          (count) => document.querySelector('[data-name="live-answered"]')?.textContent?.startsWith(`${count} of`),
          answering.length + 2,
        );
        expect(await teacher.$('[data-name="live-distribution"]')).toBeNull();
        const snapshot = await api<DashboardSnapshot>('GET', `classes/${code}/dashboard`, token);
        expect(snapshot.live?.distribution).toBeUndefined();
        expect(snapshot.questions[position]!.choices.every((choice) => choice.count === 0)).toBe(true);
        expect(await teacher.isVisible('[data-name="questions"]')).toBe(false);
      }
      if (position === 2) {
        // The teacher does not wait for the last one: Show answer closes it.
        await teacher.click('[data-name="live-show-answer"]');
      }
      // Question 1 closes only when its time is up: the countdown says so when the counts appear.
      await phase(teacher, 'answer', position);
      if (position === 0) expect(await teacher.textContent('[data-name="live-countdown"]')).toMatch(/^$|Time's up/);
      const counts = await teacher.$$eval('[data-name="live-distribution"] li', (items) =>
        items.map((item) => ({ right: item.dataset.correct === 'true', text: item.textContent ?? '' })),
      );
      expect(counts.filter((item) => item.right)).toHaveLength(1);
      if (position === 0) await checkProjector(teacher, 'answer');
      for (const page of pages) {
        await waitForScreen(page, 'class-reveal');
        await page.waitForFunction(() =>
          document.querySelector('#a11y [data-name="live-place"]')?.textContent?.includes('of 27'),
        );
      }

      await teacher.click('[data-name="live-next"]');
      await phase(teacher, 'evidence', position);
      const excerpt = await teacher.textContent('[data-name="live-excerpt"]');
      expect(excerpt!.length).toBeGreaterThan(20);
      if (position === 0) {
        expect(await fontSize(teacher, '[data-name="live-excerpt"] blockquote')).toBeGreaterThanOrEqual(28);
        await checkProjector(teacher, 'evidence');
      }
      await teacher.click('[data-name="live-next"]');
      await phase(teacher, 'leaderboard', position);
      expect(await teacher.$$eval('[data-name="live-leaderboard"] li', (items) => items.length)).toBe(5);
      if (position === 0) await checkProjector(teacher, 'leaderboard');
    }

    // The podium, and each student's place on their own screen.
    await teacher.click('[data-name="live-next"]');
    await phase(teacher, 'podium');
    for (const page of pages) {
      await waitForScreen(page, 'class-results');
      expect(await page.$eval('#a11y', (element) => element.textContent ?? '')).toMatch(/of 27 in the class/);
    }
    await checkProjector(teacher, 'podium');
    const podium = await teacher.$$eval('[data-name="live-podium"] li', (items) =>
      items.map((item) => ({
        name: item.querySelector('.nickname')?.textContent ?? '',
        points: Number((item.querySelector('.points')?.textContent ?? '').replace(/[^0-9]/g, '')),
      })),
    );
    expect(podium).toHaveLength(3);

    // The podium matches the CSV's totals.
    const csv = await api<string>('GET', `classes/${code}/results.csv`, token);
    const [header, ...rows] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').trim()).data;
    const ended = await api<DashboardSnapshot>('GET', `classes/${code}/dashboard`, token);
    const ids = new Set(ended.questions.map((question) => question.questionId));
    const column = (name: string) => header!.indexOf(name);
    const totals = new Map<string, number>();
    // One row per player per question (any total rows are left out: the sum is made here).
    for (const cells of rows.filter((row) => ids.has(row[column('question_id')]!))) {
      const name = cells[column('nickname')]!;
      totals.set(name, (totals.get(name) ?? 0) + (Number(cells[column('points')]) || 0));
    }
    const best = [...totals.values()].sort((a, b) => b - a).slice(0, 3);
    expect(podium.map((entry) => entry.points)).toEqual(best);
    for (const entry of podium) expect(totals.get(entry.name)).toBe(entry.points);

    // The lobby had shown none of the questions nor any of their choices.
    for (const { prompt, choices } of seen) {
      expect(lobbyText).not.toContain(prompt);
      expect(lobbyPhoneText).not.toContain(prompt);
      for (const choice of choices) expect(lobbyText.includes(choice) && choice.length > 12, choice).toBe(false);
    }
    console.log(`Pages on the next question after Next (ms): ${timings.join(', ')}`);
    for (const wait of timings) expect(wait).toBeLessThanOrEqual(1000);

    expect(teacherErrors).toEqual([]);
    for (const page of pages) {
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    }
    await teacherContext.close();
  }, 300_000);

  it('says it waits for a student with extended time once the class’s time is up, until Show answer', async () => {
    const { context, teacher, errors, code, token } = await liveLessonInLobby();
    await api<Seat>('POST', `classes/${code}/players`, undefined, { nickname: 'Standard Sam' });
    const doubled = await api<Seat>('POST', `classes/${code}/players`, undefined, { nickname: 'Double Dana' });
    await api('POST', `classes/${code}/players/${doubled.playerId}/time`, token, { accommodation: 'double' });

    await teacher.click('[data-name="live-next"]');
    await phase(teacher, 'question', 0);
    expect(await teacher.isHidden('[data-name="live-waiting"]')).toBe(true);
    // The class's time runs out; the question stays open for the ×2 student, and the projector says so.
    await teacher.waitForFunction(
      () => document.querySelector('[data-name="live-countdown"]')?.textContent === "Time's up",
      undefined,
      { timeout: 60_000 },
    );
    await teacher.waitForSelector('[data-name="live-waiting"]:not([hidden])');
    const waiting = await teacher.textContent('[data-name="live-waiting"]');
    expect(waiting).toMatch(
      /^Waiting for 1 student with extended time, up to \d+ s more\. Show answer closes the question now\.$/,
    );
    expect(waiting).not.toContain('Dana');
    expect(await teacher.textContent('.live-stage [role="status"]')).toBe(waiting);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await teacher.evaluate(() => document.body.dataset.livePhase)).toBe('question');
    expect(await axeAllProblems(teacher), 'waiting for extended time').toEqual([]);

    await teacher.click('[data-name="live-show-answer"]');
    await phase(teacher, 'answer', 0);
    expect(await teacher.isHidden('[data-name="live-waiting"]')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
