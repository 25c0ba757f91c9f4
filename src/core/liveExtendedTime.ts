/**
 * Extended time in a live lesson. Every student's time on the open question counts from its opening, the same
 * moment for everyone, and a student with ×1.5, ×2 or no time limit (timeAccommodation.ts) keeps answering after
 * the class's time is up: the question stays open for them until their own time is up (with the grace for an
 * answer on its way), or until the teacher's Show answer (or Skip, or End) closes it. The projector says who it
 * waits for by their count, never their names.
 */
import { isLiveTimeUp, type LiveState } from './liveLesson';

/** One student on the open question: their own time for it (null: no limit) and whether they have answered. */
export interface LiveAnswerer {
  timeLimitMs: number | null;
  answered: boolean;
}

/** A student's own time left, below zero once it is up; null with no time limit or no open question. */
function ownTimeLeftMs(state: LiveState, now: number, playerLimitMs: number | null): number | null {
  if (state.phase !== 'question' || state.openedAt === null || playerLimitMs === null) return null;
  // Their time counts from the class's opening, which a pause moves on by its length; while paused it stands still.
  return state.openedAt + playerLimitMs - (state.pausedAt ?? now);
}

/**
 * A student's own time left on the open question (frozen while paused). Null with no time limit or no open
 * question.
 */
export function livePlayerRemainingMs(state: LiveState, now: number, playerLimitMs: number | null): number | null {
  const left = ownTimeLeftMs(state, now, playerLimitMs);
  return left === null ? null : Math.max(0, left);
}

/** Whether a student's own time and the grace are up: no answer of theirs is taken any more. */
export function isLiveOwnTimeUp(state: LiveState, now: number, playerLimitMs: number | null, graceMs: number): boolean {
  const left = ownTimeLeftMs(state, now, playerLimitMs);
  return left !== null && left + graceMs < 0;
}

/**
 * The time left of each student with more time than the class who has not answered the open question and whose
 * own time (with `graceMs`) is not up: null for one with no time limit. Empty with no open question.
 */
export function liveExtendedTimeLeft(
  state: LiveState,
  now: number,
  classLimitMs: number | null,
  answerers: readonly LiveAnswerer[],
  graceMs: number,
): (number | null)[] {
  if (state.phase !== 'question' || classLimitMs === null) return [];
  const waiting = answerers.filter(
    (answerer) => !answerer.answered && (answerer.timeLimitMs === null || answerer.timeLimitMs > classLimitMs),
  );
  return waiting
    .filter((answerer) => !isLiveOwnTimeUp(state, now, answerer.timeLimitMs, graceMs))
    .map((answerer) => livePlayerRemainingMs(state, now, answerer.timeLimitMs));
}

/**
 * Whether the open question closes by time now: the class's time and the grace are up, and no student with
 * extended time is still answering.
 */
export function isLiveQuestionDue(
  state: LiveState,
  now: number,
  classLimitMs: number | null,
  answerers: readonly LiveAnswerer[],
  graceMs: number,
): boolean {
  return (
    isLiveTimeUp(state, now, graceMs) && liveExtendedTimeLeft(state, now, classLimitMs, answerers, graceMs).length === 0
  );
}
