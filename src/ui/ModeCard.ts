import type Phaser from 'phaser';
import { Button, type ButtonOptions } from './Button';
import type { Rect } from './layout';
import { addText, setTextColor } from './text';

/** Descriptions never shrink below this (game pixels). */
const MIN_DESCRIPTION_SIZE = 13;

/**
 * A way to play, as a button: the mode's name on top and its one-line description under it, so the choice is
 * made knowing the rules. The whole card is the button.
 */
export class ModeCard extends Button {
  readonly description: Phaser.GameObjects.Text;
  /** True when the description does not fit the card even at its smallest size. */
  readonly descriptionOverflows: boolean;

  constructor(
    scene: Phaser.Scene,
    rect: Rect,
    options: ButtonOptions & { description: string; descriptionSize: number; minDescriptionSize?: number },
    onClick: () => void,
  ) {
    // A short card (large text, little room) gives its name a third of its height and the rest to the description.
    const fontSize = Math.min(options.fontSize, Math.round(rect.height * 0.3));
    super(scene, rect, { ...options, fontSize, align: 'left' }, onClick);
    const pad = Math.round(fontSize * 0.6);
    this.label.setOrigin(0, 0).setPosition(rect.x + pad, rect.y + pad * 0.6);
    const top = this.label.y + this.label.height + pad * 0.2;
    const room = rect.y + rect.height - pad * 0.4 - top;
    this.description = addText(scene, rect.x + pad, top, options.description, {
      size: options.descriptionSize,
      color: options.textColor,
      wrapWidth: rect.width - pad * 2,
      fit: { maxHeight: room, minSize: Math.max(MIN_DESCRIPTION_SIZE, options.minDescriptionSize ?? 0) },
    });
    this.descriptionOverflows = this.description.height > room;
  }

  protected override draw(): void {
    super.draw();
    if (this.description) setTextColor(this.description.setAlpha(this.label.alpha), this.label.style.color as string);
  }

  override destroy(): void {
    super.destroy();
    this.description.destroy();
  }
}
