/** The local high-score tables as data: one board per way of playing, each validated on load, salvaging what it can. */
import { isIsoDate } from './dates';
import { MODES } from './modes';
import { impossibilityOf } from './possibleScores';
import type { RoundSettings } from './round';
import { HIGH_SCORE_LIMIT } from './settings';

/**
 * The boards: a score is only compared with scores made under the same rules. Classic without speed points has
 * its own (every right answer earns the same), and so has each mode.
 */
export const BOARD_IDS = ['classic', 'no-speed', 'daily', 'practice', 'fact-check'] as const;
export type BoardId = (typeof BOARD_IDS)[number];

export interface BoardInfo {
  title: string;
  /** Where the board is kept on the device. */
  storageKey: string;
}

export const BOARDS: Record<BoardId, BoardInfo> = {
  classic: { title: 'Classic', storageKey: MODES.classic.highScoreKey },
  'no-speed': { title: 'No speed points', storageKey: 'source-check:high-scores:no-speed:v1' },
  daily: { title: 'Daily', storageKey: MODES.daily.highScoreKey },
  practice: { title: 'Practice', storageKey: MODES.practice.highScoreKey },
  'fact-check': { title: 'Fact-check', storageKey: MODES['fact-check'].highScoreKey },
};

export function isBoardId(value: unknown): value is BoardId {
  return (BOARD_IDS as readonly unknown[]).includes(value);
}

/** The board a round's score goes on. */
export function boardFor(settings: Pick<RoundSettings, 'mode' | 'speedPoints'>): BoardId {
  if (settings.mode === 'classic' && !settings.speedPoints) return 'no-speed';
  return settings.mode;
}

/** The longest nickname a board keeps (names are checked when chosen; this only bounds stored data). */
const STORED_NAME_MAX = 40;

export interface HighScore {
  score: number;
  correct: number;
  total: number;
  bestStreak: number;
  /** ISO date-time of the end of the round. */
  date: string;
  questionCount: number;
  timeLimitSec: number | null;
  speedPoints: boolean;
  /** The player's nickname when the round ended. */
  nickname?: string;
  /** The daily round's day, the player's local date it began on (daily board only). */
  day?: string;
}

export interface LoadedHighScores {
  entries: HighScore[];
  /** What was wrong with the stored data, for a console message; empty when all was well. */
  problems: string[];
  /** How many entries were dropped as damaged: unreadable, or figures no round could have given (edited data). */
  dropped: number;
}

/** What a board's entries are checked against: its rules (the daily round has no wager) and the device's clock. */
export interface BoardCheck {
  board: BoardId;
  now: number;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1_000_000_000;
}

function problemWith(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return 'is not an object';
  const entry = raw as Record<string, unknown>;
  for (const key of ['score', 'correct', 'total', 'bestStreak', 'questionCount'] as const) {
    if (!isCount(entry[key])) return `has an invalid ${key}`;
  }
  if ((entry.correct as number) > (entry.total as number)) return 'has more correct answers than questions';
  if (typeof entry.date !== 'string' || Number.isNaN(Date.parse(entry.date))) return 'has an invalid date';
  if (entry.timeLimitSec !== null && !isCount(entry.timeLimitSec)) return 'has an invalid timeLimitSec';
  if (typeof entry.speedPoints !== 'boolean') return 'has an invalid speedPoints';
  if (entry.nickname !== undefined && (typeof entry.nickname !== 'string' || entry.nickname.length > STORED_NAME_MAX))
    return 'has an invalid nickname';
  if (entry.day !== undefined && (typeof entry.day !== 'string' || !isIsoDate(entry.day))) return 'has an invalid day';
  return undefined;
}

function rank(entries: HighScore[]): HighScore[] {
  return entries
    .slice()
    .sort((a, b) => b.score - a.score || b.correct - a.correct || a.date.localeCompare(b.date))
    .slice(0, HIGH_SCORE_LIMIT);
}

/**
 * Reads what storage held (a JSON string, or null when nothing was saved). With a board to check against, an entry
 * no round of that board could have given is dropped too, and counted.
 */
export function parseHighScores(stored: string | null, check?: BoardCheck): LoadedHighScores {
  if (stored === null || stored === '') return { entries: [], problems: [], dropped: 0 };
  let data: unknown;
  try {
    data = JSON.parse(stored);
  } catch {
    return { entries: [], problems: ['saved high scores are not valid JSON; starting a new table'], dropped: 0 };
  }
  if (!Array.isArray(data))
    return { entries: [], problems: ['saved high scores are not a list; starting a new table'], dropped: 0 };
  const entries: HighScore[] = [];
  const problems: string[] = [];
  let dropped = 0;
  data.forEach((raw, index) => {
    const problem = problemWith(raw);
    if (problem) {
      problems.push(`saved high score ${index + 1} ${problem}; it was dropped`);
      dropped += 1;
      return;
    }
    const entry = raw as HighScore;
    const impossibility = check && impossibilityOf(entry, check.board !== 'daily', check.now);
    if (impossibility) {
      problems.push(`saved high score ${index + 1} ${impossibility}, which no round can give; it was dropped`);
      dropped += 1;
      return;
    }
    entries.push({
      score: entry.score,
      correct: entry.correct,
      total: entry.total,
      bestStreak: entry.bestStreak,
      date: entry.date,
      questionCount: entry.questionCount,
      timeLimitSec: entry.timeLimitSec,
      speedPoints: entry.speedPoints,
      ...(entry.nickname !== undefined ? { nickname: entry.nickname } : {}),
      ...(entry.day !== undefined ? { day: entry.day } : {}),
    });
  });
  return { entries: rank(entries), problems, dropped };
}

/** The table with the new entry, and its 1-based place (null when it did not make the table). */
export function addHighScore(
  entries: readonly HighScore[],
  entry: HighScore,
): { entries: HighScore[]; place: number | null } {
  const ranked = rank([...entries, entry]);
  const index = ranked.indexOf(entry);
  return { entries: ranked, place: index < 0 ? null : index + 1 };
}

export function serializeHighScores(entries: readonly HighScore[]): string {
  return JSON.stringify(entries);
}

/**
 * Whether a daily round counts for the board: only the first round of each local day does, so the board holds a
 * first try, as everyone else's daily score is. `lastCounted` is the day of the last one that counted.
 */
export function dailyCounts(lastCounted: string | null, today: string): boolean {
  return lastCounted !== today;
}
