/**
 * Every way out of a round asks first: Escape and Back to title on the claim, question, wager and answer screens,
 * by keyboard and by pointer on the canvas. Keep playing (or Escape) goes back to the same screen of the same
 * round; Leave the round lands on the title, and a round left is never saved nor offered again.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeAllProblems } from './axe';
import { clickCanvasButton, openGame, pageErrors, PHONE, PROJECTOR, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();

async function heading(page: Page): Promise<string> {
  return page.$eval('#a11y h1', (element) => element.textContent ?? '');
}

async function savedScores(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('source-check:high-scores')));
}

/** The screen asks whether to leave, says so, and has focus on Keep playing. */
async function asked(page: Page): Promise<void> {
  await waitForScreen(page, 'pause');
  expect(await heading(page)).toBe('Leave this round?');
  expect(await page.$eval('#a11y > [role="status"]', (element) => element.textContent)).toMatch(
    /^Leave this round\? Question \d+ of 10\. If you leave, this round ends here and its score is not saved\./,
  );
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep playing');
}

type Way = 'Escape' | 'keyboard' | 'pointer';

/** Takes one way out of the current screen. */
async function leaveBy(page: Page, way: Way): Promise<void> {
  if (way === 'Escape') await page.keyboard.press('Escape');
  else if (way === 'keyboard') {
    await page.focus('#a11y button[data-name="Back to title"]');
    await page.keyboard.press('Enter');
  } else await clickCanvasButton(page, '#a11y button[data-name="Back to title"]');
}

/** Leaves the round for good from the question screen asked about, and checks nothing of it stays. */
async function leaveForGood(page: Page): Promise<void> {
  await page.focus('#a11y button[data-name="Quit to title"]');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Leave the round');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'title');
  expect(await savedScores(page)).toEqual([]);
  // Settings and back lead to the title, never to the round that was left.
  await page.keyboard.press('s');
  await waitForScreen(page, 'settings');
  await page.keyboard.press('Escape');
  await waitForScreen(page, 'title');
}

describe('leaving a round', () => {
  it('asks first from the question (Back to title pauses the clock) and comes back to the same question', async () => {
    const page = await openGame(chromium.browser, url);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    for (const way of ['keyboard', 'pointer'] as const) {
      const prompt = await page.$eval('#a11y h2', (element) => element.textContent);
      await leaveBy(page, way);
      await asked(page);
      // The question is hidden while asking, as in a pause.
      expect(await page.$('#a11y [role="group"][aria-label="Answers"]')).toBeNull();
      if (way === 'keyboard') expect(await axeAllProblems(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await waitForScreen(page, 'question');
      expect(await page.$eval('#a11y h2', (element) => element.textContent)).toBe(prompt);
    }
    await leaveBy(page, 'keyboard');
    await asked(page);
    await leaveForGood(page);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('asks first from the answer screen, by Escape, key and pointer, and Keep playing returns to it', async () => {
    const page = await openGame(chromium.browser, url, PHONE);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    await page.keyboard.press('1');
    await waitForScreen(page, 'reveal');
    for (const way of ['Escape', 'keyboard', 'pointer'] as const) {
      await leaveBy(page, way);
      await asked(page);
      if (way === 'pointer') await clickCanvasButton(page, '#a11y button[data-name="Resume"]');
      else {
        await page.keyboard.press('Enter');
      }
      await waitForScreen(page, 'reveal');
      expect(await heading(page)).toBe('Answer to question 1 of 10');
    }
    await leaveBy(page, 'Escape');
    await asked(page);
    await leaveForGood(page);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('asks first from the claim and the wager in Fact-check, and returns to each', async () => {
    const page = await openGame(chromium.browser, url, PROJECTOR);
    await page.keyboard.press('f');
    await page.waitForSelector('#a11y[data-screen="claim"], #a11y[data-screen="question"]');
    if ((await page.$eval('#a11y', (element) => (element as HTMLElement).dataset.screen)) === 'claim') {
      for (const way of ['Escape', 'pointer'] as const) {
        await leaveBy(page, way);
        await asked(page);
        await page.keyboard.press('Escape');
        await waitForScreen(page, 'claim');
      }
      await page.keyboard.press('2');
    }
    await waitForScreen(page, 'question');
    await page.keyboard.press('1');
    await waitForScreen(page, 'wager');
    for (const way of ['Escape', 'keyboard'] as const) {
      await leaveBy(page, way);
      await asked(page);
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'wager');
    }
    await leaveBy(page, 'pointer');
    await asked(page);
    await leaveForGood(page);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('takes a timer changed in Settings during a round from the current question, and says so', async () => {
    const page = await openGame(chromium.browser, url);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    const prompt = await page.$eval('#a11y h2', (element) => element.textContent);
    expect(await page.$eval('#a11y [role="timer"]', (element) => element.textContent)).toMatch(/seconds left$/);
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'pause');
    await page.focus('#a11y button[data-name="Settings"]');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'settings');
    for (let step = 0; step < 6; step += 1) {
      const label = await page.$eval('#a11y button[data-name="time"]', (element) => element.textContent ?? '');
      if (label.includes('Off')) break;
      await page.focus('#a11y button[data-name="time"]');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (before) => document.querySelector('#a11y button[data-name="time"]')?.textContent !== before,
        label,
      );
    }
    expect(await page.$eval('#a11y > [role="status"]', (element) => element.textContent)).toBe(
      'Time per question: Off: no timer. It applies from the current question.',
    );
    // Speed points need the timer: locked, and marked so.
    expect(await page.getAttribute('#a11y button[data-name="speedPoints"]', 'aria-disabled')).toBe('true');
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'pause');
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'question');
    expect(await page.$eval('#a11y h2', (element) => element.textContent)).toBe(prompt);
    expect(await page.$eval('#a11y [role="timer"]', (element) => element.textContent)).toBe('No time limit');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('asks first in a class round too, where the clock keeps running, and Keep playing returns to the question', async () => {
    const created = await fetch(new URL('api/classes', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ questionCount: 2, timeLimitSec: 60, topics: [], scoring: 'speed' }),
    });
    expect(created.status).toBe(201);
    const code = ((await created.json()) as { class: { code: string } }).class.code;
    const page = await openGame(chromium.browser, url);
    await page.goto(new URL(`?class=${code}`, url).href);
    await page.waitForFunction(() => document.body.dataset.classMode === 'name', undefined, { timeout: 20_000 });
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'class-question', 20_000);
    const prompt = await page.$eval('#a11y h2', (element) => element.textContent);
    for (const way of ['Escape', 'pointer'] as const) {
      await leaveBy(page, way);
      await waitForScreen(page, 'class-wait');
      expect(await page.$eval('#a11y h2', (element) => element.textContent)).toBe('Leave the class round?');
      expect(await page.$eval('#a11y > [role="status"]', (element) => element.textContent)).toMatch(
        /^Leave the class round\? The class’s clock keeps running while you are away\./,
      );
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep playing');
      if (way === 'Escape') {
        expect(await axeAllProblems(page)).toEqual([]);
        await page.keyboard.press('Escape');
      } else await page.keyboard.press('Enter');
      await waitForScreen(page, 'class-question');
      expect(await page.$eval('#a11y h2', (element) => element.textContent)).toBe(prompt);
    }
    await page.keyboard.press('1');
    await waitForScreen(page, 'class-reveal', 20_000);
    await leaveBy(page, 'keyboard');
    await waitForScreen(page, 'class-wait');
    await page.focus('#a11y button[data-name="Quit to title"]');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'title');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
