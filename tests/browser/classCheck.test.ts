/* eslint-disable @typescript-eslint/no-explicit-any -- replies are read field by field */
/**
 * The learning check in class, end to end: the teacher creates two classes with a check on the host page, and in
 * each 20 scripted students take the before check, the round and the after check over HTTP, their judgements drawn
 * with a known d′ and c. In one class discernment grows; in the other only scepticism does. Each host page must show
 * the figures computed from its own CSV and words that tell the two classes apart; axe finds nothing, and the panel
 * is photographed into /tmp/shots-check/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadChecksFromDisk } from '../../src/checks/checkFiles';
import type { CheckStage } from '../../src/core/classCheck';
import {
  compareChecks,
  summariseCheck,
  type CheckJudgement,
  type CheckResponse,
  type Confidence,
  type StudentCheck,
} from '../../src/core/discernment';
import { createRng, type RngState } from '../../src/core/rng';
import { checkSeed, figure } from '../../src/host/checkText';
import { loadBankFromDisk } from '../../src/server/bankFiles';
import { simulateAnswers } from '../simulatedStudents';
import { axeProblems } from './axe';
import { sendCheckAnswers } from './checkAnswers';
import { clickCanvasButton, openGame, pageErrors, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const SHOTS = '/tmp/shots-check';
const STUDENTS = 20;
const root = join(import.meta.dirname, '..', '..');
const { bank } = loadBankFromDisk(join(root, 'questions'), root);
const truth = new Map(
  loadChecksFromDisk(join(root, 'questions'), bank, root).checks.items.map((item) => [item.id, item.accurate]),
);
const chromium = useChromium();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
});

async function call(method: string, path: string, token?: string, body?: unknown): Promise<any> {
  const response = await fetch(new URL(`api/${path}`, url), {
    method,
    headers: {
      ...(body === undefined && method === 'GET' ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
  });
  const text = await response.text();
  expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(300);
  return text.startsWith('{') ? JSON.parse(text) : text;
}

/** One student's due check, judged with discernment dPrime and bias c. */
async function takeCheck(
  code: string,
  student: { playerId: string; token: string },
  dPrime: number,
  c: number,
  state: RngState,
): Promise<RngState> {
  const path = `classes/${code}/players/${student.playerId}`;
  const view = await call('GET', `${path}/check`, student.token);
  const items = (view.due.items as { id: string }[]).map((item) => ({ id: item.id, accurate: truth.get(item.id)! }));
  const [answers, next] = simulateAnswers(items, dPrime, c, state);
  await sendCheckAnswers(call, path, student.token, view.due.stage, answers);
  return next;
}

/** The class's check answers read back from its CSV, per check, in the CSV's order of students. */
function checksFromCsv(csv: string): Record<CheckStage, StudentCheck[]> {
  const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const byStage: Record<CheckStage, Map<string, CheckResponse[]>> = {
    before: new Map(),
    after: new Map(),
    delayed: new Map(),
  };
  for (const row of rows) {
    if (!row.check || !row.item_id) continue;
    const list = byStage[row.check as CheckStage].get(row.nickname!) ?? [];
    list.push({
      itemId: row.item_id,
      itemAccurate: row.truth === 'accurate',
      judgement: row.judgement as CheckJudgement,
      confidence: row.confidence as Confidence,
    });
    byStage[row.check as CheckStage].set(row.nickname!, list);
  }
  const listed = (stage: CheckStage) =>
    [...byStage[stage]].map(([student, responses]) => ({ student, responses }) satisfies StudentCheck);
  return { before: listed('before'), after: listed('after'), delayed: listed('delayed') };
}

/** Creates a class with a check on the host page; its code and the teacher's token. */
async function createOnHostPage(page: Page): Promise<{ code: string; token: string }> {
  await page.goto(new URL('host.html', url).href);
  await page.waitForFunction(() => document.body.dataset.hostState === 'setup', undefined, { timeout: 20_000 });
  await page.fill('#question-count', '5');
  await page.uncheck('#hold-start');
  await page.check('#learning-check');
  // Self-paced: the form's default is a live lesson.
  await page.check('input[name="pace"][value="self"]');
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-name="learning-check"]', { timeout: 20_000 });
  const code = (await page.textContent('[data-name="class-code"]'))!.trim();
  const token = await page.evaluate(
    () => (JSON.parse(localStorage.getItem('source-check:host:v1') ?? '{}') as { token: string }).token,
  );
  return { code, token };
}

async function playClass(code: string, before: [number, number], after: [number, number], seed: string) {
  let state = createRng(seed);
  for (let i = 0; i < STUDENTS; i += 1) {
    const student = await call('POST', `classes/${code}/players`, undefined, { nickname: `${seed} ${i + 1}` });
    state = await takeCheck(code, student, before[0], before[1], state);
    for (;;) {
      const view = await call('POST', `classes/${code}/players/${student.playerId}/next`, student.token);
      if (view.state === 'finished') break;
      await call('POST', `classes/${code}/players/${student.playerId}/answers`, student.token, {
        position: view.question.position,
        choice: 0,
      });
    }
    state = await takeCheck(code, student, after[0], after[1], state);
  }
}

describe('the learning check on the host page', () => {
  it('shows, for a class that gained discernment and one that only grew sceptical, the figures of their CSVs and words that tell them apart', async () => {
    const groups = [
      { name: 'Gain', before: [0.3, 0] as [number, number], after: [2.2, 0] as [number, number], words: /^Better at/ },
      {
        name: 'Doubt',
        before: [0.8, -0.3] as [number, number],
        after: [0.8, 1.0] as [number, number],
        words: /^More sceptical/,
      },
    ];
    for (const group of groups) {
      // A context each: the host page remembers its last class.
      const context = await chromium.browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      page.on('pageerror', (error) => {
        throw error;
      });
      const { code, token } = await createOnHostPage(page);
      await playClass(code, group.before, group.after, group.name);
      await page.waitForFunction(
        (students) =>
          document.querySelector('[data-name="check-progress"]')?.textContent ===
          `Before the lesson: ${students} of ${students} finished · After the lesson: ${students} of ${students} finished`,
        STUDENTS,
        { timeout: 20_000 },
      );

      // Every figure on the page is the one computed from the CSV, with the same seeded intervals.
      const csv = (await call('GET', `classes/${code}/results.csv`, token)) as string;
      const checks = checksFromCsv(csv);
      for (const stage of ['before', 'after'] as const) {
        expect(checks[stage]).toHaveLength(STUDENTS);
        const summary = summariseCheck(checks[stage], checkSeed(code, stage))!;
        const cells = await page.$$eval(`[data-name="check-table"] tr[data-row="${stage}"] td`, (tds) =>
          tds.map((td) => td.textContent ?? ''),
        );
        const pct = (rate: number) => `${Math.round(rate * 100)}%`;
        expect(cells).toEqual([
          String(STUDENTS),
          `${pct(summary.hitRate.value)}${pct(summary.hitRate.low)} to ${pct(summary.hitRate.high)}`,
          `${pct(summary.falseAlarmRate.value)}${pct(summary.falseAlarmRate.low)} to ${pct(summary.falseAlarmRate.high)}`,
          `${figure(summary.dPrime.value)}${figure(summary.dPrime.low)} to ${figure(summary.dPrime.high)}`,
          `${figure(summary.c.value)}${figure(summary.c.low)} to ${figure(summary.c.high)}`,
        ]);
      }
      const change = compareChecks(checks.before, checks.after, checkSeed(code, 'before-after'))!;
      const reading = await page.$eval('[data-name="check-reading"]', (node) => node.textContent ?? '');
      expect(reading).toContain(change.words);
      const words = await page.$eval('[data-name="check-reading"] p:last-child', (node) => node.textContent ?? '');
      expect(words).toMatch(group.words);
      expect(words).toContain('Without a comparison class');

      // Too early for the delayed check: the server's reason is shown as it is.
      await page.click('[data-name="open-delayed-check"]');
      await page.waitForFunction(
        () => /can be opened from 7 days/.test(document.querySelector('[data-name="check-notice"]')?.textContent ?? ''),
        undefined,
        { timeout: 10_000 },
      );
      expect(await axeProblems(page)).toEqual([]);
      for (const [size, viewport] of [
        ['1920x1080', { width: 1920, height: 1080 }],
        ['390x844', { width: 390, height: 844 }],
      ] as const) {
        await page.setViewportSize(viewport);
        await page.locator('[data-name="learning-check"]').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/host-${group.name.toLowerCase()}-${size}.png` });
      }
      await context.close();
    }
  });

  it('gives a student the before check on the check screens, sends each claim to the server, then opens the evidence and goes on to the questions', async () => {
    const created = await call('POST', 'classes', undefined, {
      questionCount: 1,
      timeLimitSec: null,
      topics: [],
      scoring: 'speed',
      learningCheck: true,
    });
    const code = created.class.code as string;
    for (const [size, viewport] of [
      ['390x844', { width: 390, height: 844 }],
      ['1920x1080', { width: 1920, height: 1080 }],
    ] as const) {
      const page = await openGame(chromium.browser, url, viewport);
      await page.goto(new URL(`?class=${code}`, url).href);
      await page.waitForFunction(() => document.body.dataset.classMode === 'name', undefined, { timeout: 20_000 });
      await page.keyboard.press('Enter');
      // Before the first question: the check's introduction, then twelve claims with no clock and no marks.
      await waitForScreen(page, 'check', 20_000);
      await page.waitForSelector('#a11y button[data-name="Start"]');
      expect(await axeProblems(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/student-intro-${size}.png` });
      await page.keyboard.press('Enter');
      for (let position = 0; position < 12; position += 1) {
        await page.waitForFunction(
          (progress) =>
            document.querySelector('#a11y [aria-label="Progress"]')?.textContent?.startsWith(progress) === true &&
            document.querySelector('#a11y button[data-name="judge-accurate"]') !== null,
          `Claim ${position + 1} of 12`,
          { timeout: 10_000 },
        );
        if (position === 0) {
          expect(await axeProblems(page)).toEqual([]);
          await page.screenshot({ path: `${SHOTS}/student-claim-${size}.png` });
        }
        await page.keyboard.press(position % 3 === 0 ? 'n' : 'a');
        await page.waitForSelector('#a11y button[data-name="confidence-sure"]');
        expect((await page.textContent('#a11y')) ?? '').not.toMatch(/right|wrong|✔|✘/i);
        await page.keyboard.press('t');
      }
      // Over: the check is with the teacher, and each claim's evidence can be opened.
      await waitForScreen(page, 'check-report');
      await page.waitForSelector('#a11y [data-name="figure"]');
      expect(await page.textContent('#a11y')).toContain('is done and sent to your teacher');
      await page.screenshot({ path: `${SHOTS}/student-done-${size}.png` });
      await clickCanvasButton(page, '#a11y button[data-name="Claims"]');
      await page.waitForSelector('#a11y [data-name="verdict"]');
      expect(await page.textContent('#a11y [data-name="verdict"]')).toMatch(/You said (Accurate|Not accurate)/);
      expect(await axeProblems(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/student-evidence-${size}.png` });
      await page.keyboard.press('Escape');
      await page.waitForSelector('#a11y button[data-name="Go on"]');
      await clickCanvasButton(page, '#a11y button[data-name="Go on"]');
      await waitForScreen(page, 'class-question', 20_000);
      if (size === '390x844') {
        // Past the last question: the after check, with the other form, before the results.
        await page.keyboard.press('1');
        await waitForScreen(page, 'class-reveal', 20_000);
        await page.keyboard.press('Enter');
        await waitForScreen(page, 'check', 20_000);
        await page.waitForSelector('#a11y button[data-name="Start"]');
        expect(await page.textContent('#a11y')).toContain('after the last question');
        await page.keyboard.press('Enter');
        await page.waitForFunction(
          () => document.querySelector('#a11y [aria-label="Progress"]')?.textContent === 'Claim 1 of 12 · check B',
          undefined,
          { timeout: 10_000 },
        );
      }
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    }
    const data = await call('GET', `classes/${code}/checks`, created.teacherToken);
    expect(data.students.map((student: any) => [student.firstForm, student.answers.before.length])).toEqual([
      ['A', 12],
      ['B', 12],
    ]);
  });
});
