/** The How to play text: scoring and sources, short enough to read in under half a minute. */
import { MAX_ANSWER_POINTS, MIN_CORRECT_POINTS, STREAK_BONUS_CAP, STREAK_BONUS_STEP } from '../core/settings';
import type { Translator } from '../i18n/translator';

/** A slow reading pace for a class (adults read 200–300 words a minute). */
export const READING_WORDS_PER_MINUTE = 200;
export const READING_TIME_GOAL_SEC = 30;

export function howToPlayRules(
  settings: { timeLimitSec: number | null; timeScale: number },
  translator: Pick<Translator, 't' | 'formatNumber'>,
): string[] {
  const { t } = translator;
  const points = (value: number) => translator.formatNumber(value);
  const time =
    settings.timeLimitSec === null
      ? t('play:howToPlay.timeOff')
      : t('play:howToPlay.time', { seconds: Math.round(settings.timeLimitSec * settings.timeScale) });
  return [
    t('play:howToPlay.article'),
    t('play:howToPlay.answer', { time }),
    t('play:howToPlay.points', {
      least: points(MIN_CORRECT_POINTS),
      most: points(MAX_ANSWER_POINTS),
      step: STREAK_BONUS_STEP,
      cap: STREAK_BONUS_CAP,
    }),
    t('play:howToPlay.reveal'),
    t('play:howToPlay.modes'),
    t('play:howToPlay.mute'),
  ];
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
