/** Calendar dates as the bank writes them ("2020-08-06"), read without time zones: every date here is a UTC day. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** A real calendar date written YYYY-MM-DD (2021-02-29 is not one). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Days from 1970-01-01 to an ISO date, so dates can be placed on a line. */
export function dayNumber(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "6 August 2020" from "2020-08-06" (or the start of a date-time); anything else is returned as it is. */
export function formatLongDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const month = MONTH_NAMES[Number(match[2]) - 1];
  return month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}

/**
 * What the reveal says under a fact that can change after its document (a deadline, who owns what, whether an
 * order is in force): the date the evidence holds as of. Nothing for a question without one.
 */
export function asOfNote(question: { asOf?: string }): string | undefined {
  if (question.asOf === undefined || !isIsoDate(question.asOf)) return undefined;
  return `As of ${formatLongDate(question.asOf)}: later documents may have changed this.`;
}

/** The as-of date alone, for a screen with no room for asOfNote's whole sentence. */
export function asOfShortNote(question: { asOf?: string }): string | undefined {
  if (question.asOf === undefined || !isIsoDate(question.asOf)) return undefined;
  return `As of ${formatLongDate(question.asOf)}.`;
}
