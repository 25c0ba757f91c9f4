/** What the projector says during a live lesson: its words as plain functions of the lesson's board (no DOM). */
import type { LiveBoard } from '../core/classProtocol';
import type { LiveCommand } from '../core/liveLesson';
import { count } from './dashboardText';
import { t } from './hostLanguage';

/** The Next button says where it goes. */
export function nextLabel(board: Pick<LiveBoard, 'phase' | 'position' | 'total'>): string {
  switch (board.phase) {
    case 'lobby':
      return t('host:live.start');
    case 'answer':
      return t('host:live.showEvidence');
    case 'evidence':
      return t('host:live.leaderboard');
    case 'leaderboard':
      return board.position + 1 >= board.total
        ? t('host:live.podium')
        : t('host:live.nextQuestion', { number: board.position + 2 });
    default:
      return t('host:live.next');
  }
}

/** The teacher's buttons, in order, with their labels. */
export function commandLabel(command: LiveCommand, board: LiveBoard): string {
  switch (command) {
    case 'next':
      return nextLabel(board);
    case 'show-answer':
      return t('host:live.showAnswer');
    case 'pause':
      return t('host:live.pause');
    case 'resume':
      return t('host:live.resume');
    case 'skip':
      // Skip closes an open question unseen; from its answer steps it goes straight on to the next question.
      if (board.phase === 'question') return t('host:live.skipQuestion');
      return board.position + 1 >= board.total ? t('host:live.skipToPodium') : t('host:live.skipToNext');
    case 'end':
      return t('host:live.end');
  }
}

/** The countdown: "17", "Paused · 12 s left", "Time's up", or "No time limit". */
export function countdownText(board: Pick<LiveBoard, 'paused' | 'timeLimitMs'>, leftMs: number | null): string {
  if (leftMs === null) return board.paused ? t('host:live.paused') : t('host:live.noTimeLimit');
  const seconds = Math.ceil(leftMs / 1000);
  if (board.paused) return t('host:live.pausedLeft', { seconds });
  return seconds <= 0 ? t('host:live.timeUp') : String(seconds);
}

/** "12 of 25 answered": how many, never what. */
export function answeredText(board: Pick<LiveBoard, 'answered' | 'players'>): string {
  return t('host:live.answered', { answered: board.answered, players: count(board.players, 'player') });
}

/** The heading of each moment of the lesson. */
export function phaseHeading(board: Pick<LiveBoard, 'phase' | 'position' | 'total' | 'skipped'>): string {
  const at = { number: board.position + 1, total: board.total };
  switch (board.phase) {
    case 'lobby':
      return t('host:live.lobbyHeading');
    case 'question':
      return t('host:live.questionHeading', at);
    case 'answer':
      return board.skipped ? t('host:live.skippedHeading', at) : t('host:live.answerHeading', at);
    case 'evidence':
      return t('host:live.evidenceHeading', at);
    case 'leaderboard':
      return t('host:live.leaderboardHeading', at);
    case 'podium':
      return t('host:live.podium');
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
  return unlimited > 0
    ? t('host:live.waitingExtendedUnlimited', { count: left.length, unlimited })
    : t('host:live.waitingExtended', { count: left.length, seconds: Math.ceil(longest / 1000) });
}
