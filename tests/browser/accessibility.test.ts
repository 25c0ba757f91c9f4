import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PREFERENCES_KEY } from '../../src/storage/PreferencesStore';
import { HIGH_CONTRAST_PALETTE, STANDARD_PALETTE, type Palette } from '../../src/ui/theme';
import { axeAllProblems } from './axe';
import {
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

/** Steps a setting on the settings screen with the keyboard, `times` times, waiting for each change. */
async function stepSetting(page: Page, name: string, times: number): Promise<void> {
  const selector = `#a11y button[data-name="${name}"]`;
  for (let i = 0; i < times; i += 1) {
    const before = await page.$eval(selector, (element) => element.textContent);
    await page.focus(selector);
    await page.keyboard.press('Enter');
    // The screen is rebuilt with the new value, and focus returns to the same setting.
    await page.waitForFunction(
      ([sel, old]) => document.querySelector(sel)?.textContent !== old && document.activeElement?.matches(sel),
      [selector, before] as const,
    );
  }
}

/** Opens the game with these settings already saved, as a player who chose them on an earlier visit. */
function openWithSettings(settings: object, viewport: Viewport = PROJECTOR): Promise<Page> {
  return openGame(chromium.browser, url, viewport, (p) =>
    p.addInitScript(([key, value]) => localStorage.setItem(key, value), [
      PREFERENCES_KEY,
      JSON.stringify(settings),
    ] as const),
  );
}

/** The colour (0xrrggbb) the player sees at a point of the page, read from a real screenshot. */
async function seenColor(page: Page, x: number, y: number): Promise<number> {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  // Decoded by the browser itself (no PNG decoder in the tests' dependencies).
  return page.evaluate(
    async (bytes) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const context = new OffscreenCanvas(1, 1).getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
      return (r! << 16) | (g! << 8) | b!;
    },
    [...png],
  );
}

/** Whether two colours are the same to within rounding in the renderer (a few levels per channel). */
function sameColor(a: number, b: number): boolean {
  return [16, 8, 0].every((shift) => Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) <= 3);
}

/** Which theme the page says it is in, and whether the canvas and the page around it are painted in it. */
async function themeShown(page: Page, palette: Palette): Promise<{ theme?: string; desk: boolean; page: boolean }> {
  // Inside the screen's margin, where every screen shows bare desk.
  const desk = await seenColor(page, 4, 4);
  const around = await page.evaluate(() => ({
    theme: document.body.dataset.theme,
    background: getComputedStyle(document.body).backgroundColor,
    focus: getComputedStyle(document.documentElement).getPropertyValue('--focus').trim(),
    browserBar: document.querySelector('meta[name="theme-color"]')?.getAttribute('content'),
  }));
  const ink = palette.colors.ink;
  return {
    theme: around.theme,
    desk: sameColor(desk, ink),
    page:
      around.background === `rgb(${ink >> 16}, ${(ink >> 8) & 0xff}, ${ink & 0xff})` &&
      around.focus === palette.text.focus &&
      around.browserBar === palette.text.ink,
  };
}

async function overflow(page: Page): Promise<string | undefined> {
  return page.$eval('#a11y', (element) => (element as HTMLElement).dataset.overflow);
}

/** Every DOM button: inside the viewport and at least 24×24 CSS pixels (WCAG 2.5.8). */
async function targetProblems(page: Page): Promise<string[]> {
  return page.$$eval('#a11y button', (buttons) =>
    buttons.flatMap((button) => {
      const box = button.getBoundingClientRect();
      const name = button.textContent ?? '';
      const problems: string[] = [];
      if (box.width < 24 || box.height < 24) problems.push(`${name}: ${box.width}×${box.height}`);
      if (box.left < 0 || box.top < 0 || box.right > innerWidth + 0.5 || box.bottom > innerHeight + 0.5) {
        problems.push(`${name}: outside the viewport`);
      }
      return problems;
    }),
  );
}

/** Pairs of DOM buttons that overlap: each lies over its canvas twin, so the canvas buttons overlap too. */
async function overlapProblems(page: Page): Promise<string[]> {
  return page.$$eval('#a11y button', (buttons) => {
    const boxes = buttons.map((button) => ({ name: button.textContent ?? '', box: button.getBoundingClientRect() }));
    return boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter(
          (b) =>
            Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left) > 0.5 &&
            Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top) > 0.5,
        )
        .map((b) => `${a.name} overlaps ${b.name}`),
    );
  });
}

describe('accessibility', () => {
  it.each([
    { palette: STANDARD_PALETTE, settings: {} },
    { palette: HIGH_CONTRAST_PALETTE, settings: { highContrast: true } },
  ])(
    'has no axe violations, minor ones included, on any screen in the $palette.name theme',
    async ({ palette, settings }) => {
      const page = await openWithSettings(settings);
      expect(await themeShown(page, palette)).toEqual({ theme: palette.name, desk: true, page: true });
      const highContrast = palette === HIGH_CONTRAST_PALETTE;
      const report: Record<string, string[]> = {};
      const check = async (screen: string, shoot = false, name = screen) => {
        await waitForScreen(page, screen);
        report[name] = await axeAllProblems(page);
        if (shoot && highContrast) {
          // Once any motion is over (a tween is at most 300 ms), so the picture shows the screen at rest.
          await page.waitForTimeout(600);
          await screenshot(page, `${screen}-high-contrast-1366x768`);
        }
      };
      await check('title', true);
      await page.keyboard.press('s');
      await check('settings', true);
      await page.focus('#a11y button[data-name="topics"]');
      await page.keyboard.press('Enter');
      await check('topics');
      await page.keyboard.press('Escape');
      await waitForScreen(page, 'settings');
      await page.keyboard.press('Escape');
      await waitForScreen(page, 'title');
      await page.focus('#a11y button[data-name="How to play"]');
      await page.keyboard.press('Enter');
      await check('how-to-play');
      await page.keyboard.press('Escape');
      await waitForScreen(page, 'title');
      await page.keyboard.press('Enter');
      await check('question', true);
      await page.keyboard.press('p');
      await check('pause', true);
      await page.keyboard.press('p');
      await waitForScreen(page, 'question');
      await page.keyboard.press('1');
      await check('reveal', true);
      for (let i = 1; i < 10; i += 1) {
        await page.keyboard.press('Enter');
        await waitForScreen(page, 'question');
        await page.keyboard.press('2');
        await waitForScreen(page, 'reveal');
      }
      await page.keyboard.press('Enter');
      await check('results', true);
      await page.keyboard.press('y');
      await check('report', true);
      await page.keyboard.press('t');
      await check('timeline', true);
      await page.keyboard.press('Escape');
      await waitForScreen(page, 'results');
      await page.keyboard.press('h');
      await check('high-scores', true);
      await page.keyboard.press('Escape');
      await waitForScreen(page, 'title');
      await page.keyboard.press('t');
      await check('timeline', false, 'bank timeline');
      // Fact-check: the claim to judge, then the wager.
      await page.keyboard.press('Escape');
      await waitForScreen(page, 'title');
      await page.keyboard.press('f');
      await check('claim', true);
      await page.keyboard.press('2');
      await waitForScreen(page, 'question');
      await page.keyboard.press('1');
      await check('wager', true);
      expect(report).toEqual({
        claim: [],
        wager: [],
        report: [],
        timeline: [],
        'bank timeline': [],
        title: [],
        settings: [],
        topics: [],
        'how-to-play': [],
        question: [],
        pause: [],
        reveal: [],
        results: [],
        'high-scores': [],
      });
      // Every screen of the round was drawn in the theme, to the last.
      expect(await themeShown(page, palette)).toEqual({ theme: palette.name, desk: true, page: true });
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    },
  );

  it('turns high contrast on from the settings screen at once, keeps it after a reload, and turns it off', async () => {
    const page = await openGame(chromium.browser, url);
    expect(await themeShown(page, STANDARD_PALETTE)).toEqual({ theme: 'standard', desk: true, page: true });
    await page.keyboard.press('s');
    await waitForScreen(page, 'settings');
    await stepSetting(page, 'highContrast', 1);
    expect(await page.$eval('#a11y button[data-name="highContrast"]', (element) => element.textContent)).toBe(
      'High contrast: On',
    );
    // The settings screen itself is repainted, not only the screens after it.
    expect(await themeShown(page, HIGH_CONTRAST_PALETTE)).toEqual({ theme: 'high-contrast', desk: true, page: true });
    expect(await axeAllProblems(page)).toEqual([]);

    await page.reload();
    await waitForScreen(page, 'title');
    expect(await themeShown(page, HIGH_CONTRAST_PALETTE)).toEqual({ theme: 'high-contrast', desk: true, page: true });
    await page.keyboard.press('s');
    await waitForScreen(page, 'settings');
    expect(await page.$eval('#a11y button[data-name="highContrast"]', (element) => element.textContent)).toBe(
      'High contrast: On',
    );

    await stepSetting(page, 'highContrast', 1);
    expect(await themeShown(page, STANDARD_PALETTE)).toEqual({ theme: 'standard', desk: true, page: true });
    await page.reload();
    await waitForScreen(page, 'title');
    expect(await themeShown(page, STANDARD_PALETTE)).toEqual({ theme: 'standard', desk: true, page: true });
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it.each([
    { device: 'phone', viewport: PHONE },
    { device: 'projector', viewport: PROJECTOR },
  ])('fits the settings screen on a $device at the largest text size in high contrast', async ({ viewport }) => {
    const page = await openWithSettings({ highContrast: true, textScale: 1.5 }, viewport);
    await page.keyboard.press('s');
    await waitForScreen(page, 'settings');
    expect(await page.$eval('#a11y button[data-name="highContrast"]', (element) => element.textContent)).toBe(
      'High contrast: On',
    );
    expect(await overflow(page)).toBeUndefined();
    expect(await targetProblems(page)).toEqual([]);
    expect(await overlapProblems(page)).toEqual([]);
    await screenshot(page, `settings-high-contrast-${viewport.width}x${viewport.height}-text150`);
    await page.context().close();
  });

  it('pauses with P: the clock stops and the question leaves the screen', async () => {
    const page = await openGame(chromium.browser, url);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    const prompt = await page.$eval('#a11y h2', (element) => element.textContent);
    const atPause = Number((await labelled(page, 'Time left')).match(/\d+/)?.[0]);
    await page.keyboard.press('p');
    await waitForScreen(page, 'pause');
    const before = await labelled(page, 'Time left').catch(() => 'gone');
    expect(before).toBe('gone');
    expect(await page.$eval('#a11y', (element) => element.textContent)).not.toContain(prompt);
    await screenshot(page, 'pause-1366x768');
    await page.waitForTimeout(6_000);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    expect(await page.$eval('#a11y h2', (element) => element.textContent)).toBe(prompt);
    const left = Number((await labelled(page, 'Time left')).match(/\d+/)?.[0]);
    // The 6 seconds paused did not count: only the moments around the key presses ran.
    expect(atPause - left).toBeLessThanOrEqual(2);
    await page.context().close();
  });

  it('plays a full round with the timer off, remembered after a reload', async () => {
    const page = await openGame(chromium.browser, url);
    await page.keyboard.press('s');
    await waitForScreen(page, 'settings');
    await stepSetting(page, 'time', 4);
    const label = await page.$eval('#a11y button[data-name="time"]', (element) => element.textContent);
    expect(label).toBe('Time per question: Off: no timer');
    await page.reload();
    await waitForScreen(page, 'title');
    await page.keyboard.press('Enter');
    for (let number = 1; number <= 10; number += 1) {
      await waitForScreen(page, 'question');
      expect(await labelled(page, 'Time left')).toBe('No time limit');
      if (number === 1) {
        await page.waitForTimeout(1_500);
        await screenshot(page, 'question-timer-off-1366x768');
      }
      await page.keyboard.press('1');
      await waitForScreen(page, 'reveal');
      const status = await page.$eval('#a11y [role="status"]', (element) => element.textContent ?? '');
      // No speed points with the timer off: a right answer is a flat 1000 plus any streak bonus.
      if (status.startsWith('Correct')) expect(status).toMatch(/^Correct, plus 1[0-5]00 points/);
      expect(status).not.toMatch(/^Time's up/);
      await page.keyboard.press('Enter');
    }
    await waitForScreen(page, 'results');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('lays out every screen at 150 % text on a phone with nothing cut off', async () => {
    const page = await openGame(chromium.browser, url, PHONE);
    await page.keyboard.press('s');
    await waitForScreen(page, 'settings');
    await stepSetting(page, 'textScale', 2);
    expect(await page.$eval('#a11y button[data-name="textScale"]', (element) => element.textContent)).toBe(
      'Text size: 150 %',
    );
    const problems: string[] = [];
    const shot = new Set<string>();
    const check = async (screen: string) => {
      await waitForScreen(page, screen);
      const cut = await overflow(page);
      if (cut) problems.push(`${screen}: text cut off (${cut})`);
      problems.push(...(await targetProblems(page)).map((problem) => `${screen}: ${problem}`));
      if (!shot.has(screen)) await screenshot(page, `${screen}-390x844-text150`);
      shot.add(screen);
    };
    await check('settings');
    await page.focus('#a11y button[data-name="topics"]');
    await page.keyboard.press('Enter');
    await check('topics');
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'settings');
    await page.keyboard.press('Escape');
    await check('title');
    // Your questions opens in two steps (its kit downloads first): it is checked once it is built.
    for (const [name, screen, built] of [
      ['How to play', 'how-to-play', undefined],
      ['Your questions', 'custom-banks', '#a11y button[data-name="load-file"]'],
      ['Timeline', 'timeline', undefined],
    ]) {
      await page.focus(await titleEntry(page, name!));
      await page.keyboard.press('Enter');
      if (built) await page.waitForSelector(built);
      await check(screen!);
      if (screen === 'timeline') shot.delete(screen);
      await page.keyboard.press('Escape');
      await waitForScreen(page, 'title');
    }
    await page.keyboard.press('Enter');
    for (let number = 1; number <= 10; number += 1) {
      await check('question');
      await page.keyboard.press(String((number % 2) + 1));
      await check('reveal');
      await page.keyboard.press('Enter');
    }
    await check('results');
    await page.keyboard.press('y');
    await check('report');
    await page.keyboard.press('t');
    await check('timeline');
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'results');
    await page.keyboard.press('h');
    await check('high-scores');
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'title');
    await page.keyboard.press('f');
    await check('claim');
    await page.keyboard.press('2');
    await check('question');
    await page.keyboard.press('1');
    await check('wager');
    await page.keyboard.press('1');
    await check('reveal');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('keeps 24×24 targets on a phone and on a projector at normal size', async () => {
    for (const viewport of [PHONE, PROJECTOR]) {
      const page = await openGame(chromium.browser, url, viewport);
      expect(await targetProblems(page)).toEqual([]);
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'question');
      expect(await targetProblems(page)).toEqual([]);
      await page.context().close();
    }
  });
});
