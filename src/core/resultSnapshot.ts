/**
 * The results as a picture to screenshot and post: the score, the right/wrong pattern as squares, the mode and the
 * day, and nothing of the questions (no prompt, no answer), so a posted screenshot gives nothing away. Built from
 * the same numbers as the share text.
 */
import type { ResultMark } from './challenge';
import { formatLongDate } from './dates';
import { MODES, type ModeId } from './modes';
import { dailyDateOf, REPLAY_MARK } from './share';

export interface SnapshotFacts {
  mode: ModeId;
  seed: string;
  score: number;
  correct: number;
  total: number;
  marks: readonly ResultMark[];
  /** The player's local day the round was played on (a daily round names its own day instead). */
  today: string;
  /** A round that was not the player's first try at it (a second daily of the day) says so. */
  replay: boolean;
}

export interface ResultSnapshot {
  /** The mode, and "replay, not a first try" for a replay. */
  round: string;
  day: string;
  score: string;
  correct: string;
  marks: readonly ResultMark[];
  /** The squares in words, for the accessible layer. */
  pattern: string;
}

const MARK_WORDS: Record<ResultMark, string> = { right: 'right', wrong: 'wrong', timeout: "time's up" };

export function resultSnapshot(facts: SnapshotFacts): ResultSnapshot {
  const mode = MODES[facts.mode].title;
  const day = facts.mode === 'daily' ? (dailyDateOf(facts.seed) ?? facts.today) : facts.today;
  return {
    round: facts.replay ? `${mode} · ${REPLAY_MARK}` : mode,
    day: formatLongDate(day),
    score: `${facts.score.toLocaleString('en-US')} points`,
    correct: `${facts.correct} of ${facts.total} right`,
    marks: facts.marks,
    pattern: `Question by question: ${facts.marks.map((mark) => MARK_WORDS[mark]).join(', ')}.`,
  };
}
