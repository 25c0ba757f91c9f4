/**
 * Walking every reveal the bank can show at 150 % text, opened directly through the test hooks: each question's
 * reveal after a wrong answer (the longest: feedback and all) and each claim's fact-check reveal. A walk returns
 * where a text leaves its card or the screen, where a wrapped text split a word, where a scrolling quote shows part
 * of a line or no cue, where a citation is under 12 CSS px on the phone, where a text runs over another text or
 * under a button (src/game/layoutProblems.ts), or where a screen reports a text it could not fit. Shared by the English and Spanish layout walks.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Question } from '../../src/core/types';
import { bundleBank, loadBankFromDisk } from '../../src/server/bankFiles';
import { loadSpanishOverlay } from '../../scripts/spanishBankFiles';
import { PROJECTOR, type Viewport } from './game';
import { openAtTextScale } from './textScale';

const root = join(import.meta.dirname, '..', '..');
/** The whole bank, the questions held back for classes included. */
const englishBank = loadBankFromDisk(join(root, 'questions'), root).bank;
export const questions: Question[] = bundleBank(englishBank).questions;
/** The whole Spanish overlay, the class questions' included (the game's bank.es.json has only what it ships). */
const spanishQuestions = loadSpanishOverlay(join(root, 'questions'), englishBank, root).overlay.questions;
export const LAPTOP: Viewport = PROJECTOR;

/** The game at 150 % text with the test hooks on; in a Spanish `locale`, with every question's Spanish. */
export async function openAtLargestText(
  browser: Browser,
  url: string,
  viewport: Viewport,
  locale?: string,
): Promise<Page> {
  const page = await openAtTextScale(browser, `${url}?test-hooks`, viewport, 1.5, locale ? { locale } : {});
  if (locale) {
    // A Spanish browser: every question's reveal in the bank's Spanish, the class questions' too.
    await page.waitForFunction(() => window.sourceCheckTest?.services.spanishBank !== undefined);
    await page.evaluate((all) => {
      window.sourceCheckTest!.services.spanishBank!.bundle.overlay.questions = all;
    }, spanishQuestions);
  }
  return page;
}

/** Opens each reveal in turn and returns every problem found, "question id (mode): problem". */
export function walkReveals(
  page: Page,
  walk: { question: Question; mode: 'classic' | 'fact-check' }[],
  phone: boolean,
) {
  return page.evaluate(
    async ({ walk, phone }) => {
      const hooks = window.sourceCheckTest!;
      const { game, services } = hooks;
      const { wrongAnswerReveal, layoutProblems } = await hooks.layoutRounds();
      const view = game.registry.get('view') as { width: number; height: number; renderScale: number };
      const problems: string[] = [];
      const a11y = document.getElementById('a11y')!;
      for (const { question, mode } of walk) {
        const session = wrongAnswerReveal(question, mode, performance.now());
        const from = game.scene.getScenes(true)[0]!;
        // The accessible layer names the screen as its build begins; a build runs in one go, so once the name is
        // back (seen from a later task) the screen is built.
        a11y.dataset.screen = 'walking';
        services.navigator.goTo(from, 'reveal', { session }, () => problems.push('the reveal could not load'));
        const deadline = performance.now() + 5000;
        // A reveal laid out again at a smaller text size (a small phone) is built once more in a later frame.
        const refitting = () => (game.scene.getScene('reveal') as { refitting?: boolean } | null)?.refitting === true;
        while ((a11y.dataset.screen !== 'reveal' || refitting()) && performance.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        const scene = game.scene.getScene('reveal');
        if (a11y.dataset.screen !== 'reveal' || !scene) {
          problems.push(`${question.id} (${mode}): the reveal did not open`);
          break;
        }
        const where = `${question.id} (${mode})`;
        const cssPerGame = game.canvas.getBoundingClientRect().width / view.width;
        if (a11y.dataset.overflow) problems.push(`${where}: reported as not fitting: ${a11y.dataset.overflow}`);
        problems.push(...layoutProblems(scene, view, cssPerGame, { where, phone }));
      }
      return problems;
    },
    { walk, phone },
  );
}

export const factCheckReveals = questions
  .filter((question) => question.claim)
  .map((question) => ({ question, mode: 'fact-check' as const }));

export const everyReveal = [
  ...questions.map((question) => ({ question, mode: 'classic' as const })),
  ...factCheckReveals,
];

/** The smallest phone the game is laid out for. */
export const SMALL_PHONE: Viewport = { width: 360, height: 640 };
