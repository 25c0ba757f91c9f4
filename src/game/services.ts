/** What every scene may use, handed in by main.ts (no module-level singletons). */
import type Phaser from 'phaser';
import type { Navigator } from '../scenes/navigator';
import type { PageServices } from './pageServices';
import type { RoundFlow } from './roundFlow';

export interface GameServices extends PageServices {
  /** Moves between screens, downloading the ones that do not come with the game. */
  navigator: Navigator;
  /** The round in play and the way to the next one: challenges, teachers' banks, replays, the last mode. */
  rounds: RoundFlow;
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
