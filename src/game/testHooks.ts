/**
 * The browser tests' way in: with `?test-hooks` in the address, the page keeps the running game and the Phaser it
 * was built with on `window.sourceCheckTest`, so a test can open any screen with any data directly (every question's
 * reveal, in seconds) and ask which parts of Phaser exist. Without it nothing is exposed.
 */
import type Phaser from 'phaser';
import type { DrawCounts } from '../engine/drawOnlyChanges';
import type { GameServices } from './services';

export const TEST_HOOKS_PARAMETER = 'test-hooks';

export interface TestHooks {
  game: Phaser.Game;
  /** What `import Phaser from 'phaser'` gives the game: the trimmed build in production. */
  phaser: typeof Phaser;
  services: GameServices;
  /** Builds rounds for the layout test; a download of its own, never on a player's way. */
  layoutRounds: () => Promise<typeof import('./layoutRounds')>;
  /** Frames stepped and drawn since the game's loop started (src/engine/drawOnlyChanges.ts). */
  drawCounts?: DrawCounts;
}

declare global {
  interface Window {
    sourceCheckTest?: TestHooks;
  }
}

export function exposeTestHooks(hooks: Omit<TestHooks, 'layoutRounds'>): void {
  if (!new URLSearchParams(window.location.search).has(TEST_HOOKS_PARAMETER)) return;
  window.sourceCheckTest = { ...hooks, layoutRounds: () => import('./layoutRounds') };
}

/** Adds the loop's frame counts to the hooks, once the loop runs. */
export function exposeDrawCounts(counts: DrawCounts): void {
  if (window.sourceCheckTest) window.sourceCheckTest.drawCounts = counts;
}
