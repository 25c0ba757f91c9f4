/**
 * What the dashboard says about who the class waits for and who is away, and about a question not yet settled:
 * display rules as plain functions of the snapshot (no DOM).
 */
import type { DashboardSnapshot, QuestionTally } from '../core/classProtocol';

/** How many questions, from the first, are settled: their counts and right answers show. */
export function settledQuestions(snapshot: Pick<DashboardSnapshot, 'questions'>): number {
  const first = snapshot.questions.findIndex((question) => !question.settled);
  return first === -1 ? snapshot.questions.length : first;
}

type PresenceSnapshot = Pick<DashboardSnapshot, 'questions' | 'players'> & {
  class: Pick<DashboardSnapshot['class'], 'status'>;
};

/** Nicknames in a list a teacher reads aloud: "Ada", "Ada and Bo", "Ada, Bo and Cy". */
export function nameList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Who holds the next question back: the active players (not away, not finished) still on the first question
 * that is not settled. Empty when the class is not being played or nobody holds it back.
 */
export function waitingForText(snapshot: PresenceSnapshot): string {
  if (snapshot.class.status !== 'open') return '';
  const next = settledQuestions(snapshot);
  if (next >= snapshot.questions.length) return '';
  const waiting = snapshot.players.filter((player) => !player.away && !player.finished && player.answered <= next);
  if (waiting.length === 0) return '';
  return `Question ${next + 1} shows its answers once ${nameList(waiting.map((player) => player.nickname))} ${
    waiting.length === 1 ? 'is' : 'are'
  } past it.`;
}

/** Who is away, and that they hold nothing back; empty when nobody is. */
export function awayText(snapshot: PresenceSnapshot): string {
  if (snapshot.class.status !== 'open') return '';
  const away = snapshot.players.filter((player) => player.away).map((player) => player.nickname);
  if (away.length === 0) return '';
  return `Away: ${nameList(away)} (silent for longer than a question's time: the class does not wait for them, and they count again when they come back).`;
}

/** A question not yet settled: only how many answered, never what. */
export function unsettledNote(question: Pick<QuestionTally, 'answered' | 'timedOut'>): string {
  const ranOut = question.timedOut > 0 ? ` · ${question.timedOut} ran out of time` : '';
  return `${question.answered} answered${ranOut}. What they chose shows once everyone still playing is past it.`;
}
