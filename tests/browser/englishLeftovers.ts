/**
 * A cheap detector of English left on a Spanish screen: the words of the English interface strings that no Spanish
 * string uses (nor any quote or source of the bank, which stay as published), looked for in a screen's text outside
 * the parts marked `lang="en"`. A word it finds names the English string to translate or route through `t`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadBankFromDisk } from '../../src/server/bankFiles';

const root = join(import.meta.dirname, '..', '..');
const locales = join(root, 'src', 'i18n', 'locales');

/** Every string value of a locale's files, placeholders ({{count}}) left out. */
function localeTexts(language: string): string[] {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value.replace(/\{\{[^}]*\}\}/g, ' '));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const file of readdirSync(join(locales, language)).filter((name) => name.endsWith('.json'))) {
    walk(JSON.parse(readFileSync(join(locales, language, file), 'utf8')));
  }
  return texts;
}

/** Words of four letters or more, lower-cased: short ones ("a", "no", "son") are shared by both languages. */
const wordsOf = (text: string): string[] => text.toLowerCase().match(/\p{L}{4,}/gu) ?? [];

function englishOnlyWords(): Set<string> {
  const spanish = new Set(localeTexts('es').flatMap(wordsOf));
  const { bank } = loadBankFromDisk(join(root, 'questions'), root);
  const published = [
    ...Object.values(bank.sources).flatMap((source) => [source.title, source.publisher, source.author]),
    ...bank.questions.flatMap((question) => [
      ...question.evidence.map((excerpt) => excerpt.quote),
      ...(question.claim ? [question.claim.quote] : []),
    ]),
  ];
  for (const word of published.flatMap(wordsOf)) spanish.add(word);
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

/** The text of `selector` on the page, less what is marked as English (quotes and titles as published). */
export function textOutsideEnglish(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    // Marked English, and what a page with scripts never shows (a <noscript> can only be in the page's HTML).
    for (const left of copy.querySelectorAll('[lang^="en"], noscript, script, style, template')) left.remove();
    // textContent joins neighbours without a space; the words must stay apart.
    for (const node of copy.querySelectorAll('*')) node.append(' ');
    return copy.textContent ?? '';
  });
}

/** The English-only words on `selector`'s text, with a few words around each, for a test failure to show. */
export async function englishLeftOn(page: Page, selector: string): Promise<string[]> {
  // An address is no sentence: its words ("?class=") are the program's.
  const text = (await textOutsideEnglish(page, selector)).replace(/https?:\/\/\S+/g, ' ').replace(/\s+/g, ' ');
  return englishLeftovers(text).map((word) => {
    const at = text.toLowerCase().indexOf(word);
    return `${word}: “…${text.slice(Math.max(0, at - 40), at + word.length + 40)}…”`;
  });
}
