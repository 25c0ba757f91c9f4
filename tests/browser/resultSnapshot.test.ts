/**
 * The spoiler-free results view in Chromium: reached from the results (button or V), it shows the score, the
 * right/wrong squares, the mode and the day, and no question or answer of the round; Done goes back.
 */
import { describe, expect, inject, it } from 'vitest';
import {
  answerQuestions,
  fetchBank,
  fiveQuestionRounds,
  openGame,
  pageErrors,
  PHONE,
  PROJECTOR,
  screenshot,
  waitForScreen,
} from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();
const QUESTIONS = 5;

describe('the results to screenshot', () => {
  for (const [viewport, size] of [
    [PHONE, '390x844'],
    [PROJECTOR, '1366x768'],
  ] as const) {
    it(`show the score and the squares and give no question away (${size})`, async () => {
      const page = await openGame(chromium.browser, url, viewport, fiveQuestionRounds);
      const bank = await fetchBank(url);
      await page.keyboard.press('Enter');
      const prompts = await answerQuestions(page, QUESTIONS, (number) => String((number % 2) + 1));
      await waitForScreen(page, 'results');
      const score = await page.$eval('#a11y [data-name="final-score"]', (element) => element.textContent ?? '');
      await page.$eval('#a11y button[data-name="Screenshot view"]', (button) => (button as HTMLElement).click());
      await page.waitForSelector('#a11y [data-name="pattern"]');
      await screenshot(page, `results-screenshot-view-${size}`);
      const shown = await page.$eval('#a11y', (element) => element.textContent ?? '');
      const points = Number(/(\d+) points/.exec(score)![1]);
      expect(shown).toContain(`${points.toLocaleString('en-US')} points`);
      expect(shown).toMatch(/Classic · \d{1,2} [A-Z][a-z]+ \d{4}/);
      expect(await page.$eval('#a11y [data-name="pattern"]', (element) => element.textContent)).toMatch(
        /^Question by question: (?:(?:right|wrong|time's up)(?:, |\.$)){5}/,
      );
      // Nothing of the questions: no prompt and no choice of the round is on the screen.
      for (const prompt of prompts) {
        expect(shown).not.toContain(prompt);
        const question = bank.questions.find((candidate) => candidate.prompt === prompt)!;
        for (const choice of question.choices) expect(shown).not.toContain(choice.text);
      }
      // Done (or Escape) goes back to the full results; V opens the view from there.
      await page.keyboard.press('Escape');
      await page.waitForSelector('#a11y [data-name="place"]');
      await page.keyboard.press('v');
      await page.waitForSelector('#a11y [data-name="pattern"]');
      await page.$eval('#a11y button[data-name="Done"]', (button) => (button as HTMLElement).click());
      await page.waitForSelector('#a11y [data-name="place"]');
      // Back on the results, the focus is on the button that opened the view.
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.name)).toBe(
        'Screenshot view',
      );
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });
  }
});
