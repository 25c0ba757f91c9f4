/**
 * What a round can give, so a saved entry that no round could have given (edited or damaged data) is dropped rather
 * than shown: more points than its right answers can score, more right than questions, a streak longer than its
 * right answers, a round longer than its settings allow, or a date still to come.
 */
import { dayNumber } from './dates';
import { FLAT_CORRECT_POINTS, STREAK_BONUS_CAP, STREAK_BONUS_STEP } from './settings';
import { CERTAINTY_MARKS } from './wager';

/** How far ahead of the device's clock a saved date may be (a clock set back a little is not damage). */
export const FUTURE_DATE_MARGIN_MS = 24 * 60 * 60 * 1000;

/** The most points a round of this length can score (all right, fastest, streak capped; "Sure" with a wager). */
export function maxScore(questionCount: number, wager = false): number {
  const perAnswer = FLAT_CORRECT_POINTS * (wager ? CERTAINTY_MARKS.sure.right : 1);
  let total = 0;
  for (let i = 0; i < questionCount; i += 1) total += perAnswer + Math.min(i * STREAK_BONUS_STEP, STREAK_BONUS_CAP);
  return total;
}

/** The figures of a saved round that say whether a round could have given it. */
export interface SavedRoundFigures {
  score: number;
  correct: number;
  total: number;
  bestStreak: number;
  questionCount: number;
  /** ISO date-time of the end of the round. */
  date: string;
  /** The daily round's day (YYYY-MM-DD), when it has one. */
  day?: string;
}

/**
 * Why no round could have given these figures, or undefined when one could. `wagerPossible`: whether the board's
 * rounds may be played with the confidence wager (every board but the daily's), which triples the most per answer.
 */
export function impossibilityOf(figures: SavedRoundFigures, wagerPossible: boolean, now: number): string | undefined {
  const { score, correct, total, bestStreak, questionCount } = figures;
  if (score < 0 || correct < 0 || total < 0 || bestStreak < 0) return 'has a negative figure';
  if (correct > total) return 'has more right answers than questions';
  if (total > questionCount) return 'has more questions than its round';
  if (bestStreak > correct) return 'has a streak longer than its right answers';
  if (score > maxScore(correct, wagerPossible)) {
    return `has ${score} points, more than ${correct} right answers can score`;
  }
  if (Date.parse(figures.date) > now + FUTURE_DATE_MARGIN_MS) return 'is dated in the future';
  if (figures.day !== undefined && dayNumber(figures.day) * 86_400_000 > now + FUTURE_DATE_MARGIN_MS) {
    return 'has a daily round of a day still to come';
  }
  return undefined;
}
