/**
 * Challenges the server vouches for: a round anyone with a short code can play, timed and scored by the class
 * server exactly as a self-paced class, with a board of everyone who took it. Types and limits only, shared by the
 * server (src/server/challenge/) and the game.
 */
import { CLASS_CODE_ALPHABET, CLASS_CODE_LENGTH } from './classCode';

/** How long a challenge takes entries when its creator does not say. */
export const DEFAULT_CHALLENGE_DAYS = 7;
export const MIN_CHALLENGE_DAYS = 1;
/** Never past the class retention's default: the board's data is deleted with the round it belongs to. */
export const MAX_CHALLENGE_DAYS = 30;
export const MAX_CHALLENGE_TITLE_LENGTH = 80;
/** A challenge's round: the length of a Classic round, with the Classic time for each question. */
export const CHALLENGE_QUESTION_COUNT = 10;
export const CHALLENGE_TIME_LIMIT_SEC = 20;

/** The short link's path, relative to where the game is served: `c/CODE`. */
export const CHALLENGE_PATH_PREFIX = 'c/';

/** The code of a `…/c/CODE` address (trailing punctuation a chat app adds is ignored), or undefined. */
export function challengeCodeFromPath(pathname: string): string | undefined {
  const match = new RegExp(`/c/([${CLASS_CODE_ALPHABET}]{${CLASS_CODE_LENGTH}})[^A-Za-z0-9]*$`, 'i').exec(pathname);
  return match ? match[1]!.toUpperCase() : undefined;
}

export interface CreateChallengeRequest {
  /** The creator's nickname: their own round is the board's first entry. */
  nickname: string;
  title?: string;
  /** Days until the challenge takes no more entries; DEFAULT_CHALLENGE_DAYS when not given. */
  days?: number;
}

/** One try on the board: a first try (which counts) or a later one (practice). */
export interface ChallengeEntry {
  playerId: string;
  nickname: string;
  score: number;
  correct: number;
  answered: number;
  total: number;
  finished: boolean;
  /** The challenge's creator, whose round is the score to beat. */
  creator: boolean;
  /** Later tries: 2 for a second try, and so on; 1 for a first try. */
  attempt: number;
}

export interface ChallengeBoard {
  code: string;
  title: string | null;
  /** open: takes entries; closed: by its creator, or its deadline has passed. */
  status: 'open' | 'closed';
  createdAt: number;
  closesAt: number;
  questionCount: number;
  creator: string;
  /** The creator's finished first try; null until they have finished it. */
  scoreToBeat: number | null;
  /** First tries, best first: the ones that count. */
  entries: ChallengeEntry[];
  /** Later tries, newest last: shown, never ranked. */
  practice: ChallengeEntry[];
}

/** A seat in the challenge's round, played through the class API (`/api/classes/CODE/players/ID/…`). */
export interface ChallengeSeat {
  code: string;
  playerId: string;
  token: string;
  nickname: string;
  /** 1 for a first try; more for a practice try. */
  attempt: number;
}

export interface CreatedChallenge {
  board: ChallengeBoard;
  /** Kept on the creator's device: closes the challenge, removes entries, and reads the class report and CSV. */
  creatorToken: string;
  seat: ChallengeSeat;
}
