/**
 * A calendar day as the player's language writes it: English keeps the game's own "6 August 2020"; other
 * languages take their locale's long date ("6 de agosto de 2020").
 */
import { formatLongDate } from './dates';
import type { Translator } from '../i18n/translator';

export function localDate(translator: Translator, isoDate: string): string {
  return translator.language === 'en' ? formatLongDate(isoDate) : translator.formatDate(isoDate.slice(0, 10));
}
