import { summarize, type SessionState } from '../core/session';
import { startNewRound } from '../game/round';
import { countUp } from '../ui/motion';
import { COLORS, CSS } from '../ui/theme';
import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';

export interface ResultsSceneData {
  session: SessionState;
  /** Place in the local high scores, or null when the round did not make the table. */
  place: number | null;
}

const MARK = { correct: '✔', wrong: '✘', timedOut: '⏱' } as const;

export class ResultsScene extends BaseScene {
  constructor() {
    super(SceneKey.Results);
  }

  create(data: ResultsSceneData): void {
    const session = data.session;
    const summary = summarize(session);
    this.beginScreen('Results');
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const home = this.addHomeButton();
    this.addSoundButton();
    addText(this, margin, margin * 0.6 + home.canvas.rect.height / 2, 'Results', {
      size: type.heading,
      bold: true,
    }).setOrigin(0, 0.5);

    let top = margin * 0.6 + home.canvas.rect.height + gap;
    const scoreText = addText(this, width / 2, top, '0', { size: type.title, bold: true, color: CSS.paper }).setOrigin(
      0.5,
      0,
    );
    countUp(
      this,
      summary.score,
      (value) => scoreText.setText(`${value.toLocaleString('en-US')} points`),
      this.services.reduceMotion,
    );
    this.services.sound.play('roundComplete');
    top += scoreText.height + gap * 0.5;
    const average = summary.averageAnswerMs > 0 ? `${(summary.averageAnswerMs / 1000).toFixed(1)} s` : '—';
    const stats = `${summary.correct} / ${summary.total} correct   ·   best streak ${summary.bestStreak}   ·   average answer ${average}`;
    const statsText = addText(this, width / 2, top, stats, {
      size: type.body,
      align: 'center',
      color: CSS.muted,
      wrapWidth: width - margin * 2,
    }).setOrigin(0.5, 0);
    top += statsText.height + gap * 0.5;
    // Replaying a challenge: both results side by side (theirs as shared, so unverified).
    const challenge = this.services.activeChallenge;
    const versus = challenge && challenge.seed === session.plan.seed ? challenge : undefined;
    const placeLine = versus
      ? `You ${summary.score.toLocaleString('en-US')} (${summary.correct}/${summary.total})  vs  ${versus.name} ${versus.score.toLocaleString('en-US')} (${versus.marks.filter((m) => m === 'right').length}/${versus.questionCount}, unverified): ${
          summary.score > versus.score ? 'you win!' : summary.score === versus.score ? 'a tie!' : `${versus.name} wins.`
        }`
      : data.place === null
        ? 'Not in your top 10 this time.'
        : `Number ${data.place} in your high scores!`;
    const placeText = addText(this, width / 2, top, placeLine, {
      size: type.body,
      bold: true,
      color: CSS.correct,
      align: 'center',
      wrapWidth: width - margin * 2,
    }).setOrigin(0.5, 0);
    top += placeText.height + gap;

    a11y.text(`Final score: ${summary.score} points`, { label: 'Final score' }).dataset.name = 'final-score';
    a11y.text(stats.replace(/ {3}·/g, ','));
    a11y.text(placeLine).dataset.name = versus ? 'versus' : 'place';

    // Review: every question, what was right, how it went.
    const buttonHeight = Math.max(56, type.button * 2.2);
    const listBottom = height - margin - buttonHeight - gap;
    const columns = portrait ? 1 : 2;
    const rows = Math.ceil(session.log.length / columns);
    const columnWidth = (width - margin * 2 - gap * 2 * (columns - 1)) / columns;
    const rowHeight = Math.max(1, (listBottom - top) / Math.max(1, rows));
    const rowFont = Math.max(13, Math.min(type.small, Math.floor(rowHeight / 2.6)));
    const list = a11y.section('Review of your answers', 'list');
    session.log.forEach((entry, index) => {
      const question = session.questions[index]!;
      const right = question.choices.find((choice) => choice.correct)!;
      const mark = entry.timedOut ? MARK.timedOut : entry.correct ? MARK.correct : MARK.wrong;
      const x = margin + Math.floor(index / rows) * (columnWidth + gap * 2);
      const y = top + (index % rows) * rowHeight;
      const g = this.add.graphics();
      g.fillStyle(COLORS.inkLight, 1).fillRoundedRect(x, y, columnWidth, rowHeight - 4, 8);
      const color = entry.correct ? CSS.correct : CSS.wrong;
      addText(this, x + 8, y + rowHeight / 2 - 2, mark, {
        size: Math.round(rowFont * 1.3),
        bold: true,
        color,
      }).setOrigin(0, 0.5);
      const promptLine = this.truncateToWidth(
        `${index + 1}. ${question.prompt}`,
        rowFont,
        columnWidth - rowFont * 3,
        false,
      );
      addText(this, x + rowFont * 2.4, y + 4, promptLine, { size: rowFont, color: CSS.paper });
      const answerLine = this.truncateToWidth(
        `Answer: ${right.text}  (+${entry.points})`,
        rowFont,
        columnWidth - rowFont * 3,
        true,
      );
      addText(this, x + rowFont * 2.4, y + 6 + rowFont * 1.25, answerLine, {
        size: rowFont,
        bold: true,
        color: CSS.muted,
      });
      const outcome = entry.timedOut ? "time's up" : entry.correct ? 'correct' : 'not quite';
      a11y.listItem(
        `${index + 1}. ${question.prompt} Answer: ${right.text}. You: ${outcome}, ${entry.points} points.`,
        list,
      );
    });

    const buttonWidth = Math.min((width - margin * 2 - gap * 2) / 3, 300);
    const y = height - margin - buttonHeight;
    const left = width / 2 - (buttonWidth * 3 + gap * 2) / 2;
    const again = this.addButton(
      'Play again',
      { x: left, y, width: buttonWidth, height: buttonHeight },
      () => this.goTo(SceneKey.Question, { session: startNewRound(this.services) }),
      { fill: COLORS.highlight, textColor: CSS.ink },
    );
    this.addButton('Share', { x: left + buttonWidth + gap, y, width: buttonWidth, height: buttonHeight }, () =>
      this.goTo(SceneKey.Share, { results: data }),
    );
    this.addButton(
      'High scores',
      { x: left + (buttonWidth + gap) * 2, y, width: buttonWidth, height: buttonHeight },
      () => this.goTo(SceneKey.HighScores, { highlight: data.place }),
    );
    a11y.focus(again.dom);
    this.onKeys((event) => {
      if (event.key === 'Enter' || event.key.toLowerCase() === 'r')
        this.goTo(SceneKey.Question, { session: startNewRound(this.services) });
      if (event.key.toLowerCase() === 'h') this.goTo(SceneKey.HighScores, { highlight: data.place });
      if (event.key.toLowerCase() === 's') this.goTo(SceneKey.Share, { results: data });
      if (event.key === 'Escape') this.goTo(SceneKey.Title);
    });
  }

  /** One line of review text: cut with an ellipsis rather than wrap out of its row. */
  private truncateToWidth(text: string, size: number, maxWidth: number, bold: boolean): string {
    const probe = addText(this, 0, 0, text, { size, bold });
    let result = text;
    while (probe.width > maxWidth && result.length > 4) {
      result = result.slice(0, Math.max(4, Math.floor(result.length * (maxWidth / probe.width)) - 2)).trimEnd() + '…';
      probe.setText(result);
    }
    probe.destroy();
    return result;
  }
}
