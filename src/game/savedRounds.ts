/**
 * The solo round in play, kept on the device at each of its screens (src/core/savedRound.ts says what is kept) and
 * offered back once, when the page is opened again: it comes back paused at the screen it was on. Only rounds of
 * the shipped bank are kept; a challenge, a teacher's bank or a practice replay is not resumed.
 */
import { restoreRound, savedRoundOf } from '../core/savedRound';
import type { SessionState } from '../core/session';
import type { GameServices } from './services';
import { dropRound, SAVED_ROUND_KEY } from './keptRound';

/** Set once the page has looked for a saved round: a later visit to the title never brings one back. */
const LOOKED_KEY = 'savedRoundLookedFor';

/** Keeps `session` as the round to resume after a reload, when it is a solo round of the shipped bank in play. */
export function keepRound(services: GameServices, session: SessionState): void {
  const rounds = services.rounds;
  const shipped = new Set(services.bank?.questions ?? []);
  const solo =
    rounds.isInPlay(session) &&
    !rounds.challengeOf(session) &&
    session.questions.every((question) => shipped.has(question));
  const record = solo ? savedRoundOf(session, services.now()) : null;
  if (record) services.storage.setItem(SAVED_ROUND_KEY, JSON.stringify(record));
  else dropRound(services);
}

/**
 * On the page's first title: the round kept before a reload, its clock stopped, made the round in play; or word that
 * what was kept could not be read (and is dropped), for the title to say. Later calls find nothing.
 */
export function takeSavedRound(
  services: GameServices,
  registry: { get(key: string): unknown; set(key: string, value: unknown): unknown },
): { session?: SessionState; dropped?: true } {
  if (registry.get(LOOKED_KEY) === true) return {};
  registry.set(LOOKED_KEY, true);
  const stored = services.storage.getItem(SAVED_ROUND_KEY);
  if (stored === null || !services.bank) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    raw = undefined;
  }
  const restored = restoreRound(raw, services.bank.questions, services.now());
  if ('problem' in restored) {
    dropRound(services);
    console.warn(`Source Check: the saved round was dropped: ${restored.problem}`);
    return { dropped: true };
  }
  services.rounds.begin(restored.session, { mode: restored.session.plan.settings.mode });
  return { session: restored.session };
}
