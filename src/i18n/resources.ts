/**
 * Every interface string, one JSON file per language and namespace (`locales/<language>/<namespace>.json`).
 * English is the reference: its files define the keys (and their types, see i18next.d.ts) and are bundled with
 * the game; every other language has the same keys (a unit test compares them, plural forms by each language's
 * own rules) and is a download of its own, fetched only by a player who speaks it.
 */
import common from './locales/en/common.json';
import settings from './locales/en/settings.json';
import play from './locales/en/play.json';
import menu from './locales/en/menu.json';
import share from './locales/en/share.json';
import check from './locales/en/check.json';
import classroom from './locales/en/classroom.json';
import host from './locales/en/host.json';
import banks from './locales/en/banks.json';
import type { Language } from '../core/languages';

export const ENGLISH_RESOURCES = { common, settings, play, menu, share, check, classroom, host, banks };

export type Resources = typeof ENGLISH_RESOURCES;
export type Namespace = keyof Resources;
export const NAMESPACES = Object.keys(ENGLISH_RESOURCES) as Namespace[];
export const DEFAULT_NAMESPACE = 'common' satisfies Namespace;

/** A language's strings: English at once, any other from its own file. */
export async function loadResources(language: Language): Promise<Resources> {
  if (language === 'en') return ENGLISH_RESOURCES;
  return (await import('./spanishResources')).SPANISH_RESOURCES;
}
