/**
 * Puts a language in force on the game's screens and on the page around them: the canvas text is drawn with
 * the game's translator (kept in its registry, like the palette), and the page's `lang` follows, so a screen
 * reader reads the accessible layer in that language's voice; the page's title and description follow too.
 */
import type Phaser from 'phaser';
import { DEFAULT_LANGUAGE, pickLanguage, type LanguageChoice } from '../core/languages';
import { createTranslator, loadTranslator, type Translator } from '../i18n/translator';

const TRANSLATOR_KEY = 'translator';
let english: Translator | undefined;

/**
 * The translator for a player's choice, given the browser's languages (`navigator.languages`); a language whose
 * strings cannot be downloaded (offline, on a first visit) leaves the game in English rather than stopped.
 */
export async function translatorFor(choice: LanguageChoice, browserLanguages: readonly string[]): Promise<Translator> {
  try {
    const language = pickLanguage(choice, browserLanguages);
    // English's first-screen strings come with the game; the rest arrive with the screens that say them.
    if (language === DEFAULT_LANGUAGE) return createTranslator(language);
    return await loadTranslator(language);
  } catch (error) {
    console.warn('Source Check: the interface strings could not be downloaded; using English.', error);
    return createTranslator('en');
  }
}

/** The game's translator and the page's language, switched together; a screen drawn after it speaks it. */
export function applyPageLanguage(translator: Translator, game?: Phaser.Game, page: Document = document): Translator {
  game?.registry.set(TRANSLATOR_KEY, translator);
  page.documentElement.lang = translator.locale;
  page.title = translator.t('menu:title.heading');
  page.querySelector('meta[name="description"]')?.setAttribute('content', translator.t('menu:title.pageDescription'));
  return translator;
}

/** The translator a scene (or a widget on it) writes with: the game's, or English before any is chosen. */
export function translatorOf(scene: Phaser.Scene): Translator {
  return (scene.game.registry.get(TRANSLATOR_KEY) as Translator | undefined) ?? (english ??= createTranslator('en'));
}
