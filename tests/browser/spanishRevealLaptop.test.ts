/**
 * Every question's reveal in Spanish on a laptop (1366×768) at 150 % text, after a wrong answer (the longest:
 * feedback and all), by the same layout checks as the English walks (revealWalk.ts). Spanish runs about a quarter
 * longer than English, so this is where a reveal's words most need the room.
 */
import { describe, expect, inject, it } from 'vitest';
import { pageErrors } from './game';
import { classicReveals, LAPTOP, openAtLargestText, questions, walkReveals } from './revealWalk';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();

describe('every reveal in Spanish on a laptop at 150 % text', () => {
  // The fact-check reveals are left out as in the English laptop walk (revealLayout.test.ts): two cards side by side
  // leave the explanation too little room at 150 % text in either language (docs/benchmarks.md).
  it('fits every question’s reveal with nothing cut off', { timeout: 480_000 }, async () => {
    expect(classicReveals).toHaveLength(questions.length);
    const page = await openAtLargestText(chromium.browser, url, LAPTOP, 'es-MX');
    const problems = await walkReveals(page, [...classicReveals], false);
    // The last reveal walked was in Spanish, its quote with the unofficial rendering under it.
    expect(await page.$eval('#a11y', (a11y) => a11y.textContent)).toContain('Traducción no oficial: ');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es-US');
    expect([...problems, ...pageErrors(page)]).toEqual([]);
    await page.context().close();
  });
});
