/** The game's sound cues (what scenes ask for) and the sound tunables, named once. */

export type Cue = 'hover' | 'press' | 'select' | 'correct' | 'wrong' | 'tick' | 'timeUp' | 'streak' | 'roundComplete';

/** Sound tunables, named once. */
export const SOUND = {
  /** The streak sparkle waits for the answer's chime to open, so the two do not blur. */
  streakDelayMs: 260,
  /** Each further right answer in a row lifts the sparkle a semitone, up to this many. */
  streakMaxSemitones: 5,
} as const;

export interface PlayOptions {
  /** Start later; a pending cue is dropped when its screen ends. */
  delayMs?: number;
  /** Shift the pitch by this many semitones. */
  semitones?: number;
}

/**
 * What the page can learn about the game's audio (document.body.dataset.audio): still loading, ready but
 * waiting for the player's first input, playing, or not possible here (silent, with no error shown).
 */
export type AudioState = 'loading' | 'suspended' | 'running' | 'unavailable';

export interface SoundReport {
  state(state: AudioState): void;
  /** Each cue that actually started, for the page to observe (document.body.dataset.soundCue). */
  played(cue: Cue): void;
}

export interface SoundLevels {
  muted: boolean;
  effectsVolume: number;
  musicVolume: number;
}
