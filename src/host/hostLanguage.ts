/**
 * The host page's language: one translator for the page and its projector, chosen from the teacher's saved choice
 * (the switch in the page's header) or else the browser's languages, and the page's `lang` following it, so a
 * screen reader reads the page in that language's voice. Every piece of text on the page is written with `t`.
 */
import {
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  pickLanguage,
  type Language,
  type LanguageChoice,
} from '../core/languages';
import { createTranslator, loadTranslator, LOCALE_OF, type Translate, type Translator } from '../i18n/translator';
import type { KeyValueStore } from '../storage/SafeStorage';
import { el } from './dom';

const LANGUAGE_KEY = 'source-check:host:language';

let current: Translator = createTranslator('en');

/** The page's translator (English until `startHostLanguage` has chosen). */
export function hostTranslator(): Translator {
  return current;
}

/** Sets the page's translator and `lang` (the page starts with it; tests set one directly). */
export function useHostTranslator(translator: Translator, page: Document | undefined = globalThis.document): void {
  current = translator;
  if (page) page.documentElement.lang = translator.locale;
}

/** `t` of the page's translator in force when called. */
export const t = ((...args: unknown[]) =>
  (current.t as unknown as (...a: unknown[]) => string)(...args)) as unknown as Translate;

/** The teacher's saved choice of language, or 'auto' (follow the browser). */
export function savedLanguageChoice(storage: KeyValueStore): LanguageChoice {
  const saved = storage.getItem(LANGUAGE_KEY);
  return isLanguage(saved) ? saved : 'auto';
}

/**
 * Chooses the page's language and loads its strings; a language whose strings cannot be downloaded leaves the
 * page in English (with a warning in the console) rather than stopped.
 */
export async function startHostLanguage(storage: KeyValueStore, browserLanguages: readonly string[]): Promise<void> {
  const language = pickLanguage(savedLanguageChoice(storage), browserLanguages);
  try {
    useHostTranslator(await loadTranslator(language));
  } catch (error) {
    console.warn('Source Check: the interface strings could not be downloaded; using English.', error);
    useHostTranslator(createTranslator('en'));
  }
}

/**
 * The header's language switch: each language by its own name; a choice is kept on this browser and the page opens
 * again in it (the class it hosts comes back with it).
 */
export function languageSwitch(storage: KeyValueStore, reload: () => void = () => location.reload()): HTMLElement {
  const select = el('select', { attrs: { id: 'host-language' }, data: { name: 'host-language' } });
  for (const language of LANGUAGES) {
    const option = el('option', {
      text: LANGUAGE_NAMES[language],
      attrs: { value: language, lang: LOCALE_OF[language] },
    });
    option.selected = language === current.language;
    select.append(option);
  }
  select.addEventListener('change', () => {
    if (!isLanguage(select.value) || select.value === current.language) return;
    storage.setItem(LANGUAGE_KEY, select.value satisfies Language);
    reload();
  });
  return el(
    'div',
    { class: 'host-language' },
    el('label', { attrs: { for: 'host-language' }, text: t('host:language') }),
    ' ',
    select,
  );
}
