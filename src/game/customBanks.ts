/**
 * Opening the teacher kit: its source texts are fetched the first time "Your questions" opens, then kept for the
 * visit.
 */
import type Phaser from 'phaser';
import { openCustomBankKit, type CustomBankKit } from './customBankKit';

const KIT_KEY = 'custom-bank-kit';
const PENDING_KEY = 'custom-bank-kit:pending';

/** An error names its cause for the screen to word; `error` is the English detail, for the console. */
export type KitState = { kit: CustomBankKit } | { error: string; cause: 'sources' | 'storage' };

/** The kit, if it has been opened during this visit. */
export function readyKit(game: Phaser.Game): CustomBankKit | undefined {
  return game.registry.get(KIT_KEY) as CustomBankKit | undefined;
}

/** Opens the kit once; a failed attempt is forgotten, so the next call tries again. */
export function openKit(game: Phaser.Game, sourcesUrl: string): Promise<KitState> {
  const ready = readyKit(game);
  if (ready) return Promise.resolve({ kit: ready });
  let pending = game.registry.get(PENDING_KEY) as Promise<KitState> | undefined;
  if (!pending) {
    pending = openCustomBankKit(sourcesUrl)
      .then((opened): KitState => ('error' in opened ? { ...opened, cause: 'sources' } : { kit: opened }))
      .catch((): KitState => ({
        error: 'The saved banks could not be opened. Reload the page and try again.',
        cause: 'storage',
      }))
      .then((state) => {
        game.registry.remove(PENDING_KEY);
        if ('kit' in state) game.registry.set(KIT_KEY, state.kit);
        return state;
      });
    game.registry.set(PENDING_KEY, pending);
  }
  return pending;
}
