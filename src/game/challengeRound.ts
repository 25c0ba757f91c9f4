/** A challenge's round, rebuilt exactly from its link; and the challenge a finished round becomes. */
import type { Challenge } from '../core/challenge';
import { roundSettingsForMode } from '../core/modes';
import { DEFAULT_PREFERENCES, roundSettingsFrom } from '../core/preferences';
import { buildRound } from '../core/round';
import { startSession, type SessionState } from '../core/session';
import type { BankBundle } from '../core/types';

export function startChallengeRound(challenge: Challenge, bank: BankBundle, now: number): SessionState {
  const preferred = roundSettingsFrom({
    ...DEFAULT_PREFERENCES,
    time: challenge.time,
    questionCount: challenge.questionCount,
    topics: challenge.topics,
    kinds: challenge.kinds ?? [],
    difficulty: challenge.difficulty,
    speedPoints: challenge.speedPoints,
  });
  const settings = roundSettingsForMode(challenge.mode, preferred, { wager: challenge.wager });
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
    ...(settings.kinds && settings.kinds.length > 0 ? { kinds: [...settings.kinds] } : {}),
    difficulty: settings.difficulty,
    speedPoints: settings.speedPoints,
    mode: settings.mode,
    wager: settings.wager,
    bankVersion,
    name,
    score: session.score,
    marks,
  };
}
