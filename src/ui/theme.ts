/** Colours, type, layout ratios and motion timings: named once, used by every scene and widget. */

/**
 * The palette. Text pairs pass WCAG AA (4.5:1), controls 3:1 against the desk (a control whose fill is
 * darker gets an edge), and right/wrong stay apart under protanopia, deuteranopia and tritanopia
 * (Okabe–Ito bluish green against orange) — tests/unit/theme.test.ts measures all of it. Right and wrong
 * are also always said in words and icons, never by colour alone.
 */
export const COLORS = {
  /** The desk: every screen's background. */
  ink: 0x14213d,
  inkLight: 0x1f3160,
  inkLighter: 0x2b4380,
  paper: 0xfbf6e9,
  highlight: 0xffe066,
  correct: 0x3fc1a0,
  wrong: 0xf08a3c,
  /** The outline of a control whose fill alone is too close to the desk. */
  controlEdge: 0x8da2d6,
  /** Okabe–Ito-style tile colours, each dark enough for white text (≥ 4.5:1). */
  tiles: [0x0067a5, 0xa34a00, 0x007a5e, 0x8e3b76],
} as const;

/** Text colours, each named for what it is drawn on. */
export const CSS = {
  paper: '#fbf6e9',
  paperText: '#1b1b1b',
  muted: '#c9d2e8',
  ink: '#14213d',
  white: '#ffffff',
  correct: '#5fe0c0',
  wrong: '#ffa860',
  citation: '#4a4a4a',
  /** Text on the bright right/wrong fills. */
  onBright: '#10151f',
} as const;

/** WCAG 2.2 AA minimum contrast ratios. */
export const CONTRAST = { text: 4.5, control: 3 } as const;

/** Atkinson Hyperlegible, self-hosted from npm (@fontsource): drawn for readers with low vision. */
export const FONT_FACE = 'Atkinson Hyperlegible';
export const FONT_WEIGHTS = [400, 700] as const;
export const FONT_FAMILY = `"${FONT_FACE}", system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif`;
/** The longest the game waits for the font; after that it starts in the fallback rather than not at all. */
export const FONT_TIMEOUT_MS = 2500;

/** Shapes and keys that go with the tile colours, so colour is never the only cue. */
export const TILE_SHAPES = ['▲', '◆', '●', '■'] as const;
export const ANSWER_KEYS = [
  ['1', 'A'],
  ['2', 'B'],
  ['3', 'C'],
  ['4', 'D'],
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
