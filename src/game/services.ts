/** What every scene may use, handed in by main.ts (no module-level singletons). */
import type Phaser from 'phaser';
import type { AccessibleLayer } from '../a11y/AccessibleLayer';
import type { BankBundle } from '../core/types';
import type { HighScoreStore } from '../storage/HighScoreStore';
import type { PreferencesStore } from '../storage/PreferencesStore';
import type { BankRequest } from './bankLoader';

export interface GameServices {
  a11y: AccessibleLayer;
  highScores: HighScoreStore;
  /** Whether scores outlive the page (false when storage is blocked or full). */
  persistent: boolean;
  /** The player's settings, remembered on the device. */
  preferences: PreferencesStore;
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
