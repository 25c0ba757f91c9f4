import {
  FLAT_CORRECT_POINTS,
  MAX_ANSWER_POINTS,
  MIN_CORRECT_POINTS,
  STREAK_BONUS_CAP,
  STREAK_BONUS_STEP,
} from './settings';

export interface AnswerToScore {
  correct: boolean;
  /** Time from the question appearing to the answer. */
  elapsedMs: number;
  /** The question's time limit, or null when the timer is off. */
  limitMs: number | null;
  /** Consecutive right answers before this one. */
  streakBefore: number;
  speedPoints: boolean;
}

export interface ScoreBreakdown {
  base: number;
  streakBonus: number;
  total: number;
  streakAfter: number;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Points for one answer: round(1000 × (1 − (t/T)/2)) for speed, plus the streak bonus. */
export function scoreAnswer(answer: AnswerToScore): ScoreBreakdown {
  if (!answer.correct) return { base: 0, streakBonus: 0, total: 0, streakAfter: 0 };
  let base = FLAT_CORRECT_POINTS;
  if (answer.speedPoints && answer.limitMs !== null && answer.limitMs > 0) {
    const fraction = clamp(answer.elapsedMs / answer.limitMs, 0, 1);
    base = clamp(Math.round(MAX_ANSWER_POINTS * (1 - fraction / 2)), MIN_CORRECT_POINTS, MAX_ANSWER_POINTS);
  }
  const streakAfter = Math.max(0, Math.floor(answer.streakBefore)) + 1;
  const streakBonus = clamp((streakAfter - 1) * STREAK_BONUS_STEP, 0, STREAK_BONUS_CAP);
  return { base, streakBonus, total: base + streakBonus, streakAfter };
}
