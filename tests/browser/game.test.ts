import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  answerButtons,
  clickCanvasButton,
  currentScreen,
  labelled,
  openGame,
  pageErrors,
  PHONE,
  PROJECTOR,
  screenshot,
  waitForScreen,
} from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const QUESTIONS_PER_ROUND = 10;
const chromium = useChromium();

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function sourceText(id: string): string {
  return fold(readFileSync(join(import.meta.dirname, '..', '..', 'questions', 'sources', `${id}.md`), 'utf8'));
}

async function finalScore(page: Page): Promise<number> {
  const text = await page.$eval('#a11y [data-name="final-score"]', (element) => element.textContent ?? '');
  return Number(/(\d+) points/.exec(text)?.[1]);
}

describe('a full round', () => {
  it('can be played with the keyboard alone, showing a verbatim excerpt after every answer', async () => {
    const page = await openGame(chromium.browser, url);
    await screenshot(page, 'title-1366x768');
    // Focus starts on Play: Enter activates the DOM button.
    await page.keyboard.press('Enter');
    for (let number = 1; number <= QUESTIONS_PER_ROUND; number += 1) {
      await waitForScreen(page, 'question');
      expect(await labelled(page, 'Progress')).toBe(`Question ${number} of ${QUESTIONS_PER_ROUND}`);
      const prompt = await page.$eval('#a11y h2', (element) => element.textContent);
      expect(prompt?.length).toBeGreaterThan(10);
      const choices = await answerButtons(page);
      expect(choices.length).toBeGreaterThanOrEqual(2);
      if (number === 1) await screenshot(page, 'question-1366x768');
      if (number % 2 === 0) {
        // Focus is on the first answer: Tab to the second, Enter to choose it.
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
      } else {
        await page.keyboard.press(String(((number - 1) % choices.length) + 1));
      }
      await waitForScreen(page, 'reveal');
      const status = await page.$eval('#a11y [role="status"]', (element) => element.textContent ?? '');
      expect(status).toMatch(/^(Correct|Not quite)/);
      const excerpts = await page.$$eval('#a11y section[aria-label="Source"] .excerpt', (elements) =>
        elements.map((element) => ({
          source: (element as HTMLElement).dataset.source!,
          quote: (element as HTMLElement).dataset.quote!,
        })),
      );
      expect(excerpts.length).toBeGreaterThan(0);
      for (const excerpt of excerpts) expect(sourceText(excerpt.source)).toContain(fold(excerpt.quote));
      if (number === 1) await screenshot(page, 'reveal-1366x768');
      const focused = await page.evaluate(() => document.activeElement?.textContent);
      expect(focused).toBe('Next');
      await page.keyboard.press('Enter');
    }
    await waitForScreen(page, 'results');
    expect(await page.$eval('#a11y h1', (element) => element.textContent)).toContain('Results');
    expect(await finalScore(page)).toBeGreaterThanOrEqual(0);
    expect(await page.$$eval('#a11y ul[aria-label="Review of your answers"] li', (items) => items.length)).toBe(
      QUESTIONS_PER_ROUND,
    );
    await page.waitForTimeout(1000);
    await screenshot(page, 'results-1366x768');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('can be played with the mouse alone on the canvas buttons, and is kept in the high scores after a reload', async () => {
    const page = await openGame(chromium.browser, url);
    await clickCanvasButton(page, '#a11y button[data-name="Play"]');
    for (let number = 1; number <= QUESTIONS_PER_ROUND; number += 1) {
      await waitForScreen(page, 'question');
      await clickCanvasButton(page, '#a11y [role="group"] button:nth-of-type(1)');
      await waitForScreen(page, 'reveal');
      await clickCanvasButton(page, '#a11y button[data-name="Next"]');
    }
    await waitForScreen(page, 'results');
    const score = await finalScore(page);
    await clickCanvasButton(page, '#a11y button[data-name="High scores"]');
    await waitForScreen(page, 'high-scores');
    const before = await page.$$eval('#a11y ul[aria-label="Classic high scores"] li', (items) =>
      items.map((i) => i.textContent),
    );
    expect(before[0]).toContain(`${score} points`);
    await screenshot(page, 'high-scores-1366x768');

    await page.reload();
    await waitForScreen(page, 'title');
    await page.keyboard.press('h');
    await waitForScreen(page, 'high-scores');
    const after = await page.$$eval('#a11y ul[aria-label="Classic high scores"] li', (items) =>
      items.map((i) => i.textContent),
    );
    expect(after).toEqual(before);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe('leaving a round', () => {
  it('lands on the title after a paused round is quit, and never keeps the quit round as a score', async () => {
    const page = await openGame(chromium.browser, url);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'pause');
    await page.focus('#a11y button[data-name="Settings"]');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'settings');
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'pause');
    await page.focus('#a11y button[data-name="Quit to title"]');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'title');
    await page.keyboard.press('s');
    await waitForScreen(page, 'settings');
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'title');
    expect(await page.$eval('#a11y h1', (element) => element.textContent)).not.toMatch(/Paused/);
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('source-check:high-scores'))),
    ).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe('time', () => {
  it("counts a question as time's up when the countdown runs out", async () => {
    const page = await openGame(chromium.browser, url);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    const limit = Number((await labelled(page, 'Time left')).match(/\d+/)?.[0]);
    expect(limit).toBeGreaterThanOrEqual(5);
    await waitForScreen(page, 'reveal', (limit + 5) * 1000);
    const status = await page.$eval('#a11y [role="status"]', (element) => element.textContent ?? '');
    expect(status).toMatch(/^Time's up\. The answer is: /);
    await screenshot(page, 'reveal-timed-out-1366x768');
    await page.context().close();
  });

  it('keeps counting down while the tab is hidden', async () => {
    // Headless Chromium never hides a tab, so the page gets what a hidden tab gets from the browser:
    // document.hidden is true, "visibilitychange" fires, and requestAnimationFrame stops calling back.
    const page = await openGame(chromium.browser, url, PROJECTOR, (p) =>
      p.addInitScript(() => {
        let hidden = false;
        let held: FrameRequestCallback[] = [];
        const realRequest = window.requestAnimationFrame.bind(window);
        window.requestAnimationFrame = (callback) => {
          if (!hidden) return realRequest(callback);
          held.push(callback);
          return 0;
        };
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
        Object.defineProperty(document, 'visibilityState', {
          configurable: true,
          get: () => (hidden ? 'hidden' : 'visible'),
        });
        (window as unknown as { setTabHidden: (value: boolean) => void }).setTabHidden = (value) => {
          hidden = value;
          document.dispatchEvent(new Event('visibilitychange'));
          if (!value) {
            const callbacks = held;
            held = [];
            for (const callback of callbacks) realRequest(callback);
          }
        };
      }),
    );
    const setHidden = (value: boolean) =>
      page.evaluate((v) => (window as unknown as { setTabHidden: (value: boolean) => void }).setTabHidden(v), value);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    const start = Number((await labelled(page, 'Time left')).match(/\d+/)?.[0]);
    await setHidden(true);
    await page.waitForTimeout(300);
    const whileHidden = await labelled(page, 'Time left');
    await page.waitForTimeout(4_000);
    // No frames while hidden: nothing was redrawn …
    expect(await labelled(page, 'Time left')).toBe(whileHidden);
    await setHidden(false);
    await page.waitForTimeout(300);
    // … yet the countdown moved on by the wall clock, and the question is still open.
    const left = Number((await labelled(page, 'Time left')).match(/\d+/)?.[0]);
    expect(start - left).toBeGreaterThanOrEqual(4);
    expect(await currentScreen(page)).toBe('question');
    await page.context().close();
  });
});

describe('robustness and layout', () => {
  it('starts a playable game when saved data is corrupt', async () => {
    const page = await openGame(chromium.browser, url, PROJECTOR, async (p) => {
      await p.addInitScript(() => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem('source-check:high-scores:v1', '{not json at all');
          sessionStorage.setItem('seeded', '1');
        }
      });
    });
    await page.keyboard.press('h');
    await waitForScreen(page, 'high-scores');
    expect(
      await page.$$eval('#a11y ul[aria-label="Classic high scores"] li', (items) => items.map((i) => i.textContent)),
    ).toEqual(['No scores yet. Play a round and your best ten will be kept here, on this device.']);
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'title');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    await page.keyboard.press('1');
    await waitForScreen(page, 'reveal');
    // The unreadable data was kept aside, not thrown away.
    expect(await page.evaluate(() => localStorage.getItem('source-check:high-scores:unreadable'))).toBe(
      '{not json at all',
    );
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('plays from memory when localStorage is unavailable', async () => {
    const page = await openGame(chromium.browser, url, PROJECTOR, async (p) => {
      await p.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('blocked', 'SecurityError');
          },
        });
      });
    });
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['phone', PHONE],
    ['projector', PROJECTOR],
  ])('fits a %s viewport without scrolling, on every screen', async (name, viewport) => {
    const page = await openGame(chromium.browser, url, viewport);
    const fits = () =>
      page.evaluate(() => {
        const canvas = document.querySelector('canvas')!.getBoundingClientRect();
        const root = document.documentElement;
        return {
          scroll: root.scrollHeight <= window.innerHeight && root.scrollWidth <= window.innerWidth,
          canvas:
            canvas.left >= -0.5 &&
            canvas.top >= -0.5 &&
            canvas.right <= window.innerWidth + 0.5 &&
            canvas.bottom <= window.innerHeight + 0.5,
          buttons: [...document.querySelectorAll('#a11y button')].every((button) => {
            const box = button.getBoundingClientRect();
            return (
              box.left >= 0 &&
              box.top >= 0 &&
              box.right <= window.innerWidth + 0.5 &&
              box.bottom <= window.innerHeight + 0.5
            );
          }),
        };
      });
    expect(await fits()).toEqual({ scroll: true, canvas: true, buttons: true });
    await screenshot(page, `title-${viewport.width}x${viewport.height}`);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    expect(await fits()).toEqual({ scroll: true, canvas: true, buttons: true });
    if (name === 'phone') await screenshot(page, 'question-390x844');
    await page.keyboard.press('1');
    await waitForScreen(page, 'reveal');
    expect(await fits()).toEqual({ scroll: true, canvas: true, buttons: true });
    if (name === 'phone') await screenshot(page, 'reveal-390x844');
    await page.context().close();
  });

  it.each([
    ['missing', 404, 'not found', 'the server answered 404'],
    ['not JSON', 200, '{"questions": [', 'bank.json is not valid JSON'],
    ['empty', 200, '{"version":"x","topics":[],"questions":[],"sources":{}}', 'bank.json holds no questions'],
  ])('says plainly what is wrong when the question bank is %s', async (_name, status, body, message) => {
    const context = await chromium.browser.newContext({ viewport: PROJECTOR });
    const page = await context.newPage();
    await page.route('**/bank.json', (route) => route.fulfill({ status, body, contentType: 'application/json' }));
    await page.goto(url);
    await waitForScreen(page, 'error');
    const alert = await page.$eval('#a11y [role="alert"]', (element) => element.textContent ?? '');
    expect(alert).toContain(message);
    expect(await page.$('#a11y button[data-name="Reload"]')).not.toBeNull();
    await context.close();
  });

  it('renders with WebGL', async () => {
    const page = await openGame(chromium.browser, url);
    expect(await page.evaluate(() => document.body.dataset.renderer)).toBe('webgl');
    const canvasIs2d = await page.evaluate(() => document.querySelector('canvas')!.getContext('2d') !== null);
    expect(canvasIs2d).toBe(false);
    expect(await currentScreen(page)).toBe('title');
    await page.context().close();
  });
});
