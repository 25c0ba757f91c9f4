import Phaser from 'phaser';
import { cssPerGamePixel, viewOf } from './renderScale';
import { FONT_FAMILY, paletteOf } from './theme';

export interface TextOptions {
  size: number;
  color?: string;
  bold?: boolean;
  wrapWidth?: number;
  align?: 'left' | 'center' | 'right';
  lineSpacing?: number;
  /**
   * Shrink to this height, not below minSize: the size is chosen before the text is first drawn. Whether it fits
   * shows in the text's height afterwards.
   */
  fit?: { maxHeight: number; minSize: number };
}

/**
 * Font metrics (ascent, descent) per font, measured by Phaser for the first text in that font and handed to the
 * rest: Phaser otherwise measures them again for every text object, with a fresh canvas context each time, and
 * that was half the title screen's build time in software rendering. A font that finishes loading later changes
 * the metrics, so the cache starts again then.
 */
const fontMetrics = new Map<string, Phaser.Types.GameObjects.Text.TextMetrics>();
if (typeof document !== 'undefined') document.fonts?.addEventListener?.('loadingdone', () => fontMetrics.clear());

/** Text drawn at the device's pixel density, so it stays crisp when the canvas is scaled up. */
export function addText(scene: Phaser.Scene, x: number, y: number, content: string, options: TextOptions) {
  const fontStyle = options.bold ? 'bold' : 'normal';
  const metrics = fontMetrics.get(fontKey(fontStyle, options.size));
  const cssPerGame = cssPerGamePixel(scene) || 1;
  // Each setting Phaser applies after creating a text draws and uploads the text again, so every setting goes
  // in with the style, except the line spacing (which Phaser applies after the first drawing): that one is set
  // before the real content is drawn, and only where there can be more than one line.
  const multiline = options.wrapWidth !== undefined || content.includes('\n') || options.fit !== undefined;
  const text = scene.add.text(x, y, multiline ? '' : content, {
    fontFamily: FONT_FAMILY,
    fontSize: `${options.size}px`,
    fontStyle,
    color: options.color ?? paletteOf(scene).text.white,
    align: options.align ?? 'left',
    // Never fewer texture pixels than the canvas draws (the camera's zoom), and at most 3 per game pixel.
    resolution: Math.min(3, Math.max(1, viewOf(scene).renderScale, (globalThis.devicePixelRatio || 1) * cssPerGame)),
    ...(metrics ? { metrics } : {}),
    ...(options.wrapWidth ? { wordWrap: { width: options.wrapWidth, useAdvancedWrap: true } } : {}),
  });
  // A single line is drawn the same whatever its spacing; a later setText() uses it.
  text.lineSpacing = options.lineSpacing ?? Math.round(options.size * 0.2);
  if (!metrics) fontMetrics.set(fontKey(fontStyle, options.size), text.style.getTextMetrics());
  if (options.fit) {
    let size = options.size;
    while (size > options.fit.minSize && laidOutSize(text, content).height > options.fit.maxHeight) {
      size -= 1;
      restyleSize(text, size);
    }
  }
  if (multiline) text.setText(content);
  return text;
}

function fontKey(fontStyle: string, size: number): string {
  return `${fontStyle} ${size}px`;
}

/** Sets a text's colour; setColor() draws and uploads the text again even when the colour is the same. */
export function setTextColor<T extends Phaser.GameObjects.Text>(text: T, color: string): T {
  if (text.style.color !== color) text.setColor(color);
  return text;
}

/** Sets a text's font size (in game pixels) and draws it once. */
export function setTextSize<T extends Phaser.GameObjects.Text>(text: T, size: number): T {
  styleSize(text, size);
  text.updateText();
  return text;
}

/** Shrinks a text's font until it fits the height, down to a floor; returns whether it fits. */
export function fitTextHeight(text: Phaser.GameObjects.Text, maxHeight: number, minSize: number): boolean {
  return shrinkToFit(text, minSize, (size) => size.height <= maxHeight, restyleSize);
}

/** Shrinks a text's font until it fits the width, down to a floor; returns whether it fits. */
export function fitTextWidth(text: Phaser.GameObjects.Text, maxWidth: number, minSize: number): boolean {
  return shrinkToFit(text, minSize, (size) => size.width <= maxWidth, restyleSize);
}

/**
 * Shrinks a text's font, keeping its line spacing, until `fits` accepts its laid-out size (the style is already
 * at the size tried, so `fits` may measure with it), down to a floor; returns whether it fits.
 */
export function shrinkFontUntil(
  text: Phaser.GameObjects.Text,
  minSize: number,
  fits: (size: { width: number; height: number }) => boolean,
): boolean {
  return shrinkToFit(text, minSize, fits, styleSize);
}

function shrinkToFit(
  text: Phaser.GameObjects.Text,
  minSize: number,
  fits: (size: { width: number; height: number }) => boolean,
  restyle: (text: Phaser.GameObjects.Text, size: number) => void,
): boolean {
  if (fits(text)) return true;
  let size = parseInt(String(text.style.fontSize), 10);
  // Smaller sizes are tried on the style alone and laid out without drawing; the text is drawn once, at the end.
  while (size > minSize) {
    size -= 1;
    restyle(text, size);
    if (fits(laidOutSize(text))) break;
  }
  text.updateText();
  return fits(text);
}

/** The width of a text's widest word at its style's font, in game pixels (as Phaser's wrapping measures it). */
export function widestWordWidth(text: Phaser.GameObjects.Text): number {
  text.style.syncFont(text.canvas, text.context);
  return Math.max(0, ...text.text.split(/\s+/).map((word) => text.context.measureText(word).width));
}

/** Sets the font size and its line spacing on a text's style without drawing it (updateText() draws it). */
function restyleSize(text: Phaser.GameObjects.Text, size: number): void {
  styleSize(text, size);
  text.lineSpacing = Math.round(size * 0.2);
}

/** Sets the font size on a text's style without drawing it, with the font's metrics from the cache or measured. */
function styleSize(text: Phaser.GameObjects.Text, size: number): void {
  const key = fontKey(text.style.fontStyle, size);
  const metrics = fontMetrics.get(key);
  text.style.setStyle({ fontSize: `${size}px`, ...(metrics ? { metrics } : {}) }, false);
  if (!metrics) {
    // The style keeps the old size's metrics when it is not drawn: measure the new size's.
    const measured = Phaser.GameObjects.MeasureText(text.style);
    fontMetrics.set(key, measured);
    text.style.setStyle({ metrics: measured }, false);
  }
}

/** The size the text (or `content` in its place) will have when drawn with its current style. */
function laidOutSize(text: Phaser.GameObjects.Text, content?: string): { width: number; height: number } {
  const lines = text.getWrappedText(content);
  const size = Phaser.GameObjects.GetTextSize(text, text.style.getTextMetrics(), lines);
  const { left = 0, right = 0, top = 0, bottom = 0 } = text.padding;
  return { width: size.width + left + right, height: size.height + top + bottom };
}

/**
 * A flat bar of one colour (an underline, a highlighter stroke, a rule): Phaser's white texture, tinted and
 * stretched. Cheaper to draw than a Graphics rectangle, which WebGL turns into triangles on every frame.
 */
export function addBar(
  scene: Phaser.Scene,
  x: number,
  y: number,
  width: number,
  height: number,
  color: number,
): Phaser.GameObjects.Image {
  return scene.add.image(x, y, '__WHITE').setOrigin(0, 0).setDisplaySize(width, height).setTint(color);
}
