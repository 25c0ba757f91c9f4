/** One round of each mode, played like a player would: Practice with its replays, Fact-check with claims and wagers, Daily once a day. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  answerKey,
  clickCanvasButton,
  currentScreen,
  fetchBank,
  labelled,
  openGame,
  pageErrors,
  PHONE,
  screenshot,
  waitForScreen,
  type BankForTests,
} from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();
let bank: BankForTests;

beforeAll(async () => {
  bank = await fetchBank(url);
});

async function text(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) => element.textContent ?? '');
}

async function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (elements) => elements.map((element) => element.textContent ?? ''));
}

/** Waits for whichever of the screens comes next. */
async function nextScreen(page: Page, screens: string[]): Promise<string> {
  await page.waitForFunction(
    (names) => names.includes((document.querySelector('#a11y') as HTMLElement).dataset.screen ?? ''),
    screens,
    { timeout: 15_000 },
  );
  return (await currentScreen(page))!;
}

describe('practice', () => {
  it('has no timer, says why the source settles it, and replays the missed questions until none is left', async () => {
    const page = await openGame(chromium.browser, url);
    await clickCanvasButton(page, '#a11y button[data-name="mode-practice"]');
    for (let number = 1; number <= 10; number += 1) {
      await waitForScreen(page, 'question');
      expect(await labelled(page, 'Time left')).toBe('No time limit');
      // Questions 2, 5 and 8 are answered wrong on purpose.
      await page.keyboard.press(await answerKey(page, bank, number % 3 !== 2));
      await waitForScreen(page, 'reveal');
      const region = await text(page, '#a11y section[aria-label="Source"]');
      expect(region).toContain('Why this source settles it: ');
      if (number === 2) await screenshot(page, 'practice-reveal-1366x768');
      await page.keyboard.press('n');
    }
    await waitForScreen(page, 'results');
    expect(await text(page, '#a11y h1')).toBe('Results · Practice');
    expect(await text(page, '#a11y [data-name="place"]')).toBe('Number 1 on your Practice board!');
    expect(await text(page, '#a11y button[data-name="Retry missed"]')).toBe('Retry missed (3)');
    await screenshot(page, 'practice-results-1366x768');

    // The replay: the three missed questions, the first missed again, then the last one put right.
    await clickCanvasButton(page, '#a11y button[data-name="Retry missed"]');
    for (let number = 1; number <= 3; number += 1) {
      await waitForScreen(page, 'question');
      expect(await labelled(page, 'Progress')).toBe(`Question ${number} of 3`);
      await page.keyboard.press(await answerKey(page, bank, number !== 1));
      await waitForScreen(page, 'reveal');
      await page.keyboard.press('n');
    }
    await waitForScreen(page, 'results');
    expect(await text(page, '#a11y h1')).toBe('Replay 1 · Practice');
    expect(await text(page, '#a11y [data-name="place"]')).toMatch(/^Replays of missed questions score nothing/);
    expect(await text(page, '#a11y button[data-name="Retry missed"]')).toBe('Retry missed (1)');
    await clickCanvasButton(page, '#a11y button[data-name="Retry missed"]');
    await waitForScreen(page, 'question');
    await page.keyboard.press(await answerKey(page, bank, true));
    await waitForScreen(page, 'reveal');
    await page.keyboard.press('n');
    await waitForScreen(page, 'results');
    expect(await text(page, '#a11y h1')).toBe('Replay 2 · Practice');
    expect(await page.$('#a11y button[data-name="Retry missed"]')).toBeNull();
    // The report stays the first try's: three questions missed.
    await page.keyboard.press('y');
    await waitForScreen(page, 'report');
    const report = await text(page, '#a11y section[aria-label="Your report"]');
    // Every question counts under exactly one SIFT move; a move the round did not ask shows "none asked".
    const moves = ['Stop', 'Investigate the source', 'Find better coverage', 'Trace claims to the original'];
    const rows = moves.map((move) => new RegExp(`${move}: (?:(\\d+) of (\\d+) right|none asked)`).exec(report));
    expect(rows.every(Boolean)).toBe(true);
    const asked = rows.reduce((sum, row) => sum + Number(row![2] ?? 0), 0);
    const missed = rows.reduce((sum, row) => sum + Number(row![2] ?? 0) - Number(row![1] ?? 0), 0);
    expect(asked).toBe(10);
    expect(missed).toBe(3);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe('fact-check', () => {
  it('asks for a judgement of each claim and a wager, and reports claims, calibration, discernment and the move to practise', async () => {
    const page = await openGame(chromium.browser, url);
    await clickCanvasButton(page, '#a11y button[data-name="mode-fact-check"]');
    const claims: string[] = [];
    for (let number = 1; number <= 10; number += 1) {
      const screen = await nextScreen(page, ['claim', 'question']);
      if (screen === 'claim') {
        claims.push(await text(page, '#a11y h2'));
        if (number === 1) await screenshot(page, 'fact-check-claim-1366x768');
        // Judge by keyboard: 2 is "Inaccurate".
        await page.keyboard.press('2');
        await waitForScreen(page, 'question');
      }
      // Only questions that check the article's claims.
      expect(await text(page, '#a11y [aria-label="Claim"]')).toMatch(/^The article claims: /);
      await page.keyboard.press(await answerKey(page, bank, number % 2 === 1));
      await waitForScreen(page, 'wager');
      if (number === 1) await screenshot(page, 'fact-check-wager-1366x768');
      const stakes = await texts(page, '#a11y [role="group"][aria-label="Your confidence"] button');
      expect(stakes).toEqual([
        expect.stringMatching(/^Sure: right \+3,000, wrong −6,000 points$/),
        expect.stringMatching(/^Think so: right \+2,000, wrong −2,000 points$/),
        expect.stringMatching(/^Guessing: right \+1,000, wrong ±0 points$/),
      ]);
      // Sure on the odd questions (answered right), Guessing on the even ones (answered wrong).
      await page.keyboard.press(number % 2 === 1 ? 's' : 'g');
      await waitForScreen(page, 'reveal');
      const calls = await text(page, '#a11y [data-name="calls"]');
      expect(calls).toMatch(number % 2 === 1 ? /You were Sure: \+3,000\.$/ : /You were Guessing: ±0\.$/);
      if (claims.length === number) expect(calls).toMatch(/^You judged the claim Inaccurate: (right|not quite), /);
      if (number === 1) await screenshot(page, 'fact-check-reveal-1366x768');
      await page.keyboard.press('n');
    }
    expect(claims.length).toBeGreaterThan(5);
    await waitForScreen(page, 'results');
    expect(await text(page, '#a11y h1')).toBe('Results · Fact-check');
    // Five right at Sure: 5 × 3,000 plus streak bonuses that never build past one.
    expect(await text(page, '#a11y [data-name="final-score"]')).toBe('Final score: 15000 points');
    await page.keyboard.press('y');
    await waitForScreen(page, 'report');
    await screenshot(page, 'fact-check-report-1366x768');
    const report = await texts(page, '#a11y section[aria-label="Your report"] > *');
    expect(report).toContain("The article's claims");
    // Every judged claim is named with the document that settles it (a claim no source settles says so).
    const claimLines = report.filter((line) => /^Question \d+: “/.test(line));
    expect(claimLines.length).toBeGreaterThan(0);
    for (const line of claimLines) {
      expect(line).toMatch(
        /” ((held up against|failed against|is misleading next to|is not settled by) .+, \d{1,2} \w+ \d{4}\)|is settled by none of the sources)\. You said \w/,
      );
    }
    expect(report).toContain('How sure you were');
    expect(report.find((line) => line.startsWith('Sure ('))).toMatch(/: 5 of 5 right \(100 %\) — about right/);
    expect(report.find((line) => line.startsWith('Guessing ('))).toMatch(/: 0 of 5 right \(0 %\)/);
    expect(report).toContain('True claims and false ones');
    expect(report.some((line) => line.startsWith('Your calls on the claims: '))).toBe(true);
    expect(report).toContain('Which move to practise');
    expect(report.some((line) => /^The question that shows it: Question \d+: “/.test(line))).toBe(true);

    // The round on the timeline; each dot opens its question and evidence.
    await page.keyboard.press('t');
    await waitForScreen(page, 'timeline');
    const first = await text(page, '#a11y [data-name="timeline-date"]');
    expect(first).toMatch(/^Question \d+ [✔✘] · \d{1,2} \w+ 20(19|2\d)/);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (before) => document.querySelector('#a11y [data-name="timeline-date"]')?.textContent !== before,
      first,
    );
    expect(await page.$$('#a11y .excerpt')).toHaveLength(1);
    await screenshot(page, 'fact-check-timeline-1366x768');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe('daily', () => {
  it('is the same round all day, counts once for its board, and the board can be cleared after a confirmation', async () => {
    const page = await openGame(chromium.browser, url, PHONE);
    const prompts: string[] = [];
    const playDaily = async () => {
      await page.keyboard.press('d');
      for (let number = 1; number <= 10; number += 1) {
        await waitForScreen(page, 'question');
        prompts.push(await text(page, '#a11y h2'));
        await page.keyboard.press(await answerKey(page, bank, true));
        await waitForScreen(page, 'reveal');
        await page.keyboard.press('n');
      }
      await waitForScreen(page, 'results');
    };
    await playDaily();
    expect(await text(page, '#a11y h1')).toBe('Results · Daily');
    expect(await text(page, '#a11y [data-name="place"]')).toBe('Number 1 on your Daily board!');
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'title');
    expect(await text(page, '#a11y button[data-name="mode-daily"]')).toMatch(/Played today: a replay is not scored\.$/);
    await screenshot(page, 'title-after-daily-390x844');
    await playDaily();
    expect(prompts.slice(10)).toEqual(prompts.slice(0, 10));
    expect(await text(page, '#a11y [data-name="place"]')).toMatch(/^You already played today's round/);
    // Shared, the second round says it is a replay.
    await page.keyboard.press('s');
    await waitForScreen(page, 'share');
    const shared = await text(page, '#a11y [data-name="share-text"]');
    expect(shared.split('\n')[1]).toMatch(/^Daily challenge, \d{1,2} \w+ \d{4} · replay, not a first try$/);
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'results');

    await page.keyboard.press('h');
    await waitForScreen(page, 'high-scores');
    expect(await texts(page, '#a11y ul[aria-label="Daily high scores"] li')).toHaveLength(1);
    await screenshot(page, 'high-scores-daily-390x844');
    // The daily board is shown first after a daily round; the arrow keys move between the boards.
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#a11y ul[aria-label="Practice high scores"]', { state: 'attached' });
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('#a11y ul[aria-label="Daily high scores"]', { state: 'attached' });
    await clickCanvasButton(page, '#a11y button[data-name="Clear board"]');
    await page.waitForSelector('#a11y [data-name="confirm-clear"]', { state: 'attached' });
    // Keeping the scores is the focused choice: Enter does not clear.
    await page.keyboard.press('Enter');
    await page.waitForSelector('#a11y button[data-name="Clear board"]');
    expect(await texts(page, '#a11y ul[aria-label="Daily high scores"] li')).toHaveLength(1);
    await clickCanvasButton(page, '#a11y button[data-name="Clear board"]');
    await page.waitForSelector('#a11y [data-name="confirm-clear"]', { state: 'attached' });
    await clickCanvasButton(page, '#a11y button[data-name="Confirm clear"]');
    await page.waitForSelector('#a11y button[data-name="Play"]');
    expect(await texts(page, '#a11y ul[aria-label="Daily high scores"] li')).toEqual([
      expect.stringMatching(/^No daily scores yet/),
    ]);
    await page.reload();
    await waitForScreen(page, 'title');
    await page.keyboard.press('h');
    await page.waitForSelector('#a11y ul[aria-label="Classic high scores"]', { state: 'attached' });
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#a11y ul[aria-label="No speed points high scores"]', { state: 'attached' });
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#a11y ul[aria-label="Daily high scores"]', { state: 'attached' });
    expect(await texts(page, '#a11y ul[aria-label="Daily high scores"] li')).toEqual([
      expect.stringMatching(/^No daily scores yet/),
    ]);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe('the timeline of the controversy', () => {
  it('opens from the title with every dated question of the bank, each with its evidence', async () => {
    const page = await openGame(chromium.browser, url);
    await page.keyboard.press('t');
    await waitForScreen(page, 'timeline');
    const items = await texts(page, '#a11y [aria-label="Questions by date"] button');
    expect(items.length).toBeGreaterThan(100);
    expect(items[0]).toMatch(/^\d{1,2} \w+ 2019: /);
    expect(items.at(-1)).toMatch(/^\d{1,2} \w+ 2025: /);
    await screenshot(page, 'timeline-bank-1366x768');
    await page.keyboard.press('End');
    await page.waitForSelector(`#a11y button[data-name="timeline-item-${items.length - 1}"][aria-pressed="true"]`);
    const excerpt = await page.$eval('#a11y .excerpt', (element) => (element as HTMLElement).dataset.source);
    expect(excerpt).toBeTruthy();
    // One Tab stop for the whole line, the selected question's; the arrow keys move along it.
    const tabbable = await page.$$eval('#a11y [aria-label="Questions by date"] button', (buttons) =>
      buttons.filter((button) => button.tabIndex >= 0).map((button) => (button as HTMLElement).dataset.name),
    );
    expect(tabbable).toEqual([`timeline-item-${items.length - 1}`]);
    await page.keyboard.press('Home');
    await page.waitForSelector('#a11y button[data-name="timeline-item-0"][aria-pressed="true"]');
    // Later keeps focus on itself and says where it went.
    await page.focus('#a11y button[data-name="Later"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#a11y button[data-name="timeline-item-1"][aria-pressed="true"]');
    const said = await page.waitForFunction(() => document.querySelector('#a11y > [role="status"]')?.textContent);
    const heading = await page.$eval('#a11y h2', (element) => element.textContent ?? '');
    expect(await said.jsonValue()).toBe(
      `${await page.$eval('#a11y [data-name="timeline-date"]', (element) => element.textContent)}: ${heading}`,
    );
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.name)).toBe('Later');
    // The question's heading is one level under the screen's: no level skipped.
    expect(await page.$$eval('#a11y h3', (headings) => headings.length)).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
