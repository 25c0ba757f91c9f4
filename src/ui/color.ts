/** Colour arithmetic from WCAG 2.2: relative luminance and contrast ratio of sRGB colours. */

/** 0xrrggbb from a CSS "#rrggbb". */
export function colorNumber(css: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(css);
  if (!match) throw new Error(`Not a #rrggbb colour: ${css}`);
  return parseInt(match[1]!, 16);
}

/** "#rrggbb" from 0xrrggbb, for what is drawn outside Phaser (a 2D canvas, the page's CSS). */
export function cssColor(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}

/** The sRGB channels of 0xrrggbb, each 0–1 and linearised. */
export function linearRgb(color: number): [number, number, number] {
  const channel = (shift: number) => {
    const value = ((color >> shift) & 0xff) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return [channel(16), channel(8), channel(0)];
}

export function relativeLuminance(color: number): number {
  const [r, g, b] = linearRgb(color);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** From 1 (the same) to 21 (black on white); order does not matter. */
export function contrastRatio(a: number, b: number): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
