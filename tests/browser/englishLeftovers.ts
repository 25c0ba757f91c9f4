/**
 * A cheap detector of English left on a Spanish screen: the words of the English interface strings that no Spanish
 * string uses (nor any quote or source of the bank, which stay as published), looked for in a screen's text outside
 * the parts marked `lang="en"`. A word it finds names the English string to translate or route through `t`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadSpanishOverlay } from '../../scripts/spanishBankFiles';
import { NICKNAME_ADJECTIVES, NICKNAME_NOUNS } from '../../src/core/nicknames';
import { loadBankFromDisk } from '../../src/server/bankFiles';

const root = join(import.meta.dirname, '..', '..');
const locales = join(root, 'src', 'i18n', 'locales');

/** Every string in `value` (an object's values, an array's items), placeholders ({{count}}) left out. */
function stringsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value.replace(/\{\{[^}]*\}\}/g, ' '));
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsOf(item, into);
  return into;
}

/** Every string of a locale's files. */
const localeTexts = (language: string): string[] =>
  readdirSync(join(locales, language))
    .filter((name) => name.endsWith('.json'))
    .flatMap((file) => stringsOf(JSON.parse(readFileSync(join(locales, language, file), 'utf8'))));

/** Words of four letters or more, lower-cased: short ones ("a", "no", "son") are shared by both languages. */
const wordsOf = (text: string): string[] => text.toLowerCase().match(/\p{L}{4,}/gu) ?? [];

function englishOnlyWords(): Set<string> {
  const { bank } = loadBankFromDisk(join(root, 'questions'), root);
  // The bank's Spanish is Spanish too ("resume" is a Spanish verb as well as an English one).
  const overlay = loadSpanishOverlay(join(root, 'questions'), bank, root).overlay;
  const spanish = new Set([...localeTexts('es'), ...stringsOf(overlay)].flatMap(wordsOf));
  const published = [
    ...Object.values(bank.sources).flatMap((source) => [source.title, source.publisher, source.author]),
    ...bank.questions.flatMap((question) => [
      ...question.evidence.map((excerpt) => excerpt.quote),
      ...(question.claim ? [question.claim.quote] : []),
    ]),
  ];
  // Names, not words of the interface: the generated nicknames ("Brave Otter") are the same in every language.
  for (const word of [...published, ...NICKNAME_ADJECTIVES, ...NICKNAME_NOUNS].flatMap(wordsOf)) spanish.add(word);
  return new Set(
    localeTexts('en')
      .flatMap(wordsOf)
      .filter((word) => !spanish.has(word)),
  );
}

let englishOnly: Set<string> | undefined;

/** The English-only words in `text`, each once. */
export function englishLeftovers(text: string): string[] {
  englishOnly ??= englishOnlyWords();
  return [...new Set(wordsOf(text).filter((word) => englishOnly!.has(word)))];
}

/**
 * The text of `selector` on the page, less what is marked as English (quotes and titles as published), and less the
 * elements whose text starts with one of `englishAfter` (lines known to carry English after a translated label).
 */
export function textOutsideEnglish(
  page: Page,
  selector: string,
  englishAfter: readonly string[] = [],
): Promise<string> {
  return page.$eval(
    selector,
    (element, prefixes) => {
      const copy = element.cloneNode(true) as HTMLElement;
      // Marked English, and what a page with scripts never shows (a <noscript> can only be in the page's HTML).
      for (const left of copy.querySelectorAll('[lang^="en"], noscript, script, style, template')) left.remove();
      for (const line of copy.querySelectorAll('*')) {
        if (prefixes.some((prefix) => line.textContent?.trimStart().startsWith(prefix))) line.remove();
      }
      // textContent joins neighbours without a space; the words must stay apart.
      for (const node of copy.querySelectorAll('*')) node.append(' ');
      return copy.textContent ?? '';
    },
    englishAfter,
  );
}

/** The English-only words on `selector`'s text, with a few words around each, for a test failure to show. */
export async function englishLeftOn(page: Page, selector: string): Promise<string[]> {
  // An address is no sentence: its words ("?class=") are the program's. Nor is a term of a teacher's file, which the
  // importer's lines quote in straight quotes as the file has it (field "choices", column "Answer 2").
  const text = (await textOutsideEnglish(page, selector))
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/"[^"\n]{1,60}"/g, ' ')
    .replace(/\s+/g, ' ');
  return englishLeftovers(text).map((word) => {
    const at = new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'iu').exec(text)?.index ?? 0;
    return `${word}: “…${text.slice(Math.max(0, at - 40), at + word.length + 40)}…”`;
  });
}
