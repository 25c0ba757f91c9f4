/**
 * The outcome of an answer at the top of a reveal: the verdict, the points and (in a round of one's own) the streak,
 * in the row of the corner buttons. The verdict shrinks rather than run under them; when it still does not fit (large
 * text on a phone) the points go on a line of their own. Then the answer line under it.
 */
import type Phaser from 'phaser';
import type { AccessibleLayer } from '../a11y/AccessibleLayer';
import type { Frame } from './layout';
import { emphasize } from './motion';
import { answerLineOf, verdictOf, type AnswerOutcomeWords } from './outcome';
import type { StreakMeter } from './StreakMeter';
import { addText, setTextSize } from './text';
import { translatorOf } from './pageLanguage';
import { paletteOf } from './theme';

export interface OutcomeBarProps {
  outcome: AnswerOutcomeWords;
  /** The points as shown ("+850", "−2,000"). */
  pointsText: string;
  /** The middle of the corner buttons' row. */
  barY: number;
  /** Where the corner buttons begin. */
  right: number;
  /** The streak meter to place after the points, if there is one. */
  streak?: (x: number, y: number) => StreakMeter;
  /** Draws the verdict growing in (not on a redraw, not with reduced motion). */
  emphasize: boolean;
  reduceMotion: boolean;
}

export interface OutcomeBar {
  verdict: Phaser.GameObjects.Text;
  points: Phaser.GameObjects.Text;
  /** The height the points' own line takes under the verdict (0 when they sit beside it). */
  pointsRow: number;
}

export function addOutcomeBar(
  scene: Phaser.Scene,
  frame: Frame,
  a11y: AccessibleLayer,
  props: OutcomeBarProps,
): OutcomeBar {
  const { margin, gap, type } = frame;
  const { barY } = props;
  const color = props.outcome.correct ? paletteOf(scene).text.correct : paletteOf(scene).text.wrong;
  const verdict = addText(scene, margin, barY, verdictOf(props.outcome, translatorOf(scene)), {
    size: type.heading,
    bold: true,
    color,
  }).setOrigin(0, 0.5);
  const points = addText(scene, 0, barY, props.pointsText, {
    size: type.body,
    bold: true,
    color: paletteOf(scene).text.paper,
  }).setOrigin(0, 0.5);
  const streak = props.streak?.(0, barY);
  const rest = () => gap * 2 + points.width + (streak ? gap * 1.5 + streak.width : 0);
  const room = props.right - margin;
  let size = type.heading;
  while (verdict.width + rest() > room && size > type.body) {
    size -= 1;
    setTextSize(verdict, size);
  }
  let pointsRow = 0;
  if (verdict.width + rest() > room) {
    setTextSize(verdict, type.heading);
    if (verdict.width > room) a11y.markOverflow('outcome');
    pointsRow = points.height + gap / 2;
    points.setPosition(margin, barY + verdict.height / 2 + pointsRow / 2);
  } else {
    points.setX(margin + verdict.width + gap * 2);
  }
  streak?.setX(points.x + points.width + gap * 1.5).setY(points.y);
  if (props.emphasize) emphasize(scene, verdict, props.reduceMotion);
  return { verdict, points, pointsRow };
}

/** The answer line ("Answer: …", and the pick when it was wrong), shrunk to a few lines. */
export function addAnswerLine(
  scene: Phaser.Scene,
  frame: Frame,
  top: number,
  outcome: AnswerOutcomeWords,
  fit: (text: Phaser.GameObjects.Text, maxHeight: number, name: string, minSize?: number) => boolean,
): Phaser.GameObjects.Text {
  const { width, margin, type, portrait } = frame;
  const line = addText(scene, margin, top, answerLineOf(outcome, translatorOf(scene)), {
    size: type.body,
    bold: true,
    wrapWidth: width - margin * 2,
  });
  fit(line, type.body * (portrait ? 4.2 : 2.6), 'answer', 14);
  return line;
}

/** The note on the wrong answer picked, under the answer line, shrunk to a few lines; returns the height it took. */
export function addFeedbackLine(
  scene: Phaser.Scene,
  frame: Frame,
  top: number,
  feedback: string,
  fit: (text: Phaser.GameObjects.Text, maxHeight: number, name: string, minSize?: number) => boolean,
): number {
  const { width, margin, type } = frame;
  const text = addText(scene, margin, top, feedback, {
    size: type.small,
    color: paletteOf(scene).text.muted,
    wrapWidth: width - margin * 2,
  });
  fit(text, type.small * 2.6, 'feedback', 13);
  return text.height;
}
