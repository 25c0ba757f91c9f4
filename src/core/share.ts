/** The spoiler-free share text: what a player pastes into a chat after a round. */
import type { ResultMark } from './challenge';
import { formatLongDate } from './dates';
import { MODES } from './modes';
import type { RoundSettings } from './round';
import type { AnswerRecord } from './session';

export const SHARE_TITLE = 'Source Check — the TikTok ban quiz';
/** Shape as well as colour, so the grid reads without colour vision. */
export const MARK_SYMBOLS: Record<ResultMark, string> = { right: '✅', wrong: '❌', timeout: '⏰' };

export function marksOf(log: readonly AnswerRecord[]): ResultMark[] {
  return log.map((entry) => (entry.timedOut ? 'timeout' : entry.correct ? 'right' : 'wrong'));
}

export interface ShareFacts {
  /** "Challenge k3j9x2a" or "Daily challenge, 24 November 2026" (the player's local day). */
  label: string;
  score: number;
  correct: number;
  total: number;
  marks: readonly ResultMark[];
  link: string;
}

/** One line per fact; the grid says how each answer went and never which answer was right. */
export function shareText(facts: ShareFacts): string {
  return [
    SHARE_TITLE,
    facts.label,
    `${facts.score.toLocaleString('en-US')} points · ${facts.correct}/${facts.total} correct`,
    facts.marks.map((mark) => MARK_SYMBOLS[mark]).join(''),
    facts.link,
  ].join('\n');
}

/** The day a daily round's seed names ("daily-2026-11-24-…"), or undefined for any other seed. */
export function dailyDateOf(seed: string): string | undefined {
  return /^daily-(\d{4}-\d{2}-\d{2})-/.exec(seed)?.[1];
}

/** What the share text adds to a round that was not the player's first try at it (a second daily of the day). */
export const REPLAY_MARK = 'replay, not a first try';

/**
 * The share text's second line: the day of a daily round, or the round's code with its mode; a replay says so, so
 * a second try is never passed off as a first.
 */
export function shareLabel(settings: Pick<RoundSettings, 'mode'>, seed: string, replay = false): string {
  const day = dailyDateOf(seed);
  const label =
    settings.mode === 'daily' && day
      ? `Daily challenge, ${formatLongDate(day)}`
      : settings.mode === 'classic'
        ? `Challenge ${seed}`
        : `${MODES[settings.mode].title} challenge ${seed}`;
  return replay ? `${label} · ${REPLAY_MARK}` : label;
}
