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
/** A teacher's own question may have more: Moodle banks often have five, Kahoot! allows six. */
export const MAX_IMPORTED_CHOICES = 6;
export const MAX_EVIDENCE = 3;

/**
 * A question imported from GIFT or a spreadsheet says nothing of its level or skill: it counts as medium,
 * and as practice in tracing claims, the move that checking an answer against a source excerpt drills.
 */
export const IMPORTED_DIFFICULTY = 2;
export const IMPORTED_SKILL = 'trace-claims';

/** A round's total never shows less than this, however much a confidence wager lost (see wager.ts). */
export const MIN_ROUND_SCORE = 0;

/** Below this many items of a kind, a report says there are too few to tell rather than guess from one answer. */
export const MIN_ITEMS_TO_COMPARE = 2;

/** How much of a question's prompt a tip quotes, in characters. */
export const TIP_PROMPT_CHARS = 80;

/** The span of the timeline screen: from before the first order on TikTok to the 2025 deal. */
export const TIMELINE_START = '2019-01-01';
export const TIMELINE_END = '2025-12-31';

/** How a source's front matter says that its publisher or date is not known. */
export const NOT_STATED = 'not stated';
