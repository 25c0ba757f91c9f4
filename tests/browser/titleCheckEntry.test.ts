/**
 * The title's Check yourself entry says on its first build which check is open: the first check before any round,
 * check B once five rounds followed check A, check C a week after B, and nothing due otherwise. The title reads
 * this from the device without the check's rules (src/core/savedChecks.ts), so it is right from the first frame.
 */
import { describe, expect, inject, it } from 'vitest';
import { openGame, PROJECTOR } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();
const DAY_MS = 24 * 60 * 60 * 1000;

const answers = Array.from({ length: 12 }, (_, index) => ({
  itemId: `item-${index}`,
  itemAccurate: index % 2 === 0,
  judgement: 'accurate',
  confidence: 'sure',
}));
const taken = (form: string, takenAt: number, roundsBefore: number) => ({ form, takenAt, roundsBefore, answers });

/** The entry's accessible text on the first title, with `saved` as the device's checks. */
async function checkEntryWith(saved: object | undefined): Promise<string> {
  const page = await openGame(chromium.browser, url, PROJECTOR, (p) =>
    saved
      ? p.addInitScript((value) => localStorage.setItem('source-check:self-checks:v1', value), JSON.stringify(saved))
      : Promise.resolve(),
  );
  const entry = await page.$eval('#a11y button[data-name="Check yourself"]', (button) => button.textContent ?? '');
  await page.context().close();
  return entry;
}

describe('the title’s Check yourself entry', () => {
  it('offers the first check before any round', async () => {
    expect(await checkEntryWith(undefined)).toMatch(/^Check yourself first: twelve claims before your first round/);
  });

  it('says check B is due five rounds after check A, and not before', async () => {
    const due = await checkEntryWith({ taken: [taken('A', Date.now() - DAY_MS, 0)], roundsFinished: 5 });
    expect(due).toBe('Check yourself: check B is due');
    const early = await checkEntryWith({ taken: [taken('A', Date.now() - DAY_MS, 0)], roundsFinished: 4 });
    expect(early).toBe('Check yourself');
  });

  it('says check C is due a week after check B', async () => {
    const weekAgo = Date.now() - 8 * DAY_MS;
    const due = await checkEntryWith({
      taken: [taken('A', weekAgo - DAY_MS, 0), taken('B', weekAgo, 5)],
      roundsFinished: 6,
    });
    expect(due).toBe('Check yourself: check C is due');
  });
});
