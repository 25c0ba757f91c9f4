import Phaser from 'phaser';
import { pulse } from './motion';
import { COLORS, CSS, MOTION } from './theme';
import { addText } from './text';

/** Redraw the ring only when it has moved by this share of a turn: no per-frame redraw for nothing. */
const RING_STEP = 1 / 240;
/** What shownSeconds holds once the ring shows "no time limit". */
const NO_LIMIT = -2;

/**
 * The countdown: a ring that empties and a number of whole seconds, redrawn only when they change. In the
 * last seconds both turn orange and the number pulses; with reduced motion the ring steps once a second
 * instead of sweeping, and nothing pulses.
 */
export class CountdownRing {
  private readonly ring: Phaser.GameObjects.Graphics;
  private readonly number: Phaser.GameObjects.Text;
  private shownSeconds = -1;
  private shownFraction = -1;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly x: number,
    private readonly y: number,
    private readonly radius: number,
    fontSize: number,
    private readonly reduceMotion: boolean,
  ) {
    this.ring = scene.add.graphics();
    this.number = addText(scene, x, y, '', { size: fontSize, bold: true, align: 'center' }).setOrigin(0.5);
  }

  /** Returns true when the figure shown changed (so the accessible timer text follows it). */
  update(remainingMs: number, limitMs: number | null): boolean {
    if (limitMs === null) {
      if (this.shownSeconds === NO_LIMIT) return false;
      this.shownSeconds = NO_LIMIT;
      this.number.setText('∞');
      this.drawRing(1, false);
      return true;
    }
    const seconds = Math.ceil(remainingMs / 1000);
    const shownMs = this.reduceMotion ? seconds * 1000 : remainingMs;
    const fraction = Math.max(0, Math.min(1, shownMs / limitMs));
    const low = seconds <= MOTION.lowTimeSec;
    if (Math.abs(fraction - this.shownFraction) >= RING_STEP || (fraction === 0 && this.shownFraction !== 0)) {
      this.shownFraction = fraction;
      this.drawRing(fraction, low);
    }
    if (seconds !== this.shownSeconds) {
      this.shownSeconds = seconds;
      this.number.setText(String(seconds));
      this.number.setColor(low ? CSS.wrong : CSS.white);
      if (low && seconds > 0) pulse(this.scene, this.number, this.reduceMotion);
      return true;
    }
    return false;
  }

  private drawRing(fraction: number, low: boolean): void {
    const g = this.ring;
    g.clear();
    g.lineStyle(this.radius * 0.22, COLORS.inkLighter, 1);
    g.strokeCircle(this.x, this.y, this.radius);
    if (fraction <= 0) return;
    g.lineStyle(this.radius * 0.22, low ? COLORS.wrong : COLORS.highlight, 1);
    g.beginPath();
    // Phaser 4: Math.TAU is a full turn (2π).
    const start = -Math.PI / 2;
    g.arc(this.x, this.y, this.radius, start, start + Phaser.Math.TAU * fraction, false);
    g.strokePath();
  }
}
