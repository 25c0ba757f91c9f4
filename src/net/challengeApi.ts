/**
 * The challenge API (src/server/challenge/routes.ts) as the game calls it. Playing a challenge's round is the
 * class API's job: the seat handed out here is a class seat.
 */
import type {
  ChallengeBoard,
  ChallengeSeat,
  CreateChallengeRequest,
  CreatedChallenge,
} from '../core/challengeProtocol';
import { ClassApi } from './classApi';

export class ChallengeApi extends ClassApi {
  createChallenge(request: CreateChallengeRequest): Promise<CreatedChallenge> {
    return this.call('POST', 'challenges', { body: request });
  }

  board(code: string): Promise<ChallengeBoard> {
    return this.call('GET', `challenges/${encodeURIComponent(code)}`);
  }

  /** A first try, or (with an earlier seat's token from this device) a later one, shown as practice. */
  joinChallenge(code: string, nickname: string, earlierToken?: string): Promise<ChallengeSeat> {
    return this.call('POST', `challenges/${encodeURIComponent(code)}/players`, {
      body: { nickname },
      token: earlierToken,
    });
  }

  closeChallenge(code: string, creatorToken: string): Promise<ChallengeBoard> {
    return this.call('POST', `challenges/${encodeURIComponent(code)}/close`, { token: creatorToken });
  }

  removeEntry(code: string, creatorToken: string, playerId: string): Promise<ChallengeBoard> {
    return this.call('DELETE', `challenges/${encodeURIComponent(code)}/entries/${encodeURIComponent(playerId)}`, {
      token: creatorToken,
    });
  }

  boardEventsUrl(code: string): string {
    return this.url(`challenges/${encodeURIComponent(code)}/events`);
  }
}
