/**
 * What the dashboard says about who the class waits for and who is away, and about a question not yet settled:
 * display rules as plain functions of the snapshot (no DOM).
 */
import type { DashboardSnapshot, QuestionTally } from '../core/classProtocol';
import { t } from './hostLanguage';

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
  return t('host:presence.nameList', { first: names.slice(0, -1).join(', '), last: names[names.length - 1] });
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
  return t('host:presence.waitingFor', {
    number: next + 1,
    names: nameList(waiting.map((player) => player.nickname)),
    count: waiting.length,
  });
}

/** Who is away, and that they hold nothing back; empty when nobody is. */
export function awayText(snapshot: PresenceSnapshot): string {
  if (snapshot.class.status !== 'open') return '';
  const away = snapshot.players.filter((player) => player.away).map((player) => player.nickname);
  if (away.length === 0) return '';
  return t('host:presence.away', { names: nameList(away) });
}

/** A question not yet settled: only how many answered, never what. */
export function unsettledNote(question: Pick<QuestionTally, 'answered' | 'timedOut'>): string {
  return question.timedOut > 0
    ? t('host:presence.unsettledTimedOut', { answered: question.answered, timedOut: question.timedOut })
    : t('host:presence.unsettled', { answered: question.answered });
}
