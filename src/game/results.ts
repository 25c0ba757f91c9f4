/** The end of a round: which board it goes on (if any), and what "Play again" starts. */
import { dailyBoardDay } from '../core/dailyDay';
import { boardFor, type BoardId } from '../core/highScores';
import { summarize, type SessionState } from '../core/session';
import { isCustomRound } from './customRound';
import { nicknamesOf } from './nicknames';
import type { PageServices } from './pageServices';
import type { WriteOutcome } from '../storage/SafeStorage';

/** Why a finished round is on no board. */
export type UnrankedReason = 'custom' | 'retry' | 'daily-replayed' | 'daily-other-day' | 'quit';

export interface RecordedRound {
  /** The board the round belongs to; null for a teacher's questions or a practice replay. */
  board: BoardId | null;
  /** Its place on the board (1-based), or null when it did not make the top ten or did not count. */
  place: number | null;
  unranked?: UnrankedReason;
  /** When the saved entry's round ended (its key on the board), so a name chosen later can be put on it. */
  savedAt?: string;
  /** Why the board could not be saved on the device: the round is on it for this visit only. */
  unsaved?: Exclude<WriteOutcome, 'saved'>;
}

/** Puts a finished round on its board: once per day for the daily round, never for replays or a teacher's bank. */
export function recordRound(services: PageServices, session: SessionState, dayBegun: string): RecordedRound {
  if (session.attempt > 0) return { board: null, place: null, unranked: 'retry' };
  if (isCustomRound(services, session)) return { board: null, place: null, unranked: 'custom' };
  const summary = summarize(session);
  const settings = session.plan.settings;
  // A daily round counts for the day it began, and only when that is its own day.
  const day = settings.mode === 'daily' ? dailyBoardDay(session.plan.seed, dayBegun) : undefined;
  if (settings.mode === 'daily' && day === undefined) return { board: null, place: null, unranked: 'daily-other-day' };
  const board = boardFor(settings);
  const date = new Date().toISOString();
  const { place, counted, saved } = services.highScores.add(
    {
      score: summary.score,
      correct: summary.correct,
      total: summary.total,
      bestStreak: summary.bestStreak,
      date,
      questionCount: settings.questionCount,
      timeLimitSec: settings.timeLimitSec,
      speedPoints: settings.speedPoints,
      nickname: nicknamesOf(services).get(),
      ...(day !== undefined ? { day } : {}),
    },
    board,
  );
  if (!counted) return { board, place: null, unranked: 'daily-replayed' };
  const unsaved = saved === 'saved' ? {} : { unsaved: saved };
  return place === null ? { board, place, ...unsaved } : { board, place, savedAt: date, ...unsaved };
}
