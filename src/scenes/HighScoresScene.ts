import { startNewRound } from '../game/round';
import { formatDate } from '../game/round';
import { COLORS, CSS } from '../ui/theme';
import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';

export class HighScoresScene extends BaseScene {
  constructor() {
    super(SceneKey.HighScores);
  }

  create(data: { highlight?: number | null } = {}): void {
    this.beginScreen('High scores');
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const home = this.addHomeButton();
    this.addSoundButton();
    addText(this, margin, margin * 0.6 + home.canvas.rect.height / 2, 'High scores', {
      size: type.heading,
      bold: true,
    }).setOrigin(0, 0.5);
    const entries = this.services.highScores.list();
    let top = margin * 0.6 + home.canvas.rect.height + gap * 2;
    const buttonHeight = Math.max(56, type.button * 2.2);
    const list = a11y.section('High scores', 'list');
    if (entries.length === 0) {
      const empty = 'No scores yet. Play a round and your best ten will be kept here, on this device.';
      addText(this, width / 2, height * 0.4, empty, {
        size: type.body,
        align: 'center',
        color: CSS.muted,
        wrapWidth: width - margin * 4,
      }).setOrigin(0.5);
      a11y.listItem(empty, list);
    }
    const rowHeight = Math.min(type.body * 2.2, (height - top - buttonHeight - margin * 2) / 10);
    const rowFont = Math.min(type.body, Math.floor(rowHeight / 1.7));
    entries.forEach((entry, index) => {
      const y = top + index * rowHeight;
      const g = this.add.graphics();
      const mine = data.highlight === index + 1;
      g.fillStyle(mine ? COLORS.inkLighter : COLORS.inkLight, 1).fillRoundedRect(
        margin,
        y,
        width - margin * 2,
        rowHeight - 4,
        8,
      );
      const timer = entry.timeLimitSec === null ? 'no timer' : `${entry.timeLimitSec} s`;
      const mode = entry.speedPoints ? 'speed points' : 'no speed points';
      const date = formatDate(entry.date.slice(0, 10));
      const cells = portrait
        ? [`${index + 1}.`, entry.score.toLocaleString('en-US'), `${entry.correct}/${entry.total}`, date]
        : [
            `${index + 1}.`,
            entry.score.toLocaleString('en-US'),
            `${entry.correct}/${entry.total} right`,
            `streak ${entry.bestStreak}`,
            date,
            `${timer}, ${mode}`,
          ];
      const stops = portrait ? [0, 0.12, 0.38, 0.58] : [0, 0.06, 0.2, 0.35, 0.5, 0.7];
      cells.forEach((cell, column) => {
        addText(this, margin + 12 + stops[column]! * (width - margin * 2), y + (rowHeight - 4) / 2, cell, {
          size: rowFont,
          bold: column === 1,
          color: column === 1 ? CSS.paper : CSS.muted,
        }).setOrigin(0, 0.5);
      });
      a11y.listItem(
        `${index + 1}. ${entry.score} points, ${entry.correct} of ${entry.total} correct, best streak ${entry.bestStreak}, ${date}, ${timer}, ${mode}`,
        list,
      );
    });
    top = height - margin - buttonHeight;
    const buttonWidth = Math.min(320, width - margin * 2);
    const play = this.addButton(
      'Play',
      { x: width / 2 - buttonWidth / 2, y: top, width: buttonWidth, height: buttonHeight },
      () => this.goTo(SceneKey.Question, { session: startNewRound(this.services) }),
      { fill: COLORS.highlight, textColor: CSS.ink },
    );
    a11y.focus(play.dom);
    this.onKeys((event) => {
      if (event.key === 'Escape') this.goTo(SceneKey.Title);
    });
  }
}
