/**
 * Class mode in one Chromium: the teacher's host page and three students' games, a whole class round under the
 * class server's Content-Security-Policy, the dashboard live; and the game on plain static files, where Class
 * says it needs the server.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { ClassSkillSummary } from '../../src/core/classProtocol';
import { SKILL_NAMES } from '../../src/core/reports';
import { clickCanvasButton, openGame, pageErrors, PHONE, PROJECTOR, screenshot, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const staticUrl = inject('staticUrl');
const QUESTIONS = 3;
const HOSTILE = '<img src=x onerror=alert(1)>';
const chromium = useChromium();

/** Records what must never happen on a page: a dialog (script ran) or a blocked resource (the CSP bit). */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  return problems;
}

async function classMode(page: Page, mode: string): Promise<void> {
  await page.waitForFunction((wanted) => document.body.dataset.classMode === wanted, mode, { timeout: 20_000 });
}

describe('a class round', () => {
  it('runs with a teacher and three students, the dashboard showing all of them and how they answered', async () => {
    const teacherContext = await chromium.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const teacher = await teacherContext.newPage();
    const teacherProblems = watch(teacher);
    const hostResponse = await teacher.goto(new URL('host.html', url).href);
    expect(hostResponse?.headers()['content-security-policy']).toContain("script-src 'self'");
    await teacher.waitForSelector('form[data-name="setup"]');
    await teacher.fill('#question-count', String(QUESTIONS));
    expect(await teacher.isChecked('#hold-start')).toBe(true);
    // Self-paced: the form's default is a live lesson.
    await teacher.check('input[name="pace"][value="self"]');
    await teacher.click('form[data-name="setup"] button[type="submit"]');
    await teacher.waitForSelector('[data-name="class-code"]');
    const code = (await teacher.textContent('[data-name="class-code"]'))!;
    expect(code).toMatch(/^[34679ACEFGHJKMNPRTWXY]{6}$/);
    const joinUrl = (await teacher.getAttribute('[data-name="join-link"]', 'href'))!;
    expect(joinUrl).toContain(`?class=${code}`);
    expect(
      await teacher.$eval('canvas[data-name="qr"]', (canvas) => (canvas as HTMLCanvasElement).width),
    ).toBeGreaterThan(100);
    await teacher.waitForFunction(() => document.body.dataset.live === 'live');

    // Three students: two follow the link, one types the code; one re-rolls, one types a name of their own.
    const students: Page[] = [];
    const problems: string[][] = [];
    for (const viewport of [PROJECTOR, PROJECTOR, PHONE]) {
      students.push(await openGame(chromium.browser, url, viewport, async (page) => void problems.push(watch(page))));
    }
    const [ada, bo, cy] = students as [Page, Page, Page];
    await ada.goto(joinUrl);
    await classMode(ada, 'name');
    await screenshot(ada, 'class-join-1366x768');
    await clickCanvasButton(ada, '#a11y button[data-name="Type my own"]');
    await ada.waitForSelector('input[aria-label="Your nickname"]');
    await ada.fill('input[aria-label="Your nickname"]', 'Ada L.');
    await ada.press('input[aria-label="Your nickname"]', 'Enter');
    await ada.waitForFunction(
      () => document.querySelector('#a11y [data-name="nickname"]')?.textContent === 'Your nickname: Ada L.',
    );
    await ada.keyboard.press('Enter');

    await bo.goto(joinUrl);
    await classMode(bo, 'name');
    const before = await bo.textContent('#a11y [data-name="nickname"]');
    await clickCanvasButton(bo, '#a11y button[data-name="Another name"]');
    await bo.waitForFunction(
      (old) => document.querySelector('#a11y [data-name="nickname"]')?.textContent !== old,
      before,
    );
    await bo.keyboard.press('Enter');

    await clickCanvasButton(cy, '#a11y button[data-name="Class"]');
    await classMode(cy, 'code');
    await cy.fill('input[aria-label="Class code"]', code.toLowerCase());
    await cy.press('input[aria-label="Class code"]', 'Enter');
    await classMode(cy, 'name');
    await cy.keyboard.press('Enter');

    for (const page of students) await waitForScreen(page, 'class-wait');
    // A fourth player, straight through the API, with a name that would be markup if it were ever parsed as HTML.
    const joined = await fetch(new URL(`api/classes/${code}/players`, url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nickname: HOSTILE }),
    });
    expect(joined.status).toBe(201);
    // Their game stays open (a live stream), so they are present, not away: every question waits for them.
    const fourth = (await joined.json()) as { playerId: string; token: string };
    const fourthStream = new AbortController();
    const opened = await fetch(new URL(`api/classes/${code}/players/${fourth.playerId}/events`, url), {
      headers: { authorization: `Bearer ${fourth.token}` },
      signal: fourthStream.signal,
    });
    expect(opened.status).toBe(200);
    await teacher.waitForFunction(
      () => document.querySelectorAll('table[data-name="roster"] tr[data-player]').length === 4,
    );
    const names = await teacher.$$eval('table[data-name="roster"] td.nickname', (cells) =>
      cells.map((cell) => cell.textContent),
    );
    expect(names).toContain('Ada L.');
    expect(names).toContain(HOSTILE);
    expect(await teacher.$$eval('#host img', (images) => images.length)).toBe(0);

    await teacher.click('[data-name="start"]');
    for (let q = 0; q < QUESTIONS; q += 1) {
      for (const [i, page] of students.entries()) {
        await waitForScreen(page, 'class-question');
        await page.keyboard.press(String(((i + q) % 2) + 1));
        await waitForScreen(page, 'class-reveal');
        if (i === 0 && q === 0) await screenshot(page, 'class-reveal-1366x768');
        await page.keyboard.press('Enter');
      }
    }
    for (const page of students) {
      await waitForScreen(page, 'class-results');
      const text = await page.$eval('#a11y', (element) => element.textContent ?? '');
      expect(text).toContain('Verified');
    }
    await screenshot(cy, 'class-results-390x844');

    // The dashboard has every answer, three per question, and all three students done; while the fourth player
    // has still to answer, no question shows more than how many answered.
    await teacher.waitForFunction(
      (total) =>
        [...document.querySelectorAll('article[data-question]')].every(
          (article) =>
            article.getAttribute('data-settled') === 'false' &&
            article.querySelector('.note')?.textContent?.startsWith('3 answered') === true &&
            article.querySelectorAll('.count').length === 0,
        ) && document.querySelectorAll('article[data-question]').length === total,
      QUESTIONS,
    );
    await teacher.waitForFunction(
      () =>
        document.querySelectorAll('.progress-text').length === 4 &&
        [...document.querySelectorAll('.progress-text')].filter((cell) => cell.textContent === ' done').length === 3,
    );
    const board = await teacher.$$eval('ol[data-name="leaderboard"] li', (items) =>
      items.map((item) => ({
        name: item.querySelector('.nickname')?.textContent,
        top: item.classList.contains('top'),
      })),
    );
    expect(board).toHaveLength(4);
    expect(board.slice(0, 3).every((entry) => entry.top)).toBe(true);
    expect(board.map((entry) => entry.name)).toContain(HOSTILE);
    // The fourth player has answered nothing, so no question is settled: the skills panel gives nothing away yet.
    expect(await teacher.getAttribute('[data-name="skills-body"]', 'data-state')).toBe('empty');
    expect(await teacher.textContent('[data-name="skills-coverage"]')).toContain('never gives an answer away');
    await screenshot(teacher, 'class-dashboard-1366x900');

    // Hide the scores, then end the class.
    await teacher.click('[data-name="hide-scores"]');
    await teacher.waitForFunction(
      () => document.querySelector('[data-name="hide-scores"]')?.getAttribute('aria-pressed') === 'true',
    );
    await teacher.click('[data-name="end"]');
    await teacher.click('[data-name="confirm-end"]');
    await teacher.waitForFunction(() => document.body.dataset.classStatus === 'ended');
    fourthStream.abort();
    expect(await teacher.$$eval('#host img', (images) => images.length)).toBe(0);
    // Ended: every question is settled, with its three answers counted.
    expect(
      await teacher.$$eval('article[data-question]', (articles) =>
        articles.map((article) =>
          [...article.querySelectorAll('.count')].reduce((sum, cell) => sum + Number(cell.textContent), 0),
        ),
      ),
    ).toEqual(Array.from({ length: QUESTIONS }, () => 3));

    // Once the class has ended every answer counts: the panel names the class's weakest move, the one the server
    // worked out from the nine answers (each question had a wrong pick among the three, so something was missed).
    await teacher.waitForSelector('[data-name="weakest-skill"]');
    const saved = JSON.parse((await teacher.evaluate(() => localStorage.getItem('source-check:host:v1')))!) as {
      token: string;
    };
    const reply = await fetch(new URL(`api/classes/${code}/dashboard`, url), {
      headers: { authorization: `Bearer ${saved.token}` },
    });
    const summary = ((await reply.json()) as { summary: ClassSkillSummary }).summary;
    expect(summary.skills.reduce((sum, row) => sum + row.asked, 0)).toBe(3 * QUESTIONS);
    expect(summary.weakestSkill).not.toBeNull();
    const weakest = summary.weakestSkill!;
    expect(await teacher.getAttribute('[data-name="weakest-skill"]', 'data-skill')).toBe(weakest);
    expect(await teacher.textContent('[data-name="weakest-skill"] h3')).toBe(`Weakest move: ${SKILL_NAMES[weakest]}`);
    expect(await teacher.textContent('[data-name="most-missed"]')).toContain(summary.mostMissed!.prompt);
    const asked = await teacher.$$eval('table[data-name="skill-table"] tbody tr', (rows) =>
      rows.map((row) => row.querySelector('td')?.textContent),
    );
    expect(asked).toEqual(summary.skills.map((row) => `${row.right} / ${row.asked}`));
    await screenshot(teacher, 'class-dashboard-ended-1366x900');

    expect(teacherProblems).toEqual([]);
    for (const [index, page] of students.entries()) {
      expect(pageErrors(page)).toEqual([]);
      expect(problems[index]).toEqual([]);
      await page.context().close();
    }
    await teacherContext.close();
    // Four pages drawing with software WebGL on two cores: slow, and that is all it is.
  }, 300_000);
});

describe('without the class server', () => {
  it('says Class needs the server, and the host page says the same', async () => {
    const page = await openGame(chromium.browser, staticUrl);
    await clickCanvasButton(page, '#a11y button[data-name="Class"]');
    await classMode(page, 'no-server');
    const message = await page.textContent('#a11y [data-name="class-message"]');
    expect(message).toContain('needs the class server');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'title');
    expect(pageErrors(page)).toEqual([]);
    const host = await page.context().newPage();
    await host.goto(new URL('host.html', staticUrl).href);
    await host.waitForFunction(() => document.body.dataset.hostState === 'no-server');
    expect(await host.textContent('#host')).toContain('needs the class server');
    await page.context().close();
  });
});
