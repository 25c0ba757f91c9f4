/** Tunables of the game's rules, named once. Layout and colours live in src/ui/theme.ts. */

export const QUESTIONS_PER_ROUND = 10;
export const DEFAULT_TIME_LIMIT_SEC = 20;
export const MIN_TIME_LIMIT_SEC = 5;
export const MAX_TIME_LIMIT_SEC = 600;

/** A right answer at t = 0 earns the maximum; at t = T it earns half. */
export const MAX_ANSWER_POINTS = 1000;
export const MIN_CORRECT_POINTS = 500;
/** Flat points per right answer when speed points are off. */
export const FLAT_CORRECT_POINTS = 1000;
/** Bonus per consecutive right answer beyond the first, and its cap. */
export const STREAK_BONUS_STEP = 100;
export const STREAK_BONUS_CAP = 500;

export const HIGH_SCORE_LIMIT = 10;

export const MIN_CHOICES = 2;
export const MAX_CHOICES = 4;
export const MAX_EVIDENCE = 3;

/**
 * A question imported from GIFT or a spreadsheet says nothing of its level or skill: it counts as medium,
 * and as practice in tracing claims, the move that checking an answer against a source excerpt drills.
 */
export const IMPORTED_DIFFICULTY = 2;
export const IMPORTED_SKILL = 'trace-claims';
