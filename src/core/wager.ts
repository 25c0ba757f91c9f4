/**
 * The confidence wager: after choosing an answer and before the reveal, the player says how sure they are,
 * and the answer is marked by certainty as in Moodle's certainty-based marking (CBM). Being sure of a wrong
 * answer costs more than being sure of a right one earns, so saying "Sure" only pays when it is true.
 */
import { MIN_ROUND_SCORE } from './settings.ts';

/** From most to least sure, the order the choices are offered in. */
export const CONFIDENCE_LEVELS = ['sure', 'think-so', 'guessing'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  sure: 'Sure',
  'think-so': 'Think so',
  guessing: 'Guessing',
};

export interface CertaintyMarks {
  /** Moodle's certainty level: 1 low, 2 mid, 3 high. */
  certainty: 1 | 2 | 3;
  /** Units earned by a right answer. */
  right: number;
  /** Units earned by a wrong answer (a loss when negative). */
  wrong: number;
}

/** Moodle's CBM table: C=1 +1 / 0, C=2 +2 / −2, C=3 +3 / −6. */
export const CERTAINTY_MARKS: Record<Confidence, CertaintyMarks> = {
  guessing: { certainty: 1, right: 1, wrong: 0 },
  'think-so': { certainty: 2, right: 2, wrong: -2 },
  sure: { certainty: 3, right: 3, wrong: -6 },
};

export function isConfidence(value: unknown): value is Confidence {
  return (CONFIDENCE_LEVELS as readonly unknown[]).includes(value);
}

/**
 * Points of a wagered answer: the table's units times the unit, which is the question's base points (what a
 * right answer earns then, without the streak bonus; 1,000 with speed points off). The streak bonus is added
 * to a right answer apart from this.
 */
export function wagerPoints(confidence: Confidence, correct: boolean, unit: number): number {
  const marks = CERTAINTY_MARKS[confidence];
  // `+ 0` turns the −0 of "Guessing and wrong" into 0, so it prints and compares as nothing lost.
  return (correct ? marks.right : marks.wrong) * unit + 0;
}

/** The total a round shows: the sum of its points, never below MIN_ROUND_SCORE. */
export function roundTotal(pointsSum: number): number {
  return Math.max(MIN_ROUND_SCORE, pointsSum);
}

/** The rate of being right at which two levels pay the same on average. */
function breakEven(lower: Confidence, higher: Confidence): number {
  const a = CERTAINTY_MARKS[lower];
  const b = CERTAINTY_MARKS[higher];
  return (b.wrong - a.wrong) / (a.right - a.wrong - (b.right - b.wrong));
}

/**
 * For each level, the share of right answers for which it is the best choice on average (bounds included):
 * Guessing up to 2/3, Think so from 2/3 to 4/5, Sure from 4/5. Derived from the table, so they follow it.
 */
export const BEST_CONFIDENCE_RANGES: Record<Confidence, { from: number; to: number }> = {
  guessing: { from: 0, to: breakEven('guessing', 'think-so') },
  'think-so': { from: breakEven('guessing', 'think-so'), to: breakEven('think-so', 'sure') },
  sure: { from: breakEven('think-so', 'sure'), to: 1 },
};

/** The level that pays most on average for a player right with probability p (the less sure one on a tie). */
export function bestConfidenceFor(p: number): Confidence {
  const byCertainty = [...CONFIDENCE_LEVELS].sort(
    (a, b) => CERTAINTY_MARKS[a].certainty - CERTAINTY_MARKS[b].certainty,
  );
  return byCertainty.find((level) => p <= BEST_CONFIDENCE_RANGES[level].to) ?? 'sure';
}
