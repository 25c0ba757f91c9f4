/**
 * The score card in Chromium: a server challenge's card carries its short link as text and as a QR code that
 * encodes it, and is shared with the link; where the Web Share API exists, Share… is the main button and a local
 * round's card goes with the share text and its challenge link.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, inject, it } from 'vitest';
import { QR_BOX, QR_QUIET_MODULES } from '../../src/ui/scoreCard';
import {
  answerQuestions,
  clickCanvasButton,
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

interface Shared {
  text?: string;
  url?: string;
  files: string[];
}

/** A device with a share sheet: what the game hands it is noted on the page. */
const withShareSheet = (page: Page) =>
  page.addInitScript(() => {
    const sent: unknown[] = [];
    (window as unknown as { shared: unknown[] }).shared = sent;
    navigator.share = async (data?: ShareData) => {
      sent.push({ text: data?.text, url: data?.url, files: (data?.files ?? []).map((file) => file.name) });
    };
    navigator.canShare = () => true;
  });

async function shared(page: Page): Promise<Shared[]> {
  return page.evaluate(() => (window as unknown as { shared: Shared[] }).shared);
}

/** Makes a challenge from the title, plays it with the first answer each time, and opens its board. */
async function makeAndPlayChallenge(page: Page): Promise<string> {
  await clickCanvasButton(page, '#a11y button[data-name="Challenge friends"]');
  await page.waitForFunction(() => document.body.dataset.challengeStep === 'create');
  await clickCanvasButton(page, '#a11y button[data-name="Make the challenge"]');
  for (;;) {
    await page.waitForSelector('#a11y[data-screen="class-question"], #a11y[data-screen="class-results"]');
    if ((await page.$('#a11y[data-screen="class-results"]')) !== null) break;
    await page.keyboard.press('1');
    await waitForScreen(page, 'class-reveal');
    await page.keyboard.press('Enter');
  }
  await clickCanvasButton(page, '#a11y button[data-name="See the board"]');
  await page.waitForFunction(() => document.body.dataset.challengeBoard?.length === 6);
  return page.evaluate(() => document.body.dataset.challengeBoard!);
}

describe('the score card', () => {
  it('of a server challenge carries the short link as a QR code that encodes it, and the link in words', async () => {
    const page = await openGame(chromium.browser, url, PROJECTOR);
    const code = await makeAndPlayChallenge(page);
    const link = new URL(`c/${code}`, url).href;
    const download = page.waitForEvent('download');
    await page.$eval('#a11y button[data-name="Score card"]', (button) => (button as HTMLElement).click());
    const file = await (await download).path();
    const png = PNG.sync.read(readFileSync(file));
    expect([png.width, png.height]).toEqual([1200, 630]);
    await screenshot(page, 'challenge-board-score-card-1366x768');

    // Every module of the card's QR code is dark where the link's own code is dark.
    const { modules } = QRCode.create(link, { errorCorrectionLevel: 'M' });
    const module = Math.floor(QR_BOX.size / (modules.size + QR_QUIET_MODULES * 2));
    const offset = (QR_BOX.size - module * modules.size) / 2;
    let mismatches = 0;
    for (let row = 0; row < modules.size; row += 1) {
      for (let column = 0; column < modules.size; column += 1) {
        const x = Math.floor(QR_BOX.x + offset + column * module + module / 2);
        const y = Math.floor(QR_BOX.y + offset + row * module + module / 2);
        const red = png.data[(y * png.width + x) * 4]!;
        if (red < 128 !== Boolean(modules.get(row, column))) mismatches += 1;
      }
    }
    expect(mismatches).toBe(0);
    expect(await page.$eval('#a11y', (element) => element.textContent)).toContain('Score card saved as a picture.');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('is shared with its link where the device has a share sheet, and Share… leads the share screen', async () => {
    const page = await openGame(chromium.browser, url, PHONE, withShareSheet);
    const code = await makeAndPlayChallenge(page);
    const link = new URL(`c/${code}`, url).href;
    await page.$eval('#a11y button[data-name="Score card"]', (button) => (button as HTMLElement).click());
    await page.waitForFunction(() => (window as unknown as { shared: unknown[] }).shared.length === 1);
    const [card] = await shared(page);
    expect(card!.files).toEqual([`source-check-challenge-${code}.png`]);
    expect(card!.url).toBe(link);
    expect(card!.text).toMatch(/timed and scored by the Source Check server\. Take it: /);
    expect(card!.text).toContain(link);

    // A round of one's own (on a fresh page, with nothing shared yet): Share… is the first button and takes the
    // focus; the card goes with the share text.
    await page.goto(url);
    await waitForScreen(page, 'title');
    await page.keyboard.press('Enter');
    await answerQuestions(page, 10);
    await waitForScreen(page, 'results');
    await page.keyboard.press('s');
    await waitForScreen(page, 'share');
    const buttons = await page.$$eval('#a11y button', (all) => all.map((button) => button.textContent));
    expect(buttons.indexOf('Share…')).toBeLessThan(buttons.indexOf('Copy text'));
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Share…');
    await screenshot(page, 'share-with-share-sheet-390x844');
    await page.$eval('#a11y button[data-name="Score card"]', (button) => (button as HTMLElement).click());
    await page.waitForFunction(() => (window as unknown as { shared: unknown[] }).shared.length === 1);
    const text = await page.$eval('#a11y [data-name="share-text"]', (element) => element.textContent ?? '');
    const local = (await shared(page))[0]!;
    expect(local.files).toHaveLength(1);
    expect(local.text).toBe(text);
    expect(local.text).toContain('#c=');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
