/** Colours, type, layout ratios and motion timings: named once, used by every scene and widget. */
import type Phaser from 'phaser';

/** What the canvas is drawn with (0xrrggbb). */
export interface CanvasColors {
  /** The desk: every screen's background. */
  ink: number;
  inkLight: number;
  inkLighter: number;
  paper: number;
  highlight: number;
  correct: number;
  wrong: number;
  /** The outline of a control whose fill alone is too close to the desk. */
  controlEdge: number;
  /** The thin rule between an excerpt and its citation. */
  rule: number;
  /** Answer tiles, each dark enough for white text. */
  tiles: readonly [number, number, number, number, number, number];
}

/** Text colours ("#rrggbb"), each named for what it is drawn on. */
export interface TextColors {
  paper: string;
  paperText: string;
  muted: string;
  ink: string;
  white: string;
  correct: string;
  wrong: string;
  citation: string;
  /** Text on the bright right/wrong fills. */
  onBright: string;
  /** The keyboard focus ring of the page's own controls. */
  focus: string;
}

export type ThemeName = 'standard' | 'high-contrast';

export interface Palette {
  readonly name: ThemeName;
  readonly colors: Readonly<CanvasColors>;
  readonly text: Readonly<TextColors>;
}

/** A palette no screen can change by accident: the theme is switched by choosing the other one. */
function frozen(palette: Palette): Palette {
  Object.freeze(palette.colors.tiles);
  Object.freeze(palette.colors);
  Object.freeze(palette.text);
  return Object.freeze(palette);
}

/**
 * The everyday palette. Text pairs pass WCAG AA (4.5:1), controls 3:1 against the desk (a control whose fill
 * is darker gets an edge), and right/wrong stay apart under protanopia, deuteranopia and tritanopia
 * (Okabe–Ito bluish green against orange) — tests/unit/theme.test.ts measures all of it. Right and wrong
 * are also always said in words and icons, never by colour alone.
 */
export const STANDARD_PALETTE: Palette = frozen({
  name: 'standard',
  colors: {
    ink: 0x14213d,
    inkLight: 0x1f3160,
    inkLighter: 0x2b4380,
    paper: 0xfbf6e9,
    highlight: 0xffe066,
    correct: 0x3fc1a0,
    wrong: 0xf08a3c,
    controlEdge: 0x8da2d6,
    rule: 0x7a7a7a,
    // Okabe–Ito-style hues; the fifth and sixth for teachers' questions with more choices.
    tiles: [0x0067a5, 0xa34a00, 0x007a5e, 0x8e3b76, 0x5b4fc4, 0x6a5a00],
  },
  text: {
    paper: '#fbf6e9',
    paperText: '#1b1b1b',
    muted: '#c9d2e8',
    ink: '#14213d',
    white: '#ffffff',
    correct: '#5fe0c0',
    wrong: '#ffa860',
    citation: '#4a4a4a',
    onBright: '#10151f',
    focus: '#ffd23f',
  },
});

/**
 * The high-contrast palette (Settings → High contrast): a black desk, white text and pure yellow for what
 * to press first. Every text pair clears 7:1 (WCAG AAA), every control is edged in light grey, and right
 * and wrong keep the standard hues, brighter, so they read the same in both themes.
 */
export const HIGH_CONTRAST_PALETTE: Palette = frozen({
  name: 'high-contrast',
  colors: {
    ink: 0x000000,
    inkLight: 0x1a1a1a,
    inkLighter: 0x333333,
    paper: 0xffffff,
    highlight: 0xffff00,
    correct: 0x40f0c0,
    wrong: 0xff9a40,
    controlEdge: 0xd0d0d0,
    rule: 0x333333,
    tiles: [0x0048a8, 0x923000, 0x006046, 0x7c1f6a, 0x6a2ea0, 0x5c4a00],
  },
  text: {
    paper: '#ffffff',
    paperText: '#000000',
    muted: '#e0e0e0',
    ink: '#000000',
    white: '#ffffff',
    correct: '#40f0c0',
    wrong: '#ff9a40',
    citation: '#333333',
    onBright: '#000000',
    focus: '#ffff00',
  },
});

/** Where a game keeps the palette in use: its registry, so each game (and each test page) has its own. */
const PALETTE_KEY = 'palette';

/** The palette for the player's contrast setting. */
export function paletteFor(highContrast: boolean): Palette {
  return highContrast ? HIGH_CONTRAST_PALETTE : STANDARD_PALETTE;
}

/** Puts the chosen palette in use for the game's screens; a screen drawn after the switch is drawn in it. */
export function usePalette(game: Phaser.Game, highContrast: boolean): Palette {
  const palette = paletteFor(highContrast);
  game.registry.set(PALETTE_KEY, palette);
  return palette;
}

/** The palette a scene (or a widget on it) draws with: the game's, or the standard one before any is chosen. */
export function paletteOf(scene: Phaser.Scene): Palette {
  return (scene.game.registry.get(PALETTE_KEY) as Palette | undefined) ?? STANDARD_PALETTE;
}

/** WCAG 2.2 AA minimum contrast ratios. */
export const CONTRAST = { text: 4.5, control: 3 } as const;

/** Atkinson Hyperlegible, self-hosted from npm (@fontsource): drawn for readers with low vision. */
export const FONT_FACE = 'Atkinson Hyperlegible';
export const FONT_WEIGHTS = [400, 700] as const;
export const FONT_FAMILY = `"${FONT_FACE}", system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif`;
/** The longest the game waits for the font; after that it starts in the fallback rather than not at all. */
export const FONT_TIMEOUT_MS = 2500;

/** Shapes and keys that go with the tile colours, so colour is never the only cue. */
export const TILE_SHAPES = ['▲', '◆', '●', '■', '★', '✚'] as const;
export const ANSWER_KEYS = [
  ['1', 'A'],
  ['2', 'B'],
  ['3', 'C'],
  ['4', 'D'],
  ['5', 'E'],
  ['6', 'F'],
] as const;

export const MOTION = {
  /** How long a button pressed from the keyboard shows its pressed look. */
  pressMs: 120,
  /** Pause between an answer and the reveal, so the player sees which tile lit up. */
  answerToRevealMs: 450,
  /** Tweens: short and easing out, so motion explains a change without holding the player up. */
  tweenMs: { pulse: 250, emphasis: 250, countUp: 300, streak: 200 },
  ease: 'Cubic.easeOut',
  /** How much the countdown figure swells on each of its last seconds. */
  pulseScale: 1.35,
  /** The countdown turns colour, pulses and ticks in its last seconds. */
  lowTimeSec: 5,
} as const;

/** Game sizes: landscape for projectors and laptops, portrait for phones. */
export const GAME_SIZE = {
  landscape: { width: 1280, height: 720 },
  portraitWidth: 480,
  portraitMinHeight: 760,
  portraitMaxHeight: 1100,
} as const;

/** Font sizes in game pixels, per orientation (both give ≥ 18 CSS px on their target screens). */
export const TYPE = {
  landscape: { title: 72, heading: 40, prompt: 32, body: 24, small: 20, button: 26 },
  portrait: { title: 48, heading: 30, prompt: 24, body: 19, small: 16, button: 21 },
} as const;

export const LAYOUT = {
  /** Outer margin as a share of the shorter side. */
  marginRatio: 0.035,
  gapRatio: 0.018,
  cornerRadius: 14,
  topBarRatio: 0.1,
  minButtonHeight: 56,
} as const;

/** The answer a key chooses (1–6 or A–F, as far as the question has choices), or undefined for any other key. */
export function answerForKey(key: string, choiceCount: number): number | undefined {
  const wanted = key.toUpperCase();
  const position = ANSWER_KEYS.findIndex((pair) => (pair as readonly string[]).includes(wanted));
  return position >= 0 && position < choiceCount ? position : undefined;
}
