/**
 * The player's settings as data: what they may be, their defaults, reading them back from storage
 * (salvaging what is valid), and the round settings they lead to.
 */
import { DEFAULT_ROUND_SETTINGS, DIFFICULTY_ORDERS, type DifficultyOrder, type RoundSettings } from './roundSettings';
import { DEFAULT_TIME_LIMIT_SEC } from './settings';
import { LANGUAGE_CHOICES, type LanguageChoice } from './languages';
import { QUESTION_KINDS, type QuestionKind } from './types';

/** Time per question as a multiple of each question's own time, or no timer at all (WCAG 2.2.1). */
export const TIME_CHOICES = [1, 1.5, 2, 10, 'off'] as const;
export type TimeChoice = (typeof TIME_CHOICES)[number];
export const QUESTION_COUNTS = [5, 10, 15, 20] as const;
export const TEXT_SCALES = [1, 1.25, 1.5] as const;
export const MOTION_CHOICES = ['system', 'reduce', 'full'] as const;
export type MotionChoice = (typeof MOTION_CHOICES)[number];
/**
 * The confidence wager: as the mode says (on in Fact-check, off elsewhere), or on or off in every mode that
 * allows it (the daily round never does, so its scores compare).
 */
export const WAGER_CHOICES = ['mode', 'on', 'off'] as const;
export type WagerChoice = (typeof WAGER_CHOICES)[number];
/** Volume steps for sound effects and music; 0 is off. */
export const VOLUME_STEPS = [0, 0.25, 0.5, 0.75, 1] as const;

export interface Preferences {
  time: TimeChoice;
  questionCount: number;
  /** Topic ids to draw from; empty means all topics. */
  topics: string[];
  /** Kinds of question to draw from; empty means every kind. */
  kinds: QuestionKind[];
  difficulty: DifficultyOrder;
  speedPoints: boolean;
  textScale: number;
  motion: MotionChoice;
  highContrast: boolean;
  wager: WagerChoice;
  /** Silences everything without losing the volumes (M, or the corner button on every screen). */
  muted: boolean;
  effectsVolume: number;
  /** 0 by default: the music loop is on only when a player turns it up. */
  musicVolume: number;
  /** The interface's language: one we speak, or "auto" to follow the browser. */
  language: LanguageChoice;
}

export const DEFAULT_PREFERENCES: Preferences = {
  time: 1,
  questionCount: DEFAULT_ROUND_SETTINGS.questionCount,
  topics: [],
  kinds: [],
  difficulty: DEFAULT_ROUND_SETTINGS.difficulty,
  speedPoints: true,
  textScale: 1,
  motion: 'system',
  highContrast: false,
  wager: 'mode',
  muted: false,
  effectsVolume: 0.75,
  musicVolume: 0,
  language: 'auto',
};

export interface LoadedPreferences {
  preferences: Preferences;
  problems: string[];
}

/** Reads saved settings; each unreadable value falls back to its default and is named in `problems`. */
export function parsePreferences(stored: string | null, knownTopics: readonly string[] = []): LoadedPreferences {
  if (stored === null || stored === '') return { preferences: { ...DEFAULT_PREFERENCES }, problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(stored);
  } catch {
    return {
      preferences: { ...DEFAULT_PREFERENCES },
      problems: ['saved settings are not valid JSON; using the defaults'],
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      preferences: { ...DEFAULT_PREFERENCES },
      problems: ['saved settings are not an object; using the defaults'],
    };
  }
  const raw = data as Record<string, unknown>;
  const problems: string[] = [];
  const pick = <T>(key: keyof Preferences, allowed: readonly T[]): T => {
    const value = raw[key];
    if (value === undefined) return DEFAULT_PREFERENCES[key] as T;
    if ((allowed as readonly unknown[]).includes(value)) return value as T;
    problems.push(`saved setting "${key}" has an unknown value ${JSON.stringify(value)}; using the default`);
    return DEFAULT_PREFERENCES[key] as T;
  };
  let topics: string[] = [];
  if (raw.topics !== undefined) {
    if (Array.isArray(raw.topics) && raw.topics.every((topic) => typeof topic === 'string')) {
      topics = knownTopics.length === 0 ? raw.topics : raw.topics.filter((topic) => knownTopics.includes(topic));
      if (topics.length < raw.topics.length)
        problems.push('saved topics included some that no longer exist; they were dropped');
    } else {
      problems.push('saved setting "topics" is not a list of topic ids; using all topics');
    }
  }
  let kinds: QuestionKind[] = [];
  if (raw.kinds !== undefined) {
    if (Array.isArray(raw.kinds) && raw.kinds.every((kind) => typeof kind === 'string')) {
      kinds = raw.kinds.filter((kind): kind is QuestionKind => (QUESTION_KINDS as readonly string[]).includes(kind));
      if (kinds.length < raw.kinds.length)
        problems.push('saved kinds of question included some that no longer exist; they were dropped');
    } else {
      problems.push('saved setting "kinds" is not a list of kinds of question; using every kind');
    }
  }
  return {
    preferences: {
      time: pick('time', TIME_CHOICES),
      questionCount: pick('questionCount', QUESTION_COUNTS),
      topics,
      kinds,
      difficulty: pick('difficulty', DIFFICULTY_ORDERS),
      speedPoints: pick('speedPoints', [true, false]),
      textScale: pick('textScale', TEXT_SCALES),
      motion: pick('motion', MOTION_CHOICES),
      highContrast: pick('highContrast', [true, false]),
      wager: pick('wager', WAGER_CHOICES),
      muted: pick('muted', [true, false]),
      effectsVolume: pick('effectsVolume', VOLUME_STEPS),
      musicVolume: pick('musicVolume', VOLUME_STEPS),
      language: pick('language', LANGUAGE_CHOICES),
    },
    problems,
  };
}

/** The round a player's settings ask for. With the timer off there are no speed points. */
export function roundSettingsFrom(preferences: Preferences): RoundSettings {
  const off = preferences.time === 'off';
  return {
    ...DEFAULT_ROUND_SETTINGS,
    questionCount: preferences.questionCount,
    timeLimitSec: off ? null : DEFAULT_TIME_LIMIT_SEC,
    timeScale: off ? 1 : (preferences.time as number),
    difficulty: preferences.difficulty,
    speedPoints: !off && preferences.speedPoints,
    topics: [...preferences.topics],
    // Left out when empty, so a round's settings (and its seed) stay as they were before kinds existed.
    ...(preferences.kinds.length > 0 ? { kinds: [...preferences.kinds] } : {}),
  };
}

/** The wager option for roundSettingsForMode: undefined leaves it to the mode. */
export function wagerOption(choice: WagerChoice): { wager?: boolean } {
  return choice === 'mode' ? {} : { wager: choice === 'on' };
}

/** Whether to hold still: the player's choice, or the device's when the choice is "system". */
export function reducesMotion(choice: MotionChoice, deviceAsksForLess: boolean): boolean {
  return choice === 'reduce' || (choice === 'system' && deviceAsksForLess);
}

/** The next value in a list of choices, wrapping round (settings are changed by stepping through). */
export function nextChoice<T>(choices: readonly T[], current: T): T {
  const index = choices.indexOf(current);
  return choices[(index + 1) % choices.length]!;
}
