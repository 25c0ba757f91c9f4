/**
 * The host page's controls beyond a plain round: the choices at creation, Lock joining, deleting a player's data and
 * the whole class, forgetting this device, a finished class shown only on request, and a saved class kept through a
 * busy or unreachable server but dropped, with a reason, once the server says it is gone. Every new state is
 * checked with axe and photographed at the projector's and a phone's size into /tmp/host-shots/.
 */
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { KIND_DESCRIPTIONS, kindCounts } from '../../src/core/round';
import { PRIVACY_PAGE_URL } from '../../src/game/teacherLinks';
import { joiningText, lastClassText, verifiedMeaning } from '../../src/host/dashboardText';
import { axeAllProblems } from './axe';
import { PHONE, PROJECTOR } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const SHOTS = '/tmp/host-shots';
const SAVED_KEY = 'source-check:host:v1';
const chromium = useChromium();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
});

/** Axe finds nothing, minor rules included, and the state is photographed at both sizes (the page has one theme). */
async function checkState(page: Page, name: string, shown?: string): Promise<void> {
  expect(await axeAllProblems(page), name).toEqual([]);
  for (const [size, viewport] of [
    ['1366x768', PROJECTOR],
    ['390x844', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    if (shown) await page.locator(shown).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/${name}-${size}.png`, fullPage: false });
  }
  await page.setViewportSize(PROJECTOR);
}

async function hostState(page: Page, state: string): Promise<void> {
  await page.waitForFunction((wanted) => document.body.dataset.hostState === wanted, state, { timeout: 20_000 });
}

async function openHost(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(new URL('host.html', url).href);
  return page;
}

/** Waits (briefly) for focus to land on the class's status line, the element a screen reader should read next. */
async function focusOnStatus(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (document.activeElement as HTMLElement | null)?.dataset.name === 'class-status',
    undefined,
    { timeout: 5_000 },
  );
}

/** The open dialog's accessible name (its heading) and the focused button inside it. */
async function dialogShown(page: Page, name: string): Promise<{ heading: string; focus: string; text: string }> {
  await page.waitForSelector(`dialog[data-name="${name}"][open]`);
  return page.$eval(`dialog[data-name="${name}"]`, (dialog) => {
    const heading = document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent ?? '';
    const active = document.activeElement as HTMLElement | null;
    return {
      heading,
      focus: dialog.contains(active) ? (active?.dataset.name ?? '') : 'outside',
      text: dialog.textContent ?? '',
    };
  });
}

async function classInfo(code: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const reply = await fetch(new URL(`api/classes/${code}`, url));
  return { status: reply.status, body: (await reply.json()) as Record<string, unknown> };
}

async function join(code: string, nickname: string): Promise<Response> {
  return fetch(new URL(`api/classes/${code}/players`, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nickname }),
  });
}

describe('the host page', () => {
  it('creates a class with every new choice, locks joining, deletes a player, ends, and shows a finished class on request', async () => {
    const context = await chromium.browser.newContext({ viewport: PROJECTOR });
    const page = await openHost(context);
    await hostState(page, 'setup');
    expect(await page.getAttribute('footer a[data-name="privacy"]', 'href')).toBe(PRIVACY_PAGE_URL);

    // Questions from: class-only by default, each choice saying how many questions it holds.
    const topics = (await (await fetch(new URL('api/topics', url))).json()) as {
      topics: { questions: number; classOnlyQuestions: number }[];
      kinds: { kind: keyof typeof KIND_DESCRIPTIONS; questions: number; classOnlyQuestions: number }[];
    };
    const classOnly = topics.topics.reduce((sum, topic) => sum + topic.classOnlyQuestions, 0);
    const all = topics.topics.reduce((sum, topic) => sum + topic.questions, 0);
    expect(await page.isChecked('input[name="pool"][value="class-only"]')).toBe(true);
    expect(await page.textContent('fieldset[data-name="pool"]')).toContain(`(${classOnly} questions)`);
    expect(await page.textContent('fieldset[data-name="pool"]')).toContain(`(${all} questions)`);
    expect(await page.textContent('fieldset[data-name="answer-reveal"]')).toContain(
      'after everyone still in the class has answered',
    );
    // The kinds the bank holds, in kindCounts' order, their counts following the chosen pool.
    const kindLabels = await page.$$eval('fieldset[data-name="kinds"] label', (labels) =>
      labels.map((label) => label.textContent?.trim()),
    );
    expect(kindLabels.length).toBe(topics.kinds.length);
    expect(topics.kinds.map((entry) => entry.kind)).toEqual(
      kindCounts(topics.kinds.map((entry) => ({ kind: entry.kind }) as never)).map((entry) => entry.kind),
    );
    const whoSpeaks = topics.kinds.find((entry) => entry.kind === 'who-speaks')!;
    const whoLabel = `fieldset[data-name="kinds"] label:has(input[value="who-speaks"])`;
    expect(await page.textContent(whoLabel)).toContain(`(${whoSpeaks.classOnlyQuestions} question`);
    await page.check('input[name="pool"][value="all"]');
    expect(await page.textContent(whoLabel)).toContain(`(${whoSpeaks.questions} question`);
    await checkState(page, 'setup');

    await page.fill('#question-count', '3');
    await page.check('input[name="answer-reveal"][value="settled"]');
    await page.check('#generated-nicknames');
    await page.check('input[name="kind"][value="who-speaks"]');
    // Self-paced: the form's default is a live lesson.
    await page.check('input[name="pace"][value="self"]');
    await page.click('form[data-name="setup"] button[type="submit"]');
    await hostState(page, 'dashboard');
    await focusOnStatus(page);
    const code = (await page.textContent('[data-name="class-code"]'))!;
    const created = await classInfo(code);
    expect(created.body).toMatchObject({
      pool: 'all',
      answerReveal: 'settled',
      generatedNicknamesOnly: true,
      kinds: ['who-speaks'],
    });
    const summary = await page.$$eval('[data-name="class-settings"] li', (items) => items.map((li) => li.textContent));
    expect(summary).toEqual([
      'Questions from: all questions',
      `Kinds of question: ${KIND_DESCRIPTIONS['who-speaks']}`,
      'Students see the answer: once everyone still in the class has answered',
      'Nicknames: generated nicknames only',
    ]);
    // The join link comes from joinLinkFor: this page's own address on 127.0.0.1 with no classroom address.
    expect(await page.getAttribute('[data-name="join-link"]', 'href')).toBe(new URL(`./?class=${code}`, url).href);
    expect(await page.textContent('[data-name="joining-state"]')).toBe(joiningText(false));

    expect((await join(code, 'Curious Otter')).status).toBe(201);
    expect((await join(code, 'Brave Heron')).status).toBe(201);
    await page.waitForFunction(() => document.querySelectorAll('tr[data-player]').length === 2);
    expect(await page.getAttribute('.leaderboard .verified', 'title')).toBe(verifiedMeaning());
    expect(await page.$eval('section[aria-labelledby="board-heading"] .note', (note) => note.textContent)).toContain(
      'It does not mean a student answered alone or without looking anything up.',
    );
    await checkState(page, 'dashboard-lobby', '[data-name="class-settings"]');

    // Lock joining: said plainly, and the server turns a newcomer away.
    await page.click('[data-name="lock-joining"]');
    await page.waitForFunction(() => document.body.dataset.joiningLocked === 'true');
    expect(await page.textContent('[data-name="joining-state"]')).toBe('Joining locked — no one new can join');
    expect(await page.getAttribute('[data-name="lock-joining"]', 'aria-pressed')).toBe('true');
    expect((await join(code, 'Quiet Panda')).status).not.toBe(201);
    await checkState(page, 'dashboard-locked', '[data-name="joining-state"]');

    // Delete one player's data: a dialog that names them, the safe choice focused; keeping changes nothing.
    const bravo = '[data-name="erase"][aria-label="Delete data of Brave Heron"]';
    await page.click(bravo);
    let dialog = await dialogShown(page, 'confirm-erase-dialog');
    expect(dialog.heading).toBe("Delete Brave Heron's data?");
    expect(dialog.text).toContain('cannot be undone');
    expect(dialog.focus).toBe('safe');
    await checkState(page, 'dialog-erase-player');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog', { state: 'detached' });
    expect(await page.$$eval('tr[data-player]', (rows) => rows.length)).toBe(2);
    await page.click(bravo);
    await dialogShown(page, 'confirm-erase-dialog');
    await page.click('[data-name="confirm-erase"]');
    await page.waitForFunction(() => document.querySelectorAll('tr[data-player]').length === 1);
    expect(await page.textContent('table[data-name="roster"]')).not.toContain('Brave Heron');
    expect(await page.textContent('[data-name="leaderboard"]')).not.toContain('Brave Heron');
    expect(await page.textContent('#host')).toContain("Brave Heron's data was deleted from the class server.");

    // Start: focus on the status; End asks in a dialog, and Keep going returns focus to the status.
    await page.click('[data-name="start"]');
    await page.waitForFunction(() => document.body.dataset.classStatus === 'open');
    await focusOnStatus(page);
    await page.click('[data-name="end"]');
    dialog = await dialogShown(page, 'confirm-end-dialog');
    expect(dialog.heading).toBe(`End the class ${code}?`);
    expect(dialog.focus).toBe('safe');
    await checkState(page, 'dialog-end');
    await page.click('dialog [data-name="safe"]');
    await page.waitForSelector('dialog', { state: 'detached' });
    await focusOnStatus(page);
    expect(await page.evaluate(() => document.body.dataset.classStatus)).toBe('open');
    await page.click('[data-name="end"]');
    await page.click('[data-name="confirm-end"]');
    await page.waitForFunction(() => document.body.dataset.classStatus === 'ended');

    // A finished class is shown only on request.
    const endedAt = (
      (await (
        await fetch(new URL(`api/classes/${code}/dashboard`, url), {
          headers: {
            authorization: `Bearer ${JSON.parse((await page.evaluate((key) => localStorage.getItem(key), SAVED_KEY))!).token}`,
          },
        })
      ).json()) as { class: { endedAt: number } }
    ).class.endedAt;
    await page.reload();
    await hostState(page, 'setup');
    expect(await page.textContent('[data-name="show-last-class"]')).toBe(lastClassText(code, endedAt));
    await checkState(page, 'setup-last-class');
    await page.click('[data-name="show-last-class"]');
    await hostState(page, 'dashboard');
    expect(await page.textContent('[data-name="class-code"]')).toBe(code);
    await focusOnStatus(page);
    await context.close();
  });

  it('forgets this device, deletes a class, and keeps a saved class through a busy or unreachable server', async () => {
    const context = await chromium.browser.newContext({ viewport: PROJECTOR });
    const page = await openHost(context);
    await hostState(page, 'setup');
    await page.fill('#question-count', '3');
    // Self-paced: the form's default is a live lesson.
    await page.check('input[name="pace"][value="self"]');
    await page.click('form[data-name="setup"] button[type="submit"]');
    await hostState(page, 'dashboard');
    const first = (await page.textContent('[data-name="class-code"]'))!;

    // A busy server (429) or none at all: the saved class and its token stay.
    const saved = await page.evaluate((key) => localStorage.getItem(key), SAVED_KEY);
    await page.route('**/api/classes/*/dashboard', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'rate-limited', message: 'Too many requests: wait a moment.' }),
      }),
    );
    await page.reload();
    await hostState(page, 'saved-unreachable');
    expect(await page.textContent('#host')).toContain(`The class ${first} saved on this browser could not be opened`);
    expect(await page.evaluate((key) => localStorage.getItem(key), SAVED_KEY)).toBe(saved);
    await checkState(page, 'saved-busy');
    await page.unroute('**/api/classes/*/dashboard');
    await page.route('**/api/classes/*/dashboard', (route) => route.abort('connectionrefused'));
    await page.reload();
    await hostState(page, 'saved-unreachable');
    expect(await page.evaluate((key) => localStorage.getItem(key), SAVED_KEY)).toBe(saved);
    await page.unroute('**/api/classes/*/dashboard');
    await page.click('[data-name="retry"]');
    await hostState(page, 'dashboard');

    // Forget this device, only here: the class stays on the server.
    await page.click('[data-name="forget-device"]');
    let dialog = await dialogShown(page, 'confirm-forget-dialog');
    expect(dialog.heading).toBe(`Forget the class ${first} on this device?`);
    expect(dialog.focus).toBe('safe');
    await checkState(page, 'dialog-forget');
    await page.click('[data-name="forget"]');
    await hostState(page, 'setup');
    expect(await page.evaluate((key) => localStorage.getItem(key), SAVED_KEY)).toBeNull();
    expect(await page.textContent('#host')).toContain(`This device has forgotten the class ${first}`);
    expect((await classInfo(first)).status).toBe(200);
    await checkState(page, 'setup-forgotten');

    // Delete the class: a dialog naming it that says it cannot be undone; then the server has no such class.
    // Self-paced: the form's default is a live lesson.
    await page.check('input[name="pace"][value="self"]');
    await page.click('form[data-name="setup"] button[type="submit"]');
    await hostState(page, 'dashboard');
    const second = (await page.textContent('[data-name="class-code"]'))!;
    await page.click('[data-name="delete-class"]');
    dialog = await dialogShown(page, 'confirm-delete-dialog');
    expect(dialog.heading).toBe(`Delete the class ${second}?`);
    expect(dialog.text).toContain('This cannot be undone.');
    expect(dialog.focus).toBe('safe');
    await checkState(page, 'dialog-delete');
    await page.click('[data-name="confirm-delete"]');
    await hostState(page, 'setup');
    expect((await classInfo(second)).status).toBe(404);
    expect(await page.evaluate((key) => localStorage.getItem(key), SAVED_KEY)).toBeNull();
    expect(await page.textContent('#host')).toContain(`The class ${second} and all its answers were deleted`);

    // Forget this device after deleting on the server first.
    // Self-paced: the form's default is a live lesson.
    await page.check('input[name="pace"][value="self"]');
    await page.click('form[data-name="setup"] button[type="submit"]');
    await hostState(page, 'dashboard');
    const third = (await page.textContent('[data-name="class-code"]'))!;
    await page.click('[data-name="forget-device"]');
    await dialogShown(page, 'confirm-forget-dialog');
    await page.click('[data-name="delete-and-forget"]');
    await hostState(page, 'setup');
    expect((await classInfo(third)).status).toBe(404);
    expect(await page.evaluate((key) => localStorage.getItem(key), SAVED_KEY)).toBeNull();

    // A saved link the server no longer knows (404): dropped, and the page says why.
    await page.evaluate(
      ([key, code]) => localStorage.setItem(key, JSON.stringify({ code, token: 'not-the-token-of-this-class' })),
      [SAVED_KEY, first] as const,
    );
    await page.reload();
    await hostState(page, 'setup');
    expect(await page.textContent('#host')).toContain(`The class ${first} saved on this browser is no longer`);
    expect(await page.evaluate((key) => localStorage.getItem(key), SAVED_KEY)).toBeNull();
    await checkState(page, 'setup-dropped');
    await context.close();
  });
});
