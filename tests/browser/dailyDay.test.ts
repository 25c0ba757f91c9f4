/**
 * The daily round is the player's local day, in Chromium with an emulated clock and time zone: Sydney's morning is
 * its own day; another day's daily from a link plays as that day's challenge and leaves today's daily and its board
 * alone; a daily begun at 23:59 and finished after midnight counts for the day it began.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { encodeChallenge } from '../../src/core/challenge';
import { dailyChallenge } from '../unit/helpers';
import {
  answerKey,
  asNamedPlayer,
  fetchBank,
  PHONE,
  PROJECTOR,
  screenshot,
  waitForScreen,
  type Viewport,
} from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();
const errorsOf = new WeakMap<Page, string[]>();

/** The game opened at `address` in a time zone, its clock set to `moment` (and running on from there). */
async function openAt(address: string, timezoneId: string, moment: string, viewport: Viewport): Promise<Page> {
  const context = await chromium.browser.newContext({ viewport, timezoneId });
  await asNamedPlayer(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  errorsOf.set(page, errors);
  await page.clock.setSystemTime(new Date(moment));
  await page.goto(address);
  await waitForScreen(page, 'title');
  return page;
}

async function text(page: Page, selector: string): Promise<string> {
  return page.$eval(`#a11y ${selector}`, (element) => element.textContent ?? '');
}

/** Answers the questions on screen right, `count` of them (all by default), up to the results. */
async function answer(page: Page, count = Infinity): Promise<void> {
  const bank = await fetchBank(url);
  for (let answered = 0; answered < count; answered += 1) {
    await page.waitForSelector('#a11y[data-screen="question"], #a11y[data-screen="results"]');
    if ((await page.$('#a11y[data-screen="results"]')) !== null) return;
    await page.keyboard.press(await answerKey(page, bank, true));
    await waitForScreen(page, 'reveal');
    await page.keyboard.press('n');
  }
}

/** A friend's daily link for `day`, from the bank the game serves. */
async function dailyLink(day: string): Promise<string> {
  const { version } = (await (await fetch(new URL('bank.json', url))).json()) as { version: string };
  return encodeChallenge(dailyChallenge(day, version));
}

describe('the daily round', () => {
  it("is the player's own day: at 09:30 on 15 March in Sydney the title offers 15 March", async () => {
    for (const [viewport, size] of [
      [PHONE, '390x844'],
      [PROJECTOR, '1366x768'],
    ] as const) {
      // 22:30 UTC on 14 March.
      const page = await openAt(url, 'Australia/Sydney', '2026-03-14T22:30:00Z', viewport);
      expect(await text(page, 'button[data-name="mode-daily"]')).toMatch(/^Play Daily · 15 March 2026/);
      await page.screenshot({ path: `/tmp/shots-share2/title-daily-sydney-${size}.png` });
      expect(errorsOf.get(page)).toEqual([]);
      await page.context().close();
    }
  });

  it("plays another day's daily link as that day's challenge, leaving today's daily and its board alone", async () => {
    const page = await openAt(`${url}#c=${await dailyLink('2026-03-14')}`, 'UTC', '2026-03-15T10:00:00Z', PHONE);
    expect(await text(page, '[data-name="challenge"]')).toBe(
      "Sam challenges you: 11,200 points on the daily round of 14 March 2026 (unverified: Sam's word, no server checked it). Can you beat it?",
    );
    await screenshot(page, 'daily-link-other-day-390x844');
    await page.screenshot({ path: '/tmp/shots-share2/title-daily-link-390x844.png' });
    await page.keyboard.press('Enter');
    await answer(page);
    await waitForScreen(page, 'results');
    await page.screenshot({ path: '/tmp/shots-share2/results-daily-link-390x844.png' });
    // On no board: the Daily board holds nothing, for either day.
    expect(await text(page, '[data-name="versus"]')).toMatch(/^You 1\d,\d{3} \(10\/10\) {2}vs {2}Sam 11,200/);
    expect(await page.evaluate(() => localStorage.getItem('source-check:high-scores:daily:v1'))).toBeNull();
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'title');
    // Today's daily is still to play, and it counts.
    expect(await text(page, 'button[data-name="mode-daily"]')).toMatch(/^Play Daily · 15 March 2026/);
    expect(await text(page, 'button[data-name="mode-daily"]')).not.toMatch(/Played today/);
    await page.keyboard.press('d');
    await answer(page);
    await waitForScreen(page, 'results');
    expect(await text(page, '[data-name="place"]')).toBe('Number 1 on your Daily board!');
    expect(errorsOf.get(page)).toEqual([]);
    await page.context().close();
  });

  it('counts a round begun at 23:59 and finished after midnight for the day it began', async () => {
    const page = await openAt(url, 'UTC', '2026-03-15T23:59:00Z', PROJECTOR);
    await page.keyboard.press('d');
    await answer(page, 3);
    await page.clock.setSystemTime(new Date('2026-03-16T00:01:00Z'));
    await answer(page);
    await waitForScreen(page, 'results');
    expect(await text(page, '[data-name="place"]')).toBe('Number 1 on your Daily board!');
    await page.screenshot({ path: '/tmp/shots-share2/results-daily-after-midnight-1366x768.png' });
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'title');
    // The new day's daily is a new round, still to play.
    expect(await text(page, 'button[data-name="mode-daily"]')).toMatch(/^Play Daily · 16 March 2026/);
    expect(await text(page, 'button[data-name="mode-daily"]')).not.toMatch(/Played today/);
    expect(errorsOf.get(page)).toEqual([]);
    const stored = await page.evaluate(() => localStorage.getItem('source-check:high-scores:daily:v1') ?? '');
    expect(stored).toContain('"day":"2026-03-15"');
    await page.context().close();
  });
});
