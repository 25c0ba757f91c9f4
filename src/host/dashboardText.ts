/** What the teacher's dashboard says: its display rules as plain functions of the class's data (no DOM). */
import type { AnswerReveal, ClassInfo, ClassPool, DashboardSnapshot } from '../core/classProtocol';
import type { CalibrationFit } from '../core/reports';
import { KIND_DESCRIPTIONS } from '../core/round';
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

/** What "verified" means wherever scores are shown, and what it does not mean. */
export const VERIFIED_MEANING =
  'Timed and scored by the class server, by its own clock. It does not mean a student answered alone or without ' +
  'looking anything up.';

export function leaderboardNote(hidden: boolean): string {
  return hidden
    ? 'Scores are hidden: the projector shows progress only.'
    : `✔ Verified: ${VERIFIED_MEANING.charAt(0).toLowerCase()}${VERIFIED_MEANING.slice(1)}`;
}

/** The Lock joining toggle's state, said plainly. */
export function joiningText(locked: boolean): string {
  return locked ? 'Joining locked — no one new can join' : 'Joining open: anyone with the code can join';
}

export const POOL_TEXT: Record<ClassPool, string> = {
  'class-only': 'Class-only questions: ones the game does not carry offline, so their answers cannot be looked up',
  all: 'All questions, including the ones students can play on their own',
};

export const REVEAL_TEXT: Record<AnswerReveal, string> = {
  immediate: 'Right away: each student sees the right answer once their own answer is in',
  settled: 'Once settled: after everyone still in the class has answered (or run out of time)',
};

/** A pool choice with how many questions it holds over the ticked topics (all topics when none is ticked). */
export function poolChoiceText(
  pool: ClassPool,
  topics: readonly { id: string; questions: number; classOnlyQuestions: number }[],
  ticked: readonly string[],
): string {
  const chosen = ticked.length === 0 ? topics : topics.filter((topic) => ticked.includes(topic.id));
  const held = chosen.reduce(
    (sum, topic) => sum + (pool === 'class-only' ? topic.classOnlyQuestions : topic.questions),
    0,
  );
  return `${POOL_TEXT[pool]} (${count(held, 'question')})`;
}

/** The class's settings in a few lines, for the dashboard's summary. */
export function settingsLines(info: ClassInfo): string[] {
  return [
    `Questions from: ${info.pool === 'class-only' ? 'class-only questions' : 'all questions'}`,
    `Kinds of question: ${info.kinds.length === 0 ? 'all kinds' : info.kinds.map((kind) => KIND_DESCRIPTIONS[kind]).join('; ')}`,
    `Students see the answer: ${info.answerReveal === 'settled' ? 'once everyone still in the class has answered' : 'right away'}`,
    `Nicknames: ${info.generatedNicknamesOnly ? 'generated nicknames only' : 'students may type their own'}`,
  ];
}

/**
 * Whether a saved teacher link the server refused should be forgotten: only a 404 (the code is gone or the token
 * does not fit it) says it never will work again; a 429 or a lost connection may pass.
 */
export function savedClassIsDead(status: number): boolean {
  return status === 404;
}

/** Why the page forgot the class it had saved. */
export function droppedClassText(code: string): string {
  return (
    `The class ${code} saved on this browser is no longer on the class server, or this browser's teacher link ` +
    'does not fit it (the class was deleted or expired), ' +
    'so this browser has forgotten it. Set up a new class below.'
  );
}

/** The button that opens a finished class on request: "Show the last class (ABC234, ended 6 Dec 2026)". */
export function lastClassText(code: string, endedAt: number | null): string {
  const date =
    endedAt === null
      ? ''
      : `, ended ${new Date(endedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}`;
  return `Show the last class (${code}${date})`;
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
      : 'Nothing to show yet. A question counts here once every player still playing is past it (players away ' +
          'are not waited for; its right answer is then marked below), or once the class has ended, so the ' +
          'projector never gives an answer away.';
  }
  if (ended) return `Every answer of ${count(summary.players, 'player')}: the class has ended.`;
  if (summary.questionsCounted >= info.questionCount) {
    return `All ${info.questionCount} questions: every player is past them.`;
  }
  return (
    `Questions 1–${summary.questionsCounted} of ${info.questionCount}, the ones every player is past (players ` +
    'away are not waited for); the others count once everyone still playing is past them or the class has ended.'
  );
}

/** Under a question's tally: how many answered, and how many ran out of time. */
export function answeredNote(question: { answered: number; timedOut: number }): string {
  return `${question.answered} answered${question.timedOut > 0 ? ` · ${question.timedOut} ran out of time` : ''}`;
}
