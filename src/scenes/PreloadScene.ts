import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';

/**
 * The first screen when the question bank is not in hand at start-up (a slow connection, or a bank that could
 * not be loaded): a progress bar while it arrives, then the title (or a clear error).
 */
export class PreloadScene extends BaseScene<'preload'> {
  constructor() {
    super(SceneKey.Preload);
  }

  create(): void {
    this.beginScreen(this.t('menu:preload.heading'));
    this.addSoundButton();
    const { width, height } = this.frame;
    const services = this.services;
    const barWidth = width * 0.5;
    const bar = this.add.graphics();
    const status = services.a11y.text(this.t('menu:preload.questions'), {
      role: 'progressbar',
      label: this.t('menu:preload.label'),
    });
    addText(this, width / 2, height / 2 - 60, this.t('menu:preload.sources'), { size: this.frame.type.body }).setOrigin(
      0.5,
    );
    const draw = (progress: number) => {
      bar.clear();
      bar.fillStyle(this.colors.inkLighter, 1).fillRoundedRect(width / 2 - barWidth / 2, height / 2, barWidth, 18, 9);
      bar
        .fillStyle(this.colors.highlight, 1)
        .fillRoundedRect(width / 2 - barWidth / 2, height / 2, barWidth * progress, 18, 9);
      status.textContent = this.t('menu:preload.progress', { percent: Math.round(progress * 100) });
    };
    draw(services.bankRequest.progress());
    const onUpdate = () => draw(services.bankRequest.progress());
    this.events.on('update', onUpdate);
    void services.bankRequest.result.then((result) => {
      this.events.off('update', onUpdate);
      if ('error' in result) {
        this.goTo(SceneKey.Error, { message: result.error });
        return;
      }
      services.bank = result.bundle;
      this.goTo(SceneKey.Title);
    });
  }
}
