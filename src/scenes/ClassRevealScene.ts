import { citationFor } from '../game/round';
import { ExcerptCard } from '../ui/ExcerptCard';
import { emphasize } from '../ui/motion';
import { COLORS, CSS } from '../ui/theme';
import { addText } from '../ui/text';
import { ClassScene } from './ClassScene';
import { SceneKey } from './keys';
import { OUTCOME_TEXT } from './RevealScene';
import type { ClassRevealData } from './sceneData';

/** After each class answer: the server's verdict and points, then the source that settles the question. */
export class ClassRevealScene extends ClassScene<'class-reveal'> {
  private card?: ExcerptCard;

  constructor() {
    super(SceneKey.ClassReveal);
  }

  create(data: ClassRevealData): void {
    const outcome = data.outcome;
    this.card = undefined;
    this.beginScreen(`Answer to class question ${outcome.position + 1} of ${outcome.total}`);
    document.body.dataset.classMode = 'reveal';
    this.follow(data.play);
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const home = this.addHomeButton();
    this.addSoundButton();
    const sound = this.services.sound;

    const verdict = outcome.timedOut
      ? OUTCOME_TEXT.timedOut
      : outcome.correct
        ? OUTCOME_TEXT.correct
        : OUTCOME_TEXT.wrong;
    const barY = margin * 0.6 + home.canvas.rect.height / 2;
    const verdictText = addText(this, margin, barY, verdict, {
      size: type.heading,
      bold: true,
      color: outcome.correct ? CSS.correct : CSS.wrong,
    }).setOrigin(0, 0.5);
    emphasize(this, verdictText, this.services.reduceMotion);
    if (outcome.correct) sound.play('correct');
    else if (!outcome.timedOut) sound.play('wrong');
    addText(this, margin + verdictText.width + gap * 2, barY, `+${outcome.points}`, {
      size: type.body,
      bold: true,
      color: CSS.paper,
    }).setOrigin(0, 0.5);
    let top = barY + home.canvas.rect.height / 2 + gap;
    this.addSeatLine(outcome.score, top);
    top += type.small + gap;

    const right = outcome.choices[outcome.correctChoice] ?? '';
    const picked = outcome.picked === null ? undefined : outcome.choices[outcome.picked];
    const answerLine =
      picked !== undefined && !outcome.correct ? `Answer: ${right}   ·   You picked: ${picked}` : `Answer: ${right}`;
    const answerText = addText(this, margin, top, answerLine, {
      size: type.body,
      bold: true,
      wrapWidth: width - margin * 2,
    });
    this.fit(answerText, type.body * (portrait ? 4.2 : 2.6), 'answer', 14);
    top += answerText.height + gap;
    if (outcome.feedback) {
      const feedback = addText(this, margin, top, outcome.feedback, {
        size: type.small,
        color: CSS.muted,
        wrapWidth: width - margin * 2,
      });
      this.fit(feedback, type.small * 2.6, 'feedback', 13);
      top += feedback.height + gap;
    }

    const nextHeight = Math.max(56, type.button * 2.2);
    const whyHeight = outcome.explanation ? (portrait ? height * 0.17 : height * 0.13) : 0;
    const cardsBottom = height - margin - nextHeight - gap - whyHeight;
    const evidence = outcome.evidence[0];
    let cardsEnd = top;
    if (evidence) {
      this.card = new ExcerptCard(
        this,
        { x: margin, y: top, width: width - margin * 2, height: cardsBottom - top },
        { label: 'The source says', quote: evidence.quote, citation: citationFor(this.services, evidence.source) },
        portrait ? type.body : type.prompt - 4,
      );
      cardsEnd = top + this.card.height;
    }
    if (outcome.explanation) {
      const why = addText(this, margin, cardsEnd + gap, `Why: ${outcome.explanation}`, {
        size: type.body,
        color: CSS.paper,
        wrapWidth: width - margin * 2,
      });
      this.fit(why, height - margin - nextHeight - gap - (cardsEnd + gap), 'explanation');
    }
    const verified = 'Scored by the class server ✔';
    addText(this, margin, height - margin - nextHeight / 2, verified, { size: type.small, color: CSS.muted }).setOrigin(
      0,
      0.5,
    );

    const last = outcome.position + 1 >= outcome.total;
    const nextWidth = Math.min(portrait ? width - margin * 2 : 300, width - margin * 2);
    const next = this.addButton(
      last ? 'See results ⏎' : 'Next ⏎',
      {
        x: width - margin - nextWidth,
        y: portrait ? height - margin - nextHeight : height - margin - nextHeight,
        width: nextWidth,
        height: nextHeight,
      },
      () => void this.next(),
      { fill: COLORS.highlight, textColor: CSS.ink, accessibleLabel: 'Next', name: 'Next' },
    );

    const spoken = outcome.timedOut
      ? `Time's up. The answer is: ${right}.`
      : outcome.correct
        ? `Correct, plus ${outcome.points} points. The answer is: ${right}.`
        : `Not quite. You picked ${picked}. The answer is: ${right}.`;
    a11y.announce(evidence ? `${spoken} The source says: “${evidence.quote}”` : spoken);
    a11y.text(spoken, { label: 'Outcome' });
    const region = a11y.section('Source', 'region');
    for (const [index, item] of outcome.evidence.entries()) {
      const quote = a11y.text(`${index === 0 ? 'The source says' : 'More evidence'}: “${item.quote}”`, {
        parent: region,
      });
      quote.dataset.source = item.source;
      quote.dataset.quote = item.quote;
      quote.classList.add('excerpt');
      a11y.text(`Source: ${citationFor(this.services, item.source)}`, { parent: region });
    }
    if (outcome.explanation) a11y.text(`Why: ${outcome.explanation}`, { parent: region });
    a11y.text(verified);
    a11y.focus(next.dom);
    this.onKeys((event) => {
      if (event.key === 'Enter' || event.key === ' ' || event.key.toLowerCase() === 'n') void this.next();
      if (event.key === 'ArrowDown') this.card?.scrollBy(40);
      if (event.key === 'ArrowUp') this.card?.scrollBy(-40);
    });
  }

  private async next(): Promise<void> {
    if (this.leaving) return;
    this.leaving = true;
    try {
      const view = await this.play.next();
      this.leaving = false;
      this.route(view);
    } catch (error) {
      this.leaving = false;
      this.failed(error);
    }
  }
}
