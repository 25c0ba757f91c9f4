import { currentQuestion, wager, wagerStakes, type SessionState } from '../core/session';
import { CONFIDENCE_LABELS, CONFIDENCE_LEVELS, type Confidence } from '../core/wager';
import { signedPoints } from '../ui/format';
import { addText } from '../ui/text';
import { RoundStepScene } from './RoundStepScene';
import { SceneKey } from './keys';
import type { RoundData } from './sceneData';
import { keepRound } from '../game/savedRounds';

/** Keys for the three levels, in the order shown: 1–3, or the level's first letter. */
const CONFIDENCE_KEYS: Record<Confidence, readonly [string, string]> = {
  sure: ['1', 'S'],
  'think-so': ['2', 'T'],
  guessing: ['3', 'G'],
};

/**
 * The confidence wager: the answer is in, not yet marked, and the player says how sure they are. Each level
 * shows what it wins if right and costs if wrong, so the choice is an informed bet, not a mood.
 */
export class WagerScene extends RoundStepScene<'wager'> {
  private session!: SessionState;

  constructor() {
    super(SceneKey.Wager);
  }

  create(data: RoundData): void {
    this.session = data.session;
    keepRound(this.services, this.session);
    const stakes = wagerStakes(this.session);
    const question = currentQuestion(this.session);
    const pending = this.session.pendingAnswer;
    if (!stakes || !question || !pending) {
      this.goTo(SceneKey.Reveal, { session: this.session });
      return;
    }
    const total = this.session.plan.questions.length;
    const number = this.session.index + 1;
    let top = this.beginStep(this.session, `How sure are you? Question ${number} of ${total}`, false);
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const textWidth = width - margin * 2;
    const prompt = addText(this, margin, top, question.prompt, {
      size: type.body,
      color: this.textColors.muted,
      wrapWidth: textWidth,
    });
    this.fit(prompt, type.body * 4, 'prompt', 14);
    top += prompt.height + gap;
    const picked = question.choices[pending.record.choiceIndex ?? -1];
    const pickedLine = `Your answer: ${picked?.text ?? '—'}`;
    const pickedText = addText(this, margin, top, pickedLine, { size: type.prompt, bold: true, wrapWidth: textWidth });
    this.fit(pickedText, type.prompt * 3, 'answer', 16);
    top += pickedText.height + gap * 2;
    const heading = addText(this, margin, top, 'How sure are you?', {
      size: type.heading,
      bold: true,
      color: this.textColors.paper,
    });
    top += heading.height + gap / 2;
    const rule = `Sure pays most when you are right and costs most when you are not. A unit is ${pending.unit.toLocaleString('en-US')} points.`;
    const ruleText = addText(this, margin, top, rule, {
      size: type.small,
      color: this.textColors.muted,
      wrapWidth: textWidth,
    });
    top += ruleText.height + gap * 1.5;
    a11y.text(question.prompt);
    a11y.text(pickedLine).dataset.name = 'picked';
    a11y.heading('How sure are you?');
    a11y.text(rule);

    const rows = portrait ? CONFIDENCE_LEVELS.length : 1;
    const buttonHeight = Math.min(Math.max(72, type.button * 3.2), (height - margin - top - gap * (rows - 1)) / rows);
    this.addChoices(
      CONFIDENCE_LEVELS.map((level) => {
        const odds = `right ${signedPoints(stakes[level].right)} · wrong ${signedPoints(stakes[level].wrong)}`;
        return {
          value: level,
          label: `${CONFIDENCE_LABELS[level]}\n${odds}`,
          accessibleLabel: `${CONFIDENCE_LABELS[level]}: ${odds.replace(' ·', ',')} points`,
          keys: CONFIDENCE_KEYS[level],
          // All three alike: a highlighted level would look chosen before the player chooses.
          fill: this.colors.inkLighter,
          textColor: this.textColors.white,
          name: `wager-${level}`,
        };
      }),
      // At the bottom on a phone, in thumb's reach as the answers were; under the question on a wide screen.
      {
        x: margin,
        y: portrait ? height - margin - buttonHeight * rows - gap * (rows - 1) : top,
        width: textWidth,
        height: buttonHeight * rows + gap * (rows - 1),
      },
      'Your confidence',
      (level) => this.choose(level),
    );
    a11y.announce(`Your answer: ${picked?.text ?? 'none'}. How sure are you? Sure, Think so, or Guessing.`);
    this.onKeys((event) => {
      if (event.key === 'Escape') this.askToLeave(this.session);
    });
  }

  private choose(level: Confidence): void {
    if (this.leaving) return;
    const next = wager(this.session, level, this.services.now());
    if (next === this.session) return;
    this.goTo(SceneKey.Reveal, { session: next });
  }
}
