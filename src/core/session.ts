/**
 * The round session: a plain state machine over the round plan and an answer log.
 * Every function returns a new state and leaves its input untouched; an action that does not fit
 * the current phase (a second click, an answer after time ran out) returns the same state.
 *
 * Phases of one question: claim (fact-check rounds only) → question → wager (with the wager on) → reveal.
 * After the last reveal the round is finished; a practice round can then replay its missed questions.
 */
import { hasJudgeableClaim, isClaimJudgement, type ClaimJudgement } from './claims';
import { elapsedMs, isExpired, pauseCountdown, resumeCountdown, startCountdown, type Countdown } from './countdown';
import { MODES } from './modes';
import { createRng, shuffle } from './rng';
import { questionTimeLimitMs, type PlannedQuestion, type RoundPlan, type RoundSettings } from './round';
import { scoreAnswer } from './scoring';
import type { Question } from './types';
import { CONFIDENCE_LEVELS, isConfidence, roundTotal, wagerPoints, type Confidence } from './wager';

/**
 * claim: the player judges the question's claim before seeing the choices; question: the choices and the clock;
 * wager: the answer is in and the player says how sure they are; reveal: the outcome and the evidence.
 */
export type SessionPhase = 'claim' | 'question' | 'wager' | 'reveal' | 'finished';

export interface WagerRecord {
  confidence: Confidence;
  /** What one unit of the wager was worth: the answer's base points had it been right. */
  unit: number;
  /** The certainty table's units times the unit; negative for a wrong answer given as "Think so" or "Sure". */
  points: number;
}

export interface AnswerRecord {
  questionId: string;
  /** Index into the question's own choice list, or null when time ran out. */
  choiceIndex: number | null;
  correct: boolean;
  timedOut: boolean;
  elapsedMs: number;
  /** Points of a right answer before the streak bonus (0 for a wrong one, as without a wager). */
  base: number;
  streakBonus: number;
  /** What the answer added to the round: with a wager, wager.points plus the streak bonus, and possibly negative. */
  points: number;
  /** In a fact-check round, what the player said of the claim before answering. */
  claimJudgement?: ClaimJudgement;
  /** With the wager on, how sure the player said they were; absent when time ran out (nothing to wager on). */
  wager?: WagerRecord;
}

/** An answer that waits for its wager. It is not in the log yet, so neither the score nor the streak gives it away. */
export interface PendingAnswer {
  record: AnswerRecord;
  /** The answer's base points had it been right: one unit of the wager. */
  unit: number;
}

export interface SessionState {
  readonly plan: RoundPlan;
  readonly questions: readonly Question[];
  readonly phase: SessionPhase;
  /** Position of the current question in the plan. */
  readonly index: number;
  readonly countdown: Countdown;
  readonly log: readonly AnswerRecord[];
  /** The round's total: the sum of the log's points, never below 0 (MIN_ROUND_SCORE). */
  readonly score: number;
  /** The sum of the log's points itself. Lost wagers can take it below 0, and they must be won back first. */
  readonly pointsSum: number;
  readonly streak: number;
  readonly bestStreak: number;
  /** The current question's claim judgement, held until its answer is logged. */
  readonly claimJudgement: ClaimJudgement | null;
  readonly pendingAnswer: PendingAnswer | null;
  /** 0 for the round itself; 1, 2 … for each replay of its missed questions, which scores nothing. */
  readonly attempt: number;
  /**
   * Each question's clock after the player changed the timer during the round (see retime); the plan's limits
   * when absent.
   */
  readonly timeLimits?: readonly (number | null)[];
}

/** A question opens on its claim when the round judges claims and the claim has a verdict to mark against. */
function openingPhase(settings: RoundSettings, question: Question): SessionPhase {
  return MODES[settings.mode].judgeClaims && hasJudgeableClaim(question) ? 'claim' : 'question';
}

function openSession(plan: RoundPlan, bank: readonly Question[], now: number, attempt: number): SessionState {
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
    phase: first ? openingPhase(plan.settings, questions[0]!) : 'finished',
    index: 0,
    countdown: startCountdown(first?.timeLimitMs ?? null, now),
    log: [],
    score: 0,
    pointsSum: 0,
    streak: 0,
    bestStreak: 0,
    claimJudgement: null,
    pendingAnswer: null,
    attempt,
  };
}

export function startSession(plan: RoundPlan, bank: readonly Question[], now: number): SessionState {
  return openSession(plan, bank, now, 0);
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

/** Logs a settled answer and moves to the reveal. */
function settle(state: SessionState, entry: AnswerRecord): SessionState {
  const streak = entry.correct ? state.streak + 1 : 0;
  const pointsSum = state.pointsSum + entry.points;
  return {
    ...state,
    phase: 'reveal',
    log: [...state.log, entry],
    pointsSum,
    score: roundTotal(pointsSum),
    streak,
    bestStreak: Math.max(state.bestStreak, streak),
    pendingAnswer: null,
  };
}

function record(state: SessionState, choiceIndex: number | null, now: number): SessionState {
  const question = currentQuestion(state)!;
  const timedOut = choiceIndex === null;
  const correct = !timedOut && question.choices[choiceIndex]?.correct === true;
  const limitMs = state.countdown.limitMs;
  const elapsed =
    timedOut && limitMs !== null ? limitMs : Math.min(elapsedMs(state.countdown, now), limitMs ?? Infinity);
  const scoring = {
    elapsedMs: elapsed,
    // Speed is measured against the time the round began with: a timer changed during the round moves when time
    // runs out, never what an answer earns (longer or no time cannot raise a score).
    limitMs: state.plan.questions[state.index]?.timeLimitMs ?? null,
    streakBefore: state.streak,
    speedPoints: state.plan.settings.speedPoints,
  };
  // A replay of missed questions is for learning only: it earns nothing, so it cannot change a score.
  const scored = state.attempt === 0;
  const points = scoreAnswer({ ...scoring, correct: correct && scored });
  const entry: AnswerRecord = {
    questionId: question.id,
    choiceIndex,
    correct,
    timedOut,
    elapsedMs: Math.round(elapsed),
    base: points.base,
    streakBonus: points.streakBonus,
    points: points.total,
    ...(state.claimJudgement === null ? {} : { claimJudgement: state.claimJudgement }),
  };
  if (state.plan.settings.wager && scored && !timedOut) {
    const unit = scoreAnswer({ ...scoring, correct: true }).base;
    return { ...state, phase: 'wager', pendingAnswer: { record: entry, unit } };
  }
  return settle(state, entry);
}

/**
 * In a fact-check round, the player's call on the claim before the choices appear. It scores nothing (the answer
 * that follows scores the same knowledge); it is logged with the answer and read by the discernment report.
 * The question's clock starts now, when the choices appear.
 */
export function judgeClaim(state: SessionState, judgement: ClaimJudgement, now: number): SessionState {
  if (state.phase !== 'claim' || !isClaimJudgement(judgement)) return state;
  return {
    ...state,
    phase: 'question',
    claimJudgement: judgement,
    countdown: startCountdown(clockLimit(state, state.index), now),
  };
}

/**
 * How sure the player is of the answer just given: marks it by certainty (wager.ts), logs it and moves to the
 * reveal. `now` is taken like every other action's; the answer's time was already fixed when it was given.
 */
export function wager(state: SessionState, confidence: Confidence, _now: number): SessionState {
  if (state.phase !== 'wager' || state.pendingAnswer === null || !isConfidence(confidence)) return state;
  const { record: answered, unit } = state.pendingAnswer;
  const staked = wagerPoints(confidence, answered.correct, unit);
  return settle(state, {
    ...answered,
    points: staked + answered.streakBonus,
    wager: { confidence, unit, points: staked },
  });
}

/** What each confidence level would win if the pending answer is right and lose if it is wrong, for the wager screen. */
export function wagerStakes(state: SessionState): Record<Confidence, { right: number; wrong: number }> | undefined {
  if (state.phase !== 'wager' || state.pendingAnswer === null) return undefined;
  const { unit } = state.pendingAnswer;
  const stakes = {} as Record<Confidence, { right: number; wrong: number }>;
  for (const level of CONFIDENCE_LEVELS) {
    stakes[level] = { right: wagerPoints(level, true, unit), wrong: wagerPoints(level, false, unit) };
  }
  return stakes;
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
  return {
    ...state,
    phase: openingPhase(state.plan.settings, state.questions[index]!),
    index,
    countdown: startCountdown(clockLimit(state, index), now),
    claimJudgement: null,
  };
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

/** The clock's limit for the question at `index`: the plan's, or the timer the player changed to. */
function clockLimit(state: SessionState, index: number): number | null {
  return state.timeLimits ? (state.timeLimits[index] ?? null) : (state.plan.questions[index]?.timeLimitMs ?? null);
}

/**
 * The player changed the time per question during the round: the clock of the current question (its time taken so
 * far still counts) and of every later one follow the new timer. Scoring keeps the round's own times (see record).
 */
export function retime(state: SessionState, timer: Pick<RoundSettings, 'timeLimitSec' | 'timeScale'>): SessionState {
  const timeLimits = state.questions.map((question) => questionTimeLimitMs(question, timer));
  const current = timeLimits[state.index] ?? null;
  const same = (state.timeLimits ?? state.plan.questions.map((planned) => planned.timeLimitMs)).every(
    (limit, index) => limit === timeLimits[index],
  );
  if (same) return state;
  const countdown = state.phase === 'finished' ? state.countdown : { ...state.countdown, limitMs: current };
  return { ...state, timeLimits, countdown };
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

/** The questions answered wrong or not in time, in the order they were asked. */
export function missedQuestionIds(state: SessionState): string[] {
  return state.log.filter((entry) => !entry.correct).map((entry) => entry.questionId);
}

/** Whether a finished round (or replay) has missed questions to play again, in a mode that allows it. */
export function canRetry(state: SessionState): boolean {
  return state.phase === 'finished' && MODES[state.plan.settings.mode].retries && missedQuestionIds(state).length > 0;
}

/**
 * A replay of the missed questions of a finished round or replay, as a session of its own: untimed, without a
 * wager, scoring nothing, the choices shuffled afresh so that a position cannot be remembered. The round's own
 * session is left as it was, score and log, and its reports stay those of the first try.
 */
export function startRetry(state: SessionState, now: number): SessionState {
  if (!canRetry(state)) return state;
  const attempt = state.attempt + 1;
  let rng = createRng(`${state.plan.seed}|retry|${attempt}`);
  const missed = new Set(missedQuestionIds(state));
  const questions: PlannedQuestion[] = [];
  for (const planned of state.plan.questions) {
    if (!missed.has(planned.questionId)) continue;
    let choiceOrder: number[];
    [choiceOrder, rng] = shuffle(rng, planned.choiceOrder);
    questions.push({ questionId: planned.questionId, choiceOrder, timeLimitMs: null });
  }
  const settings: RoundSettings = { ...state.plan.settings, timeLimitSec: null, speedPoints: false, wager: false };
  return openSession({ seed: state.plan.seed, settings, questions }, state.questions, now, attempt);
}
