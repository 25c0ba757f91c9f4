/**
 * A challenge from a link, checked against the bank. Light on purpose (the title needs it): reading the link is
 * in challengeLink.ts, building the round in challengeRound.ts, each loaded only when needed.
 */
import type { Challenge } from '../core/challenge';
import type { BankBundle } from '../core/types';

export type IncomingChallenge = { challenge: Challenge } | { notice: string } | undefined;

/** A challenge must come from the same bank and name topics it has, or its round cannot be rebuilt. */
export function checkAgainstBank(challenge: Challenge, bank: BankBundle): string | undefined {
  if (challenge.bankVersion !== bank.version) {
    return 'This challenge was made with another version of the questions, so its round cannot be replayed exactly.';
  }
  const known = new Set(bank.topics.map((topic) => topic.id));
  if (challenge.topics.some((topic) => !known.has(topic))) {
    return 'This challenge names topics this game does not have, so its round cannot be replayed.';
  }
  return undefined;
}
