/**
 * Rounds from a teacher's bank. Light on purpose (no importer, no storage): any screen may ask whether a round is
 * a teacher's, for instance to leave out what only makes sense for the game's own questions.
 */
import { roundSettingsFrom } from '../core/preferences';
import { buildRound } from '../core/round';
import { startSession, type SessionState } from '../core/session';
import type { Question } from '../core/types';
import type { PageServices } from './pageServices';

/**
 * A round from a teacher's bank, under the player's settings (time, count, order, speed points). The shipped
 * topics and kinds do not apply; a bank smaller than a round is played whole; and "hard only" on a bank without hard
 * questions (GIFT and spreadsheet questions count as medium) plays them all in mixed order rather than none.
 */
export function startCustomRound(
  services: PageServices,
  questions: readonly Question[],
  seed = services.newSeed(),
): SessionState {
  // A teacher's questions carry no kind: the player's kinds, like the shipped topics, do not apply.
  const settings = { ...roundSettingsFrom(services.preferences.get()), topics: [], kinds: [] };
  const hasHard = questions.some((question) => question.difficulty === 3);
  if (settings.difficulty === 'hard-only' && !hasHard) settings.difficulty = 'mixed';
  return startSession(buildRound(questions, settings, seed), questions, services.now());
}

/** Whether a round is played from a teacher's bank rather than the game's own (whose seed rebuilds it). */
export function isCustomRound(services: PageServices, session: SessionState): boolean {
  const shipped = new Set(services.bank?.questions ?? []);
  return session.questions.some((question) => !shipped.has(question));
}
