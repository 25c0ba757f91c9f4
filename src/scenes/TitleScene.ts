import { startNewRound } from '../game/round';
import { CSS, COLORS } from '../ui/theme';
import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';

export class TitleScene extends BaseScene {
  constructor() {
    super(SceneKey.Title);
  }

  create(): void {
    this.beginScreen('Source Check — the TikTok ban quiz');
    const { width, height, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    addText(this, width / 2, height * (portrait ? 0.16 : 0.14), 'SOURCE CHECK', {
      size: type.title,
      bold: true,
      color: CSS.paper,
    }).setOrigin(0.5, 0);
    const underline = this.add.graphics();
    underline.fillStyle(COLORS.highlight, 1);
    const lineWidth = Math.min(width * 0.6, type.title * 7.5);
    underline.fillRect(width / 2 - lineWidth / 2, height * (portrait ? 0.16 : 0.14) + type.title * 1.25, lineWidth, 8);
    const tagline = 'Check the claims. Read the sources.';
    const topic = 'The TikTok ban controversy, 2019–2025';
    addText(this, width / 2, height * (portrait ? 0.3 : 0.33), `${tagline}\n${topic}`, {
      size: type.body,
      align: 'center',
      color: CSS.muted,
    }).setOrigin(0.5, 0);
    a11y.text(`${tagline} ${topic}.`);

    const buttonWidth = Math.min(width - this.frame.margin * 2, portrait ? width * 0.8 : 420);
    const buttonHeight = portrait ? 64 : 72;
    const x = width / 2 - buttonWidth / 2;
    let y = height * (portrait ? 0.45 : 0.5);
    const play = this.addButton('Play', { x, y, width: buttonWidth, height: buttonHeight }, () => this.play(), {
      fill: COLORS.highlight,
      textColor: CSS.ink,
      fontSize: Math.round(type.button * 1.2),
    });
    y += buttonHeight + this.frame.gap * 1.5;
    this.addButton('How to play', { x, y, width: buttonWidth, height: buttonHeight * 0.8 }, () =>
      this.goTo(SceneKey.HowToPlay),
    );
    y += buttonHeight * 0.8 + this.frame.gap;
    this.addButton('High scores', { x, y, width: buttonWidth, height: buttonHeight * 0.8 }, () =>
      this.goTo(SceneKey.HighScores),
    );
    const gearSize = Math.max(48, Math.round(type.button * 2));
    this.addButton(
      '⚙ Settings',
      {
        x: width - this.frame.margin - gearSize * 2.6,
        y: this.frame.margin * 0.6,
        width: gearSize * 2.6,
        height: gearSize * 0.8,
      },
      () => this.goTo(SceneKey.Settings),
      { fontSize: type.small, accessibleLabel: 'Settings', name: 'Settings' },
    );
    const count = this.services.bank?.questions.length ?? 0;
    const footer = this.services.persistent
      ? `${count} questions, each settled by a primary source.`
      : `${count} questions. Scores last only until you close this page (this browser blocks saving).`;
    addText(this, width / 2, height - this.frame.margin, footer, {
      size: type.small,
      color: CSS.muted,
      align: 'center',
      wrapWidth: width - this.frame.margin * 2,
    }).setOrigin(0.5, 1);
    a11y.text(footer);

    this.onKeys((event) => {
      if (event.key === 'Enter' || event.key === ' ' || event.key.toLowerCase() === 'p') this.play();
      if (event.key.toLowerCase() === 'h') this.goTo(SceneKey.HighScores);
      if (event.key.toLowerCase() === 's') this.goTo(SceneKey.Settings);
    });
    a11y.focus(play.dom);
    this.services.markTitleInteractive();
  }

  private play(): void {
    if (this.leaving) return;
    this.goTo(SceneKey.Question, { session: startNewRound(this.services) });
  }
}
