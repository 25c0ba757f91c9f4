import { describe, expect, it } from 'vitest';
import { colorNumber, contrastRatio, linearRgb } from '../../src/ui/color';
import { COLORS, CONTRAST, CSS, MOTION } from '../../src/ui/theme';

describe('colour arithmetic', () => {
  it('matches WCAG at the ends of the scale', () => {
    expect(contrastRatio(0x000000, 0xffffff)).toBeCloseTo(21, 5);
    expect(contrastRatio(0x777777, 0x777777)).toBe(1);
    expect(contrastRatio(0xffffff, 0x767676)).toBeCloseTo(4.54, 2);
  });
});

/** Every text colour on every background it is drawn on. */
const TEXT_PAIRS: [name: string, text: string, background: number][] = [
  ['paper on the desk', CSS.paper, COLORS.ink],
  ['paper on a row', CSS.paper, COLORS.inkLight],
  ['paper on a button', CSS.paper, COLORS.inkLighter],
  ['muted on the desk', CSS.muted, COLORS.ink],
  ['muted on a row', CSS.muted, COLORS.inkLight],
  ['white on a button', CSS.white, COLORS.inkLighter],
  ['white on the desk (countdown)', CSS.white, COLORS.ink],
  ['right on the desk', CSS.correct, COLORS.ink],
  ['right on a row', CSS.correct, COLORS.inkLight],
  ['wrong on the desk', CSS.wrong, COLORS.ink],
  ['wrong on a row', CSS.wrong, COLORS.inkLight],
  ['ink on a highlighted button', CSS.ink, COLORS.highlight],
  ['dark on a revealed right tile', CSS.onBright, COLORS.correct],
  ['dark on a revealed wrong tile', CSS.onBright, COLORS.wrong],
  ['quote on the excerpt card', CSS.paperText, COLORS.paper],
  ['citation on the excerpt card', CSS.citation, COLORS.paper],
  ...COLORS.tiles.map((tile, i): [string, string, number] => [`white on tile ${i + 1}`, CSS.white, tile]),
];

/** The fills of everything a player can press, and other marks that carry meaning on the desk. */
const CONTROL_FILLS: [name: string, fill: number][] = [
  ['button', COLORS.inkLighter],
  ['highlighted button', COLORS.highlight],
  ['revealed right tile', COLORS.correct],
  ['revealed wrong tile', COLORS.wrong],
  ...COLORS.tiles.map((tile, i): [string, number] => [`tile ${i + 1}`, tile]),
];

describe('the palette', () => {
  it.each(TEXT_PAIRS)('gives text %s at least 4.5:1', (_name, text, background) => {
    expect(contrastRatio(colorNumber(text), background)).toBeGreaterThanOrEqual(CONTRAST.text);
  });

  it.each(CONTROL_FILLS)('sets a %s off the desk by 3:1, by its fill or by its edge', (_name, fill) => {
    const byFill = contrastRatio(fill, COLORS.ink);
    const byEdge = contrastRatio(COLORS.controlEdge, COLORS.ink);
    // Button.ts draws the edge on any fill under the text ratio: the same rule as here.
    expect(byFill >= CONTRAST.text ? byFill : byEdge).toBeGreaterThanOrEqual(CONTRAST.control);
  });

  it.each([
    ['the countdown ring', COLORS.highlight],
    ['the countdown ring in its last seconds', COLORS.wrong],
    ['an earned streak pip', COLORS.highlight],
    ['an empty streak pip', COLORS.controlEdge],
  ])('draws %s at 3:1 against the desk', (_name, color) => {
    expect(contrastRatio(color, COLORS.ink)).toBeGreaterThanOrEqual(CONTRAST.control);
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

/** A colour difference (CIE76) well past "clearly different" (about 10). */
const DISTINCT_DELTA_E = 20;

describe('right and wrong', () => {
  it.each(Object.entries(DEFICIENCIES))('stay apart with %s', (_name, matrix) => {
    for (const [right, wrong] of [
      [colorNumber(CSS.correct), colorNumber(CSS.wrong)],
      [COLORS.correct, COLORS.wrong],
    ] as const) {
      const [a, b] = [seenAs(right, matrix), seenAs(wrong, matrix)];
      expect(Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])).toBeGreaterThanOrEqual(DISTINCT_DELTA_E);
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
