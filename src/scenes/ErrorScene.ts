import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';

/** Says plainly what went wrong when the game cannot start (the bank failed to load). */
export class ErrorScene extends BaseScene<'error'> {
  constructor() {
    super(SceneKey.Error);
  }

  create(data: { message?: string }): void {
    this.beginScreen(this.t('menu:error.heading'));
    this.addSoundButton();
    const message = data.message ?? this.t('menu:error.unknown');
    const { width, height, margin } = this.frame;
    this.addHeading(this.t('menu:error.heading'), height * 0.25);
    addText(this, width / 2, height * 0.4, message, {
      size: this.frame.type.body,
      align: 'center',
      wrapWidth: width - margin * 4,
    }).setOrigin(0.5, 0);
    const alert = this.services.a11y.text(message, { role: 'alert' });
    alert.classList.add('error-message');
    const buttonWidth = Math.min(320, width * 0.6);
    this.addButton(
      this.t('menu:error.reload'),
      { x: width / 2 - buttonWidth / 2, y: height * 0.7, width: buttonWidth, height: 64 },
      () => window.location.reload(),
      { name: 'Reload' },
    );
  }
}
