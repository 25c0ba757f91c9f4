import type Phaser from 'phaser';
import { Button } from './Button';
import type { Rect } from './layout';
import { paletteOf } from './theme';

/** The corner's mute button: a speaker with sound waves, or crossed out when muted. Drawn, not a glyph. */
export class SoundToggle extends Button {
  private muted?: boolean;

  constructor(scene: Phaser.Scene, rect: Rect, muted: boolean, onClick: () => void, onHover?: () => void) {
    super(scene, rect, { label: '', fontSize: 14, onHover }, onClick);
    this.setMuted(muted);
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    this.draw();
  }

  protected override faceKey(): string {
    return `${super.faceKey()}:${this.muted ? 'muted' : 'sound'}`;
  }

  protected override paint(): void {
    super.paint();
    const { x, y, width, height } = this.rect;
    const unit = Math.min(width, height) / 10;
    const cx = x + width / 2 - unit * 1.2;
    const cy = y + height / 2;
    const g = this.graphics;
    const { paper } = paletteOf(this.scene).colors;
    g.fillStyle(paper, 1);
    g.fillRect(cx - unit * 2.2, cy - unit * 1.1, unit * 1.6, unit * 2.2);
    g.fillTriangle(
      cx - unit * 0.8,
      cy - unit * 1.1,
      cx + unit * 1.2,
      cy - unit * 2.8,
      cx + unit * 1.2,
      cy + unit * 2.8,
    );
    g.fillTriangle(
      cx - unit * 0.8,
      cy - unit * 1.1,
      cx - unit * 0.8,
      cy + unit * 1.1,
      cx + unit * 1.2,
      cy + unit * 2.8,
    );
    g.lineStyle(Math.max(2, unit * 0.6), paper, 1);
    if (this.muted) {
      g.lineBetween(cx + unit * 2.4, cy - unit * 1.4, cx + unit * 5, cy + unit * 1.4);
      g.lineBetween(cx + unit * 2.4, cy + unit * 1.4, cx + unit * 5, cy - unit * 1.4);
      return;
    }
    for (const radius of [unit * 2.2, unit * 3.8]) {
      g.beginPath();
      g.arc(cx + unit * 0.6, cy, radius, -Math.PI / 4, Math.PI / 4, false);
      g.strokePath();
    }
  }
}
