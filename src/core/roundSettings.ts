/**
 * What a round is asked to be: its settings and their defaults, apart from round.ts (which builds the round) so
 * that reading the player's settings does not bring the round builder along.
 */
import type { QuestionKind } from './types';
import { DEFAULT_TIME_LIMIT_SEC, QUESTIONS_PER_ROUND } from './settings';

/** The ways to play a round, by id (their rules are in modes.ts, which builds on these settings). */
export const MODE_IDS = ['classic', 'practice', 'fact-check', 'daily'] as const;
export type ModeId = (typeof MODE_IDS)[number];

/** How difficulty shapes a round: the usual mix easiest first, the same mix in any order, or hard only. */
export const DIFFICULTY_ORDERS = ['easy-first', 'mixed', 'hard-only'] as const;
export type DifficultyOrder = (typeof DIFFICULTY_ORDERS)[number];

export interface RoundSettings {
  questionCount: number;
  /** Default seconds per question, or null for no timer. A question's own timeLimitSec overrides it. */
  timeLimitSec: number | null;
  /** Multiplies every question's time (1, 1.5, 2, 10): more time to read never changes the questions. */
  timeScale: number;
  difficulty: DifficultyOrder;
  speedPoints: boolean;
  /** Topic ids to draw from; empty means every topic. */
  topics: string[];
  /** The rules the round is played by (MODES in modes.ts); classic is the timed game with speed points. */
  mode: ModeId;
  /** Kinds of question to draw from (docs/question-bank.md); empty or absent means every kind. */
  kinds?: QuestionKind[];
  /** Draw only questions that check a claim (fact-check rounds). */
  claimsOnly: boolean;
  /** Ask Sure / Think so / Guessing after each answer and mark it by certainty (wager.ts). */
  wager: boolean;
}

export const DEFAULT_ROUND_SETTINGS: RoundSettings = {
  questionCount: QUESTIONS_PER_ROUND,
  timeLimitSec: DEFAULT_TIME_LIMIT_SEC,
  timeScale: 1,
  difficulty: 'easy-first',
  speedPoints: true,
  topics: [],
  mode: 'classic',
  claimsOnly: false,
  wager: false,
};
