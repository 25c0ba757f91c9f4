import { describe, expect, inject, it } from 'vitest';
import { axeProblems } from './axe';
import { answerButtons, openGame, pageErrors, PHONE, screenshot, waitForScreen } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const RIGHT = 'Open new tabs and see what others say about the site';
const GIFT = [
  '::Lateral reading:: You find a claim on an unfamiliar site. What do you do first? {',
  `  =${RIGHT}`,
  "  ~Read the site's About page closely",
  '  ~Share it and ask your friends',
  '}',
  '',
  '::Two right:: Which is right? {=One =Two ~Three}',
  '',
].join('\n');
const chromium = useChromium();
describe("a class of the teacher's own questions", () => {
  it('is set up from a GIFT file on the host page and played on a student’s phone', async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const teacher = await context.newPage();
    const teacherErrors: string[] = [];
    teacher.on('pageerror', (error) => teacherErrors.push(error.message));
    await teacher.goto(new URL('host.html', url).href);
    await teacher.waitForSelector('form[data-name="setup"]');
    await teacher.setInputFiles('#own-questions-file', {
      name: 'lesson.gift',
      mimeType: 'text/plain',
      buffer: Buffer.from(GIFT, 'utf8'),
    });
    await teacher.waitForSelector('[data-name="own-questions-report"]:not([hidden])');
    const summary = (await teacher.textContent('[data-name="own-questions-summary"]'))!;
    expect(summary).toContain('1 question ready to play.');
    expect(summary).toContain('The class will play this question');
    expect(await teacher.textContent('[data-name="own-questions-report"] h3')).toBe('What was skipped in lesson.gift');
    const skipped = await teacher.$$eval('[data-name="own-questions-report"] li', (items) =>
      items.map((item) => item.textContent ?? ''),
    );
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatch(/^Skipped: .*Two right/);
    // The picker still names the file it read.
    expect(await teacher.$eval('#own-questions-file', (input) => (input as HTMLInputElement).files?.[0]?.name)).toBe(
      'lesson.gift',
    );
    // The form with the report on it: nothing serious or critical for axe.
    expect(await axeProblems(teacher)).toEqual([]);
    await teacher.locator('[data-name="own-questions"]').scrollIntoViewIfNeeded();
    await screenshot(teacher, 'host-own-questions-1366x900');

    await teacher.check('input[name="pace"][value="self"]');
    await teacher.uncheck('#hold-start');
    await teacher.click('form[data-name="setup"] button[type="submit"]');
    // The class opens at once, so the join panel has shrunk to its corner: the link is there, not shown large.
    await teacher.waitForSelector('[data-name="join-link"]', { state: 'attached' });
    const joinUrl = (await teacher.getAttribute('[data-name="join-link"]', 'href'))!;

    const student = await openGame(chromium.browser, url, PHONE);
    await student.goto(joinUrl);
    await student.waitForFunction(() => document.body.dataset.classMode === 'name', undefined, { timeout: 20_000 });
    await student.keyboard.press('Enter');
    await waitForScreen(student, 'class-question', 20_000);
    const choices = await answerButtons(student);
    const right = choices.findIndex((choice) => choice.includes(RIGHT));
    expect(right).toBeGreaterThanOrEqual(0);
    await student.keyboard.press(String(right + 1));
    await waitForScreen(student, 'class-reveal');
    expect(await student.textContent('#a11y [data-name="no-source"]')).toContain('No source given.');
    await screenshot(student, 'class-reveal-own-question-390x844');
    expect(pageErrors(student)).toEqual([]);
    expect(teacherErrors).toEqual([]);
    await student.context().close();
    await context.close();
  });
});
