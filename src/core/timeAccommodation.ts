/**
 * Extended time for one student in a class, as a teacher sets it on the roster (the way an extended-time plan is
 * honoured in Canvas, Moodle or Brightspace): the class's own time, half as much again, twice as much, or no limit.
 * One rule gives a player's time for a question; the server's clock and scoring use nothing else.
 */

export const TIME_ACCOMMODATIONS = ['standard', 'half-more', 'double', 'no-limit'] as const;
export type TimeAccommodation = (typeof TIME_ACCOMMODATIONS)[number];
export const DEFAULT_TIME_ACCOMMODATION: TimeAccommodation = 'standard';
/** What the teacher's one click gives a student who asked for more time when joining. */
export const REQUESTED_TIME_ACCOMMODATION: TimeAccommodation = 'half-more';

/** How much each accommodation multiplies the question's time by; null: no limit at all. */
const MULTIPLIERS: Readonly<Record<TimeAccommodation, number | null>> = {
  standard: 1,
  'half-more': 1.5,
  double: 2,
  'no-limit': null,
};

/** Short names, for the roster and the student's screen. */
export const TIME_ACCOMMODATION_LABELS: Readonly<Record<TimeAccommodation, string>> = {
  standard: 'Standard time',
  'half-more': '×1.5 time',
  double: '×2 time',
  'no-limit': 'No time limit',
};

export function isTimeAccommodation(value: unknown): value is TimeAccommodation {
  return typeof value === 'string' && (TIME_ACCOMMODATIONS as readonly string[]).includes(value);
}

/**
 * A player's time for a question, in milliseconds: the question's planned limit (null: it has none) under the
 * player's accommodation. Whole milliseconds, so the server's clock and the student's countdown agree.
 */
export function playerTimeLimitMs(questionLimitMs: number | null, accommodation: TimeAccommodation): number | null {
  if (questionLimitMs === null) return null;
  const multiplier = MULTIPLIERS[accommodation];
  return multiplier === null ? null : Math.round(questionLimitMs * multiplier);
}
