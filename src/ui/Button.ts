import Phaser from 'phaser';
import { colorNumber, contrastRatio } from './color';
import { viewOf } from './renderScale';
import { CONTRAST, LAYOUT, MOTION, paletteOf } from './theme';
import { addText, setTextColor, setTextSize, shrinkFontUntil, widestWordWidth } from './text';
import type { Rect } from './layout';

/** Labels never shrink below this (game pixels). */
const MIN_LABEL_SIZE = 14;
/** How far a label may shrink to stay on one line before it wraps instead. */
const ONE_LINE_SHRINK = 0.8;

export type ButtonLook = 'normal' | 'hover' | 'pressed' | 'correct' | 'wrong' | 'dim' | 'picked';

export interface ButtonOptions {
  label: string;
  fontSize: number;
  fill?: number;
  textColor?: string;
  align?: 'left' | 'center';
  /** Left inset for the label (room for a badge). */
  labelInset?: number;
  /** Feedback when the pointer comes over the button (a sound cue). */
  onHover?: () => void;
}

/** Room around a button's face in its baked texture, for the drop shadow and the outline. */
const FACE_MARGIN = 8;

/**
 * A rounded button drawn on the canvas: a face + label + an input zone, with press feedback. The face is drawn
 * with Graphics once per look and baked into a texture shown by an Image: a Graphics object is turned into
 * triangles on every frame under WebGL, and a dozen of them held the title screen at 30 fps in software
 * rendering. Faces of the same size and look share one texture, kept for the game's lifetime.
 */
export class Button {
  /** Where a face is drawn before it is baked; not on the display list. */
  protected readonly graphics: Phaser.GameObjects.Graphics;
  private readonly face: Phaser.GameObjects.Image;
  readonly label: Phaser.GameObjects.Text;
  readonly zone: Phaser.GameObjects.Zone;
  /** True when the label does not fit even at the smallest size. */
  readonly overflows: boolean;
  private look: ButtonLook = 'normal';
  private enabled = true;
  private pressedInside = false;

  constructor(
    protected readonly scene: Phaser.Scene,
    readonly rect: Rect,
    protected readonly options: ButtonOptions,
    onClick: () => void,
  ) {
    this.graphics = scene.make.graphics({}, false);
    // Off the display list, so the scene would not destroy it on its own.
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.graphics.destroy());
    this.face = scene.add.image(rect.x - FACE_MARGIN, rect.y - FACE_MARGIN, '__DEFAULT').setOrigin(0, 0);
    const inset = options.labelInset ?? 0;
    const padding = Math.round(options.fontSize * 0.6);
    const center = options.align !== 'left';
    const maxWidth = rect.width - inset - padding * 2;
    this.label = addText(
      scene,
      center ? rect.x + rect.width / 2 : rect.x + inset + padding,
      rect.y + rect.height / 2,
      options.label,
      {
        size: options.fontSize,
        bold: true,
        color: options.textColor ?? paletteOf(scene).text.white,
        align: center ? 'center' : 'left',
      },
    ).setOrigin(center ? 0.5 : 0, 0.5);
    // A long label first shrinks a little on one line, then wraps between words, then shrinks to the button's
    // height and until its longest word fits a line: wrapping breaks a word wider than the line in two.
    // Each shrink tries sizes on the style alone and draws the label once, at the end.
    const oneLineFloor = Math.max(MIN_LABEL_SIZE, Math.round(options.fontSize * ONE_LINE_SHRINK));
    if (!shrinkFontUntil(this.label, oneLineFloor, (size) => size.width <= maxWidth)) {
      setTextSize(this.label, options.fontSize).setWordWrapWidth(maxWidth, true);
    }
    const wordTooWide = () => this.label.style.wordWrapWidth !== null && widestWordWidth(this.label) > maxWidth;
    shrinkFontUntil(this.label, MIN_LABEL_SIZE, (size) => size.height <= rect.height - 8 && !wordTooWide());
    this.overflows = this.label.height > rect.height || this.label.width > rect.width - inset || wordTooWide();
    this.zone = scene.add.zone(rect.x, rect.y, rect.width, rect.height).setOrigin(0, 0);
    this.zone.setInteractive({ useHandCursor: true });
    this.zone.on('pointerover', () => {
      if (!this.enabled) return;
      this.setLook('hover');
      options.onHover?.();
    });
    this.zone.on('pointerout', () => {
      this.pressedInside = false;
      if (this.enabled) this.setLook('normal');
    });
    this.zone.on('pointerdown', () => {
      if (!this.enabled) return;
      this.pressedInside = true;
      this.setLook('pressed');
    });
    this.zone.on('pointerup', () => {
      if (!this.enabled || !this.pressedInside) return;
      this.pressedInside = false;
      this.setLook('hover');
      onClick();
    });
    this.draw();
  }

  setEnabled(enabled: boolean): this {
    this.enabled = enabled;
    if (enabled) this.zone.setInteractive({ useHandCursor: true });
    else this.zone.disableInteractive();
    return this;
  }

  setLook(look: ButtonLook): this {
    if (this.look === look) return this;
    this.look = look;
    this.draw();
    return this;
  }

  /** A short press animation for keyboard activation, so every input shows the same feedback. */
  flash(): void {
    this.setLook('pressed');
    this.scene.time.delayedCall(MOTION.pressMs, () => this.look === 'pressed' && this.setLook('normal'));
  }

  protected baseFill(): number {
    return this.options.fill ?? paletteOf(this.scene).colors.inkLighter;
  }

  /**
   * Bakes the faces of looks the button will show at a moment that must not wait (the frame after an answer),
   * so that moment only swaps textures.
   */
  prepareLooks(looks: readonly ButtonLook[]): void {
    const shown = this.look;
    for (const look of looks) {
      this.look = look;
      this.bakeFace();
    }
    this.look = shown;
  }

  /** The texture of the current look's face, baked first if no button has had it yet. */
  private bakeFace(): string {
    const { width, height } = this.rect;
    const { renderScale } = viewOf(this.scene);
    const key = `button-face:${Math.round(width)}x${Math.round(height)}@${renderScale}:${this.faceKey()}`;
    const textures = this.scene.textures;
    if (!textures.exists(key)) {
      const g = this.graphics;
      g.clear();
      g.save();
      // Faces are drawn where the button is, at the canvas's scale; the texture starts FACE_MARGIN above and left.
      g.scaleCanvas(renderScale, renderScale);
      g.translateCanvas(FACE_MARGIN - this.rect.x, FACE_MARGIN - this.rect.y);
      this.paint();
      g.restore();
      g.generateTexture(
        key,
        Math.ceil((Math.ceil(width) + FACE_MARGIN * 2) * renderScale),
        Math.ceil((Math.ceil(height) + FACE_MARGIN * 2) * renderScale),
      );
      g.clear();
    }
    return key;
  }

  /** Shows the face of the current look. */
  protected draw(): void {
    this.face.setTexture(this.bakeFace()).setScale(1 / viewOf(this.scene).renderScale);
    this.label.setAlpha(this.look === 'dim' ? 0.55 : 1);
    const color =
      this.look === 'correct' || this.look === 'wrong'
        ? paletteOf(this.scene).text.onBright
        : (this.options.textColor ?? paletteOf(this.scene).text.white);
    setTextColor(this.label, color);
  }

  /** What makes two faces of the same size look different; a subclass that paints more adds to it. */
  protected faceKey(): string {
    return `${this.look}:${this.baseFill()}:${paletteOf(this.scene).colors.ink}:${paletteOf(this.scene).colors.controlEdge}:${paletteOf(this.scene).colors.correct}:${paletteOf(this.scene).colors.wrong}:${paletteOf(this.scene).colors.paper}`;
  }

  /** Draws the face in the button's own place on `this.graphics`. */
  protected paint(): void {
    const { x, y, width, height } = this.rect;
    const g = this.graphics;
    let fill = this.baseFill();
    let alpha = 1;
    if (this.look === 'hover') fill = Phaser.Display.Color.IntegerToColor(fill).brighten(12).color;
    if (this.look === 'pressed') fill = Phaser.Display.Color.IntegerToColor(fill).darken(12).color;
    if (this.look === 'correct') fill = paletteOf(this.scene).colors.correct;
    if (this.look === 'wrong') fill = paletteOf(this.scene).colors.wrong;
    if (this.look === 'dim') alpha = 0.35;
    const offset = this.look === 'pressed' ? 2 : 0;
    g.fillStyle(0x000000, 0.25 * alpha);
    g.fillRoundedRect(x + 3, y + 5, width, height, LAYOUT.cornerRadius);
    g.fillStyle(fill, alpha);
    g.fillRoundedRect(x + offset, y + offset, width, height, LAYOUT.cornerRadius);
    // Controls need 3:1 against the desk. Dark fills (the tiles sit right at that line) get a light edge,
    // and only fills that clear it by far go without, so controls of a kind look alike.
    if (alpha === 1 && contrastRatio(fill, paletteOf(this.scene).colors.ink) < CONTRAST.text) {
      g.lineStyle(2, paletteOf(this.scene).colors.controlEdge, 1);
      g.strokeRoundedRect(x + offset, y + offset, width, height, LAYOUT.cornerRadius);
    }
    if (this.look === 'picked' || this.look === 'correct' || this.look === 'wrong') {
      g.lineStyle(
        5,
        this.look === 'correct' ? colorNumber(paletteOf(this.scene).text.white) : paletteOf(this.scene).colors.paper,
        1,
      );
      g.strokeRoundedRect(x, y, width, height, LAYOUT.cornerRadius);
    }
  }

  destroy(): void {
    this.graphics.destroy();
    this.face.destroy();
    this.label.destroy();
    this.zone.destroy();
  }
}

/** An answer tile: colour, shape and key together, so colour is never the only cue. */
export class AnswerTile extends Button {
  private readonly badge: Phaser.GameObjects.Text;

  constructor(
    scene: Phaser.Scene,
    rect: Rect,
    options: ButtonOptions & { shape: string; keyLabel: string },
    onClick: () => void,
  ) {
    const badgeWidth = Math.round(options.fontSize * 2.6);
    super(scene, rect, { ...options, align: 'left', labelInset: badgeWidth }, onClick);
    this.badge = addText(
      scene,
      rect.x + badgeWidth / 2 + 6,
      rect.y + rect.height / 2,
      `${options.shape}\n${options.keyLabel}`,
      {
        size: Math.round(options.fontSize * 0.85),
        bold: true,
        align: 'center',
        lineSpacing: 0,
      },
    ).setOrigin(0.5);
  }

  protected override draw(): void {
    super.draw();
    // Unset while the base constructor draws the first time.
    if (this.badge) setTextColor(this.badge.setAlpha(this.label.alpha), this.label.style.color as string);
  }

  override destroy(): void {
    super.destroy();
    this.badge.destroy();
  }
}
