/**
 * A refusal of the class server's on the host page in Spanish: a teacher whose browser asks for Spanish asks for a
 * class of class-only questions from a topic and a kind that hold none; the server refuses (code `no-questions`, an
 * English sentence) and the form says why in Spanish, axe clean, photographed.
 */
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { classOnlyIds } from '../../src/core/classPool';
import { SPANISH_RESOURCES } from '../../src/i18n/spanishResources';
import { loadBankFromDisk } from '../../src/server/bankFiles';
import { axeAllProblems } from './axe';
import { englishLeftOn } from './englishLeftovers';
import { PROJECTOR, screenshot } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();
const root = join(import.meta.dirname, '..', '..');
const { bank } = loadBankFromDisk(join(root, 'questions'), root);

/** A topic and a kind of question between which the bank holds no class-only question. */
function emptyChoice(): { topic: string; kind: string } {
  const classOnly = classOnlyIds(bank.questions);
  const kinds = [...new Set(bank.questions.map((question) => question.kind))];
  for (const topic of bank.topics) {
    for (const kind of kinds) {
      const held = bank.questions.filter(
        (question) => classOnly.has(question.id) && question.topic === topic.id && question.kind === kind,
      );
      if (kind && held.length === 0) return { topic: topic.id, kind };
    }
  }
  throw new Error('every topic holds class-only questions of every kind: this test needs another refusal');
}

describe('a refusal on the host page in Spanish', () => {
  it('says in Spanish why the class server would not create the class', async () => {
    const context = await chromium.browser.newContext({ viewport: PROJECTOR, locale: 'es-MX' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(new URL('host.html', url).href);
    await page.waitForSelector('form[data-name="setup"]');
    const { topic, kind } = emptyChoice();
    await page.check('input[name="pool"][value="class-only"]');
    await page.check(`input[name="topic"][value="${topic}"]`);
    await page.check(`input[name="kind"][value="${kind}"]`);
    const refused = page.waitForResponse((response) => response.url().endsWith('/api/classes'));
    await page.click('form[data-name="setup"] button[type="submit"]');
    // The server's own refusal, in English with its code…
    const reply = await refused;
    expect(reply.status()).toBe(422);
    expect(((await reply.json()) as { error: string }).error).toBe('no-questions');
    // …and the page's words for it in Spanish.
    const problem = page.locator('form[data-name="setup"] [role="alert"]');
    await problem.waitFor();
    expect(await problem.textContent()).toBe(SPANISH_RESOURCES.host.refusal['no-questions']);
    expect(await problem.textContent()).toMatch(/^Los temas y tipos elegidos no tienen preguntas/);
    expect(await axeAllProblems(page)).toEqual([]);
    expect(await englishLeftOn(page, 'body')).toEqual([]);
    await problem.scrollIntoViewIfNeeded();
    await screenshot(page, 'host-es-refusal-1366x768');
    expect(errors).toEqual([]);
    await context.close();
  });
});
