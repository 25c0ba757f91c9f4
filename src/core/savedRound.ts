/**
 * A solo round kept on the device so a reload (a phone that dropped the tab, a pull-to-refresh) does not lose it:
 * what the round needs to go on from the screen it was on, with the clock's time used so far. Performance-clock
 * readings mean nothing after a reload, so the clock is stored as time used and comes back stopped: the time away
 * is not counted. Anything read back is checked field by field; a record that does not make a round is refused
 * with a reason, never half-used.
 */
import { isClaimJudgement } from './claims';
import { isModeId } from './modes';
import type { RoundPlan } from './round';
import { startSession, type AnswerRecord, type PendingAnswer, type SessionState } from './session';
import type { Question } from './types';
import { CONFIDENCE_LEVELS } from './wager';

/** Raised when the stored form changes; an older record is dropped rather than misread. */
export const SAVED_ROUND_VERSION = 1;

const RESUMABLE_PHASES = ['claim', 'question', 'wager', 'reveal'] as const;
type ResumablePhase = (typeof RESUMABLE_PHASES)[number];

export interface SavedRound {
  version: typeof SAVED_ROUND_VERSION;
  plan: RoundPlan;
  phase: ResumablePhase;
  index: number;
  log: AnswerRecord[];
  score: number;
  pointsSum: number;
  streak: number;
  bestStreak: number;
  claimJudgement: SessionState['claimJudgement'];
  pendingAnswer: PendingAnswer | null;
  timeLimits: (number | null)[] | null;
  /** The current question's clock: time used so far, in milliseconds. */
  usedMs: number;
}

/** The record of a round in play, or null for one that cannot be resumed (finished, or a practice replay). */
export function savedRoundOf(state: SessionState, now: number): SavedRound | null {
  if (state.attempt !== 0 || !(RESUMABLE_PHASES as readonly string[]).includes(state.phase)) return null;
  const { countdown } = state;
  const usedMs = Math.max(0, (countdown.pausedAt ?? now) - countdown.startedAt - countdown.pausedTotalMs);
  return {
    version: SAVED_ROUND_VERSION,
    plan: state.plan,
    phase: state.phase as ResumablePhase,
    index: state.index,
    log: [...state.log],
    score: state.score,
    pointsSum: state.pointsSum,
    streak: state.streak,
    bestStreak: state.bestStreak,
    claimJudgement: state.claimJudgement,
    pendingAnswer: state.pendingAnswer,
    timeLimits: state.timeLimits ? [...state.timeLimits] : null,
    usedMs,
  };
}

export type RestoredRound = { session: SessionState } | { problem: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** What is wrong with an answer record, or null. */
function answerRecordProblem(value: unknown, where: string): string | null {
  if (!isObject(value)) return `${where} is not an answer`;
  if (typeof value.questionId !== 'string') return `${where} has no question id`;
  if (value.choiceIndex !== null && !isCount(value.choiceIndex)) return `${where} has no choice`;
  if (typeof value.correct !== 'boolean' || typeof value.timedOut !== 'boolean') return `${where} has no outcome`;
  for (const field of ['elapsedMs', 'base', 'streakBonus', 'points'] as const) {
    if (!isNumber(value[field])) return `${where} has no ${field}`;
  }
  if (value.claimJudgement !== undefined && !isClaimJudgement(value.claimJudgement)) {
    return `${where} has an unknown claim judgement`;
  }
  if (value.wager !== undefined) {
    const wager = value.wager;
    if (
      !isObject(wager) ||
      !(CONFIDENCE_LEVELS as readonly unknown[]).includes(wager.confidence) ||
      !isNumber(wager.unit) ||
      !isNumber(wager.points)
    ) {
      return `${where} has a broken wager`;
    }
  }
  return null;
}

/** The round a stored record describes, its clock stopped at the time it had used, or why it cannot be one. */
export function restoreRound(raw: unknown, bank: readonly Question[], now: number): RestoredRound {
  if (!isObject(raw)) return { problem: 'the saved round is not a record' };
  if (raw.version !== SAVED_ROUND_VERSION) return { problem: `the saved round has version ${String(raw.version)}` };
  const plan = raw.plan;
  if (
    !isObject(plan) ||
    typeof plan.seed !== 'string' ||
    !isObject(plan.settings) ||
    !isModeId(plan.settings.mode) ||
    !Array.isArray(plan.questions) ||
    plan.questions.length === 0 ||
    !plan.questions.every(
      (planned) =>
        isObject(planned) &&
        typeof planned.questionId === 'string' &&
        Array.isArray(planned.choiceOrder) &&
        planned.choiceOrder.every(isCount) &&
        (planned.timeLimitMs === null || isNumber(planned.timeLimitMs)),
    )
  ) {
    return { problem: 'the saved round has no plan' };
  }
  const count = plan.questions.length;
  if (!(RESUMABLE_PHASES as readonly unknown[]).includes(raw.phase))
    return { problem: 'the saved round has no screen' };
  if (!isCount(raw.index) || raw.index >= count) return { problem: 'the saved round has no current question' };
  if (!Array.isArray(raw.log) || raw.log.length > count) return { problem: 'the saved round has no answers' };
  for (const [index, record] of raw.log.entries()) {
    const problem = answerRecordProblem(record, `answer ${index + 1} of the saved round`);
    if (problem) return { problem };
  }
  for (const field of ['score', 'pointsSum', 'streak', 'bestStreak', 'usedMs'] as const) {
    if (!isNumber(raw[field])) return { problem: `the saved round has no ${field}` };
  }
  if (raw.claimJudgement !== null && !isClaimJudgement(raw.claimJudgement)) {
    return { problem: 'the saved round has an unknown claim judgement' };
  }
  const pending = raw.pendingAnswer;
  if (pending !== null) {
    if (!isObject(pending) || !isNumber(pending.unit)) return { problem: 'the saved round has a broken answer' };
    const problem = answerRecordProblem(pending.record, 'the answer being wagered');
    if (problem) return { problem };
  }
  const limits = raw.timeLimits;
  if (
    limits !== null &&
    (!Array.isArray(limits) || limits.length !== count || !limits.every((l) => l === null || isNumber(l)))
  ) {
    return { problem: 'the saved round has broken time limits' };
  }
  let opened: SessionState;
  try {
    // Checks every planned question is in the bank and opens the round as startSession would.
    opened = startSession(plan as unknown as RoundPlan, bank, now);
  } catch {
    return { problem: 'a question of the saved round is no longer in the bank' };
  }
  const usedMs = Math.max(0, raw.usedMs as number);
  const index = raw.index;
  const planned = opened.plan.questions[index]!;
  const limitMs = limits !== null ? (limits[index] as number | null) : planned.timeLimitMs;
  return {
    session: {
      ...opened,
      phase: raw.phase as ResumablePhase,
      index,
      countdown: { limitMs, startedAt: now - usedMs, pausedAt: now, pausedTotalMs: 0 },
      log: raw.log as AnswerRecord[],
      score: raw.score as number,
      pointsSum: raw.pointsSum as number,
      streak: raw.streak as number,
      bestStreak: raw.bestStreak as number,
      claimJudgement: raw.claimJudgement,
      pendingAnswer: pending as PendingAnswer | null,
      ...(limits !== null ? { timeLimits: limits as (number | null)[] } : {}),
    },
  };
}
