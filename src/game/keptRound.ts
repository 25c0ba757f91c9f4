/**
 * Where a solo round is kept on the device between reloads, read and dropped without the round's rules (the title
 * does both on every visit; savedRounds.ts writes and restores it).
 */
import type { KeyValueStore } from '../storage/SafeStorage';

export const SAVED_ROUND_KEY = 'source-check:saved-round:v1';

/** Whether a round is kept on the device (readable or not: restoring it says which). */
export function holdsSavedRound(storage: Pick<KeyValueStore, 'getItem'>): boolean {
  return storage.getItem(SAVED_ROUND_KEY) !== null;
}

/** The round is over or was left: nothing to resume. */
export function dropRound(services: { storage: Pick<KeyValueStore, 'removeItem'> }): void {
  services.storage.removeItem(SAVED_ROUND_KEY);
}
