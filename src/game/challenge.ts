/**
 * A challenge from a link, checked against the bank. Light on purpose (the title needs it): reading the link is
 * in challengeLink.ts, building the round in challengeRound.ts, each loaded only when needed.
 */
import type { Challenge } from '../core/challenge';
import type { BankBundle } from '../core/types';
import type { ChallengeNotice } from './challengeNotice';

export type IncomingChallenge = { challenge: Challenge } | { notice: ChallengeNotice } | undefined;

/** A challenge must come from the same bank and name topics it has, or its round cannot be rebuilt. */
export function checkAgainstBank(challenge: Challenge, bank: BankBundle): ChallengeNotice | undefined {
  if (challenge.bankVersion !== bank.version) {
    return { kind: 'otherBank' };
  }
  const known = new Set(bank.topics.map((topic) => topic.id));
  if (challenge.topics.some((topic) => !known.has(topic))) {
    return { kind: 'unknownTopics' };
  }
  return undefined;
}
