/**
 * The round in play and the way to the next one, in one place: a challenge from a link, a teacher's bank, the mode
 * last played, practice replays and the end of a round. Screens ask for a round and get one back; none of them
 * keeps any of this in fields for another screen to read.
 */
import type { Challenge } from '../core/challenge';
import type { ModeId } from '../core/modes';
import type { RoundPlan } from '../core/round';
import { startRetry, type SessionState } from '../core/session';
import type { Question } from '../core/types';
import { checkAgainstBank, type IncomingChallenge } from './challenge';
import { startChallengeRound } from './challengeRound';
import { isCustomRound, startCustomRound } from './customRound';
import { recordRound, type RecordedRound } from './results';
import { startNewRound } from './round';
import type { PageServices } from './pageServices';

/** What a new round is: a mode (the last one played when none is named), the link's challenge, or a teacher's bank. */
export type RoundRequest = { mode?: ModeId } | { challenge: true } | { questions: readonly Question[] };

/** What the title offers: the link's challenge to play, or a notice (once) why it cannot be played. */
export interface TitleOffer {
  challenge?: Challenge;
  notice?: string;
}

/** A finished round: where it went, and the round its report is about (a replay reports its first try). */
export interface FinishedRound {
  session: SessionState;
  recorded: RecordedRound;
}

export class RoundFlow {
  private incoming: IncomingChallenge;
  private notice?: string;
  /** The challenge the current round replays, for the side-by-side result. */
  private challenge?: Challenge;
  /** The teacher's bank the last round of one's own questions came from, for "Play again". */
  private customQuestions?: readonly Question[];
  /** The practice round whose missed questions are being replayed: its results stay the ones reported. */
  private retryOf?: SessionState;
  private mode: ModeId = 'classic';
  /** The plan of the round in play; a round whose plan this is not was quit (or finished) and counts for nothing. */
  private inPlay?: RoundPlan;

  constructor(private readonly services: () => PageServices) {}

  /** What the page's link asked for: a challenge to play, or a notice why it cannot be played. */
  receiveLink(incoming: IncomingChallenge): void {
    this.incoming = incoming;
  }

  /** Called by the title: the link's challenge while it is on offer, or the notice about it, said once. */
  titleOffer(): TitleOffer {
    const incoming = this.incoming;
    const bank = this.services().bank;
    if (incoming && bank) {
      const problem = 'notice' in incoming ? incoming.notice : checkAgainstBank(incoming.challenge, bank);
      if (problem) {
        this.incoming = undefined;
        this.notice = problem;
      } else if ('challenge' in incoming) {
        this.challenge = incoming.challenge;
        return { challenge: incoming.challenge };
      }
    }
    const notice = this.notice;
    this.notice = undefined;
    return notice ? { notice } : {};
  }

  /** Whether the title's Play starts the link's challenge. */
  get challengeOnOffer(): boolean {
    return this.incoming !== undefined && 'challenge' in this.incoming && this.challenge !== undefined;
  }

  /** The player would rather play a round of their own: the challenge is set aside for good. */
  declineChallenge(): void {
    this.incoming = undefined;
    this.challenge = undefined;
  }

  /** The mode of the last round started, for "Play again" and How to play's Play. */
  get lastMode(): ModeId {
    return this.mode;
  }

  /** Starts a new round; it is the round in play until it ends or the player leaves it. */
  start(request: RoundRequest = {}): SessionState {
    const services = this.services();
    let session: SessionState;
    if ('challenge' in request && this.challenge && services.bank) {
      // Played once from the link: Play again is a round of one's own.
      this.incoming = undefined;
      session = startChallengeRound(this.challenge, services.bank, services.now());
    } else if ('questions' in request) {
      this.challenge = undefined;
      // Kept for "Play again", which draws a new round from the whole bank, not only this round's questions.
      this.customQuestions = request.questions;
      session = startCustomRound(services, request.questions);
    } else {
      const mode = ('mode' in request ? request.mode : undefined) ?? this.mode;
      // A round of one's own: any challenge being replayed is over.
      this.challenge = undefined;
      this.mode = mode;
      session = startNewRound(services, mode);
    }
    this.retryOf = undefined;
    this.inPlay = session.plan;
    return session;
  }

  /** "Play again": another round like this one (a teacher's bank stays a teacher's bank). */
  playAgain(session: SessionState): SessionState {
    const services = this.services();
    if (isCustomRound(services, session)) return this.start({ questions: this.customQuestions ?? session.questions });
    return this.start({ mode: session.plan.settings.mode });
  }

  /** Practice: the missed questions again, for no points; the first try stays the round reported. */
  retry(session: SessionState): SessionState {
    const replay = startRetry(session, this.services().now());
    this.retryOf = session.attempt > 0 ? (this.retryOf ?? session) : session;
    this.inPlay = replay.plan;
    return replay;
  }

  /** Whether this is the round in play (not one the player has quit). */
  isInPlay(session: SessionState): boolean {
    return this.inPlay !== undefined && session.plan === this.inPlay;
  }

  /** The player left the round (back to the title): it is gone, and nothing of it is ever recorded. */
  quit(): void {
    this.inPlay = undefined;
  }

  /** The end of the round in play: it goes on its board (once); a round no longer in play goes on none. */
  finish(session: SessionState): FinishedRound {
    if (!this.isInPlay(session)) return { session, recorded: { board: null, place: null, unranked: 'quit' } };
    this.inPlay = undefined;
    return { session, recorded: recordRound(this.services(), session) };
  }

  /** The round a results screen reports on: a practice replay's first try. */
  reportedRound(session: SessionState): SessionState {
    return session.attempt > 0 ? (this.retryOf ?? session) : session;
  }

  /** The challenge this round replays, for the side-by-side result. */
  challengeOf(session: SessionState): Challenge | undefined {
    return this.challenge && this.challenge.seed === session.plan.seed ? this.challenge : undefined;
  }
}
