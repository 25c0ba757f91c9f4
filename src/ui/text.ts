import Phaser from 'phaser';
import { CSS, FONT_FAMILY } from './theme';

export interface TextOptions {
  size: number;
  color?: string;
  bold?: boolean;
  wrapWidth?: number;
  align?: 'left' | 'center' | 'right';
  lineSpacing?: number;
}

/** Text drawn at the device's pixel density, so it stays crisp when the canvas is scaled up. */
export function addText(scene: Phaser.Scene, x: number, y: number, content: string, options: TextOptions) {
  const text = scene.add.text(x, y, content, {
    fontFamily: FONT_FAMILY,
    fontSize: `${options.size}px`,
    fontStyle: options.bold ? 'bold' : 'normal',
    color: options.color ?? CSS.white,
    align: options.align ?? 'left',
    lineSpacing: options.lineSpacing ?? Math.round(options.size * 0.2),
    ...(options.wrapWidth ? { wordWrap: { width: options.wrapWidth, useAdvancedWrap: true } } : {}),
  });
  const displayScale = scene.scale.displayScale.x > 0 ? 1 / scene.scale.displayScale.x : 1;
  text.setResolution(Math.min(3, Math.max(1, (globalThis.devicePixelRatio || 1) * displayScale)));
  return text;
}

/** Shrinks a text's font until it fits the height, down to a floor; returns whether it fits. */
export function fitTextHeight(text: Phaser.GameObjects.Text, maxHeight: number, minSize: number): boolean {
  let size = parseInt(String(text.style.fontSize), 10);
  while (text.height > maxHeight && size > minSize) {
    size -= 1;
    text.setFontSize(size);
    text.setLineSpacing(Math.round(size * 0.2));
  }
  return text.height <= maxHeight;
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
