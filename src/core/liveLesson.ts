/**
 * A live (teacher-paced) class, pure: everyone is on the same question at the same moment, and the teacher moves
 * the class on. lobby → question k (open until its deadline) → answer (the distribution, right answer marked) →
 * evidence (the excerpt, its citation and the explanation) → leaderboard (top five) → question k + 1 … → podium.
 * Time up, everyone answered, or the teacher's Show answer closes a question; Pause stops its clock; Skip closes
 * it and goes straight on; End goes to the podium. The server stores the state and applies these steps.
 */

export const LIVE_PHASES = ['lobby', 'question', 'answer', 'evidence', 'leaderboard', 'podium'] as const;
export type LivePhase = (typeof LIVE_PHASES)[number];

export const LIVE_COMMANDS = ['next', 'show-answer', 'pause', 'resume', 'skip', 'end'] as const;
export type LiveCommand = (typeof LIVE_COMMANDS)[number];

/** How many players the leaderboard between questions shows, and the podium. */
export const LIVE_LEADERBOARD_SIZE = 5;
export const LIVE_PODIUM_SIZE = 3;

export interface LiveState {
  phase: LivePhase;
  /** The question on show, from 0; -1 in the lobby. */
  position: number;
  total: number;
  /** When the question opened by the server's clock: every student's time on it counts from here. */
  openedAt: number | null;
  /** When the open question's time is up; null with no time limit, or while paused. */
  deadline: number | null;
  /** While paused: when the pause began, and the time that was left (null with no time limit). */
  pausedAt: number | null;
  pausedLeftMs: number | null;
  /** The questions closed by Skip: their answer and evidence were not shown. */
  skipped: number[];
}

/** The stable codes of a command or an answer that does not fit the lesson's moment. */
export type LiveRefusalCode =
  | 'lesson-over'
  | 'question-open'
  | 'no-open-question'
  | 'already-paused'
  | 'not-paused'
  | 'not-started'
  | 'unknown-command'
  | 'question-paused'
  | 'not-served'
  | 'question-closed';

export type LiveRefusal = { ok: false; code: LiveRefusalCode; message: string };
export type LiveStep = { ok: true; state: LiveState } | LiveRefusal;

export function newLiveState(total: number): LiveState {
  return {
    phase: 'lobby',
    position: -1,
    total,
    openedAt: null,
    deadline: null,
    pausedAt: null,
    pausedLeftMs: null,
    skipped: [],
  };
}

function refuse(code: LiveRefusalCode, message: string): LiveRefusal {
  return { ok: false, code, message };
}

/** Opens question `position` now for everyone, or the podium past the last one. */
function open(state: LiveState, position: number, now: number, limitMs: number | null): LiveState {
  if (position >= state.total) return closed({ ...state, phase: 'podium' });
  return {
    ...state,
    phase: 'question',
    position,
    openedAt: now,
    deadline: limitMs === null ? null : now + limitMs,
    pausedAt: null,
    pausedLeftMs: null,
  };
}

function closed(state: LiveState): LiveState {
  return { ...state, deadline: null, pausedAt: null, pausedLeftMs: null };
}

/**
 * One teacher command. `limitOf` gives a question's time limit in ms (null: none). Refusals say why in words, with
 * a stable code: a command that does not fit the moment changes nothing.
 */
export function liveStep(
  state: LiveState,
  command: LiveCommand,
  now: number,
  limitOf: (position: number) => number | null,
): LiveStep {
  if (state.phase === 'podium') return refuse('lesson-over', 'The lesson is over: the podium is on the screen.');
  const following = state.position + 1;
  switch (command) {
    case 'next':
      switch (state.phase) {
        case 'lobby':
        case 'leaderboard':
          return { ok: true, state: open(state, following, now, limitOf(following)) };
        case 'answer':
          return { ok: true, state: { ...state, phase: 'evidence' } };
        case 'evidence':
          return { ok: true, state: { ...state, phase: 'leaderboard' } };
        case 'question':
          return refuse('question-open', 'The question is still open: show the answer (or skip it) first.');
      }
      break;
    case 'show-answer':
      if (state.phase !== 'question') return refuse('no-open-question', 'No question is open.');
      return { ok: true, state: closed({ ...state, phase: 'answer' }) };
    case 'pause':
      if (state.phase !== 'question')
        return refuse('no-open-question', 'No question is open: there is no clock to pause.');
      if (state.pausedAt !== null) return refuse('already-paused', 'The question is already paused.');
      return {
        ok: true,
        state: {
          ...state,
          pausedAt: now,
          pausedLeftMs: state.deadline === null ? null : Math.max(0, state.deadline - now),
          deadline: null,
        },
      };
    case 'resume': {
      if (state.phase !== 'question' || state.pausedAt === null) return refuse('not-paused', 'Nothing is paused.');
      const pausedFor = Math.max(0, now - state.pausedAt);
      return {
        ok: true,
        state: {
          ...state,
          openedAt: (state.openedAt ?? now) + pausedFor,
          deadline: state.pausedLeftMs === null ? null : now + state.pausedLeftMs,
          pausedAt: null,
          pausedLeftMs: null,
        },
      };
    }
    case 'skip':
      if (state.phase === 'lobby')
        return refuse('not-started', 'The lesson has not started: there is nothing to skip.');
      return {
        ok: true,
        state: open(
          state.phase === 'question' ? { ...state, skipped: [...state.skipped, state.position] } : state,
          following,
          now,
          limitOf(following),
        ),
      };
    case 'end':
      return { ok: true, state: closed({ ...state, phase: 'podium' }) };
  }
  return refuse('unknown-command', `Unknown command "${String(command)}".`);
}

/** Whether the open question's time is up (with `graceMs` for an answer's last instant on its way). */
export function isLiveTimeUp(state: LiveState, now: number, graceMs = 0): boolean {
  return state.phase === 'question' && state.deadline !== null && now > state.deadline + graceMs;
}

/** The open question closes: time up or everyone answered. Anything else is left as it is. */
export function closeLiveQuestion(state: LiveState): LiveState {
  return state.phase === 'question' ? closed({ ...state, phase: 'answer' }) : state;
}

/** Time left on the open question (frozen while paused); null with no time limit or no open question. */
export function liveRemainingMs(state: LiveState, now: number): number | null {
  if (state.phase !== 'question') return null;
  if (state.pausedAt !== null) return state.pausedLeftMs;
  return state.deadline === null ? null : Math.max(0, state.deadline - now);
}

/** Why an answer to `position` is refused now, or null when it is taken. */
export function liveAnswerRefusal(state: LiveState, position: number): LiveRefusal | null {
  if (state.phase === 'question' && position === state.position) {
    return state.pausedAt === null
      ? null
      : refuse('question-paused', 'Your teacher has paused the question: answer once it goes on.');
  }
  if (position > state.position || state.phase === 'lobby') {
    return refuse('not-served', 'That question is not open yet.');
  }
  return refuse('question-closed', 'That question has closed: answers are no longer taken.');
}

/**
 * How many questions, from the first, the class is past: their counts and right answers may be shown. The open
 * question is not; a closed one is, skipped or not.
 */
export function liveSettledCount(state: LiveState): number {
  if (state.phase === 'lobby') return 0;
  if (state.phase === 'podium') return state.total;
  return state.phase === 'question' ? state.position : state.position + 1;
}

/**
 * The server was down for `downMs`: the open question keeps the time it had left when the server went down (its
 * opening and deadline move on by the outage). A paused question's clock was stopped already.
 */
export function extendLiveForDowntime(state: LiveState, downMs: number): LiveState {
  if (state.phase !== 'question' || state.pausedAt !== null || downMs <= 0) return state;
  return {
    ...state,
    openedAt: state.openedAt === null ? null : state.openedAt + downMs,
    deadline: state.deadline === null ? null : state.deadline + downMs,
  };
}

/** A stored state read back, checked field by field: null when it is not one (a damaged row). */
export function parseLiveState(text: string): LiveState | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const value = data as Record<string, unknown>;
  const numberOrNull = (field: unknown) => field === null || (typeof field === 'number' && Number.isFinite(field));
  const ok =
    typeof value.phase === 'string' &&
    (LIVE_PHASES as readonly string[]).includes(value.phase) &&
    Number.isInteger(value.position) &&
    Number.isInteger(value.total) &&
    numberOrNull(value.openedAt) &&
    numberOrNull(value.deadline) &&
    numberOrNull(value.pausedAt) &&
    numberOrNull(value.pausedLeftMs) &&
    Array.isArray(value.skipped) &&
    value.skipped.every((position) => Number.isInteger(position));
  return ok ? (value as unknown as LiveState) : null;
}
