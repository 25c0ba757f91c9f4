/**
 * A challenge link that survives ordinary use: it is offered again after a reload until it is played or set aside,
 * and a link pasted into a tab where the game is already open is offered at once.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { encodeChallenge, type Challenge } from '../../src/core/challenge';
import { dailyChallenge } from '../unit/helpers';
import { answerQuestions, openGame, pageErrors, PHONE, PROJECTOR, screenshot, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();
const QUESTIONS = 5;

/** A friend's five-question Classic link, written for the bank the game serves. */
async function friendsLink(): Promise<string> {
  const { version } = (await (await fetch(new URL('bank.json', url))).json()) as { version: string };
  const challenge: Challenge = {
    ...dailyChallenge('2026-03-14', version),
    seed: 'k3j9x2a',
    mode: 'classic',
    questionCount: QUESTIONS,
    score: 4_200,
    marks: Array<'right'>(QUESTIONS).fill('right'),
  };
  return `${url}#c=${encodeChallenge(challenge)}`;
}

async function banner(page: Page): Promise<string | null> {
  const element = await page.$('#a11y [data-name="challenge"]');
  return element ? element.textContent() : null;
}

async function reload(page: Page): Promise<void> {
  await page.reload();
  await waitForScreen(page, 'title');
}

describe('a challenge link in the address', () => {
  it('is offered again after a reload until it is set aside', async () => {
    const link = await friendsLink();
    const page = await openGame(chromium.browser, link, PHONE);
    expect(await banner(page)).toMatch(/^Sam challenges you: 4,200 points on 5 questions/);
    await reload(page);
    expect(await banner(page)).toMatch(/^Sam challenges you: 4,200 points/);
    await screenshot(page, 'challenge-after-reload-390x844');
    await page.$eval('#a11y button[data-name="Play my own round instead"]', (button) =>
      (button as HTMLElement).click(),
    );
    await page.waitForFunction(() => !document.querySelector('#a11y [data-name="challenge"]'));
    expect(page.url()).toBe(url);
    await reload(page);
    expect(await banner(page)).toBeNull();
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('is offered again after a reload in the middle of its round, and not once the round is played', async () => {
    const page = await openGame(chromium.browser, (await friendsLink()).replace('#c=', '?c='), PROJECTOR);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    // A phone dropping the tab half-way: the challenge is still there to play.
    await reload(page);
    expect(await banner(page)).toMatch(/^Sam challenges you/);
    await page.keyboard.press('Enter');
    await answerQuestions(page, QUESTIONS);
    await waitForScreen(page, 'results');
    expect(await page.$eval('#a11y [data-name="versus"]', (element) => element.textContent)).toMatch(/vs {2}Sam 4,200/);
    expect(page.url()).toBe(url);
    await reload(page);
    expect(await banner(page)).toBeNull();
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('pasted into a tab where the game is open, is offered at once', async () => {
    const page = await openGame(chromium.browser, url, PHONE);
    expect(await banner(page)).toBeNull();
    // Only the fragment changes: the page is not loaded again.
    await page.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
    const link = await friendsLink();
    await page.evaluate((fragment) => (window.location.hash = fragment), link.slice(link.indexOf('#')));
    await page.waitForSelector('#a11y [data-name="challenge"]');
    expect(await banner(page)).toMatch(/^Sam challenges you: 4,200 points/);
    expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    await screenshot(page, 'challenge-pasted-390x844');

    // From another screen too: High scores gives way to the title with the offer.
    await page.$eval('#a11y button[data-name="Play my own round instead"]', (button) =>
      (button as HTMLElement).click(),
    );
    await page.waitForFunction(() => !document.querySelector('#a11y [data-name="challenge"]'));
    await page.keyboard.press('h');
    await waitForScreen(page, 'high-scores');
    await page.evaluate((fragment) => (window.location.hash = fragment), link.slice(link.indexOf('#')));
    await waitForScreen(page, 'title');
    expect(await banner(page)).toMatch(/^Sam challenges you/);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
