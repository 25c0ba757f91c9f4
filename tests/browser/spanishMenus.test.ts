/**
 * The menus, the results and sharing in Spanish: a Spanish browser walks title → topics → high scores → timeline
 * → a round's results → share, on a phone and a projector at 100 % and 150 % text. Each screen speaks Spanish in
 * the accessible layer, keeps the page's `lang`, passes axe and cuts nothing off; the screenshots are kept.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PREFERENCES_KEY } from '../../src/storage/PreferencesStore';
import { currentScreen, openGame, pageErrors, PHONE, PROJECTOR, waitForScreen, type Viewport } from './game';
import { useChromium } from './sharedChromium';
import { checkSpanishScreen, textOf } from './spanishScreens';

const url = inject('appUrl');
const chromium = useChromium();

/** Rounds of five questions (the shortest) keep the walk short; the screens do not depend on the length. */
const QUESTIONS = 5;

async function playRound(page: Page): Promise<void> {
  for (let number = 1; number <= QUESTIONS; number += 1) {
    await waitForScreen(page, 'question');
    // The question screen takes keys once it is drawn: press until the reveal comes.
    for (let tries = 0; (await currentScreen(page)) === 'question' && tries < 20; tries += 1) {
      await page.keyboard.press(String((number % 2) + 1));
      await page.waitForTimeout(250);
    }
    await waitForScreen(page, 'reveal');
    await page.keyboard.press('Enter');
  }
  await waitForScreen(page, 'results');
}

const LAYOUTS: [Viewport, number][] = [
  [PHONE, 1],
  [PHONE, 1.5],
  [PROJECTOR, 1],
  [PROJECTOR, 1.5],
];

describe('the menus, results and sharing in Spanish', () => {
  for (const [viewport, textScale] of LAYOUTS) {
    const size = `${viewport.width}x${viewport.height}${textScale === 1 ? '' : `-${textScale * 100}`}`;
    it(
      `walks title → topics → high scores → timeline → results → report → share at ${size}`,
      { timeout: 180_000 },
      async () => {
        const page = await openGame(
          chromium.browser,
          url,
          viewport,
          (opening) =>
            opening.addInitScript(([key, value]) => localStorage.setItem(key, value), [
              PREFERENCES_KEY,
              JSON.stringify({ time: 'off', motion: 'reduce', questionCount: QUESTIONS, textScale }),
            ] as const),
          { locale: 'es-MX' },
        );
        expect(await textOf(page, 'button[data-name="Play"]')).toMatch(/^Jugar Clásico: Gánale al reloj/);
        expect(await textOf(page, 'button[data-name="How to play"]')).toBe('Cómo jugar');
        expect(await textOf(page, 'button[data-name="Settings"]')).toBe('Configuración');
        await checkSpanishScreen(page, 'title', size);
        // The bank's Spanish is its own download, started with the game: the topics below are named from it.
        await page.waitForFunction(() =>
          performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('bank.es.json')),
        );
        await page.waitForTimeout(300);

        await page.keyboard.press('s');
        await waitForScreen(page, 'settings');
        await page.focus('#a11y button[data-name="topics"]');
        await page.keyboard.press('Enter');
        await waitForScreen(page, 'topics');
        expect(await textOf(page, 'h1')).toBe('Temas');
        expect(await textOf(page, 'button[data-name="all"]')).toBe('Todos los temas');
        // Each topic by the overlay's Spanish title.
        const topicTitles = await page.evaluate(async () => {
          const bundle = (await (await fetch('bank.es.json')).json()) as {
            overlay: { topics: Record<string, string> };
          };
          return Object.values(bundle.overlay.topics);
        });
        const rows = await page.$$eval('#a11y [role="group"] button', (buttons) =>
          buttons.map((button) => button.textContent ?? ''),
        );
        expect(topicTitles.length).toBeGreaterThan(0);
        for (const title of topicTitles)
          expect(
            rows.some((row) => row.includes(title)),
            title,
          ).toBe(true);
        await checkSpanishScreen(page, 'topics', size);
        await page.focus('#a11y button[data-name="view-kinds"]');
        await page.keyboard.press('Enter');
        await page.waitForSelector('#a11y button[data-name="all-kinds"]');
        expect(await textOf(page, 'h1')).toBe('Tipos de pregunta');
        expect(await textOf(page, '[data-name="note"]')).toBe(
          'Juegas con todos los tipos de pregunta. Elige algunos para jugar solo con esos.',
        );
        await checkSpanishScreen(page, 'kinds', size);

        await page.goto(url);
        await waitForScreen(page, 'title');
        await page.keyboard.press('h');
        await waitForScreen(page, 'high-scores');
        expect(await textOf(page, 'h1')).toBe('Puntajes: Clásico');
        expect(await textOf(page, 'button[data-name="board-no-speed"]')).toBe('Sin puntos por rapidez');
        await checkSpanishScreen(page, 'high-scores', size);

        await page.keyboard.press('Escape');
        await waitForScreen(page, 'title');
        await page.keyboard.press('t');
        await waitForScreen(page, 'timeline');
        expect(await textOf(page, 'button[data-name="Earlier"]')).toBe('◀ Antes');
        expect(await textOf(page, '[data-name="timeline-date"]')).toMatch(/^\d{1,2} de [a-z]+ de 20\d\d/);
        await checkSpanishScreen(page, 'timeline', size);

        await page.keyboard.press('Escape');
        await waitForScreen(page, 'title');
        await page.keyboard.press('Enter');
        await playRound(page);
        expect(await textOf(page, 'h1')).toBe('Resultados · Clásico');
        expect(await textOf(page, '[data-name="final-score"]')).toMatch(/^Puntaje final: \d+ puntos$/);
        expect(await textOf(page, 'button[data-name="Play again"]')).toBe('Jugar otra vez');
        // The review of the answers gives each question's own Spanish, from the bank's overlay.
        const prompts = await page.evaluate(async () => {
          const bundle = (await (await fetch('bank.es.json')).json()) as {
            overlay: { questions: Record<string, { prompt: string }> };
          };
          return Object.values(bundle.overlay.questions).map((question) => question.prompt);
        });
        const reviewed = await page.$$eval('#a11y li', (items) => items.map((item) => item.textContent ?? ''));
        expect(reviewed).toHaveLength(QUESTIONS);
        reviewed.forEach((line, index) => {
          expect(line.startsWith(`${index + 1}. `), line).toBe(true);
          expect(
            prompts.some((prompt) => line.startsWith(`${index + 1}. ${prompt} Respuesta: `)),
            line,
          ).toBe(true);
        });
        await checkSpanishScreen(page, 'results', size);

        await page.keyboard.press('y');
        await waitForScreen(page, 'report');
        expect(await textOf(page, 'h1')).toBe('Tu informe · Clásico');
        expect(await textOf(page, 'button[data-name="Back to results"]')).toBe('Volver a resultados');
        await checkSpanishScreen(page, 'report', size);
        await page.keyboard.press('Escape');
        await waitForScreen(page, 'results');

        await page.keyboard.press('s');
        await waitForScreen(page, 'share');
        const lines = (await textOf(page, '[data-name="share-text"]')).split('\n');
        expect(lines[0]).toBe('Source Check — el juego sobre la prohibición de TikTok');
        expect(lines[1]).toMatch(/^Reto [a-z0-9]+$/);
        expect(lines[2]).toMatch(/^[\d,]+ puntos · \d+\/5 correctas$/);
        expect(lines[4]).toContain('#c=');
        expect(await textOf(page, 'button[data-name="Copy text"]')).toBe('Copiar texto');
        await checkSpanishScreen(page, 'share', size);
        expect(pageErrors(page)).toEqual([]);
        await page.context().close();
      },
    );
  }
});
