/**
 * The player's nickname store, made the first time a screen needs it (sharing, joining a class, a high score):
 * its word lists and blocklist stay off the way to the title.
 */
import { NicknameStore } from '../storage/NicknameStore';
import type { PageServices } from './pageServices';

export function nicknamesOf(services: PageServices): NicknameStore {
  services.nicknames ??= new NicknameStore(services.storage, () => crypto.getRandomValues(new Uint32Array(1))[0]!);
  return services.nicknames;
}
