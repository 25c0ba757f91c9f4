/** Colours, type, layout ratios and motion timings: named once, used by every scene and widget. */

export const COLORS = {
  ink: 0x14213d,
  inkLight: 0x1f3160,
  inkLighter: 0x2b4380,
  paper: 0xfbf6e9,
  paperText: 0x1b1b1b,
  muted: 0xc9d2e8,
  highlight: 0xffe066,
  correct: 0x2fbf71,
  wrong: 0xff6b6b,
  focus: 0xffd23f,
  /** Okabe–Ito-style tile colours, each dark enough for white text (≥ 4.5:1). */
  tiles: [0x0067a5, 0xa34a00, 0x007a5e, 0x8e3b76],
} as const;

export const CSS = {
  paper: '#fbf6e9',
  paperText: '#1b1b1b',
  muted: '#c9d2e8',
  ink: '#14213d',
  white: '#ffffff',
  correct: '#7fe0a8',
  wrong: '#ffb3b3',
  citation: '#4a4a4a',
} as const;

export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Shapes and keys that go with the tile colours, so colour is never the only cue. */
export const TILE_SHAPES = ['▲', '◆', '●', '■'] as const;
export const ANSWER_KEYS = [
  ['1', 'A'],
  ['2', 'B'],
  ['3', 'C'],
  ['4', 'D'],
] as const;

export const MOTION = {
  pressMs: 120,
  fadeMs: 200,
  /** Pause between an answer and the reveal, so the player sees which tile lit up. */
  answerToRevealMs: 450,
  countUpMs: 900,
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
