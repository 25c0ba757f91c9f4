/** What every scene may use, handed in by main.ts (no module-level singletons). */
import type Phaser from 'phaser';
import type { AccessibleLayer } from '../a11y/AccessibleLayer';
import type { GameSound } from '../audio/GameSound';
import type { BankBundle, Question } from '../core/types';
import type { ModeId } from '../core/modes';
import type { SessionState } from '../core/session';
import type { HighScoreStore } from '../storage/HighScoreStore';
import type { PreferencesStore } from '../storage/PreferencesStore';
import type { NicknameStore } from '../storage/NicknameStore';
import type { KeyValueStore } from '../storage/SafeStorage';
import type { Challenge } from '../core/challenge';
import type { IncomingChallenge } from './challenge';
import type { BankRequest } from './bankLoader';

export interface GameServices {
  a11y: AccessibleLayer;
  highScores: HighScoreStore;
  /** Whether scores outlive the page (false when storage is blocked or full). */
  persistent: boolean;
  /** The player's nickname for challenge links, remembered on the device. */
  nicknames?: NicknameStore;
  /** Where the player's things are kept on the device (the nickname store is made from it when first needed). */
  storage: KeyValueStore;
  /** What the page's link asked for: a challenge to play, or a notice why it cannot be played. */
  incoming: IncomingChallenge;
  /** A short notice for the title (a link that could not be played), shown once. */
  notice?: string;
  /** The challenge the current round replays, for the side-by-side result. */
  activeChallenge?: Challenge;
  /** The player's settings, remembered on the device. */
  preferences: PreferencesStore;
  /** Sound cues and the mute switch; silent until the sounds have loaded and the player's first input. */
  sound: GameSound;
  /** No movement, instant changes: the player's Motion setting, or the device's prefers-reduced-motion. */
  readonly reduceMotion: boolean;
  /** The teacher's bank the last round of one's own questions came from, for "Play again". */
  customQuestions?: readonly Question[];
  /** The practice round whose missed questions are being replayed: its results stay the ones reported. */
  retryOf?: SessionState;
  /** The mode of the last round started, for "Play again". */
  lastMode: ModeId;
  /** Today's UTC date (YYYY-MM-DD), for the daily round. */
  today: () => string;
  /** Milliseconds from a monotonic wall clock (performance.now in the browser). */
  now: () => number;
  newSeed: () => string;
  /** The download of bank.json, started before Phaser boots. */
  bankRequest: BankRequest;
  /** The checked bank, once the loader scene has it. */
  bank?: BankBundle;
  /** Called once the title screen takes input (for the benchmark and the browser tests). */
  markTitleInteractive: () => void;
}

const SERVICES_KEY = 'services';

export function provideServices(game: Phaser.Game, services: GameServices): void {
  game.registry.set(SERVICES_KEY, services);
}

export function servicesOf(scene: Phaser.Scene): GameServices {
  const services = scene.game.registry.get(SERVICES_KEY) as GameServices | undefined;
  if (!services) throw new Error('The game was started without its services');
  return services;
}
