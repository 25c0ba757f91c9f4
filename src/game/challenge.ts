/** Opening a challenge link: read it once, check it against the bank, and build exactly its round. */
import { decodeChallenge, CHALLENGE_PARAM, type Challenge } from '../core/challenge';
import { DEFAULT_PREFERENCES, roundSettingsFrom } from '../core/preferences';
import { buildRound } from '../core/round';
import { startSession, type SessionState } from '../core/session';
import type { BankBundle } from '../core/types';

export type IncomingChallenge = { challenge: Challenge } | { notice: string } | undefined;

/** Reads "#c=…" from a URL fragment; anything else in the fragment is not a challenge. */
export function readChallenge(hash: string): IncomingChallenge {
  const prefix = `#${CHALLENGE_PARAM}=`;
  if (!hash.startsWith(prefix)) return undefined;
  const decoded = decodeChallenge(hash.slice(prefix.length));
  if ('error' in decoded) return { notice: `This challenge link cannot be played: ${decoded.error}.` };
  return decoded;
}

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

export function startChallengeRound(challenge: Challenge, bank: BankBundle, now: number): SessionState {
  const settings = roundSettingsFrom({
    ...DEFAULT_PREFERENCES,
    time: challenge.time,
    questionCount: challenge.questionCount,
    topics: challenge.topics,
    difficulty: challenge.difficulty,
    speedPoints: challenge.speedPoints,
  });
  return startSession(buildRound(bank.questions, settings, challenge.seed), bank.questions, now);
}

/** The challenge a finished round becomes: its seed and settings, the player's name and result. */
export function challengeFor(
  session: SessionState,
  bankVersion: string,
  name: string,
  marks: Challenge['marks'],
): Challenge {
  const settings = session.plan.settings;
  return {
    seed: session.plan.seed,
    questionCount: settings.questionCount,
    time: settings.timeLimitSec === null ? 'off' : (settings.timeScale as Challenge['time']),
    topics: [...settings.topics],
    difficulty: settings.difficulty,
    speedPoints: settings.speedPoints,
    bankVersion,
    name,
    score: session.score,
    marks,
  };
}
