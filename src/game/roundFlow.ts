/**
 * The round in play and the way to the next one, in one place: a challenge from a link, a teacher's bank, the mode
 * last played, practice replays and the end of a round. Screens ask for a round (a RoundRequest, dealt by the
 * question screen through roundStart.ts) and ask here what it was; none of them keeps any of this in fields for
 * another screen to read. Light on purpose: the title holds it, so nothing here builds a round.
 */
import type { Challenge } from '../core/challenge';
import type { ModeId } from '../core/modes';
import type { RoundPlan } from '../core/round';
import type { SessionState } from '../core/session';
import type { BankBundle, Question } from '../core/types';
import { checkAgainstBank, type IncomingChallenge } from './challenge';
import type { ChallengeNotice } from './challengeNotice';
import type { RecordedRound } from './results';

/**
 * A new round: a mode (the last one played when none is named), the link's challenge, a teacher's bank, another
 * round like a finished one ("Play again"), or a practice round's missed questions again.
 */
export type RoundRequest =
  | { mode?: ModeId }
  | { challenge: true }
  | { questions: readonly Question[] }
  | { again: SessionState }
  | { retry: SessionState };

/** What the title offers: the link's challenge to play, or a notice (once) why it cannot be played. */
export interface TitleOffer {
  challenge?: Challenge;
  notice?: ChallengeNotice;
}

/** A finished round: where it went. */
export interface FinishedRound {
  session: SessionState;
  recorded: RecordedRound;
}

/** Where a round that was no longer in play goes: nowhere. */
export const QUIT_ROUND: RecordedRound = { board: null, place: null, unranked: 'quit' };

export class RoundFlow {
  private incoming: IncomingChallenge;
  private notice?: ChallengeNotice;
  /** The challenge the current round replays, for the side-by-side result. */
  private challenge?: Challenge;
  /** The teacher's bank the last round of one's own questions came from, for "Play again". */
  private customQuestions?: readonly Question[];
  /** The practice round whose missed questions are being replayed: its results stay the ones reported. */
  private retryOf?: SessionState;
  private mode: ModeId = 'classic';
  /** The plan of the round in play; a round whose plan this is not was quit (or finished) and counts for nothing. */
  private inPlay?: RoundPlan;

  constructor(
    private readonly bank: () => BankBundle | undefined,
    /** Takes the link out of the page's address: it is played, set aside or cannot be played (challengeAddress.ts). */
    private readonly forgetLink: () => void = () => undefined,
  ) {}

  /** What the page's link asked for: a challenge to play, or a notice why it cannot be played. */
  receiveLink(incoming: IncomingChallenge): void {
    this.incoming = incoming;
  }

  /** Called by the title: the link's challenge while it is on offer, or the notice about it, said once. */
  titleOffer(): TitleOffer {
    const incoming = this.incoming;
    const bank = this.bank();
    if (incoming && bank) {
      const problem = 'notice' in incoming ? incoming.notice : checkAgainstBank(incoming.challenge, bank);
      if (problem) {
        this.incoming = undefined;
        this.notice = problem;
        this.forgetLink();
      } else if ('challenge' in incoming) {
        this.challenge = incoming.challenge;
        return { challenge: incoming.challenge };
      }
    }
    const notice = this.notice;
    this.notice = undefined;
    return notice ? { notice } : {};
  }

  /** Whether a link is waiting for the title to offer it (or say why it cannot be played). */
  get linkWaiting(): boolean {
    return this.incoming !== undefined || this.notice !== undefined;
  }

  /** Whether the title's Play starts the link's challenge. */
  get challengeOnOffer(): boolean {
    return this.incoming !== undefined && 'challenge' in this.incoming && this.challenge !== undefined;
  }

  /** The player would rather play a round of their own: the challenge is set aside for good. */
  declineChallenge(): void {
    this.incoming = undefined;
    this.challenge = undefined;
    this.forgetLink();
  }

  /** The challenge to replay now, taken from the link (Play again is then a round of one's own). */
  takeChallenge(): Challenge | undefined {
    if (!this.challengeOnOffer) return undefined;
    this.incoming = undefined;
    return this.challenge;
  }

  /** The mode of the last round started, for "Play again" and How to play's Play. */
  get lastMode(): ModeId {
    return this.mode;
  }

  /** The teacher's bank the last round of one's own questions came from. */
  get customBank(): readonly Question[] | undefined {
    return this.customQuestions;
  }

  /** A new round has started: it is the round in play until it ends or the player leaves it. */
  begin(
    session: SessionState,
    from: { mode: ModeId } | { questions: readonly Question[] } | { challenge: true },
  ): void {
    if ('mode' in from) this.mode = from.mode;
    if ('questions' in from) this.customQuestions = from.questions;
    // A round of one's own: any challenge being replayed is over.
    if (!('challenge' in from)) this.challenge = undefined;
    this.retryOf = undefined;
    this.inPlay = session.plan;
  }

  /** Practice: a replay of `of`'s missed questions has started; the first try stays the round reported. */
  beginReplay(of: SessionState, replay: SessionState): void {
    this.retryOf = of.attempt > 0 ? (this.retryOf ?? of) : of;
    this.inPlay = replay.plan;
  }

  /** Whether this is the round in play (not one the player has quit). */
  isInPlay(session: SessionState): boolean {
    return this.inPlay !== undefined && session.plan === this.inPlay;
  }

  /** The player left the round (back to the title): it is gone, and nothing of it is ever recorded. */
  quit(): void {
    // A challenge left half-way was played: the link is not offered again.
    if (this.inPlay && this.challenge?.seed === this.inPlay.seed) this.forgetLink();
    this.inPlay = undefined;
  }

  /** Whether a round is in play (begun and neither ended nor left). */
  get roundInPlay(): boolean {
    return this.inPlay !== undefined;
  }

  /** The round has ended: true when it was the round in play (and so may be recorded, once). */
  end(session: SessionState): boolean {
    if (!this.isInPlay(session)) return false;
    // The link stays in the address while its round is played (a reload offers it again), and goes once it ends.
    if (this.challengeOf(session)) this.forgetLink();
    this.inPlay = undefined;
    return true;
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
