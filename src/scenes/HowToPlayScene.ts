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
    this.addHeading('How to play', margin * 1.5);
    const rules = [
      `A 2020 article about the TikTok ban makes claims. The orders, the law and the court ruling it talks about are public: each question holds a claim against them.`,
      `Answer before the countdown ends (${timeText(currentRoundSettings(this.services))}). Click or tap an answer, or press 1–4 (or A–D).`,
      `Faster right answers score more (500 to 1000 points), and every right answer in a row adds a streak bonus of 100, up to 500.`,
      `After each answer you see the exact words of the source that settles it, where they come from, and why.`,
    ];
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

function timeText(settings: { timeLimitSec: number | null; timeScale: number }): string {
  if (settings.timeLimitSec === null) return 'the timer is off in your settings';
  return `${Math.round(settings.timeLimitSec * settings.timeScale)} seconds a question, more for long ones`;
}
