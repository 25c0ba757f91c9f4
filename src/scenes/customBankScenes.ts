/**
 * The "Use your own questions" screens, a download of their own (with the importer and the source texts they
 * need): added to the game the first time they open, so none of it is on the way to the title.
 */
import type Phaser from 'phaser';
import { CustomBankScene } from './CustomBankScene';
import { CustomBanksScene } from './CustomBanksScene';
import { SceneKey } from './keys';

export function addCustomBankScenes(game: Phaser.Game): void {
  if (!game.scene.getScene(SceneKey.CustomBanks)) game.scene.add(SceneKey.CustomBanks, CustomBanksScene, false);
  if (!game.scene.getScene(SceneKey.CustomBank)) game.scene.add(SceneKey.CustomBank, CustomBankScene, false);
}
