import Phaser from 'phaser';
import { COLORS, MOTION } from './theme';
import { addText } from './text';

/** Redraw the ring only when it has moved by this share of a turn: no per-frame redraw for nothing. */
const RING_STEP = 1 / 240;

/** The countdown: a ring that empties and a number of whole seconds, redrawn only when they change. */
export class CountdownRing {
  private readonly ring: Phaser.GameObjects.Graphics;
  private readonly number: Phaser.GameObjects.Text;
  private shownSeconds = -1;
  private shownFraction = -1;

  constructor(
    scene: Phaser.Scene,
    private readonly x: number,
    private readonly y: number,
    private readonly radius: number,
    fontSize: number,
  ) {
    this.ring = scene.add.graphics();
    this.number = addText(scene, x, y, '', { size: fontSize, bold: true, align: 'center' }).setOrigin(0.5);
  }

  /** Returns true when the whole-second figure changed (for announcements). */
  update(remainingMs: number, limitMs: number | null): boolean {
    if (limitMs === null) {
      if (this.shownSeconds !== -2) {
        this.shownSeconds = -2;
        this.number.setText('∞');
        this.drawRing(1, false);
      }
      return false;
    }
    const seconds = Math.ceil(remainingMs / 1000);
    const fraction = Math.max(0, Math.min(1, remainingMs / limitMs));
    const low = seconds <= MOTION.lowTimeSec;
    if (Math.abs(fraction - this.shownFraction) >= RING_STEP || (fraction === 0 && this.shownFraction !== 0)) {
      this.shownFraction = fraction;
      this.drawRing(fraction, low);
    }
    if (seconds !== this.shownSeconds) {
      this.shownSeconds = seconds;
      this.number.setText(String(seconds));
      this.number.setColor(low ? '#ffb3b3' : '#ffffff');
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
