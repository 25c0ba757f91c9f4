/** Opens "Use your own questions", downloading its screens the first time (see customBankScenes.ts). */
import type Phaser from 'phaser';
import { servicesOf } from '../game/services';
import { COLORS, CSS } from '../ui/theme';
import { addText } from '../ui/text';
import { SceneKey } from './keys';

const FAILED = 'The “Use your own questions” screens could not be downloaded. Check the connection and try again.';

let pending: Promise<void> | undefined;

/** Starts the screen from `from` once its code is there, unless the player has gone elsewhere meanwhile. */
export function openCustomBanks(from: Phaser.Scene): void {
  pending ??= import('./customBankScenes').then((module) => module.addCustomBankScenes(from.game));
  pending.then(
    () => {
      if (from.sys.isActive()) from.scene.start(SceneKey.CustomBanks);
    },
    () => {
      pending = undefined;
      if (!from.sys.isActive()) return;
      const { width, height } = from.scale;
      const toast = addText(from, width / 2, height - 12, FAILED, {
        size: 18,
        bold: true,
        color: CSS.ink,
        align: 'center',
        wrapWidth: width - 48,
      })
        .setOrigin(0.5, 1)
        .setDepth(11);
      from.add
        .rectangle(width / 2, toast.y + 6, toast.width + 24, toast.height + 12, COLORS.wrong)
        .setOrigin(0.5, 1)
        .setDepth(10);
      servicesOf(from).a11y.announce(FAILED);
    },
  );
}
