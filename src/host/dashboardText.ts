/** What the teacher's dashboard says: its display rules as plain functions of the class's data (no DOM). */
import type { DashboardSnapshot, ServerInfo } from '../core/classProtocol';
import type { CalibrationFit } from '../core/reports';
import type { LiveMode } from '../net/liveStream';

export const LIVE_TEXT: Record<LiveMode, string> = {
  connecting: 'Connecting…',
  live: '● Live',
  polling: 'Updating every few seconds (the live connection dropped)',
  closed: 'Not updating',
};

export const FIT_TEXT: Record<CalibrationFit, string> = {
  fits: 'Fits',
  'over-confident': 'Over-confident',
  'under-confident': 'Under-confident',
  'too-few': 'Too few to tell',
};

/** "1 player", "3 players". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A rate as a whole percentage, or "—" when nothing was asked. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** The page's address students should open: this page's, unless it was opened on this computer only. */
export function joinUrlFor(code: string, info: ServerInfo, page: { href: string; hostname: string }): string {
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(page.hostname);
  const base =
    local && info.joinOrigins[0]
      ? new URL(new URL('./', page.href).pathname, info.joinOrigins[0])
      : new URL('./', page.href);
  base.search = `?class=${code}`;
  return base.href;
}

/** "Playing · 12 players · 3 finished · 10 questions · 20 s each". */
export function statusLine(snapshot: DashboardSnapshot): string {
  const { class: info, players } = snapshot;
  const finished = players.filter((player) => player.finished).length;
  const state = {
    lobby: `Waiting to start · ${players.length} joined`,
    open: `Playing · ${count(players.length, 'player')} · ${finished} finished`,
    ended: `Ended · ${count(players.length, 'player')}`,
  }[info.status];
  const time = info.timeLimitSec === null ? 'no time limit' : `${info.timeLimitSec} s each`;
  return `${state} · ${info.questionCount} questions · ${time}`;
}

/** A player's progress in the roster: " 3 / 10", or " done". */
export function progressText(player: { answered: number; finished: boolean }, total: number): string {
  return player.finished ? ' done' : ` ${player.answered} / ${total}`;
}

/** A player's score in the roster, or a dash while scores are hidden. */
export function scoreText(score: number, hidden: boolean): string {
  return hidden ? '—' : score.toLocaleString('en-US');
}

export function leaderboardNote(hidden: boolean): string {
  return hidden
    ? 'Scores are hidden: the projector shows progress only.'
    : '✔ Every score was worked out by the class server from its own clock: verified.';
}

/** Which answers the skills panel counts so far; it never counts a question some player has still to answer. */
export function skillsCoverage(
  summary: { skills: readonly { asked: number }[]; players: number; questionsCounted: number },
  info: { status: DashboardSnapshot['class']['status']; questionCount: number },
): string {
  const asked = summary.skills.reduce((sum, row) => sum + row.asked, 0);
  const ended = info.status === 'ended';
  if (asked === 0) {
    return ended
      ? 'Nobody answered a question in this class.'
      : 'Nothing to show yet. A question counts here once every player is past it (when its right answer is ' +
          'marked below), or once the class has ended, so the projector never gives an answer away.';
  }
  if (ended) return `Every answer of ${count(summary.players, 'player')}: the class has ended.`;
  if (summary.questionsCounted >= info.questionCount) {
    return `All ${info.questionCount} questions: every player is past them.`;
  }
  return (
    `Questions 1–${summary.questionsCounted} of ${info.questionCount}, the ones every player is past; the ` +
    'others count once everyone is past them or the class has ended.'
  );
}

/** Under a question's tally: how many answered, and how many ran out of time. */
export function answeredNote(question: { answered: number; timedOut: number }): string {
  return `${question.answered} answered${question.timedOut > 0 ? ` · ${question.timedOut} ran out of time` : ''}`;
}
