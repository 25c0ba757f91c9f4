/** What the projector says during a live lesson: its words as plain functions of the lesson's board (no DOM). */
import type { LiveBoard } from '../core/classProtocol';
import type { LiveCommand } from '../core/liveLesson';
import { count } from './dashboardText';

/** The Next button says where it goes. */
export function nextLabel(board: Pick<LiveBoard, 'phase' | 'position' | 'total'>): string {
  switch (board.phase) {
    case 'lobby':
      return 'Start: question 1';
    case 'answer':
      return 'Show the evidence';
    case 'evidence':
      return 'Leaderboard';
    case 'leaderboard':
      return board.position + 1 >= board.total ? 'Podium' : `Next: question ${board.position + 2}`;
    default:
      return 'Next';
  }
}

/** The teacher's buttons, in order, with their labels. */
export function commandLabel(command: LiveCommand, board: LiveBoard): string {
  switch (command) {
    case 'next':
      return nextLabel(board);
    case 'show-answer':
      return 'Show answer';
    case 'pause':
      return 'Pause';
    case 'resume':
      return 'Resume';
    case 'skip':
      // Skip closes an open question unseen; from its answer steps it goes straight on to the next question.
      if (board.phase === 'question') return 'Skip this question';
      return board.position + 1 >= board.total ? 'Skip to the podium' : 'Skip to the next question';
    case 'end':
      return 'End the lesson';
  }
}

/** The countdown: "17", "Paused · 12 s left", "Time's up", or "No time limit". */
export function countdownText(board: Pick<LiveBoard, 'paused' | 'timeLimitMs'>, leftMs: number | null): string {
  if (leftMs === null) return board.paused ? 'Paused' : 'No time limit';
  const seconds = Math.ceil(leftMs / 1000);
  if (board.paused) return `Paused · ${seconds} s left`;
  return seconds <= 0 ? "Time's up" : String(seconds);
}

/** "12 of 25 answered": how many, never what. */
export function answeredText(board: Pick<LiveBoard, 'answered' | 'players'>): string {
  return `${board.answered} of ${count(board.players, 'player')} answered`;
}

/** The heading of each moment of the lesson. */
export function phaseHeading(board: Pick<LiveBoard, 'phase' | 'position' | 'total' | 'skipped'>): string {
  const number = `Question ${board.position + 1} of ${board.total}`;
  switch (board.phase) {
    case 'lobby':
      return 'Join the class: the first question opens when everyone is in';
    case 'question':
      return number;
    case 'answer':
      return board.skipped ? `${number}: skipped` : `${number}: how the class answered`;
    case 'evidence':
      return `${number}: what the source says`;
    case 'leaderboard':
      return `Leaderboard after question ${board.position + 1}`;
    case 'podium':
      return 'Podium';
  }
}

/**
 * Once the class's time is up, the time left of each student with extended time the open question still waits for
 * (liveExtendedTime.ts; null: no time limit); empty before then, or when it waits for nobody. `sinceMs`: time since
 * the board came, during which their time ran on (0 while paused).
 */
export function extendedStillAnswering(
  board: Pick<LiveBoard, 'phase' | 'extendedTimeLeftMs'>,
  classLeftMs: number | null,
  sinceMs: number,
): (number | null)[] {
  if (board.phase !== 'question' || classLeftMs === null || classLeftMs > 0) return [];
  return (board.extendedTimeLeftMs ?? [])
    .map((ms) => (ms === null ? null : ms - sinceMs))
    .filter((ms) => ms === null || ms > 0);
}

/** What the projector says of them: their count, never their names, and what moves the class on. */
export function extendedWaitText(left: readonly (number | null)[]): string {
  if (left.length === 0) return '';
  const unlimited = left.filter((ms) => ms === null).length;
  const longest = Math.max(...left.map((ms) => ms ?? 0));
  const until =
    unlimited > 0
      ? ` (${unlimited} with no time limit) until they answer.`
      : `, up to ${Math.ceil(longest / 1000)} s more.`;
  return `Waiting for ${count(left.length, 'student')} with extended time${until} Show answer closes the question now.`;
}
