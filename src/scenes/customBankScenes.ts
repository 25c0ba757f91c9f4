/**
 * The "Use your own questions" screens, a download of their own (with the importer and the source texts they
 * need): added to the game the first time they open, so none of it is on the way to the title.
 */
import { CustomBankScene } from './CustomBankScene';
import { CustomBanksScene } from './CustomBanksScene';
import { SceneKey } from './keys';
import type { SceneGroup } from './navigator';

export const SCENES: SceneGroup = {
  [SceneKey.CustomBanks]: CustomBanksScene,
  [SceneKey.CustomBank]: CustomBankScene,
};
