/**
 * The code that restores a round kept before a reload (savedRounds.ts, with the session's rules), downloaded only
 * when the device keeps one, before the first screen is built (main.ts): the title then goes straight to the round.
 */
import type { KeyValueStore } from '../storage/SafeStorage';
import type { SessionState } from '../core/session';
import { holdsSavedRound } from './keptRound';
import type { GameServices } from './services';

type RoundRestorer = Pick<typeof import('./savedRounds'), 'takeSavedRound'>;

/** The restoring code, once downloaded for this page. */
let restorer: RoundRestorer | undefined;

/**
 * Downloads the code that restores a kept round when the device keeps one; resolves when it is here. A download
 * that fails leaves the round unresumed (the title drops it, as it drops any round left for it).
 */
export async function prepareSavedRound(storage: Pick<KeyValueStore, 'getItem'>): Promise<void> {
  if (restorer || !holdsSavedRound(storage)) return;
  try {
    restorer = await import('./savedRounds');
  } catch (error) {
    console.warn(`Source Check: the saved round could not be restored: ${String(error)}`);
  }
}

/**
 * On the page's first title: the kept round, made the round in play, or word that it could not be read (see
 * savedRounds.ts). Nothing when its restoring code is not here (the device keeps no round).
 */
export function takeSavedRound(
  services: GameServices,
  registry: { get(key: string): unknown; set(key: string, value: unknown): unknown },
): { session?: SessionState; dropped?: true } {
  if (!restorer) return {};
  return restorer.takeSavedRound(services, registry);
}
