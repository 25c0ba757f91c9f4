/** The spoiler-free share text: what a player pastes into a chat after a round. */
import type { ResultMark } from './challenge';
import type { Translator } from '../i18n/translator';
import { localDate } from './localDate';
import { dailyDateOf } from './dailyDay';
import type { RoundSettings } from './round';
import type { AnswerRecord } from './session';

/** Shape as well as colour, so the grid reads without colour vision. */
export const MARK_SYMBOLS: Record<ResultMark, string> = { right: '✅', wrong: '❌', timeout: '⏰' };

export function marksOf(log: readonly AnswerRecord[]): ResultMark[] {
  return log.map((entry) => (entry.timedOut ? 'timeout' : entry.correct ? 'right' : 'wrong'));
}

export interface ShareFacts {
  /** "Challenge k3j9x2a" or "Daily challenge, 24 November 2026" (the player's local day). */
  label: string;
  score: number;
  correct: number;
  total: number;
  marks: readonly ResultMark[];
  link: string;
}

/**
 * One line per fact, in the player's language; the grid says how each answer went and never which answer was
 * right. The link is the same in every language.
 */
export function shareText(facts: ShareFacts, translator: Translator): string {
  return [
    translator.t('share:text.title'),
    facts.label,
    translator.t('share:text.result', {
      score: translator.formatNumber(facts.score),
      correct: facts.correct,
      total: facts.total,
    }),
    facts.marks.map((mark) => MARK_SYMBOLS[mark]).join(''),
    facts.link,
  ].join('\n');
}

/**
 * The share text's second line: the day of a daily round, or the round's code with its mode; a replay says so, so
 * a second try is never passed off as a first.
 */
export function shareLabel(
  settings: Pick<RoundSettings, 'mode'>,
  seed: string,
  translator: Translator,
  replay = false,
): string {
  const { t } = translator;
  const day = dailyDateOf(seed);
  const label =
    settings.mode === 'daily' && day
      ? t('share:label.daily', { date: localDate(translator, day) })
      : settings.mode === 'classic'
        ? t('share:label.classic', { seed })
        : t('share:label.mode', { mode: t(`common:mode.${settings.mode}.title`), seed });
  return replay ? t('share:label.replay', { label }) : label;
}
