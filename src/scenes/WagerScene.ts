import { currentQuestion, wager, wagerStakes, type SessionState } from '../core/session';
import { CONFIDENCE_LEVELS, type Confidence } from '../core/wager';
import { signedPoints } from '../ui/format';
import { addText } from '../ui/text';
import { RoundStepScene } from './RoundStepScene';
import { SceneKey } from './keys';
import type { RoundData } from './sceneData';
import { keepRound } from '../game/savedRounds';
import { shownQuestion } from '../game/playTexts';

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
    const t = this.t;
    const format = (value: number) => this.translator.formatNumber(value);
    let top = this.beginStep(this.session, t('play:wager.screen', { number, total }), false);
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const textWidth = width - margin * 2;
    const shown = shownQuestion(this.services, this.translator, question);
    const prompt = addText(this, margin, top, shown.prompt, {
      size: type.body,
      color: this.textColors.muted,
      wrapWidth: textWidth,
    });
    this.fit(prompt, type.body * 4, 'prompt', 14);
    top += prompt.height + gap;
    const picked = shown.choices[pending.record.choiceIndex ?? -1];
    const pickedLine = t('play:wager.picked', { answer: picked?.text ?? t('play:wager.noAnswer') });
    const pickedText = addText(this, margin, top, pickedLine, { size: type.prompt, bold: true, wrapWidth: textWidth });
    this.fit(pickedText, type.prompt * 3, 'answer', 16);
    top += pickedText.height + gap * 2;
    const heading = addText(this, margin, top, t('play:wager.heading'), {
      size: type.heading,
      bold: true,
      color: this.textColors.paper,
      wrapWidth: textWidth,
    });
    // Shrinks to one line where it can (a longer language at large text), and says so where it cannot.
    this.fit(heading, type.heading * 1.3, 'heading', type.body);
    top += heading.height + gap / 2;
    const rule = t('play:wager.rule', { unit: format(pending.unit) });
    const ruleText = addText(this, margin, top, rule, {
      size: type.small,
      color: this.textColors.muted,
      wrapWidth: textWidth,
    });
    top += ruleText.height + gap * 1.5;
    a11y.text(shown.prompt);
    a11y.text(pickedLine).dataset.name = 'picked';
    a11y.heading(t('play:wager.heading'));
    a11y.text(rule);

    const rows = portrait ? CONFIDENCE_LEVELS.length : 1;
    const buttonHeight = Math.min(Math.max(72, type.button * 3.2), (height - margin - top - gap * (rows - 1)) / rows);
    this.addChoices(
      CONFIDENCE_LEVELS.map((level) => {
        const right = signedPoints(stakes[level].right, format);
        const wrong = signedPoints(stakes[level].wrong, format);
        const name = t(`play:confidence.${level}`);
        return {
          value: level,
          label: t('play:wager.label', { level: name, odds: t('play:wager.odds', { right, wrong }) }),
          accessibleLabel: t('play:wager.accessibleLabel', { level: name, right, wrong }),
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
      t('play:wager.group'),
      (level) => this.choose(level),
    );
    a11y.announce(t('play:wager.announce', { answer: picked?.text ?? t('play:wager.noAnswerSpoken') }));
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
