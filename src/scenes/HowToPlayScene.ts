import { howToPlayRules } from '../game/howToPlay';
import { currentRoundSettings, startNewRound } from '../game/round';
import { CSS } from '../ui/theme';
import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';

export class HowToPlayScene extends BaseScene {
  constructor() {
    super(SceneKey.HowToPlay);
  }

  create(): void {
    this.beginScreen('How to play');
    const { width, height, margin, type } = this.frame;
    this.addHomeButton();
    this.addSoundButton();
    this.addHeading('How to play', margin * 1.5);
    const rules = howToPlayRules(currentRoundSettings(this.services));
    const body = addText(
      this,
      margin * 2,
      margin * 1.5 + type.heading * 2,
      rules.map((rule) => `•  ${rule}`).join('\n\n'),
      {
        size: type.body,
        color: CSS.paper,
        wrapWidth: width - margin * 4,
      },
    );
    for (const rule of rules) this.services.a11y.text(rule);
    const buttonWidth = Math.min(360, width - margin * 2);
    const top = Math.min(height - margin - 72, body.y + body.height + margin);
    this.addButton('Play', { x: width / 2 - buttonWidth / 2, y: top, width: buttonWidth, height: 64 }, () =>
      this.goTo(SceneKey.Question, { session: startNewRound(this.services) }),
    );
    this.onKeys((event) => {
      if (event.key === 'Escape') this.goTo(SceneKey.Title);
    });
  }
}
