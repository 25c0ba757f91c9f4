import Phaser from 'phaser';
import { checkBankBundle } from '../core/bankBundle';
import { COLORS } from '../ui/theme';
import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { BANK_KEY, BANK_URL, SceneKey } from './keys';

/** Loads the question bank with a progress bar, checks it, and opens the title screen. */
export class PreloadScene extends BaseScene {
  private failure?: string;

  constructor() {
    super(SceneKey.Preload);
  }

  preload(): void {
    this.beginScreen('Loading Source Check');
    const { width, height } = this.frame;
    const barWidth = width * 0.5;
    const bar = this.add.graphics();
    const status = this.services.a11y.text('Loading questions…', { role: 'progressbar', label: 'Loading' });
    addText(this, width / 2, height / 2 - 60, 'Loading the sources…', { size: this.frame.type.body }).setOrigin(0.5);
    this.load.on(Phaser.Loader.Events.PROGRESS, (progress: number) => {
      bar.clear();
      bar.fillStyle(COLORS.inkLighter, 1).fillRoundedRect(width / 2 - barWidth / 2, height / 2, barWidth, 18, 9);
      bar
        .fillStyle(COLORS.highlight, 1)
        .fillRoundedRect(width / 2 - barWidth / 2, height / 2, barWidth * progress, 18, 9);
      status.textContent = `Loading questions: ${Math.round(progress * 100)}%`;
    });
    this.load.on(Phaser.Loader.Events.FILE_LOAD_ERROR, () => {
      this.failure = `The question bank (${BANK_URL}) could not be downloaded. Check the connection and reload the page.`;
    });
    this.load.json(BANK_KEY, BANK_URL);
  }

  create(): void {
    if (this.failure) {
      this.scene.start(SceneKey.Error, { message: this.failure });
      return;
    }
    const checked = checkBankBundle(this.cache.json.get(BANK_KEY));
    if (!checked.bundle) {
      this.scene.start(SceneKey.Error, { message: `The question bank is damaged: ${checked.error}.` });
      return;
    }
    this.services.bank = checked.bundle;
    this.scene.start(SceneKey.Title);
  }
}
