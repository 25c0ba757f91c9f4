/** Positions derive from the current game size, never from fixed numbers. */
import { GAME_SIZE, LAYOUT, TYPE } from './theme';

export interface Frame {
  width: number;
  height: number;
  portrait: boolean;
  margin: number;
  gap: number;
  type: Record<keyof (typeof TYPE)['landscape'], number>;
}

/** The screen's frame; `textScale` (1, 1.25, 1.5) enlarges every font, and the layout follows. */
export function frameFor(width: number, height: number, textScale = 1): Frame {
  const portrait = height > width;
  const short = Math.min(width, height);
  const base = portrait ? TYPE.portrait : TYPE.landscape;
  const type = Object.fromEntries(
    Object.entries(base).map(([name, size]) => [name, Math.round(size * textScale)]),
  ) as Frame['type'];
  return {
    width,
    height,
    portrait,
    margin: Math.round(short * LAYOUT.marginRatio),
    gap: Math.round(short * LAYOUT.gapRatio),
    type,
  };
}

/** The game size for a parent element of the given CSS size. */
export function gameSizeFor(cssWidth: number, cssHeight: number): { width: number; height: number } {
  if (cssWidth >= cssHeight || cssWidth <= 0 || cssHeight <= 0) return { ...GAME_SIZE.landscape };
  const width = GAME_SIZE.portraitWidth;
  const height = Math.round(
    Math.min(GAME_SIZE.portraitMaxHeight, Math.max(GAME_SIZE.portraitMinHeight, (width * cssHeight) / cssWidth)),
  );
  return { width, height };
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The fewest and the most choices a question may have (the built-in bank uses 4; teachers' banks 2 to 6). */
export const MIN_TILES = 2;
export const MAX_TILES = 6;
/**
 * The tallest an answer tile grows, in game pixels: a short list of choices does not become a wall of colour. Half-
 * width tiles on a phone (five or six choices) wrap their words onto more lines, so they may grow taller.
 */
const MAX_TILE_HEIGHT = { portrait: 110, portraitHalfWidth: 150, landscape: 150 } as const;

/** The shortest full-width tile a phone gives five or six answers before it puts them in two columns. */
const MIN_FULL_WIDTH_TILE_HEIGHT = 72;

/**
 * How answer tiles are arranged: up to four in two columns on a wide screen and in one on a phone; five or six in
 * three columns on a wide screen, and on a phone in one column while each tile can be MIN_FULL_WIDTH_TILE_HEIGHT
 * tall in `fit` (full-width tiles keep a long answer readable), otherwise in two.
 */
export function answerGrid(
  count: number,
  portrait: boolean,
  fit?: { height: number; gap: number },
): { columns: number; rows: number } {
  if (!Number.isInteger(count) || count < MIN_TILES || count > MAX_TILES) {
    throw new RangeError(`A question has ${MIN_TILES} to ${MAX_TILES} choices; this one has ${count}`);
  }
  const fullWidthFits = fit !== undefined && (fit.height - fit.gap * (count - 1)) / count >= MIN_FULL_WIDTH_TILE_HEIGHT;
  const columns = count <= 4 ? (portrait ? 1 : 2) : portrait ? (fullWidthFits ? 1 : 2) : 3;
  return { columns, rows: Math.ceil(count / columns) };
}

/** Answer tiles filled in row by row from the top of `area`, as answerGrid arranges them. */
export function answerTileRects(area: Rect, count: number, portrait: boolean, gap: number): Rect[] {
  const { columns, rows } = answerGrid(count, portrait, { height: area.height, gap });
  const rects: Rect[] = [];
  const width = (area.width - gap * (columns - 1)) / columns;
  const tallest = !portrait
    ? MAX_TILE_HEIGHT.landscape
    : columns > 1
      ? MAX_TILE_HEIGHT.portraitHalfWidth
      : MAX_TILE_HEIGHT.portrait;
  const height = Math.min((area.height - gap * (rows - 1)) / rows, tallest);
  for (let i = 0; i < count; i += 1) {
    const column = i % columns;
    const row = Math.floor(i / columns);
    rects.push({ x: area.x + column * (width + gap), y: area.y + row * (height + gap), width, height });
  }
  return rects;
}

/**
 * Answer tiles placed in `area`: at its bottom on a phone (in reach of a thumb), in the middle of it on a wide
 * screen; never above its top.
 */
export function placeAnswerTiles(area: Rect, count: number, portrait: boolean, gap: number): Rect[] {
  const rects = answerTileRects(area, count, portrait, gap);
  const last = rects[rects.length - 1]!;
  const used = last.y + last.height - area.y;
  const shift = portrait ? area.height - used : (area.height - used) / 2;
  for (const rect of rects) rect.y += Math.max(0, shift);
  return rects;
}
