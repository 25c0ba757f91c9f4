/**
 * What the page gives the game: storage, sound, the accessible layer, the clock, the bank. The round helpers in
 * src/game take these; GameServices (services.ts) adds the navigator and the round flow built on them.
 */
import type { AccessibleLayer } from '../a11y/AccessibleLayer';
import type { GameSound } from '../audio/GameSound';
import type { BankBundle } from '../core/types';
import type { HighScoreStore } from '../storage/HighScoreStore';
import type { PreferencesStore } from '../storage/PreferencesStore';
import type { NicknameStore } from '../storage/NicknameStore';
import type { KeyValueStore } from '../storage/SafeStorage';
import type { BankRequest } from './bankLoader';
import type { SpanishBank } from './spanishBankLoader';

export interface PageServices {
  a11y: AccessibleLayer;
  highScores: HighScoreStore;
  /** Whether scores outlive the page (false when storage is blocked or full). */
  persistent: boolean;
  /** The player's nickname for challenge links, remembered on the device. */
  nicknames?: NicknameStore;
  /** Where the player's things are kept on the device (the nickname store is made from it when first needed). */
  storage: KeyValueStore;
  /** The player's settings, remembered on the device. */
  preferences: PreferencesStore;
  /** Sound cues and the mute switch; silent until the sounds have loaded and the player's first input. */
  sound: GameSound;
  /** No movement, instant changes: the player's Motion setting, or the device's prefers-reduced-motion. */
  readonly reduceMotion: boolean;
  /** Today's local date (YYYY-MM-DD), the player's calendar day, for the daily round. */
  today: () => string;
  /** Milliseconds from a monotonic wall clock (performance.now in the browser). */
  now: () => number;
  newSeed: () => string;
  /** The download of bank.json, started before Phaser boots. */
  bankRequest: BankRequest;
  /** The checked bank, once the loader scene has it. */
  bank?: BankBundle;
  /** The bank's Spanish, once a player whose interface is Spanish has downloaded it (spanishQuestions.ts). */
  spanishBank?: SpanishBank;
  /** Called once the title screen takes input (for the benchmark and the browser tests). */
  markTitleInteractive: () => void;
}
