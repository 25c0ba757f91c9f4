/**
 * Rounds narrowed to kinds of question on the Topics screen, with the keyboard, kept over a reload; and the as-of
 * date the reveal names under a fact that can change, on a phone with 150 % text and on a projector.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { asOfNote } from '../../src/core/dates';
import { KIND_TITLES } from '../../src/core/round';
import { PREFERENCES_KEY } from '../../src/storage/PreferencesStore';
import { openGame, pageErrors, PHONE, PROJECTOR, screenshot, waitForScreen, type Viewport } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();

interface BankQuestion {
  id: string;
  prompt: string;
  kind?: string;
  asOf?: string;
}
let questions: BankQuestion[];

beforeAll(async () => {
  questions = ((await (await fetch(new URL('bank.json', url))).json()) as { questions: BankQuestion[] }).questions;
});
const button = (name: string) => `#a11y button[data-name="${name}"]`;

function openWithSettings(settings: object, viewport: Viewport): Promise<Page> {
  return openGame(chromium.browser, url, viewport, (page) =>
    page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
      PREFERENCES_KEY,
      JSON.stringify({ time: 'off', questionCount: 5, motion: 'reduce', ...settings }),
    ] as const),
  );
}

/** Presses a button of the accessible layer with the keyboard. */
async function press(page: Page, name: string): Promise<void> {
  await page.focus(button(name));
  await page.keyboard.press('Enter');
}

/** From the title to the Topics screen's kinds of question, by the keyboard. */
async function openKinds(page: Page): Promise<void> {
  await page.keyboard.press('s');
  await waitForScreen(page, 'settings');
  await press(page, 'topics');
  await waitForScreen(page, 'topics');
  await press(page, 'view-kinds');
  await page.waitForSelector(button('all-kinds'));
}

async function overflow(page: Page): Promise<string | undefined> {
  return page.$eval('#a11y', (element) => (element as HTMLElement).dataset.overflow);
}

/** The shipped question on screen, found by its prompt. */
async function questionOnScreen(page: Page): Promise<BankQuestion> {
  const prompt = await page.$eval('#a11y h2', (element) => element.textContent);
  const question = questions.find((candidate) => candidate.prompt === prompt);
  if (!question) throw new Error(`The question on screen is not in the bank: ${prompt}`);
  return question;
}

describe('choosing kinds of question', () => {
  it('narrows a round to one kind with the keyboard, shows the counts, and keeps the choice', async () => {
    const page = await openWithSettings({}, PROJECTOR);
    await openKinds(page);
    expect(await page.$eval(button('view-kinds'), (element) => element.getAttribute('aria-pressed'))).toBe('true');

    const whoSpeaks = questions.filter((question) => question.kind === 'who-speaks').length;
    expect(whoSpeaks).toBeGreaterThan(5);
    expect(await page.$eval(button('who-speaks'), (element) => element.textContent)).toBe(
      `${KIND_TITLES['who-speaks']}, ${whoSpeaks} questions`,
    );
    await press(page, 'who-speaks');
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.getAttribute('aria-pressed') === 'true',
      button('who-speaks'),
    );
    expect(await page.$eval(button('all-kinds'), (element) => element.getAttribute('aria-pressed'))).toBe('false');
    expect(await page.$eval('#a11y [data-name="note"]', (element) => element.textContent)).toMatch(
      /^1 of \d+ kinds in play\.$/,
    );
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.name)).toBe('who-speaks');
    await screenshot(page, 'kinds-projector');

    await page.keyboard.press('Escape');
    await waitForScreen(page, 'settings');
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'title');
    await page.keyboard.press('Enter');
    for (let number = 1; number <= 5; number += 1) {
      await waitForScreen(page, 'question');
      expect((await questionOnScreen(page)).kind).toBe('who-speaks');
      await page.keyboard.press('1');
      await waitForScreen(page, 'reveal');
      await page.keyboard.press('Enter');
    }
    await waitForScreen(page, 'results');

    // Kept with the player's other settings (parsePreferences reads it back on the next visit).
    const saved = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), PREFERENCES_KEY))!) as {
      kinds: string[];
    };
    expect(saved.kinds).toEqual(['who-speaks']);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('lays the kinds out on a phone with 150 % text, nothing cut off', async () => {
    const page = await openWithSettings({ textScale: 1.5, kinds: ['compare', 'who-speaks'] }, PHONE);
    await openKinds(page);
    // The settings row it was opened from says the round is narrowed, and fitted.
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'settings');
    expect(await page.$eval(button('topics'), (element) => element.textContent)).toBe('Topics: All 7, 2 kinds ›');
    expect(await overflow(page)).toBeUndefined();
    await screenshot(page, 'settings-kinds-phone-text150');
    await press(page, 'topics');
    await waitForScreen(page, 'topics');
    await press(page, 'view-kinds');
    await page.waitForSelector(button('all-kinds'));
    const pressed = await page.$$eval('#a11y [role="group"][aria-label="Kinds of question"] button', (buttons) =>
      buttons.filter((element) => element.getAttribute('aria-pressed') === 'true').map((b) => b.dataset.name),
    );
    expect(pressed.sort()).toEqual(['compare', 'who-speaks']);
    expect(await overflow(page)).toBeUndefined();
    await screenshot(page, 'kinds-phone-text150');
    await page.context().close();
  });
});

describe('the as-of date in the reveal', () => {
  it.each([
    ['a phone with 150 % text', PHONE, 1.5],
    ['a projector', PROJECTOR, 1],
  ])('is named on %s for a question with asOf, and only then', async (_name, viewport, textScale) => {
    // The topic where most facts are dated: deadlines and the deal of 2025.
    const page = await openWithSettings({ textScale, topics: ['delays-and-deal-2025'] }, viewport);
    await page.keyboard.press('Enter');
    let dated = 0;
    for (let number = 1; number <= 5; number += 1) {
      await waitForScreen(page, 'question');
      const question = await questionOnScreen(page);
      await page.keyboard.press('1');
      await waitForScreen(page, 'reveal');
      const note = await page.$$eval('#a11y section[aria-label="Source"] [data-name="as-of"]', (elements) =>
        elements.map((element) => element.textContent),
      );
      expect(note).toEqual(question.asOf ? [asOfNote(question)] : []);
      if (question.asOf) {
        dated += 1;
        expect(await overflow(page)).toBeUndefined();
        if (dated === 1) await screenshot(page, `reveal-as-of-${viewport.width}`);
      }
      await page.keyboard.press('Enter');
    }
    expect(dated).toBeGreaterThan(0);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
