/**
 * Walking every reveal the bank can show at 150 % text, opened directly through the test hooks: each question's
 * reveal after a wrong answer (the longest: feedback and all) and each claim's fact-check reveal. A walk returns
 * where a text leaves its card or the screen, where a wrapped text split a word, where a scrolling quote shows part
 * of a line or no cue, where a citation is under 12 CSS px on the phone, or where a screen reports a text it could
 * not fit. Shared by the English and Spanish layout walks.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Question } from '../../src/core/types';
import { bundleBank, loadBankFromDisk } from '../../src/server/bankFiles';
import { PREFERENCES_KEY } from '../../src/storage/PreferencesStore';
import { loadSpanishOverlay } from '../../scripts/spanishBankFiles';
import { openGame, PROJECTOR, type Viewport } from './game';

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
  const page = await openGame(
    browser,
    `${url}?test-hooks`,
    viewport,
    (page) =>
      page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
        PREFERENCES_KEY,
        JSON.stringify({ textScale: 1.5 }),
      ] as const),
    locale ? { locale } : {},
  );
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
      const { wrongAnswerReveal } = await hooks.layoutRounds();
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
        while (a11y.dataset.screen !== 'reveal' && performance.now() < deadline) {
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
        const texts = scene.children.list.filter(
          (object): object is Phaser.GameObjects.Text =>
            object.type === 'Text' &&
            (object as Phaser.GameObjects.Text).visible &&
            (object as Phaser.GameObjects.Text).text.trim() !== '',
        );
        for (const text of texts) {
          const name = `${where}: "${text.text.slice(0, 40).replace(/\s+/g, ' ')}"`;
          const bounds = text.getBounds();
          const scroll = text.getData('scrollWindow') as
            { top: number; height: number; step: number; shownLines: number } | undefined;
          const top = scroll ? scroll.top : bounds.top;
          const bottom = scroll ? scroll.top + scroll.height : bounds.bottom;
          const edge = 0.5;
          if (bounds.left < -edge || top < -edge || bounds.right > view.width + edge || bottom > view.height + edge) {
            problems.push(`${name} leaves the screen (${[bounds.left, top, bounds.right, bottom].map(Math.round)})`);
          }
          const box = text.getData('layoutBox') as { x: number; y: number; width: number; height: number } | undefined;
          if (
            box &&
            (bounds.left < box.x - edge ||
              top < box.y - edge ||
              bounds.right > box.x + box.width + edge ||
              bottom > box.y + box.height + edge)
          ) {
            problems.push(`${name} leaves its card`);
          }
          const wrapWidth = text.style.wordWrapWidth;
          if (wrapWidth) {
            const shown = text.getWrappedText().join(' ').split(/\s+/).filter(Boolean);
            const written = text.text.split(/\s+/).filter(Boolean);
            if (shown.join(' ') !== written.join(' ')) problems.push(`${name} has a word split across lines`);
            if (text.width > wrapWidth + (text.padding.left ?? 0) + (text.padding.right ?? 0) + 1) {
              problems.push(`${name} is wider than its lines (${Math.round(text.width)} > ${wrapWidth})`);
            }
          }
          if (scroll) {
            const lines = (scroll.height + text.lineSpacing) / scroll.step;
            if (Math.abs(lines - Math.round(lines)) > 0.01) problems.push(`${name} shows part of a line`);
            // What the texture's crop really shows (in texture pixels): the whole window, no more, no less.
            const crop = (text as unknown as { _crop: { height: number } })._crop;
            const shownHeight = crop.height / text.style.resolution;
            if (Math.abs(shownHeight - scroll.height) > 1) {
              problems.push(
                `${name} shows ${Math.round(shownHeight)} of its ${Math.round(scroll.height)}-pixel window`,
              );
            }
            const cue = texts.find(
              (other) => other !== text && /[▲▼]/.test(other.text) && other.getData('layoutBox') === box,
            );
            if (!cue) problems.push(`${name} scrolls with no cue`);
          }
          if (phone && text.text.startsWith('— ')) {
            const cssPx = parseFloat(String(text.style.fontSize)) * cssPerGame;
            if (cssPx < 12 - 0.01) problems.push(`${name}: a citation at ${cssPx.toFixed(1)} CSS px`);
          }
        }
      }
      return problems;
    },
    { walk, phone },
  );
}

export const everyReveal = [
  ...questions.map((question) => ({ question, mode: 'classic' as const })),
  ...questions.filter((question) => question.claim).map((question) => ({ question, mode: 'fact-check' as const })),
];

export const classicReveals = everyReveal.filter(({ mode }) => mode === 'classic');
