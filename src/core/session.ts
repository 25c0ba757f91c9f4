/**
 * The round session: a plain state machine over the round plan and an answer log.
 * Every function returns a new state and leaves its input untouched; an action that does not fit
 * the current phase (a second click, an answer after time ran out) returns the same state.
 */
import { elapsedMs, isExpired, pauseCountdown, resumeCountdown, startCountdown, type Countdown } from './countdown';
import type { RoundPlan } from './round';
import { scoreAnswer } from './scoring';
import type { Question } from './types';

export type SessionPhase = 'question' | 'reveal' | 'finished';

export interface AnswerRecord {
  questionId: string;
  /** Index into the question's own choice list, or null when time ran out. */
  choiceIndex: number | null;
  correct: boolean;
  timedOut: boolean;
  elapsedMs: number;
  base: number;
  streakBonus: number;
  points: number;
}

export interface SessionState {
  readonly plan: RoundPlan;
  readonly questions: readonly Question[];
  readonly phase: SessionPhase;
  /** Position of the current question in the plan. */
  readonly index: number;
  readonly countdown: Countdown;
  readonly log: readonly AnswerRecord[];
  readonly score: number;
  readonly streak: number;
  readonly bestStreak: number;
}

export function startSession(plan: RoundPlan, bank: readonly Question[], now: number): SessionState {
  const byId = new Map(bank.map((question) => [question.id, question]));
  const questions = plan.questions.map((planned) => {
    const question = byId.get(planned.questionId);
    if (!question) throw new Error(`The round names question "${planned.questionId}", which is not in the bank`);
    return question;
  });
  const first = plan.questions[0];
  return {
    plan,
    questions,
    phase: first ? 'question' : 'finished',
    index: 0,
    countdown: startCountdown(first?.timeLimitMs ?? null, now),
    log: [],
    score: 0,
    streak: 0,
    bestStreak: 0,
  };
}

export function currentQuestion(state: SessionState): Question | undefined {
  return state.questions[state.index];
}

/** The choices of the current question in the order the player sees them. */
export function displayedChoices(state: SessionState): Question['choices'] {
  const question = currentQuestion(state);
  const planned = state.plan.questions[state.index];
  if (!question || !planned) return [];
  return planned.choiceOrder.map((index) => question.choices[index]!);
}

function record(state: SessionState, choiceIndex: number | null, now: number): SessionState {
  const question = currentQuestion(state)!;
  const timedOut = choiceIndex === null;
  const correct = !timedOut && question.choices[choiceIndex]?.correct === true;
  const limitMs = state.countdown.limitMs;
  const elapsed =
    timedOut && limitMs !== null ? limitMs : Math.min(elapsedMs(state.countdown, now), limitMs ?? Infinity);
  const points = scoreAnswer({
    correct,
    elapsedMs: elapsed,
    limitMs,
    streakBefore: state.streak,
    speedPoints: state.plan.settings.speedPoints,
  });
  const entry: AnswerRecord = {
    questionId: question.id,
    choiceIndex,
    correct,
    timedOut,
    elapsedMs: Math.round(elapsed),
    base: points.base,
    streakBonus: points.streakBonus,
    points: points.total,
  };
  return {
    ...state,
    phase: 'reveal',
    log: [...state.log, entry],
    score: state.score + points.total,
    streak: points.streakAfter,
    bestStreak: Math.max(state.bestStreak, points.streakAfter),
  };
}

/** The player picks the choice shown at `position`. Counted once; a late answer counts as time up. */
export function answer(state: SessionState, position: number, now: number): SessionState {
  if (state.phase !== 'question') return state;
  const planned = state.plan.questions[state.index]!;
  const choiceIndex = planned.choiceOrder[position];
  if (choiceIndex === undefined) return state;
  if (isExpired(state.countdown, now)) return record(state, null, now);
  return record(state, choiceIndex, now);
}

/** Records "time's up" if, and only if, the current question's time has run out. */
export function expire(state: SessionState, now: number): SessionState {
  if (state.phase !== 'question' || !isExpired(state.countdown, now)) return state;
  return record(state, null, now);
}

/** From the reveal to the next question, or to the end of the round. */
export function advance(state: SessionState, now: number): SessionState {
  if (state.phase !== 'reveal') return state;
  const index = state.index + 1;
  const planned = state.plan.questions[index];
  if (!planned) return { ...state, phase: 'finished' };
  return { ...state, phase: 'question', index, countdown: startCountdown(planned.timeLimitMs, now) };
}

export function lastAnswer(state: SessionState): AnswerRecord | undefined {
  return state.log[state.log.length - 1];
}

export interface RoundSummary {
  score: number;
  correct: number;
  total: number;
  bestStreak: number;
  averageAnswerMs: number;
  timedOut: number;
}

export function summarize(state: SessionState): RoundSummary {
  const answered = state.log.filter((entry) => !entry.timedOut);
  const averageAnswerMs =
    answered.length === 0 ? 0 : Math.round(answered.reduce((sum, entry) => sum + entry.elapsedMs, 0) / answered.length);
  return {
    score: state.score,
    correct: state.log.filter((entry) => entry.correct).length,
    total: state.plan.questions.length,
    bestStreak: state.bestStreak,
    averageAnswerMs,
    timedOut: state.log.filter((entry) => entry.timedOut).length,
  };
}

/** Stops the clock of the open question (the pause menu); anything else is left as it is. */
export function pause(state: SessionState, now: number): SessionState {
  if (state.phase !== 'question' || state.countdown.pausedAt !== null) return state;
  return { ...state, countdown: pauseCountdown(state.countdown, now) };
}

/** Starts the clock again where it stopped. */
export function resume(state: SessionState, now: number): SessionState {
  if (state.countdown.pausedAt === null) return state;
  return { ...state, countdown: resumeCountdown(state.countdown, now) };
}

export function isPaused(state: SessionState): boolean {
  return state.countdown.pausedAt !== null;
}
