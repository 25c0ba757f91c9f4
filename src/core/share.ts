/** The spoiler-free share text: what a player pastes into a chat after a round. */
import type { ResultMark } from './challenge';
import type { AnswerRecord } from './session';

export const SHARE_TITLE = 'Source Check — the TikTok ban quiz';
/** Shape as well as colour, so the grid reads without colour vision. */
export const MARK_SYMBOLS: Record<ResultMark, string> = { right: '✅', wrong: '❌', timeout: '⏰' };

export function marksOf(log: readonly AnswerRecord[]): ResultMark[] {
  return log.map((entry) => (entry.timedOut ? 'timeout' : entry.correct ? 'right' : 'wrong'));
}

export interface ShareFacts {
  /** "Challenge k3j9x2a" or "Daily challenge, 24 November 2026 (UTC)". */
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
