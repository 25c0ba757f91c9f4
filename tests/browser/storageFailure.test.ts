/**
 * Saving that fails in the middle of a visit (storage full, or blocked after the page opened) is said on the results
 * and in the accessible layer, and the round stays on its board for the visit; saved entries no round could give are
 * dropped with a notice naming how many.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { answerQuestions, fiveQuestionRounds, openGame, pageErrors, PHONE, screenshot, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();
const QUESTIONS = 5;

async function playRound(page: Page): Promise<void> {
  await page.keyboard.press('Enter');
  await answerQuestions(page, QUESTIONS);
  await waitForScreen(page, 'results');
}

describe('a save that fails', () => {
  for (const [error, says] of [
    ['QuotaExceededError', "Not saved: this browser's storage for the game is full."],
    ['SecurityError', 'Not saved: this browser does not let the game save.'],
  ] as const) {
    it(`says so and keeps the score for the visit (${error})`, async () => {
      const page = await openGame(chromium.browser, url, PHONE, fiveQuestionRounds);
      // Storage worked when the page opened, and fails from now on.
      await page.evaluate((name) => {
        Storage.prototype.setItem = () => {
          throw new DOMException('The write failed', name);
        };
      }, error);
      await playRound(page);
      const notice = await page.$eval('#a11y [data-name="unsaved"]', (element) => ({
        text: element.textContent ?? '',
        role: element.getAttribute('role'),
      }));
      expect(notice.text).toBe(`${says} The score is kept until you close this page.`);
      expect(notice.role).toBe('alert');
      expect(await page.$eval('#a11y [data-name="place"]', (element) => element.textContent)).toBe(
        'Number 1 on your Classic board!',
      );
      await screenshot(page, `results-unsaved-${error}-390x844`);
      expect(await page.evaluate(() => localStorage.getItem('source-check:high-scores:v1'))).toBeNull();
      // The round is on the board for the rest of the visit.
      await page.keyboard.press('h');
      await waitForScreen(page, 'high-scores');
      const rows = await page.$$eval('#a11y ul[aria-label="Classic high scores"] li', (items) =>
        items.map((item) => item.textContent),
      );
      expect(rows[0]).toMatch(/^1\. /);
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('drops saved entries no round could give, and says how many', async () => {
    const page = await openGame(chromium.browser, url, PHONE, (page) =>
      page.addInitScript(() => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        const entry = {
          score: 5_500,
          correct: 5,
          total: 10,
          bestStreak: 3,
          date: '2026-03-14T10:00:00.000Z',
          questionCount: 10,
          timeLimitSec: 20,
          speedPoints: true,
          nickname: 'Real Otter',
        };
        localStorage.setItem(
          'source-check:high-scores:v1',
          JSON.stringify([
            entry,
            { ...entry, score: 999_999_999, nickname: 'Edited' },
            { ...entry, correct: 12, nickname: 'Edited' },
            { ...entry, date: '2999-01-01T00:00:00.000Z', nickname: 'Edited' },
          ]),
        );
      }),
    );
    expect(await page.$eval('#a11y [data-name="notice"]', (element) => element.textContent)).toBe(
      '3 saved high scores could not have come from any round of this game, so they were dropped as damaged.',
    );
    await screenshot(page, 'title-dropped-scores-390x844');
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('source-check:high-scores:v1')!));
    expect(kept.map((entry: { nickname: string }) => entry.nickname)).toEqual(['Real Otter']);
    // Said once: the next visit to the title is quiet.
    await page.keyboard.press('h');
    await waitForScreen(page, 'high-scores');
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'title');
    expect(await page.$('#a11y [data-name="notice"]')).toBeNull();
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
