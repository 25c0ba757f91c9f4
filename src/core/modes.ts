/**
 * The ways to play a round. Each mode is a row of rules that turns into RoundSettings, so the game and a class
 * server build and score the same round from the same seed.
 */
import { isIsoDate } from './dates';
import { hashSeed } from './rng';
import { DEFAULT_ROUND_SETTINGS, MODE_IDS, type ModeId, type RoundSettings } from './roundSettings';

export { MODE_IDS, type ModeId };

export interface ModeRules {
  title: string;
  /** One line for the mode picker. */
  description: string;
  /** false: no countdown and no speed points, whatever the player's settings say. */
  timed: boolean;
  /** Only questions that check a claim. */
  claimsOnly: boolean;
  /** Before answering, the player says whether the claim is accurate, inaccurate, or cannot be told. */
  judgeClaims: boolean;
  /** Whether the confidence wager may be turned on, and whether it starts on. */
  wagerAllowed: boolean;
  wagerByDefault: boolean;
  /** When the round ends, the missed questions can be played again, as often as wanted, for no points. */
  retries: boolean;
  /** Everyone plays the same questions: the player's count, topics and difficulty are not used. */
  sameRoundForEveryone: boolean;
  /** Where this mode's best rounds are kept; each mode has a board of its own. */
  highScoreKey: string;
}

export const MODES: Record<ModeId, ModeRules> = {
  classic: {
    title: 'Classic',
    description: 'Beat the clock (more time or none in Settings): faster right answers and streaks score more.',
    timed: true,
    claimsOnly: false,
    judgeClaims: false,
    wagerAllowed: true,
    wagerByDefault: false,
    retries: false,
    sameRoundForEveryone: false,
    // The key high scores had before there were modes, so earlier rounds stay on the Classic board.
    highScoreKey: 'source-check:high-scores:v1',
  },
  practice: {
    title: 'Practice',
    description: 'No clock: take your time, then retry the questions you missed.',
    timed: false,
    claimsOnly: false,
    judgeClaims: false,
    wagerAllowed: true,
    wagerByDefault: false,
    retries: true,
    sameRoundForEveryone: false,
    highScoreKey: 'source-check:high-scores:practice:v1',
  },
  'fact-check': {
    title: 'Fact-check',
    description: "Judge each of the article's claims, then answer and say how sure you are.",
    // Judging a claim is slow reading; a clock would reward guessing, which the wager is there to discourage.
    timed: false,
    claimsOnly: true,
    judgeClaims: true,
    wagerAllowed: true,
    wagerByDefault: true,
    retries: false,
    sameRoundForEveryone: false,
    highScoreKey: 'source-check:high-scores:fact-check:v1',
  },
  daily: {
    title: 'Daily',
    description: "Today's round, the same for everyone: Classic rules, one new round a day.",
    timed: true,
    claimsOnly: false,
    judgeClaims: false,
    // Scores of the day are compared, so everyone's count the same way.
    wagerAllowed: false,
    wagerByDefault: false,
    retries: false,
    sameRoundForEveryone: true,
    highScoreKey: 'source-check:high-scores:daily:v1',
  },
};

export function isModeId(value: unknown): value is ModeId {
  return (MODE_IDS as readonly unknown[]).includes(value);
}

/**
 * The round settings of a mode, starting from the player's own (count, topics, difficulty, time). The player's
 * time choice is kept in timed modes, the daily round included: more time never changes the questions, and a
 * player who needs the timer off keeps it off (WCAG 2.2.1).
 */
export function roundSettingsForMode(
  mode: ModeId,
  preferred: RoundSettings = DEFAULT_ROUND_SETTINGS,
  options: { wager?: boolean } = {},
): RoundSettings {
  const rules = MODES[mode];
  const drawn = rules.sameRoundForEveryone
    ? {
        questionCount: DEFAULT_ROUND_SETTINGS.questionCount,
        topics: [...DEFAULT_ROUND_SETTINGS.topics],
        difficulty: DEFAULT_ROUND_SETTINGS.difficulty,
      }
    : {
        questionCount: preferred.questionCount,
        topics: [...preferred.topics],
        difficulty: preferred.difficulty,
        ...(preferred.kinds && preferred.kinds.length > 0 ? { kinds: [...preferred.kinds] } : {}),
      };
  const timing = rules.timed
    ? { timeLimitSec: preferred.timeLimitSec, timeScale: preferred.timeScale, speedPoints: preferred.speedPoints }
    : { timeLimitSec: null, timeScale: 1, speedPoints: false };
  return {
    ...drawn,
    ...timing,
    mode,
    claimsOnly: rules.claimsOnly,
    wager: rules.wagerAllowed && (options.wager ?? rules.wagerByDefault),
  };
}

/** The rules a round is played by. */
export function modeRules(settings: RoundSettings): ModeRules {
  return MODES[settings.mode];
}

/**
 * The seed of the daily round: the player's local date (dailyDay.ts) and the bank's version, so everyone with the same questions gets
 * the same round that day, and a new bank gives a new one. The version is hashed so any version string gives a
 * seed that fits a challenge link ("daily-2026-11-24-1x9k2pq").
 */
export function dailySeed(isoDate: string, bankVersion: string): string {
  if (!isIsoDate(isoDate)) throw new Error(`The daily round needs a date written YYYY-MM-DD, not "${isoDate}"`);
  return `daily-${isoDate}-${hashSeed(bankVersion).toString(36)}`;
}
