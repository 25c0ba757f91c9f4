import type Phaser from 'phaser';
import { STREAK_BONUS_CAP, STREAK_BONUS_STEP } from '../core/settings';
import { grow } from './motion';
import { MOTION, paletteOf } from './theme';
import { addText } from './text';
import { translatorOf } from './pageLanguage';

/** One pip per step of streak bonus: a streak of 3 has earned two steps, and the bonus stops at the cap. */
const BONUS_STEPS = STREAK_BONUS_CAP / STREAK_BONUS_STEP;

/**
 * The streak as words and pips ("streak ×3 ●●○○○"), so a player sees the bonus build up and where it
 * stops. When the streak has just grown, the new pip grows in.
 */
export class StreakMeter {
  readonly width: number;
  private readonly parts: (Phaser.GameObjects.Components.Transform & { x: number; y: number })[] = [];
  private left: number;
  private middle: number;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    streak: number,
    size: number,
    options: { justGrew: boolean; reduceMotion: boolean },
  ) {
    this.left = x;
    this.middle = y;
    const label = addText(scene, x, y, translatorOf(scene).t('play:streak', { streak }), {
      size,
      bold: true,
      color: paletteOf(scene).text.paper,
    }).setOrigin(0, 0.5);
    this.parts.push(label);
    const radius = Math.round(size * 0.26);
    const spacing = radius * 2.7;
    const first = x + label.width + radius * 2;
    const earned = Math.min(BONUS_STEPS, streak - 1);
    for (let step = 0; step < BONUS_STEPS; step += 1) {
      const pip = scene.add.circle(first + step * spacing, y, radius);
      this.parts.push(pip);
      if (step < earned) pip.setFillStyle(paletteOf(scene).colors.highlight);
      else pip.setStrokeStyle(2, paletteOf(scene).colors.controlEdge);
      if (options.justGrew && step === earned - 1 && streak - 1 <= BONUS_STEPS) {
        grow(scene, pip, options.reduceMotion, 'both', MOTION.tweenMs.streak);
      }
    }
    this.width = first + (BONUS_STEPS - 1) * spacing + radius - x;
  }

  /** Moves the meter so that its middle is at y. */
  setY(y: number): this {
    for (const part of this.parts) part.y += y - this.middle;
    this.middle = y;
    return this;
  }

  /** Moves the meter so that its left edge is at x. */
  setX(x: number): this {
    for (const part of this.parts) part.x += x - this.left;
    this.left = x;
    return this;
  }
}
