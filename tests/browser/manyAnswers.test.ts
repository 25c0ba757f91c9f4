/**
 * A teacher's questions with five and six answers, loaded through "Your questions" and played on a phone and a
 * projector: keys 5 and 6, E and F, and a tap on the last tile, with every answer in the "Answers" group and on
 * the screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PREFERENCES_KEY } from '../../src/storage/PreferencesStore';
import {
  answerButtons,
  clickCanvasButton,
  labelled,
  openGame,
  pageErrors,
  PHONE,
  PROJECTOR,
  screenshot,
  titleEntry,
  waitForScreen,
  type Viewport,
} from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();
/** Five answers and six, each with its right one; long enough answers to need their tiles' room. */
const MANY_ANSWERS = [
  '::Five answers:: Which document set the first TikTok deadline of 45 days? {',
  '  =Executive Order 13942',
  '  ~Executive Order 13873',
  '  ~The Protecting Americans from Foreign Adversary Controlled Applications Act',
  '  ~The Supreme Court opinion',
  '  ~A company press release',
  '}',
  '',
  '::Six answers:: Which of these is a primary source? {',
  '  ~A newspaper summary',
  '  ~A blog post about the order',
  '  ~A video explaining the ban',
  '  ~A textbook chapter',
  '  ~A social media thread',
  '  =The text of the executive order',
  '}',
  '',
].join('\n');
const RIGHT: Record<string, string> = {
  'Which document set the first TikTok deadline of 45 days?': 'Executive Order 13942',
  'Which of these is a primary source?': 'The text of the executive order',
};

const button = (name: string) => `#a11y button[data-name="${name}"]`;

/** The game with the timer off (a round waits for the keys), still motion, and the phone's text at 150 %. */
function open(viewport: Viewport): Promise<Page> {
  const textScale = viewport === PHONE ? 1.5 : 1;
  return openGame(chromium.browser, url, viewport, (page) =>
    page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
      PREFERENCES_KEY,
      JSON.stringify({ time: 'off', motion: 'reduce', textScale }),
    ] as const),
  );
}

async function loadManyAnswers(page: Page): Promise<void> {
  page.on('filechooser', () => undefined);
  await clickCanvasButton(page, await titleEntry(page, 'Your questions'));
  await waitForScreen(page, 'custom-banks');
  await page.waitForSelector(button('load-file'));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickCanvasButton(page, button('load-file'))]);
  await chooser.setFiles({ name: 'Many answers.gift', mimeType: 'text/plain', buffer: Buffer.from(MANY_ANSWERS) });
  await waitForScreen(page, 'custom-bank');
  expect(await page.$eval('#a11y [data-name="summary"]', (e) => e.textContent)).toBe(
    'Many answers.gift: 2 questions ready to play.',
  );
}

/** Every answer's accessible button lies inside the page, and no text reported that it did not fit. */
async function expectAllShown(page: Page, viewport: Viewport): Promise<void> {
  expect(await page.$eval('#a11y', (e) => (e as HTMLElement).dataset.overflow)).toBeUndefined();
  const boxes = await page.$$eval('#a11y [role="group"][aria-label="Answers"] button', (buttons) =>
    buttons.map((element) => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    }),
  );
  for (const box of boxes) {
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(viewport.width);
    expect(box.bottom).toBeLessThanOrEqual(viewport.height);
  }
  // No two tiles overlap.
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      expect(apart).toBe(true);
    }
  }
}

/**
 * Plays one round of the two questions, answering the five-answer question with `fifth` and the six-answer one
 * with `sixth` (a key, or 'tap' for a click on the last tile), and checks the reveal names the tile chosen.
 */
async function playRound(page: Page, viewport: Viewport, keys: { fifth: string; sixth: string }, shots: string) {
  for (let number = 1; number <= 2; number += 1) {
    await waitForScreen(page, 'question');
    const prompt = (await page.$eval('#a11y h2', (e) => e.textContent))!;
    const shown = await answerButtons(page);
    const count = shown.length;
    expect([5, 6]).toContain(count);
    expect(new Set(shown).size).toBe(count);
    expect(shown).toContain(RIGHT[prompt]);
    await expectAllShown(page, viewport);
    if (shots) await screenshot(page, `${shots}-${count}-answers`);
    const how = count === 5 ? keys.fifth : keys.sixth;
    if (how === 'tap') {
      await clickCanvasButton(page, `#a11y [role="group"][aria-label="Answers"] button:nth-of-type(${count})`);
    } else {
      await page.keyboard.press(how);
    }
    await waitForScreen(page, 'reveal');
    const chosen = shown[count - 1]!;
    const outcome = await labelled(page, 'Outcome');
    expect(outcome).toEqual(
      chosen === RIGHT[prompt]
        ? expect.stringMatching(/^Correct, plus \d+ points\./)
        : // The score follows the verdict, as on the canvas.
          expect.stringContaining(`Not quite. You picked ${chosen}. The answer is: ${RIGHT[prompt]}. Score: `),
    );
    expect(await page.$eval('#a11y', (e) => (e as HTMLElement).dataset.overflow)).toBeUndefined();
    await page.keyboard.press('Enter');
  }
  await waitForScreen(page, 'results');
}

describe('a teacher’s questions with five and six answers', () => {
  for (const viewport of [PHONE, PROJECTOR]) {
    const size = `${viewport.width}x${viewport.height}`;
    it(
      `plays with 5 and 6, E and F, and a tap on the last tile at ${size}${viewport === PHONE ? ', text 150 %' : ''}`,
      { timeout: 180_000 },
      async () => {
        const page = await open(viewport);
        await loadManyAnswers(page);
        await page.keyboard.press('Enter');
        await playRound(page, viewport, { fifth: '5', sixth: '6' }, `many-answers-${size}`);
        await page.keyboard.press('r');
        await playRound(page, viewport, { fifth: 'e', sixth: 'F' }, '');
        await page.keyboard.press('r');
        await playRound(page, viewport, { fifth: 'tap', sixth: 'tap' }, '');
        expect(pageErrors(page)).toEqual([]);
        await page.context().close();
      },
    );
  }
});
