import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  answerKey,
  clickCanvasButton,
  fetchBank,
  labelled,
  openGame,
  pageErrors,
  PROJECTOR,
  waitForScreen,
  type BankForTests,
} from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();
let bank: BankForTests;
/** The title screen with sound working, to hold the silent ones against. */
let titleWithSound: Buffer | undefined;

beforeAll(async () => {
  bank = await fetchBank(url);
});

/** Keeps every cue the game reports (document.body.dataset.soundCue holds only the last). */
function recordCues(page: Page): Promise<unknown> {
  return page.addInitScript(() => {
    const cues: string[] = [];
    (window as unknown as { cues: string[] }).cues = cues;
    new MutationObserver(() => cues.push(document.body.dataset.soundCue ?? '')).observe(document, {
      subtree: true,
      attributeFilter: ['data-sound-cue'],
    });
  });
}

async function cues(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cues: string[] }).cues);
}

async function audioState(page: Page): Promise<{ hook?: string; context?: string }> {
  return page.evaluate(() => ({
    hook: document.body.dataset.audio,
    context: (window as unknown as { Howler?: { ctx?: AudioContext } }).Howler?.ctx?.state,
  }));
}

async function waitForAudio(page: Page, state: string): Promise<void> {
  await page.waitForFunction((wanted) => document.body.dataset.audio === wanted, state, { timeout: 15_000 });
}

async function soundButtonLabel(page: Page): Promise<string | null> {
  return page.$eval('#a11y button[data-name="Sound"]', (button) => button.textContent);
}

describe('sound', () => {
  it('waits for the first key press, then sounds right, wrong and the last seconds apart', async () => {
    const page = await openGame(chromium.browser, url, PROJECTOR, recordCues);
    await waitForAudio(page, 'suspended');
    expect(await audioState(page)).toEqual({ hook: 'suspended', context: 'suspended' });
    expect(await soundButtonLabel(page)).toBe('Mute sound');

    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    await waitForAudio(page, 'running');
    expect(await audioState(page)).toEqual({ hook: 'running', context: 'running' });

    await page.keyboard.press(await answerKey(page, bank, true));
    await waitForScreen(page, 'reveal');
    await page.waitForFunction(() => document.body.dataset.soundCue === 'correct');
    expect(await labelled(page, 'Outcome')).toMatch(/^Correct/);
    await page.keyboard.press('Enter');

    await waitForScreen(page, 'question');
    await page.keyboard.press(await answerKey(page, bank, false));
    await waitForScreen(page, 'reveal');
    await page.waitForFunction(() => document.body.dataset.soundCue === 'wrong');
    expect(await labelled(page, 'Outcome')).toMatch(/^Not quite/);
    await page.keyboard.press('Enter');

    // A question left to run out: a tick for each of the last five seconds, then time's up.
    await waitForScreen(page, 'question');
    await waitForScreen(page, 'reveal', 60_000);
    const heard = await cues(page);
    expect(heard.slice(0, 2)).toEqual(['select', 'correct']);
    expect(heard).toContain('wrong');
    const lastQuestion = heard.slice(heard.lastIndexOf('wrong') + 1);
    expect(lastQuestion.filter((cue) => cue === 'tick')).toHaveLength(5);
    expect(lastQuestion.at(-1)).toBe('timeUp');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('mutes from every screen, by M or the corner button, and is still muted after a reload', async () => {
    const page = await openGame(chromium.browser, url, PROJECTOR, recordCues);
    await waitForAudio(page, 'suspended');
    await page.keyboard.press('m');
    expect(await soundButtonLabel(page)).toBe('Unmute sound');
    await page.keyboard.press('s');
    await waitForScreen(page, 'settings');
    expect(await soundButtonLabel(page)).toBe('Unmute sound');
    // The corner button, clicked on the canvas, turns it back on; M turns it off again.
    await clickCanvasButton(page, '#a11y button[data-name="Sound"]');
    expect(await soundButtonLabel(page)).toBe('Mute sound');
    await page.keyboard.press('m');
    expect(await soundButtonLabel(page)).toBe('Unmute sound');

    await page.reload();
    await waitForScreen(page, 'title');
    expect(await soundButtonLabel(page)).toBe('Unmute sound');
    await page.keyboard.press('Enter');
    const screens: [string, () => Promise<unknown>][] = [
      ['question', () => page.keyboard.press('p')],
      ['pause', () => page.keyboard.press('Escape')],
      ['question', () => page.keyboard.press('1')],
      ['reveal', () => page.keyboard.press('Escape')],
    ];
    for (const [screen, leave] of screens) {
      await waitForScreen(page, screen);
      expect(await soundButtonLabel(page), screen).toBe('Unmute sound');
      await leave();
    }
    await waitForAudio(page, 'running');
    expect(await cues(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe('when audio cannot start', () => {
  it.each([
    [
      'the sound files are missing',
      'unavailable',
      // On the context, so the offline cache's service worker cannot fetch them either.
      (page: Page) => page.context().route(/\.(webm|mp3)$/, (r) => r.abort()),
    ],
    [
      'there is no AudioContext',
      'unavailable',
      (page: Page) =>
        page.addInitScript(() => {
          delete (window as { AudioContext?: unknown }).AudioContext;
          delete (window as { webkitAudioContext?: unknown }).webkitAudioContext;
        }),
    ],
    [
      'the browser refuses to start it',
      'suspended',
      (page: Page) =>
        page.addInitScript(() => {
          AudioContext.prototype.resume = () => new Promise<void>(() => undefined);
        }),
    ],
  ])('the game is the same, only silent, when %s', async (_name, state, block) => {
    if (!titleWithSound) {
      const normal = await openGame(chromium.browser, url);
      await waitForAudio(normal, 'suspended');
      titleWithSound = await normal.screenshot();
      await normal.context().close();
    }

    const page = await openGame(chromium.browser, url, PROJECTOR, async (p) => {
      await recordCues(p);
      await block(p);
    });
    await waitForAudio(page, state);
    expect(Buffer.compare(await page.screenshot(), titleWithSound)).toBe(0);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    await page.keyboard.press('m');
    await page.keyboard.press('m');
    await page.keyboard.press('1');
    await waitForScreen(page, 'reveal');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    expect((await audioState(page)).hook).toBe(state);
    expect(await cues(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
