/** The How to play text: scoring and sources, short enough to read in under half a minute. */
import { MAX_ANSWER_POINTS, MIN_CORRECT_POINTS, STREAK_BONUS_CAP, STREAK_BONUS_STEP } from '../core/settings';

/** A slow reading pace for a class (adults read 200–300 words a minute). */
export const READING_WORDS_PER_MINUTE = 200;
export const READING_TIME_GOAL_SEC = 30;

export function howToPlayRules(settings: { timeLimitSec: number | null; timeScale: number }): string[] {
  const points = (value: number) => value.toLocaleString('en-US');
  return [
    'A 2020 article on the TikTok ban makes claims. Each question checks one against the record.',
    `Answer before the countdown ends (${timeText(settings)}): click, tap, or press its key.`,
    `A right answer scores ${points(MIN_CORRECT_POINTS)} to ${points(MAX_ANSWER_POINTS)} points, more the faster it is. Every right answer in a row after the first adds ${STREAK_BONUS_STEP}, up to ${STREAK_BONUS_CAP}.`,
    'After each answer, read the exact words of the source that settles it, and why.',
    'Practice has no clock. Fact-check asks your verdict on each claim, and how sure you are.',
    'M mutes sound.',
  ];
}

function timeText(settings: { timeLimitSec: number | null; timeScale: number }): string {
  if (settings.timeLimitSec === null) return 'the timer is off in Settings';
  return `${Math.round(settings.timeLimitSec * settings.timeScale)} seconds a question, more for long ones; Settings changes it`;
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
