import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  answerQuestions,
  currentScreen,
  fiveQuestionRounds,
  openGame,
  pageErrors,
  PROJECTOR,
  screenshot,
  waitForScreen,
} from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();
/** Rounds of five questions keep these tests short; the share rules do not depend on the length. */
const QUESTIONS = 5;

async function playRound(page: Page): Promise<string[]> {
  const prompts = await answerQuestions(page, QUESTIONS, (number) => String((number % 3) + 1));
  await waitForScreen(page, 'results');
  return prompts;
}

describe('sharing a result', () => {
  it(
    'gives spoiler-free text whose challenge link replays the same questions, side by side',
    { timeout: 240_000 },
    async () => {
      const challenger = await openGame(chromium.browser, url, PROJECTOR, fiveQuestionRounds);
      await challenger.keyboard.press('Enter');
      const prompts = await playRound(challenger);
      await challenger.keyboard.press('s');
      await waitForScreen(challenger, 'share');
      const name = await challenger.$eval('#a11y [data-name="nickname"]', (element) => element.textContent ?? '');
      const text = await challenger.$eval('#a11y [data-name="share-text"]', (element) => element.textContent ?? '');
      await screenshot(challenger, 'share-1366x768');
      const lines = text.split('\n');
      expect(lines[0]).toBe('Source Check — the TikTok ban quiz');
      expect(lines[1]).toMatch(/^Challenge [a-z0-9]+$/);
      expect(lines[2]).toMatch(/^[\d,]+ points · \d+\/5 correct$/);
      expect([...lines[3]!].filter((char) => '✅❌⏰'.includes(char))).toHaveLength(QUESTIONS);
      expect(lines[4]).toContain('#c=');
      // No answer text in the share text: only the grid says how it went.
      expect(text).not.toMatch(/Answer/);

      // A friend with other settings of their own still gets the challenger's round.
      const friend = await openGame(chromium.browser, lines[4]!);
      const banner = await friend.$eval('#a11y [data-name="challenge"]', (element) => element.textContent ?? '');
      expect(banner).toContain(`${name.replace('Your name: ', '')} challenges you`);
      await screenshot(friend, 'title-challenge-1366x768');
      await friend.keyboard.press('Enter');
      await waitForScreen(friend, 'question');
      expect(await friend.$eval('#a11y h2', (element) => element.textContent)).toBe(prompts[0]);
      const friendPrompts = await playRound(friend);
      expect(friendPrompts).toEqual(prompts);
      const versus = await friend.$eval('#a11y [data-name="versus"]', (element) => element.textContent ?? '');
      expect(versus).toMatch(/^You [\d,]+ \(\d+\/5\) {2}vs {2}.+ \(\d+\/5, unverified\): /);
      expect(pageErrors(friend)).toEqual([]);
      await challenger.context().close();
      await friend.context().close();
    },
  );

  it('opens the title with a notice for a tampered link', async () => {
    const page = await openGame(chromium.browser, `${url}#c=eyJ2IjoxLCJzIjoiPHNjcmlwdD4ifQ`);
    const notice = await page.$eval('#a11y [data-name="notice"]', (element) => element.textContent ?? '');
    expect(notice).toBe(
      'This challenge link cannot be played: the link has an invalid round code. Ask for the link again.',
    );
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('saves the score card as a PNG picture', async () => {
    const page = await openGame(chromium.browser, url, PROJECTOR, fiveQuestionRounds);
    await page.keyboard.press('Enter');
    await playRound(page);
    await page.keyboard.press('s');
    await waitForScreen(page, 'share');
    const downloading = page.waitForEvent('download');
    await page.focus('#a11y button[data-name="Score card"]');
    await page.keyboard.press('Enter');
    const download = await downloading;
    const png = readFileSync((await download.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
    expect(download.suggestedFilename()).toMatch(/^source-check-[a-z0-9]+\.png$/);
    await page.context().close();
  });

  it('lets the player pick another name or type one, refusing one on the blocklist, and puts it on the board', async () => {
    const page = await openGame(chromium.browser, url, PROJECTOR, fiveQuestionRounds);
    await page.keyboard.press('Enter');
    await playRound(page);
    // A stray Enter while the score is read starts nothing: only the focused button acts.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.name)).toBe('summary');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    expect(await currentScreen(page)).toBe('results');
    const savedNames = () =>
      page.evaluate(() =>
        (JSON.parse(localStorage.getItem('source-check:high-scores:v1') ?? '[]') as { nickname?: string }[]).map(
          (entry) => entry.nickname,
        ),
      );
    const generated = await page.evaluate(() => localStorage.getItem('source-check:nickname:v1'));
    expect(await savedNames()).toEqual([generated]);
    await page.keyboard.press('s');
    await waitForScreen(page, 'share');
    await page.focus('#a11y button[data-name="Type my own"]');
    await page.keyboard.press('Enter');
    const firstField = await page.waitForSelector('#a11y input[aria-label="Your name"]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Dead Otter');
    await page.keyboard.press('Enter');
    // The refusal rebuilds the screen: type into the new field, not into the one on its way out.
    await firstField.waitForElementState('hidden');
    await page.waitForSelector('#a11y input[aria-label="Your name"]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Ada Lovelace');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#a11y [data-name="nickname"]');
    expect(await page.$eval('#a11y [data-name="nickname"]', (element) => element.textContent)).toBe(
      'Your name: Ada Lovelace',
    );
    // The round already saved under the generated name now carries the typed one.
    expect(await savedNames()).toEqual(['Ada Lovelace']);
    await page.reload();
    await waitForScreen(page, 'title');
    expect(await page.evaluate(() => localStorage.getItem('source-check:nickname:v1'))).toBe('Ada Lovelace');
    await page.context().close();
  });
});
