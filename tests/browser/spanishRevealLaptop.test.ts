/**
 * Every question's reveal in Spanish on a laptop (1366×768) at 150 % text, after a wrong answer (the longest:
 * feedback and all), and each claim's fact-check reveal, by the same layout checks as the English walks (revealWalk.ts). Spanish runs about a quarter
 * longer than English, so this is where a reveal's words most need the room.
 */
import { describe, expect, inject, it } from 'vitest';
import { pageErrors } from './game';
import { everyReveal, LAPTOP, openAtLargestText, questions, walkReveals } from './revealWalk';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();

describe('every reveal in Spanish on a laptop at 150 % text', () => {
  it(
    'fits every question’s reveal and every claim’s fact-check reveal with nothing cut off',
    { timeout: 480_000 },
    async () => {
      expect(everyReveal.length).toBeGreaterThan(questions.length);
      const page = await openAtLargestText(chromium.browser, url, LAPTOP, 'es-MX');
      const problems = await walkReveals(page, [...everyReveal], false);
      // The last reveal walked was in Spanish, its quote with the unofficial rendering under it.
      expect(await page.$eval('#a11y', (a11y) => a11y.textContent)).toContain('Traducción no oficial: ');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('es-US');
      expect([...problems, ...pageErrors(page)]).toEqual([]);
      await page.context().close();
    },
  );
});
