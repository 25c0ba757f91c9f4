/**
 * Dealing and ending rounds for the round flow (roundFlow.ts): the round builder and the boards, which come with the
 * screens of a round, not with the title.
 */
import { selfCheckStore } from '../storage/SelfCheckStore';
import { startRetry, type SessionState } from '../core/session';
import { startChallengeRound } from './challengeRound';
import { isCustomRound, startCustomRound } from './customRound';
import { recordRound } from './results';
import { startNewRound } from './round';
import { QUIT_ROUND, type FinishedRound, type RoundRequest } from './roundFlow';
import type { GameServices } from './services';
import { dropRound } from './keptRound';

/** The player's calendar day when each round began: a daily round counts for that day, however late it ends. */
const dayBegun = new WeakMap<SessionState['plan'], string>();

/** Deals the round a request asks for, and makes it the round in play. */
export function startRound(services: GameServices, request: RoundRequest = {}): SessionState {
  const day = services.today();
  const session = dealRound(services, request);
  if (!dayBegun.has(session.plan)) dayBegun.set(session.plan, day);
  return session;
}

function dealRound(services: GameServices, request: RoundRequest): SessionState {
  const rounds = services.rounds;
  if ('retry' in request) {
    const replay = startRetry(request.retry, services.now());
    rounds.beginReplay(request.retry, replay);
    return replay;
  }
  if ('again' in request) {
    const last = request.again;
    // A teacher's bank stays a teacher's bank: drawn again from the whole bank, not only the last round's questions.
    return dealRound(
      services,
      isCustomRound(services, last)
        ? { questions: rounds.customBank ?? last.questions }
        : { mode: last.plan.settings.mode },
    );
  }
  const challenge = 'challenge' in request ? rounds.takeChallenge() : undefined;
  if (challenge && services.bank) {
    const session = startChallengeRound(challenge, services.bank, services.now());
    rounds.begin(session, { challenge: true });
    return session;
  }
  if ('questions' in request) {
    const session = startCustomRound(services, request.questions);
    rounds.begin(session, { questions: request.questions });
    return session;
  }
  const mode = ('mode' in request ? request.mode : undefined) ?? rounds.lastMode;
  const session = startNewRound(services, mode);
  rounds.begin(session, { mode });
  return session;
}

/** The end of a round: on its board (once) when it was the round in play; a round quit before goes on none. */
export function finishRound(services: GameServices, session: SessionState): FinishedRound {
  dropRound(services);
  if (!services.rounds.end(session)) return { session, recorded: QUIT_ROUND };
  // Check yourself offers check B five finished rounds after check A.
  selfCheckStore(services.storage).roundFinished();
  return { session, recorded: recordRound(services, session, dayBegun.get(session.plan) ?? services.today()) };
}
