/**
 * Check yourself, played with the keyboard only: check A from the title, check B when the player asks for it, and
 * the figures on Your checks against those computed from the answers given.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { CheckSet } from '../../src/core/checkItems';
import { countOutcomes, detectionMeasures, type CheckResponse, type Confidence } from '../../src/core/discernment';
import { readPlayerChange } from '../../src/core/selfCheck';
import type { SavedCheck } from '../../src/core/savedChecks';
import { signedFigure } from '../../src/game/selfChecks';
import { openGame, pageErrors, PHONE, PROJECTOR, screenshot, waitForScreen, type Viewport } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();
let checks: CheckSet;

beforeAll(async () => {
  checks = (await (await fetch(new URL('checks.json', url))).json()) as CheckSet;
});
const CONFIDENCE_KEY: Record<Confidence, string> = { sure: 's', 'think-so': 't', guessing: 'g' };

async function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (elements) => elements.map((element) => element.textContent ?? ''));
}

/**
 * Takes the check on screen with the keyboard: `judge` says, from the claim's truth and its position, whether to
 * call it accurate, and how sure to be. Returns the answers as the measure counts them.
 */
async function takeCheck(
  page: Page,
  judge: (accurate: boolean, position: number) => { accurate: boolean; confidence: Confidence },
  shots?: string,
): Promise<CheckResponse[]> {
  await waitForScreen(page, 'check');
  await page.waitForSelector('#a11y button[data-name="Start"]');
  if (shots) await screenshot(page, `${shots}-intro`);
  await page.keyboard.press('Enter');
  const responses: CheckResponse[] = [];
  for (let position = 0; position < 12; position += 1) {
    // The claim's screen is built once the check is there: its progress and its two judgements.
    await page.waitForFunction(
      (progress) =>
        document.querySelector('#a11y [aria-label="Progress"]')?.textContent?.startsWith(progress) === true &&
        document.querySelector('#a11y button[data-name="judge-accurate"]') !== null,
      `Claim ${position + 1} of 12`,
    );
    const statement = await page.$eval('#a11y h2[data-name="claim"]', (element) => element.textContent ?? '');
    const item = checks.items.find((candidate) => candidate.statement === statement);
    if (!item) throw new Error(`The claim on screen is not in checks.json: ${statement}`);
    const answer = judge(item.accurate, position);
    if (shots && position === 0) await screenshot(page, `${shots}-claim`);
    await page.keyboard.press(answer.accurate ? 'a' : 'n');
    await page.waitForSelector('#a11y button[data-name="confidence-sure"]');
    // Nothing is marked until the check is over.
    expect((await page.textContent('#a11y')) ?? '').not.toMatch(/right|wrong|✔|✘/i);
    if (shots && position === 0) await screenshot(page, `${shots}-confidence`);
    await page.keyboard.press(CONFIDENCE_KEY[answer.confidence]);
    responses.push({
      itemId: item.id,
      itemAccurate: item.accurate,
      judgement: answer.accurate ? 'accurate' : 'not-accurate',
      confidence: answer.confidence,
    });
  }
  await waitForScreen(page, 'check-report');
  await page.waitForSelector('#a11y [data-name="figure"]');
  return responses;
}

function expectedLines(responses: CheckResponse[]): string[] {
  const outcomes = countOutcomes(responses);
  const measures = detectionMeasures(outcomes);
  return [
    `Accurate claims you called accurate (hits): ${outcomes.hits} of 6.`,
    `Inaccurate claims you called accurate (false alarms): ${outcomes.falseAlarms} of 6.`,
    `Discernment d′ ${signedFigure(measures.dPrime)} · response bias c ${signedFigure(measures.c)}`,
  ];
}

function saved(form: 'A' | 'B', answers: CheckResponse[]): SavedCheck {
  return { form, takenAt: 0, roundsBefore: 0, answers };
}

async function openWith(viewport: Viewport, settings: object): Promise<Page> {
  return openGame(chromium.browser, url, viewport, (page) =>
    page.addInitScript((value) => localStorage.setItem('source-check:settings:v1', value), JSON.stringify(settings)),
  );
}

describe('check yourself', () => {
  it('takes check A and check B with the keyboard only, and reports the figures of the answers given', async () => {
    const page = await openWith(PROJECTOR, { questionCount: 5 });
    expect(await page.$eval('#a11y button[data-name="Check yourself"]', (b) => b.textContent)).toContain('first');
    await page.keyboard.press('c');
    // Check A: a fair judge, sure of the first four; four accurate claims and two inaccurate ones called accurate.
    let seenAccurate = 0;
    let seenInaccurate = 0;
    const before = await takeCheck(page, (accurate, position) => ({
      accurate: accurate ? seenAccurate++ < 4 : seenInaccurate++ < 2,
      confidence: position < 4 ? 'sure' : 'guessing',
    }));
    const figuresA = await texts(page, '#a11y [data-name="figure"]');
    for (const line of expectedLines(before)) {
      expect(
        figuresA.some((text) => text.startsWith(line)),
        `${line} in ${figuresA.join(' | ')}`,
      ).toBe(true);
    }

    // Check B, when the player asks: back on the title, the entry opens check B's introduction.
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'title');
    await page.keyboard.press('c');
    const after = await takeCheck(page, (accurate) => ({ accurate, confidence: 'think-so' }));
    const figures = await texts(page, '#a11y [data-name="figure"]');
    for (const line of [...expectedLines(before), ...expectedLines(after)]) {
      expect(
        figures.some((text) => text.startsWith(line)),
        `${line} in ${figures.join(' | ')}`,
      ).toBe(true);
    }
    const change = readPlayerChange(saved('A', before), saved('B', after))!;
    expect(change.reading).toBe('better-discernment');
    const reading = figures.find((text) => text.includes(change.words))!;
    expect(reading).toContain(`d′ +${signedFigure(change.dPrime)}`);
    expect(reading).toContain('small sample');
    expect(await texts(page, '#a11y h3')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Check A · Before/), 'Before → after']),
    );

    // The evidence of every claim can be opened once the check is over.
    await page.focus('#a11y button[data-name="claims-B"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#a11y section[aria-label="Source"] .excerpt');
    expect(await texts(page, '#a11y [data-name="verdict"]')).toEqual([expect.stringMatching(/✔ right/)]);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('#a11y h2')?.textContent?.startsWith('Claim 2 of 12'));
    // The round's report shows the same figures, per check taken.
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'check-report');
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'title');
    await page.keyboard.press('Enter');
    for (let question = 1; question <= 5; question += 1) {
      await waitForScreen(page, 'question');
      await page.waitForSelector('#a11y [role="group"][aria-label="Answers"] button');
      await page.keyboard.press('1');
      await waitForScreen(page, 'reveal');
      await page.keyboard.press('Enter');
    }
    await waitForScreen(page, 'results');
    await page.keyboard.press('y');
    await waitForScreen(page, 'report');
    const report = await page.$eval('#a11y section[aria-label="Your report"]', (element) => element.textContent ?? '');
    for (const line of [...expectedLines(before), ...expectedLines(after)]) expect(report).toContain(line);
    expect(report).toContain(change.words);
    expect(pageErrors(page)).toEqual([]);
    // Kept on the device: a new visit shows the same checks.
    await page.reload();
    await waitForScreen(page, 'title');
    expect(await page.$eval('#a11y button[data-name="Check yourself"]', (b) => b.textContent)).toBe('Check yourself');
    await page.context().close();
  });

  it('drops saved checks that cannot be read, with a notice, and plays on', async () => {
    const answers = Array.from({ length: 12 }, (_, index) => ({
      itemId: `item-${index}`,
      itemAccurate: index % 2 === 0,
      judgement: 'accurate',
      confidence: 'sure',
    }));
    const saved = JSON.stringify({
      taken: [{ form: 'A', takenAt: 0, roundsBefore: 0, answers }, { form: 'Z' }],
      roundsFinished: 0,
    });
    const page = await openGame(chromium.browser, url, PROJECTOR, (p) =>
      p.addInitScript((value) => localStorage.setItem('source-check:self-checks:v1', value), saved),
    );
    await page.keyboard.press('c');
    await waitForScreen(page, 'check');
    await page.waitForSelector('#a11y button[data-name="Your checks"]');
    await page.focus('#a11y button[data-name="Your checks"]');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'check-report');
    expect(await texts(page, '#a11y [data-name="notice"]')).toEqual([
      'Some saved answers could not be read and were dropped: saved check 2 has no form A, B or C (found "Z").',
    ]);
    // Check A, kept: six accurate claims called accurate, six inaccurate ones too.
    expect(await texts(page, '#a11y [data-name="figure"]')).toEqual(
      expect.arrayContaining(['Accurate claims you called accurate (hits): 6 of 6.']),
    );
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['phone-150', PHONE, { textScale: 1.5 }],
    ['phone-150-contrast', PHONE, { textScale: 1.5, highContrast: true }],
    ['projector', PROJECTOR, {}],
    ['projector-contrast', PROJECTOR, { highContrast: true }],
  ])('fits its screens on %s', async (name, viewport, settings) => {
    const page = await openWith(viewport, settings);
    await screenshot(page, `check-${name}-title`);
    await page.keyboard.press('c');
    await takeCheck(
      page,
      (accurate, position) => ({ accurate: position % 3 === 0 ? !accurate : accurate, confidence: 'sure' }),
      `check-${name}`,
    );
    await screenshot(page, `check-${name}-report`);
    await page.focus('#a11y button[data-name="claims-A"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#a11y section[aria-label="Source"] .excerpt');
    await screenshot(page, `check-${name}-evidence`);
    expect(await page.evaluate(() => document.querySelector('#a11y')?.getAttribute('data-overflow') ?? '')).toBe('');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
