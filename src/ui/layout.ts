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

/** Answer tiles: a 2×2 grid in landscape, a column in portrait. */
export function answerTileRects(area: Rect, count: number, portrait: boolean, gap: number): Rect[] {
  const rects: Rect[] = [];
  const columns = portrait ? 1 : 2;
  const rows = Math.ceil(count / columns);
  const width = (area.width - gap * (columns - 1)) / columns;
  const height = Math.min((area.height - gap * (rows - 1)) / rows, portrait ? 110 : 150);
  for (let i = 0; i < count; i += 1) {
    const column = i % columns;
    const row = Math.floor(i / columns);
    rects.push({ x: area.x + column * (width + gap), y: area.y + row * (height + gap), width, height });
  }
  return rects;
}
