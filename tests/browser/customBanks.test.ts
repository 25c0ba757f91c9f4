/**
 * "Use your own questions" in a real Chromium: a teacher's file through the file picker and by drag and drop, the
 * problems on screen, a round from the bank to the reveal, the bank kept over a reload, exported, renamed, removed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { parseSources } from '../../src/core/bank';
import { importQuestions } from '../../src/core/import/index';
import { readSourceFiles } from '../../src/server/bankFiles';
import {
  answerButtons,
  clickCanvasButton,
  labelled,
  openGame,
  pageErrors,
  PHONE,
  PROJECTOR,
  screenshot,
  waitForScreen,
  type Viewport,
} from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const root = join(import.meta.dirname, '..', '..');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const chromium = useChromium();
/** One question ready to play (no source, no explanation) and one with no right answer. */
const CLASS_QUIZ = [
  '// Week 3: who is behind the article?',
  '::Byline:: Who wrote the 2020 article about the TikTok ban? {',
  '  =It does not say',
  '  ~A White House reporter',
  '  ~The Wall Street Journal',
  '}',
  '',
  '::No right answer:: Who owns TikTok? {',
  '  ~ByteDance',
  '  ~Microsoft',
  '}',
  '',
].join('\n');
const CLASS_QUIZ_PROBLEM =
  'Skipped: Line 8, question "No right answer", answers: no answer is marked correct; start the right answer with "="';

/** A spreadsheet row whose excerpt is checked against the shipped order. */
const ORDERS_CSV = [
  'Question,Answer 1,Answer 2,Time limit (sec),Correct answer(s),Source,Excerpt,Explanation',
  'How many days after EO 13942 did its prohibitions begin?,30,45,30,2,eo-13942,' +
    '"The following actions shall be prohibited beginning 45 days after the date of this order",' +
    'Section 1(a) of the order says so.',
  '',
].join('\n');

const button = (name: string) => `#a11y button[data-name="${name}"]`;

async function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (elements) => elements.map((element) => element.textContent ?? ''));
}

async function focusedName(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.name);
}

const choosersIntercepted = new WeakSet<Page>();

/**
 * From the title, with the mouse, to "Use your own questions" once its screens and the source texts are there.
 * A standing file-chooser listener keeps Playwright's interception on: `waitForEvent` alone turns it on without
 * waiting, and a key press can open the chooser before that lands.
 */
async function openCustomBanks(page: Page): Promise<void> {
  if (!choosersIntercepted.has(page)) page.on('filechooser', () => undefined);
  choosersIntercepted.add(page);
  await clickCanvasButton(page, button('Your questions'));
  await waitForScreen(page, 'custom-banks');
  await page.waitForSelector(button('load-file'));
}

/** Presses the key of the answer with this text. */
async function answer(page: Page, text: string): Promise<void> {
  const shown = await answerButtons(page);
  expect(shown).toContain(text);
  await page.keyboard.press(String(shown.indexOf(text) + 1));
}

/** Drops a file on the page as a file manager does. */
async function dropFile(page: Page, name: string, content: string | Uint8Array): Promise<void> {
  await page.evaluate(
    ([fileName, data]) => {
      const transfer = new DataTransfer();
      const body = typeof data === 'string' ? data : Uint8Array.from(data!);
      transfer.items.add(new File([body], fileName!, { type: 'text/plain' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    [name, typeof content === 'string' ? content : [...content]] as const,
  );
}

/** Serious and critical axe-core violations; axe is evaluated directly, as the page's CSP refuses injected tags. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(axePath, 'utf8'));
  const violations = await page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Violation[] }> } })
      .axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('use your own questions', () => {
  // A long walk through the whole kit, with three page loads: more than the usual time on a slow machine.
  it(
    'loads a GIFT file, shows its problem, plays its good question, keeps, exports, renames and removes the bank',
    {
      timeout: 240_000,
    },
    async () => {
      const page = await openGame(chromium.browser, url);
      await openCustomBanks(page);
      expect(await page.$eval('#a11y [data-name="usage"]', (e) => e.textContent)).toBe(
        'No banks yet: load a file to make one.',
      );
      await screenshot(page, 'custom-banks-empty-1366x768');

      // The picker opens from a real click on the canvas button, offering the importer's file endings.
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        clickCanvasButton(page, button('load-file')),
      ]);
      expect(await chooser.element().getAttribute('accept')).toBe('.gift,.txt,.csv,.yaml,.yml');
      await chooser.setFiles({ name: 'Class quiz.gift', mimeType: 'text/plain', buffer: Buffer.from(CLASS_QUIZ) });

      await waitForScreen(page, 'custom-bank');
      expect(await texts(page, '#a11y [data-name="problems"] li')).toEqual([CLASS_QUIZ_PROBLEM]);
      expect(await page.$eval('#a11y [data-name="summary"]', (e) => e.textContent)).toBe(
        'Class quiz.gift: 1 question ready to play. 1 problem: a question with a problem is left out until it is fixed.',
      );
      expect(await page.$eval('#a11y [data-name="notice"]', (e) => e.textContent)).toBe('Saved on this device.');
      expect(await texts(page, '#a11y [data-name="questions"] li')).toEqual([
        '1. Who wrote the 2020 article about the TikTok ban?  (no source given, no explanation)',
      ]);
      expect(await page.$eval('#a11y', (e) => (e as HTMLElement).dataset.overflow)).toBeUndefined();
      await screenshot(page, 'custom-bank-report-1366x768');
      expect(await axeProblems(page)).toEqual([]);

      // Focus is on Play: Enter starts a round of the one good question.
      expect(await focusedName(page)).toBe('play');
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'question');
      expect(await labelled(page, 'Progress')).toBe('Question 1 of 1');
      expect(await page.$eval('#a11y h2', (e) => e.textContent)).toBe(
        'Who wrote the 2020 article about the TikTok ban?',
      );
      await answer(page, 'It does not say');
      await waitForScreen(page, 'reveal');
      expect(await page.$eval('#a11y [role="status"]', (e) => e.textContent)).toMatch(
        /^Correct, plus \d+ points\. The answer is: It does not say\. Score: [\d,]+\. No source given\.$/,
      );
      const region = '#a11y section[aria-label="Source"]';
      expect(await page.$$(`${region} .excerpt`)).toHaveLength(0);
      expect(await page.$eval(`${region} [data-name="no-source"]`, (e) => e.textContent)).toMatch(/^No source given\./);
      expect(await texts(page, `${region} p`)).toContain('No explanation given.');
      expect(await page.$eval('#a11y', (e) => (e as HTMLElement).dataset.overflow)).toBeUndefined();
      await screenshot(page, 'reveal-no-source-1366x768');
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'results');

      // Still there after a reload.
      await page.reload();
      await waitForScreen(page, 'title');
      await openCustomBanks(page);
      expect(await page.$eval(button('bank-b1'), (e) => e.textContent)).toBe('Class quiz, 1 question');
      expect(await page.$eval('#a11y [data-name="usage"]', (e) => e.textContent)).toMatch(
        /^1 bank · \d+ bytes of 1 MB$/,
      );
      await screenshot(page, 'custom-banks-saved-1366x768');
      await clickCanvasButton(page, button('bank-b1'));
      await waitForScreen(page, 'custom-bank');
      expect(await page.$$('#a11y [data-name="problems"]')).toHaveLength(0);

      // Export: a download of the bank as the game's YAML, which reads back to the same question.
      const [download] = await Promise.all([page.waitForEvent('download'), clickCanvasButton(page, button('export'))]);
      expect(download.suggestedFilename()).toBe('class-quiz.yaml');
      const yaml = readFileSync((await download.path())!, 'utf8');
      expect(yaml).toContain('title: Class quiz\n');
      expect(yaml).toContain('prompt: Who wrote the 2020 article about the TikTok ban?\n');
      expect(yaml).toContain('      - text: It does not say\n        correct: true\n');
      const sources = parseSources(readSourceFiles(join(root, 'questions', 'sources'), root), []);
      const back = importQuestions({ path: 'class-quiz.yaml', text: yaml }, { sources });
      expect(back.problems).toEqual([]);
      expect(back.questions.map((question) => question.prompt)).toEqual([
        'Who wrote the 2020 article about the TikTok ban?',
      ]);
      await waitForScreen(page, 'custom-bank');
      expect(await page.$eval('#a11y [data-name="notice"]', (e) => e.textContent)).toBe(
        'Exported as class-quiz.yaml: look in your downloads.',
      );

      // Rename with the keyboard: R opens a real text box; M is typed into it rather than muting the game.
      await page.keyboard.press('r');
      await page.waitForSelector('#a11y input[aria-label="New name"]');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('New name');
      await screenshot(page, 'custom-bank-rename-1366x768');
      await page.keyboard.type('Media week');
      await page.keyboard.press('Enter');
      await page.waitForSelector(button('play'));
      expect(await page.$eval('#a11y h2', (e) => e.textContent)).toBe('Media week');
      expect(await page.$eval('#a11y [data-name="notice"]', (e) => e.textContent)).toBe('Renamed.');
      expect(await page.$eval(button('Sound'), (e) => e.textContent)).toBe('Mute sound');

      // Remove, with a confirmation whose safe choice has the focus.
      await clickCanvasButton(page, button('remove'));
      await page.waitForSelector(button('confirm-remove'));
      expect(await focusedName(page)).toBe('keep');
      expect(await page.$eval('#a11y [role="alertdialog"]', (e) => e.textContent)).toContain(
        'Remove “Media week” from this device?',
      );
      await screenshot(page, 'custom-bank-remove-1366x768');
      expect(await axeProblems(page)).toEqual([]);
      await clickCanvasButton(page, button('confirm-remove'));
      await waitForScreen(page, 'custom-banks');
      expect(await page.$eval('#a11y [data-name="notice"]', (e) => e.textContent)).toBe('Removed “Media week”.');
      expect(await page.$$(button('bank-b1'))).toHaveLength(0);
      await page.reload();
      await waitForScreen(page, 'title');
      await openCustomBanks(page);
      expect(await page.$eval('#a11y [data-name="usage"]', (e) => e.textContent)).toBe(
        'No banks yet: load a file to make one.',
      );
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    },
  );

  it('reads a spreadsheet Excel saved as Windows-1252 and lists that as a change', async () => {
    const page = await openGame(chromium.browser, url);
    await openCustomBanks(page);
    const bytes = readFileSync(
      join(root, 'tests', 'fixtures', 'import', 'real', 'kahoot-template-excel-windows-1252.csv'),
    );
    await dropFile(page, 'Week 3.csv', bytes);
    await waitForScreen(page, 'custom-bank');
    const listed = await texts(page, '#a11y [data-name="problems"] li');
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatch(/^Changed: The file is not UTF-8: it was read as Windows-1252.*"CSV UTF-8"/);
    expect(await page.$eval('#a11y [data-name="summary"]', (e) => e.textContent)).toBe(
      'Week 3.csv: 5 questions ready to play. 1 change made in reading the file, listed below.',
    );
    expect(await texts(page, '#a11y [data-name="questions"] li')).toContain(
      '4. What’s the first SIFT move?  (no source given, no explanation)',
    );
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('takes a dropped spreadsheet and shows its checked excerpt after the answer', async () => {
    const page = await openGame(chromium.browser, url);
    await openCustomBanks(page);
    await dropFile(page, 'Orders.csv', ORDERS_CSV);
    await waitForScreen(page, 'custom-bank');
    expect(await page.$$('#a11y [data-name="problems"]')).toHaveLength(0);
    await page.keyboard.press('p');
    await waitForScreen(page, 'question');
    expect(await labelled(page, 'Time left')).toMatch(/^(30|29) seconds left$/);
    await answer(page, '30');
    await waitForScreen(page, 'reveal');
    const excerpts = await page.$$eval('#a11y section[aria-label="Source"] .excerpt', (elements) =>
      elements.map((element) => (element as HTMLElement).dataset.quote),
    );
    expect(excerpts).toEqual([
      'The following actions shall be prohibited beginning 45 days after the date of this order',
    ]);
    expect(await page.$$('#a11y [data-name="no-source"]')).toHaveLength(0);
    expect(await texts(page, '#a11y section[aria-label="Source"] p')).toContain(
      'Why: Section 1(a) of the order says so.',
    );
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  for (const viewport of [PHONE, PROJECTOR] as Viewport[]) {
    const size = `${viewport.width}x${viewport.height}`;
    it(
      `lists many problems in a list that scrolls, and lays out every screen at ${size}`,
      {
        timeout: 180_000,
      },
      async () => {
        const page = await openGame(chromium.browser, url, viewport);
        await openCustomBanks(page);
        // Thirty questions with no right answer and one without a source: a long list, and a bank to open.
        const broken = Array.from(
          { length: 30 },
          (_, i) => `::Broken ${i + 1}:: Question number ${i + 1} with no right answer? {\n  ~One\n  ~Two\n}\n`,
        );
        const file = [...broken, '::Kept:: Which question is fine? {\n  =This one\n  ~The others\n}\n'].join('\n');
        // The keyboard opens the picker too: Enter on the focused button.
        await page.focus(button('load-file'));
        const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
        await chooser.setFiles({ name: 'Long quiz.gift', mimeType: 'text/plain', buffer: Buffer.from(file) });
        await waitForScreen(page, 'custom-bank');
        expect(await texts(page, '#a11y [data-name="problems"] li')).toHaveLength(30);
        expect(await page.$eval('#a11y', (e) => (e as HTMLElement).dataset.overflow)).toBeUndefined();
        // The list is longer than its panel: ▼ scrolls it, by mouse on the canvas.
        await page.waitForSelector(button('list-down'));
        await screenshot(page, `custom-bank-long-${size}`);
        await clickCanvasButton(page, button('list-down'));
        await clickCanvasButton(page, button('list-down'));
        await page.keyboard.press('End');
        await screenshot(page, `custom-bank-long-scrolled-${size}`);
        await page.keyboard.press('Escape');
        await waitForScreen(page, 'custom-banks');
        expect(await focusedName(page)).toBe('bank-b1');
        await screenshot(page, `custom-banks-${size}`);

        // A file with nothing to play stays on the list screen with its problems.
        const [again] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('l')]);
        await again.setFiles({ name: 'Broken.gift', mimeType: 'text/plain', buffer: Buffer.from(broken.join('\n')) });
        await page.waitForSelector('#a11y [data-name="problems"] li');
        expect(await page.$eval('#a11y [data-name="summary"]', (e) => e.textContent)).toBe(
          'No question can be played yet: 30 problems to fix. Fix the file and load it again.',
        );
        expect(await page.$eval('#a11y', (e) => (e as HTMLElement).dataset.overflow)).toBeUndefined();
        await screenshot(page, `custom-banks-report-${size}`);
        expect(await axeProblems(page)).toEqual([]);
        expect(pageErrors(page)).toEqual([]);
        await page.context().close();
      },
    );
  }
});
