/**
 * The first score saved on a device asks for the name to save it under, by keyboard and the accessibility tree
 * alone: the generated name is offered in a real text box and said in the live region, a name that breaks the
 * rules is refused with the reason, Tab reaches Save, the saved entry takes the name, and the next score is saved
 * under it unasked. Escape keeps the offered name; leaving without answering keeps the score under it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { BOARDS } from '../../src/core/highScores';
import { NICKNAME_MESSAGES } from '../../src/core/nicknames';
import { NICKNAME_CHOSEN_KEY, NICKNAME_KEY } from '../../src/storage/NicknameStore';
import { axeAllProblems } from './axe';
import { PHONE, PROJECTOR, screenshot, waitForScreen, type Viewport } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();
/** Rounds of five questions (the shortest the settings offer) keep this short. */
const QUESTIONS = 5;
const errorsOf = new WeakMap<Page, string[]>();

/** A player new to this device (no name chosen), on rounds of five questions. */
async function newPlayer(viewport: Viewport = PROJECTOR): Promise<Page> {
  const context = await chromium.browser.newContext({ viewport });
  await context.addInitScript((count) => {
    if (!localStorage.getItem('source-check:settings:v1')) {
      localStorage.setItem('source-check:settings:v1', JSON.stringify({ questionCount: count }));
    }
  }, QUESTIONS);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  errorsOf.set(page, errors);
  await page.goto(url);
  await waitForScreen(page, 'title');
  return page;
}

/** Plays a Classic round from the title (Enter), answering with the keys, up to the results. */
async function playRound(page: Page, start = 'Enter'): Promise<void> {
  await page.keyboard.press(start);
  for (let number = 1; number <= QUESTIONS; number += 1) {
    await waitForScreen(page, 'question');
    await page.keyboard.press(String((number % 3) + 1));
    await waitForScreen(page, 'reveal');
    await page.keyboard.press('Enter');
  }
  await waitForScreen(page, 'results');
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | HTMLElement | null;
    return {
      tag: element?.tagName.toLowerCase(),
      name: element?.getAttribute('aria-label') ?? element?.textContent ?? '',
      value: element instanceof HTMLInputElement ? element.value : undefined,
    };
  });
const status = (page: Page) => page.$eval('#a11y > [role="status"]', (element) => element.textContent ?? '');
const stored = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);
const savedNames = async (page: Page) =>
  (JSON.parse((await stored(page, BOARDS.classic.storageKey)) ?? '[]') as { nickname: string }[]).map(
    (entry) => entry.nickname,
  );

/** Waits for the name field to have focus, then says what it holds. */
async function nameField(page: Page): Promise<string> {
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Your name');
  return (await focused(page)).value ?? '';
}

describe('a name for the first saved score', () => {
  it('is asked for with the generated one offered, refused by the rules, saved by keyboard, then remembered', async () => {
    const page = await newPlayer();
    await playRound(page);
    const offered = await nameField(page);
    expect(offered).toBe(await stored(page, NICKNAME_KEY));
    // The score is already kept, under the offered name, and the live region says the score first, then the question.
    expect(await savedNames(page)).toEqual([offered]);
    expect(await status(page)).toMatch(
      new RegExp(
        `^[\\d,]+ points\\. Number 1 on your Classic board! Save your score under your name: ${offered} is offered\\. Until you choose, it is saved as ${offered}\\.$`,
      ),
    );
    expect(await page.$$eval('#a11y button', (buttons) => buttons.map((b) => b.textContent))).toEqual(
      expect.arrayContaining(['Save', `Keep ${offered}`]),
    );
    expect(await axeAllProblems(page), 'name step').toEqual([]);
    await screenshot(page, 'name-step-1366x768');

    // The offered name is selected: typing replaces it. A name that breaks the rules is refused, with the reason.
    await page.keyboard.type('x');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (refusal) => document.querySelector('#a11y > [role="status"]')?.textContent?.startsWith(refusal),
      NICKNAME_MESSAGES['too-short'],
    );
    expect(await page.textContent('#a11y [data-name="name-hint"]')).toBe(NICKNAME_MESSAGES['too-short']);
    expect(await nameField(page)).toBe('x');
    expect(await stored(page, NICKNAME_CHOSEN_KEY)).toBeNull();
    expect(await savedNames(page)).toEqual([offered]);

    // Another name, then Tab to Save and Enter.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Ada Reads');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', name: 'Save' });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-name') === 'summary');
    expect((await focused(page)).name).toMatch(
      /^[\d,]+ points\. Number 1 on your Classic board! Saved as Ada Reads\.$/,
    );
    expect(await savedNames(page)).toEqual(['Ada Reads']);
    expect(await stored(page, NICKNAME_CHOSEN_KEY)).not.toBeNull();

    // The next score is saved under it, unasked: the results open on the score, and the board has both.
    await playRound(page, 'r');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-name') === 'summary');
    expect(await page.$('#a11y input')).toBeNull();
    expect(await savedNames(page)).toEqual(['Ada Reads', 'Ada Reads']);
    expect(errorsOf.get(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('keeps the offered name on Escape, and keeps the score under it when the player leaves without answering', async () => {
    const page = await newPlayer(PHONE);
    await playRound(page);
    const offered = await nameField(page);
    // On a phone it fits: nothing cut off, every button inside the screen and large enough to tap.
    await screenshot(page, 'name-step-390x844');
    expect(await page.$eval('#a11y', (element) => (element as HTMLElement).dataset.overflow)).toBeUndefined();
    const boxes = await page.$$eval('#a11y button', (buttons) =>
      buttons.map((button) => {
        const box = button.getBoundingClientRect();
        return box.left >= 0 && box.right <= window.innerWidth && box.bottom <= window.innerHeight && box.height >= 24;
      }),
    );
    expect(boxes.every(Boolean)).toBe(true);
    // Leaving without answering (here, closing the page): nothing is lost, and the name is asked for next time.
    await page.reload();
    await waitForScreen(page, 'title');
    expect(await savedNames(page)).toEqual([offered]);
    expect(await stored(page, NICKNAME_CHOSEN_KEY)).toBeNull();

    await playRound(page);
    expect(await nameField(page)).toBe(offered);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-name') === 'summary');
    expect((await focused(page)).name).toContain(`Saved as ${offered}.`);
    expect(await stored(page, NICKNAME_CHOSEN_KEY)).not.toBeNull();
    expect(new Set(await savedNames(page))).toEqual(new Set([offered]));
    await page.context().close();
  }, 120_000);
});
