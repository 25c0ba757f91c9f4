/** The local high-score table as data: validated on load, salvaging what it can. */
import { HIGH_SCORE_LIMIT } from './settings';

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
}

export interface LoadedHighScores {
  entries: HighScore[];
  /** What was wrong with the stored data, for a console message; empty when all was well. */
  problems: string[];
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
  return undefined;
}

function rank(entries: HighScore[]): HighScore[] {
  return entries
    .slice()
    .sort((a, b) => b.score - a.score || b.correct - a.correct || a.date.localeCompare(b.date))
    .slice(0, HIGH_SCORE_LIMIT);
}

/** Reads what storage held (a JSON string, or null when nothing was saved). */
export function parseHighScores(stored: string | null): LoadedHighScores {
  if (stored === null || stored === '') return { entries: [], problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(stored);
  } catch {
    return { entries: [], problems: ['saved high scores are not valid JSON; starting a new table'] };
  }
  if (!Array.isArray(data))
    return { entries: [], problems: ['saved high scores are not a list; starting a new table'] };
  const entries: HighScore[] = [];
  const problems: string[] = [];
  data.forEach((raw, index) => {
    const problem = problemWith(raw);
    if (problem) {
      problems.push(`saved high score ${index + 1} ${problem}; it was dropped`);
      return;
    }
    const entry = raw as HighScore;
    entries.push({
      score: entry.score,
      correct: entry.correct,
      total: entry.total,
      bestStreak: entry.bestStreak,
      date: entry.date,
      questionCount: entry.questionCount,
      timeLimitSec: entry.timeLimitSec,
      speedPoints: entry.speedPoints,
    });
  });
  return { entries: rank(entries), problems };
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
