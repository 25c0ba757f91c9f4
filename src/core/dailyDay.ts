/**
 * The daily round's day is the player's local calendar day (as Wordle's is): everyone whose calendar shows the same
 * date plays the same questions. A round counts for the day it began, and only a daily round begun on its own day
 * counts for the Daily board: another day's daily, from a link, is that day's challenge and leaves today alone.
 */
import { formatLongDate } from './dates';

/** The day a daily round's seed names ("daily-2026-11-24-…"), or undefined for any other seed. */
export function dailyDateOf(seed: string): string | undefined {
  return /^daily-(\d{4}-\d{2}-\d{2})-/.exec(seed)?.[1];
}

/** The local calendar date (YYYY-MM-DD) of a moment, by the time zone of the Date it is read with. */
export function localDateOf(moment: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/**
 * The day a finished daily round counts for on the Daily board: its questions' day when the round began on that
 * day, or undefined when it is another day's daily (played from a link) and so counts for no day.
 */
export function dailyBoardDay(seed: string, dayBegun: string): string | undefined {
  const day = dailyDateOf(seed);
  return day !== undefined && day === dayBegun ? day : undefined;
}

/** "the daily round of 14 March 2026", or undefined for a seed that is no daily round's. */
export function dailyRoundName(seed: string): string | undefined {
  const day = dailyDateOf(seed);
  return day === undefined ? undefined : `the daily round of ${formatLongDate(day)}`;
}
