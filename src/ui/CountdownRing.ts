import Phaser from 'phaser';
import { pulse } from './motion';
import { viewOf } from './renderScale';
import { MOTION, paletteOf } from './theme';
import { addText, setTextColor } from './text';

/**
 * The ring is shown in this many steps of a turn, each baked once into a small texture (a Graphics object is
 * turned into triangles on every frame under WebGL, which cost the question screen its 60 fps in software
 * rendering). 72 steps of 5° sweep smoothly enough at any time limit.
 */
const RING_STEPS = 72;
/**
 * The ring moves on the half second, one of its moves with the number's change: each move is a frame drawn
 * (src/engine/drawOnlyChanges.ts draws only frames that differ), and on a phone in software rendering a drawn frame
 * takes two vsyncs. Sweeping by its 72 steps drew four or five frames a second; on the half second, two.
 */
const RING_TICK_MS = 500;
/** What shownSeconds holds once the ring shows "no time limit". */
const NO_LIMIT = -2;

/**
 * The countdown: a ring that empties and a number of whole seconds, redrawn only when they change. The ring
 * moves every half second; in the last seconds both turn orange and the number pulses; with reduced motion the
 * ring moves once a second, and nothing pulses.
 */
export class CountdownRing {
  private readonly ring: Phaser.GameObjects.Image;
  /** Where a ring is drawn before it is baked; not on the display list. */
  private readonly painter: Phaser.GameObjects.Graphics;
  private readonly lineWidth: number;
  private readonly number: Phaser.GameObjects.Text;
  private shownSeconds = -1;
  private shownStep = -1;

  constructor(
    private readonly scene: Phaser.Scene,
    x: number,
    y: number,
    private readonly radius: number,
    fontSize: number,
    private readonly reduceMotion: boolean,
  ) {
    this.lineWidth = radius * 0.22;
    const half = Math.ceil(radius + this.lineWidth);
    this.painter = scene.make.graphics({}, false);
    this.ring = scene.add.image(x - half, y - half, '__DEFAULT').setOrigin(0, 0);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.painter.destroy());
    // Baked now, once a game, so that no frame of the countdown waits for a texture; the orange steps of the
    // last seconds are baked when first shown.
    for (let step = 0; step <= RING_STEPS; step += 1) this.bake(step / RING_STEPS, false);
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
    const shownMs = this.reduceMotion ? seconds * 1000 : Math.ceil(remainingMs / RING_TICK_MS) * RING_TICK_MS;
    const fraction = Math.max(0, Math.min(1, shownMs / limitMs));
    const low = seconds <= MOTION.lowTimeSec;
    // Rounded up, so the ring is empty only when the time is.
    const step = Math.ceil(fraction * RING_STEPS);
    if (step !== this.shownStep || (low && seconds === MOTION.lowTimeSec)) {
      this.shownStep = step;
      this.drawRing(step / RING_STEPS, low);
    }
    if (seconds !== this.shownSeconds) {
      this.shownSeconds = seconds;
      // The colour first: it draws the text again only when it changes, and setText draws it once more.
      setTextColor(this.number, low ? paletteOf(this.scene).text.wrong : paletteOf(this.scene).text.white).setText(
        String(seconds),
      );
      if (low && seconds > 0) pulse(this.scene, this.number, this.reduceMotion);
      return true;
    }
    return false;
  }

  private drawRing(fraction: number, low: boolean): void {
    this.ring.setTexture(this.bake(fraction, low)).setScale(1 / viewOf(this.scene).renderScale);
  }

  /** The texture of the ring at a fraction, drawn and stored the first time it is asked for. */
  private bake(fraction: number, low: boolean): string {
    const half = Math.ceil(this.radius + this.lineWidth);
    const { renderScale } = viewOf(this.scene);
    const key = `countdown-ring:${this.radius}@${renderScale}:${Math.round(fraction * RING_STEPS)}:${low ? paletteOf(this.scene).colors.wrong : paletteOf(this.scene).colors.highlight}:${paletteOf(this.scene).colors.inkLighter}`;
    if (!this.scene.textures.exists(key)) {
      const g = this.painter;
      g.clear();
      g.save();
      g.scaleCanvas(renderScale, renderScale);
      g.lineStyle(this.lineWidth, paletteOf(this.scene).colors.inkLighter, 1);
      g.strokeCircle(half, half, this.radius);
      if (fraction > 0) {
        g.lineStyle(
          this.lineWidth,
          low ? paletteOf(this.scene).colors.wrong : paletteOf(this.scene).colors.highlight,
          1,
        );
        g.beginPath();
        // Phaser 4: Math.TAU is a full turn (2π).
        const start = -Math.PI / 2;
        g.arc(half, half, this.radius, start, start + Phaser.Math.TAU * fraction, false);
        g.strokePath();
      }
      g.restore();
      g.generateTexture(key, Math.ceil(half * 2 * renderScale), Math.ceil(half * 2 * renderScale));
      g.clear();
    }
    return key;
  }
}
