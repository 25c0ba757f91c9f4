/**
 * A challenge link pasted into a tab where the game is already open: the title offers it at once, unless a round
 * is in play, which is never cut short for it (the title offers it once the round is over or left).
 */
import type Phaser from 'phaser';
import { SceneKey } from '../scenes/keys';
import type { IncomingChallenge } from './challenge';
import type { GameServices } from './services';

/** Screens that come before the title: it reads the link itself when it opens. */
const BEFORE_TITLE: readonly string[] = [SceneKey.Preload, SceneKey.Error];

export const LINK_WAITS_TEXT = 'A challenge link arrived: the title offers it once this round is over.';

export function openPastedLink(game: Phaser.Game, services: GameServices, incoming: IncomingChallenge): void {
  services.rounds.receiveLink(incoming);
  const [visible] = game.scene.getScenes(true);
  if (!visible || BEFORE_TITLE.includes(visible.scene.key)) return;
  if (services.rounds.roundInPlay) {
    services.a11y.announce(LINK_WAITS_TEXT);
    return;
  }
  if (visible.scene.key === SceneKey.Title) visible.scene.restart();
  else services.navigator.goTo(visible, SceneKey.Title, undefined, () => undefined);
}
