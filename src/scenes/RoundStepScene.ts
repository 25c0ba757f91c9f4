/**
 * What the steps around a question share (judging the claim first, the wager after): the round's progress bar,
 * and a row of three choices, each with a key (1–3 or its initial), mirrored in the accessible layer.
 */
import type { SessionState } from '../core/session';
import type { Rect } from '../ui/layout';
import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';

export interface StepChoice<T> {
  value: T;
  /** What the button says after its number. */
  label: string;
  /** What the accessible button says (the label, with what the canvas shows beside it). */
  accessibleLabel: string;
  /** The keys that choose it: its number and its initial. */
  keys: readonly [string, string];
  fill: number;
  textColor?: string;
  name: string;
}

export abstract class RoundStepScene<K extends SceneKey> extends BaseScene<K> {
  /**
   * Begins the screen with the corner controls and "Q n / total" (the score beside it when asked); returns
   * where the content starts.
   */
  protected beginStep(session: SessionState, title: string, showScore: boolean): number {
    const total = session.plan.questions.length;
    const number = session.index + 1;
    this.beginScreen(title);
    const { width, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const bar = this.addRoundBar(number, total, () => this.askToLeave(session));
    const barY = bar.top + bar.height / 2;
    const t = this.t;
    a11y.text(t('play:progress.text', { number, total }), { label: t('play:progress.label') }).dataset.name =
      'progress';
    if (showScore) {
      if (!portrait) {
        const points = t('play:score.points', { score: this.translator.formatNumber(session.score) });
        addText(this, width / 2 - type.body * 4, barY, points, {
          size: type.body,
          color: this.textColors.muted,
        }).setOrigin(0, 0.5);
      }
      a11y.text(t('play:score.text', { score: session.score }), { label: t('play:score.label') }).dataset.name =
        'score';
    }
    return barY + bar.height / 2 + gap * 1.5;
  }

  /** A way out of the round asks first: the pause screen, asking whether to leave (Escape keeps playing). */
  protected askToLeave(session: SessionState): void {
    this.goTo(SceneKey.Pause, { session, leaving: true });
  }

  /**
   * The choices as buttons in `area`: a row of three on a wide screen, a column on a phone. Their keys choose them
   * too; focus goes to the first.
   */
  protected addChoices<T>(
    choices: readonly StepChoice<T>[],
    area: Rect,
    groupLabel: string,
    choose: (value: T) => void,
  ): void {
    const { gap, portrait } = this.frame;
    const group = this.services.a11y.section(groupLabel, 'group');
    const columns = portrait ? 1 : choices.length;
    const rows = Math.ceil(choices.length / columns);
    const width = (area.width - gap * (columns - 1)) / columns;
    const height = (area.height - gap * (rows - 1)) / rows;
    let first: HTMLButtonElement | undefined;
    choices.forEach((choice, index) => {
      const rect = {
        x: area.x + (index % columns) * (width + gap),
        y: area.y + Math.floor(index / columns) * (height + gap),
        width,
        height,
      };
      const button = this.addButton(`${choice.keys[0]}  ${choice.label}`, rect, () => choose(choice.value), {
        fill: choice.fill,
        textColor: choice.textColor,
        parent: group,
        name: choice.name,
        accessibleLabel: choice.accessibleLabel,
      });
      first ??= button.dom;
    });
    this.services.a11y.focus(first);
    this.onKeys((event) => {
      const key = event.key.toUpperCase();
      const chosen = choices.find((choice) => (choice.keys as readonly string[]).includes(key));
      if (chosen) choose(chosen.value);
    });
  }
}
