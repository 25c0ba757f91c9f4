import { howToPlayRules } from '../game/howToPlay';
import { currentRoundSettings } from '../game/round';
import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';

export class HowToPlayScene extends BaseScene<'how-to-play'> {
  constructor() {
    super(SceneKey.HowToPlay);
  }

  create(): void {
    const t = this.t;
    this.beginScreen(t('play:howToPlay.title'));
    const { width, height, margin, gap, type } = this.frame;
    this.addHomeButton();
    this.addSoundButton();
    this.addScreenTitle(t('play:howToPlay.title'));
    const rules = howToPlayRules(currentRoundSettings(this.services), this.translator);
    const top = margin * 0.6 + this.cornerHeight + gap * 1.5;
    const buttonHeight = 64;
    // The rules take the room down to the Play button's place at the bottom, shrinking to it if they must.
    const room = height - margin - buttonHeight - gap - top;
    const body = addText(this, margin * 2, top, rules.map((rule) => `•  ${rule}`).join('\n\n'), {
      size: type.body,
      color: this.textColors.paper,
      wrapWidth: width - margin * 4,
      fit: { maxHeight: room, minSize: 14 },
    });
    if (body.height > room) this.services.a11y.markOverflow('rules');
    for (const rule of rules) this.services.a11y.text(rule);
    const buttonWidth = Math.min(360, width - margin * 2);
    const buttonTop = Math.min(height - margin - buttonHeight, body.y + body.height + margin);
    const play = this.addButton(
      t('play:howToPlay.play'),
      { x: width / 2 - buttonWidth / 2, y: buttonTop, width: buttonWidth, height: buttonHeight },
      () => this.goTo(SceneKey.Question, { deal: {} }),
    );
    // Focus on the screen's one button, not left on the page: the rules are read before it.
    this.services.a11y.focus(play.dom);
    this.onKeys((event) => {
      if (event.key === 'Escape') this.goTo(SceneKey.Title);
    });
  }
}
