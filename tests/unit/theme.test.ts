import type Phaser from 'phaser';
import { describe, expect, it } from 'vitest';
import { colorNumber, contrastRatio, cssColor, linearRgb } from '../../src/ui/color';
import {
  CONTRAST,
  HIGH_CONTRAST_PALETTE,
  MOTION,
  STANDARD_PALETTE,
  paletteFor,
  paletteOf,
  usePalette,
  type Palette,
} from '../../src/ui/theme';

/** WCAG 2.2 AAA (1.4.6) for text: what the high-contrast palette holds itself to. */
const AAA_TEXT = 7;

describe('colour arithmetic', () => {
  it('matches WCAG at the ends of the scale', () => {
    expect(contrastRatio(0x000000, 0xffffff)).toBeCloseTo(21, 5);
    expect(contrastRatio(0x777777, 0x777777)).toBe(1);
    expect(contrastRatio(0xffffff, 0x767676)).toBeCloseTo(4.54, 2);
  });

  it('writes a colour number as CSS and reads it back', () => {
    expect(cssColor(0x0048a8)).toBe('#0048a8');
    expect(cssColor(0)).toBe('#000000');
    expect(colorNumber(cssColor(0xfbf6e9))).toBe(0xfbf6e9);
  });
});

const PALETTES = [STANDARD_PALETTE, HIGH_CONTRAST_PALETTE];

/** Every text colour on every background it is drawn on. */
function textPairs({ colors, text: css }: Palette): [name: string, text: string, background: number][] {
  return [
    ['paper on the desk', css.paper, colors.ink],
    ['paper on a row', css.paper, colors.inkLight],
    ['paper on a button', css.paper, colors.inkLighter],
    ['muted on the desk', css.muted, colors.ink],
    ['muted on a row', css.muted, colors.inkLight],
    ['muted on a button-coloured row (your own high score)', css.muted, colors.inkLighter],
    ['white on a button', css.white, colors.inkLighter],
    ['white on a row-coloured button (a topic left out)', css.white, colors.inkLight],
    ['white on the desk (countdown)', css.white, colors.ink],
    ['right on the desk', css.correct, colors.ink],
    ['right on a row', css.correct, colors.inkLight],
    ['wrong on the desk', css.wrong, colors.ink],
    ['wrong on a row', css.wrong, colors.inkLight],
    ['ink on a highlighted button', css.ink, colors.highlight],
    ['ink on the wrong fill (a notice)', css.ink, colors.wrong],
    ['dark on a revealed right tile', css.onBright, colors.correct],
    ['dark on a revealed wrong tile', css.onBright, colors.wrong],
    ['quote on the excerpt card', css.paperText, colors.paper],
    ['citation on the excerpt card', css.citation, colors.paper],
    ...colors.tiles.map((tile, i): [string, string, number] => [`white on tile ${i + 1}`, css.white, tile]),
  ];
}

/** The fills of everything a player can press, and other marks that carry meaning on the desk. */
function controlFills({ colors }: Palette): [name: string, fill: number][] {
  return [
    ['button', colors.inkLighter],
    ['highlighted button', colors.highlight],
    ['revealed right tile', colors.correct],
    ['revealed wrong tile', colors.wrong],
    ...colors.tiles.map((tile, i): [string, number] => [`tile ${i + 1}`, tile]),
  ];
}

/** Marks drawn straight on the desk, each with nothing but its own colour to stand out. */
function marks({ colors, text: css }: Palette): [name: string, color: number][] {
  return [
    ['the countdown ring', colors.highlight],
    ['the countdown ring in its last seconds', colors.wrong],
    ['an earned streak pip', colors.highlight],
    ['an empty streak pip', colors.controlEdge],
    ['a control edge', colors.controlEdge],
    ['the focus ring on its halo', colorNumber(css.focus)],
    ['a timed-out mark on the score card', colors.controlEdge],
  ];
}

/** The icons drawn on the score card's marks (a tick, a cross, a clock). */
function markIcons({ colors, text: css }: Palette): [name: string, icon: string, fill: number][] {
  return [
    ['the tick on a right mark', css.onBright, colors.correct],
    ['the cross on a wrong mark', css.onBright, colors.wrong],
    ['the clock on a timed-out mark', css.ink, colors.controlEdge],
  ];
}

describe.each(PALETTES)('the $name palette', (palette) => {
  const { colors } = palette;

  it.each(textPairs(palette))('gives text %s at least 4.5:1', (_name, text, background) => {
    expect(contrastRatio(colorNumber(text), background)).toBeGreaterThanOrEqual(CONTRAST.text);
  });

  it.each(controlFills(palette))('sets a %s off the desk by 3:1, by its fill or by its edge', (_name, fill) => {
    const byFill = contrastRatio(fill, colors.ink);
    const byEdge = contrastRatio(colors.controlEdge, colors.ink);
    // Button.ts draws the edge on any fill under the text ratio: the same rule as here.
    expect(byFill >= CONTRAST.text ? byFill : byEdge).toBeGreaterThanOrEqual(CONTRAST.control);
  });

  it.each(marks(palette))('draws %s at 3:1 against the desk', (_name, color) => {
    expect(contrastRatio(color, colors.ink)).toBeGreaterThanOrEqual(CONTRAST.control);
  });

  it.each(markIcons(palette))('draws %s at 3:1 against its fill', (_name, icon, fill) => {
    expect(contrastRatio(colorNumber(icon), fill)).toBeGreaterThanOrEqual(CONTRAST.control);
  });

  it('keeps the six answer tiles apart from one another', () => {
    for (const [i, a] of colors.tiles.entries()) {
      for (const b of colors.tiles.slice(i + 1)) {
        expect(deltaE(a, b, DEFICIENCIES.none)).toBeGreaterThanOrEqual(DISTINCT_DELTA_E);
      }
    }
  });
});

describe('the high-contrast palette', () => {
  // What sets it apart from the standard one: every text pair reaches WCAG AAA, and every control its edge.
  it.each(textPairs(HIGH_CONTRAST_PALETTE))('gives text %s at least 7:1', (_name, text, background) => {
    expect(contrastRatio(colorNumber(text), background)).toBeGreaterThanOrEqual(AAA_TEXT);
  });

  it('outlines controls more strongly than the standard palette does', () => {
    const edge = (palette: Palette) => contrastRatio(palette.colors.controlEdge, palette.colors.ink);
    expect(edge(HIGH_CONTRAST_PALETTE)).toBeGreaterThan(edge(STANDARD_PALETTE));
  });
});

describe('the palette in use', () => {
  /** The one part of a Phaser game the palette lives in: its registry (a key–value store per game). */
  function gameWithRegistry(): Phaser.Game {
    const values = new Map<string, unknown>();
    return {
      registry: { get: (key: string) => values.get(key), set: (key: string, value: unknown) => values.set(key, value) },
    } as unknown as Phaser.Game;
  }
  const sceneOf = (game: Phaser.Game) => ({ game }) as Phaser.Scene;

  it('is the standard palette until one is chosen', () => {
    expect(paletteOf(sceneOf(gameWithRegistry()))).toBe(STANDARD_PALETTE);
  });

  it('switches to high contrast and back, for that game alone', () => {
    const game = gameWithRegistry();
    const other = gameWithRegistry();
    expect(usePalette(game, true)).toBe(HIGH_CONTRAST_PALETTE);
    expect(paletteOf(sceneOf(game))).toBe(HIGH_CONTRAST_PALETTE);
    expect(paletteOf(sceneOf(other))).toBe(STANDARD_PALETTE);
    expect(usePalette(game, false)).toBe(STANDARD_PALETTE);
    expect(paletteOf(sceneOf(game))).toBe(STANDARD_PALETTE);
    expect(paletteFor(true)).toBe(HIGH_CONTRAST_PALETTE);
  });

  it('cannot be changed by a screen: the palettes are read-only', () => {
    const before = structuredClone([STANDARD_PALETTE, HIGH_CONTRAST_PALETTE]);
    expect(() => {
      (STANDARD_PALETTE.colors as { ink: number }).ink = 0x123456;
    }).toThrow(TypeError);
    expect([STANDARD_PALETTE, HIGH_CONTRAST_PALETTE]).toEqual(before);
  });

  it('gives the two palettes the same keys, so every screen finds each colour in both', () => {
    expect(Object.keys(HIGH_CONTRAST_PALETTE.colors).sort()).toEqual(Object.keys(STANDARD_PALETTE.colors).sort());
    expect(Object.keys(HIGH_CONTRAST_PALETTE.text).sort()).toEqual(Object.keys(STANDARD_PALETTE.text).sort());
    expect(HIGH_CONTRAST_PALETTE.colors.tiles).toHaveLength(STANDARD_PALETTE.colors.tiles.length);
  });
});

/** Machado, Oliveira & Fernandes (2009) simulation matrices at full severity, on linear RGB. */
const DEFICIENCIES = {
  none: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** CIELAB (D65) of a colour as seen with a deficiency. */
function seenAs(color: number, matrix: number[][]): [number, number, number] {
  const rgb = linearRgb(color);
  const [r, g, b] = matrix.map((row) =>
    Math.min(1, Math.max(0, row[0]! * rgb[0] + row[1]! * rgb[1] + row[2]! * rgb[2])),
  ) as [number, number, number];
  const xyz = [
    (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
    0.2126 * r + 0.7152 * g + 0.0722 * b,
    (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
  ];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const [fx, fy, fz] = xyz.map(f) as [number, number, number];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** The colour difference (CIE76) between two colours as seen with a deficiency. */
function deltaE(a: number, b: number, matrix: number[][]): number {
  const [x, y] = [seenAs(a, matrix), seenAs(b, matrix)];
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}

/** A colour difference (CIE76) well past "clearly different" (about 10). */
const DISTINCT_DELTA_E = 20;

describe.each(PALETTES)('right and wrong in the $name palette', ({ colors, text: css }) => {
  it.each(Object.entries(DEFICIENCIES))('stay apart with %s', (_name, matrix) => {
    for (const [right, wrong] of [
      [colorNumber(css.correct), colorNumber(css.wrong)],
      [colors.correct, colors.wrong],
    ] as const) {
      expect(deltaE(right, wrong, matrix)).toBeGreaterThanOrEqual(DISTINCT_DELTA_E);
    }
  });
});

describe('motion', () => {
  it.each(Object.entries(MOTION.tweenMs))('keeps the %s short: 150–300 ms', (_name, ms) => {
    expect(ms).toBeGreaterThanOrEqual(150);
    expect(ms).toBeLessThanOrEqual(300);
  });

  it('eases out', () => {
    expect(MOTION.ease).toMatch(/\.easeOut$/);
  });
});
