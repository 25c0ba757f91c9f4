/**
 * Every interface string, one JSON file per language and namespace (`locales/<language>/<namespace>.json`).
 * English is the reference: its files define the keys (and their types, see i18next.d.ts); every other language
 * has the same keys (a unit test compares them, plural forms by each language's own rules) and is a download of
 * its own, fetched only by a player who speaks it. Of English, only the namespaces the first screen can show come
 * with the game; the rest (a round's, the class screens', the host page's) is a download of its own too
 * (`englishLater.ts`), fetched with the screens that speak it.
 */
import common from './locales/en/common.json';
import settings from './locales/en/settings.json';
import menu from './locales/en/menu.json';
import share from './locales/en/share.json';
import type { LATER_ENGLISH } from './englishLater';
import type { Language } from '../core/languages';

/** What the title, the loading and the error screens can say, with what the title's notices quote. */
const FIRST_SCREEN_ENGLISH = { common, settings, menu, share };

export type Resources = typeof FIRST_SCREEN_ENGLISH & typeof LATER_ENGLISH;
export type Namespace = keyof Resources;
export const NAMESPACES: readonly Namespace[] = [
  'common',
  'settings',
  'play',
  'menu',
  'share',
  'check',
  'classroom',
  'host',
  'banks',
  'import',
];
export const DEFAULT_NAMESPACE = 'common' satisfies Namespace;

/** The English namespaces here so far: the first screen's at once, the rest once `loadEnglish` has them. */
const english: Partial<Resources> = { ...FIRST_SCREEN_ENGLISH };
const onEnglishAdded = new Set<(strings: Partial<Resources>) => void>();
let laterEnglish: Promise<Resources> | undefined;

/** The English strings here now (every namespace once `loadEnglish` has resolved). */
export function englishSoFar(): Partial<Resources> {
  return { ...english };
}

/** Calls `listener` with the English namespaces that arrive later (a translator adds them to its own store). */
export function whenEnglishAdded(listener: (strings: Partial<Resources>) => void): void {
  onEnglishAdded.add(listener);
}

/** Every English namespace: the ones that come later are downloaded once, and every translator is given them. */
export function loadEnglish(): Promise<Resources> {
  laterEnglish ??= import('./englishLater').then(
    ({ LATER_ENGLISH }) => {
      Object.assign(english, LATER_ENGLISH);
      for (const listener of onEnglishAdded) listener(LATER_ENGLISH);
      // Nothing more will arrive: a translator made from now on has every namespace from the start.
      onEnglishAdded.clear();
      return english as Resources;
    },
    (error: unknown) => {
      // A failed download may work on the next try.
      laterEnglish = undefined;
      throw error;
    },
  );
  return laterEnglish;
}

/** Every string of a language: English's namespaces in full, any other language from its own file. */
export async function loadResources(language: Language): Promise<Resources> {
  if (language === 'en') return loadEnglish();
  return (await import('./spanishResources')).SPANISH_RESOURCES;
}
