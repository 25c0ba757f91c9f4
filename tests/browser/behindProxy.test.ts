/**
 * Class mode behind a proxy that buffers responses (nginx with proxy_buffering on and the server's
 * X-Accel-Buffering header ignored): live streams bring nothing, and the host page as it is today and the game
 * must fall back to polling in time — the dashboard shows a join, and a waiting student sees the start, within
 * 5 s. Also the join screen's privacy link and a class with generated nicknames only.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startNginx, type TestNginx } from '../server/nginx';
import { clickCanvasButton, openGame, PROJECTOR, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const appUrl = inject('appUrl');
/** The longest a change may take to reach a page through the buffering proxy. */
const WITHIN_MS = 5000;
const chromium = useChromium();
let nginx: TestNginx;

beforeAll(async () => {
  // nginx's default HTTP/1.0 to the upstream with buffering on holds back a stream entirely, headers included.
  nginx = await startNginx(appUrl, [
    'proxy_set_header Host $http_host;',
    'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    'proxy_buffering on;',
    'proxy_ignore_headers X-Accel-Buffering;',
  ]);
});

afterAll(async () => {
  await nginx?.stop();
});

async function classMode(page: Page, mode: string): Promise<void> {
  await page.waitForFunction((wanted) => document.body.dataset.classMode === wanted, mode, { timeout: 20_000 });
}

describe('behind a buffering proxy', () => {
  it('the dashboard shows a join, and a waiting student the start, within 5 s', async () => {
    const base = `${nginx.url}/`;
    const teacherContext = await chromium.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const teacher = await teacherContext.newPage();
    await teacher.goto(new URL('host.html', base).href);
    await teacher.waitForSelector('form[data-name="setup"]');
    await teacher.fill('#question-count', '3');
    // Self-paced: the form's default is a live lesson.
    await teacher.check('input[name="pace"][value="self"]');
    await teacher.click('form[data-name="setup"] button[type="submit"]');
    await teacher.waitForSelector('[data-name="class-code"]');
    const code = (await teacher.textContent('[data-name="class-code"]'))!;

    const joined = await fetch(new URL(`api/classes/${code}/players`, base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nickname: 'Through Nginx' }),
    });
    expect(joined.status).toBe(201);
    const joinedAt = Date.now();
    await teacher.waitForFunction(
      () =>
        [...document.querySelectorAll('table[data-name="roster"] td.nickname')].some(
          (cell) => cell.textContent === 'Through Nginx',
        ),
      undefined,
      { timeout: WITHIN_MS },
    );
    const dashboardMs = Date.now() - joinedAt;
    expect(dashboardMs).toBeLessThanOrEqual(WITHIN_MS);
    expect(await teacher.evaluate(() => document.body.dataset.live)).toBe('polling');

    const student = await openGame(chromium.browser, base, PROJECTOR);
    await student.goto(`${base}?class=${code}`);
    await classMode(student, 'name');
    await student.keyboard.press('Enter');
    await waitForScreen(student, 'class-wait');
    await teacher.click('[data-name="start"]');
    const startedAt = Date.now();
    await waitForScreen(student, 'class-question', WITHIN_MS);
    const studentMs = Date.now() - startedAt;
    expect(studentMs).toBeLessThanOrEqual(WITHIN_MS);
    console.log(
      `Through a buffering nginx: dashboard ${dashboardMs} ms after a join, student ${studentMs} ms after the start`,
    );
    await student.context().close();
    await teacherContext.close();
  });
});

/** A class made through the API, with the default settings and `extra`; resolves with its code. */
async function createClass(extra: Record<string, unknown>): Promise<string> {
  const created = await fetch(new URL('api/classes', appUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ questionCount: 3, timeLimitSec: 20, topics: [], scoring: 'speed', ...extra }),
  });
  return ((await created.json()) as { class: { code: string } }).class.code;
}

/** A student's game on the join screen of class `code`, with the screen's messages. */
async function joinScreenOf(code: string): Promise<{ student: Page; messages: (string | null)[] }> {
  const student = await openGame(chromium.browser, appUrl, PROJECTOR);
  await student.goto(`${appUrl}?class=${code}`);
  await classMode(student, 'name');
  const messages = await student.$$eval('#a11y [data-name="class-message"]', (nodes) =>
    nodes.map((node) => node.textContent),
  );
  return { student, messages };
}

describe('the join screen', () => {
  it('asks for a nickname, links the privacy page, and offers only generated names when the class says so', async () => {
    const { student, messages } = await joinScreenOf(await createClass({ generatedNicknamesOnly: true }));
    expect(messages).toContain('This class uses the game’s nicknames: keep this one or pick another.');
    expect(await student.$('#a11y button[data-name="Type my own"]')).toBeNull();
    expect(await student.$('#a11y button[data-name="Another name"]')).not.toBeNull();

    const opened = student.context().waitForEvent('page');
    await clickCanvasButton(student, '#a11y button[data-name="Privacy"]');
    const privacy = await opened;
    await privacy.waitForLoadState();
    expect(new URL(privacy.url()).pathname).toBe('/privacy.html');
    expect(await privacy.textContent('h1')).toContain('Privacy');
    await student.context().close();

    const { student: other, messages: hints } = await joinScreenOf(await createClass({}));
    expect(hints).toContain('Use a nickname, not your real name.');
    expect(await other.$('#a11y button[data-name="Type my own"]')).not.toBeNull();
    await other.context().close();
  });
});
