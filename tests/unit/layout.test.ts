import { describe, expect, it } from 'vitest';
import {
  answerGrid,
  answerTileRects,
  frameFor,
  MAX_TILES,
  MIN_TILES,
  placeAnswerTiles,
  type Rect,
} from '../../src/ui/layout';
import {
  ANSWER_KEYS,
  answerForKey,
  GAME_SIZE,
  HIGH_CONTRAST_PALETTE,
  STANDARD_PALETTE,
  TILE_SHAPES,
} from '../../src/ui/theme';

const COUNTS = [2, 3, 4, 5, 6];
/** The game sizes of a projector and of a phone (480 wide, as tall as the phone's shape asks). */
const SCREENS = [
  { name: 'projector', ...GAME_SIZE.landscape },
  { name: 'phone', width: GAME_SIZE.portraitWidth, height: 1040 },
];

function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('the answer tiles', () => {
  it('keep the built-in four in two columns on a projector and one on a phone', () => {
    expect(answerGrid(4, false)).toEqual({ columns: 2, rows: 2 });
    expect(answerGrid(4, true)).toEqual({ columns: 1, rows: 4 });
  });

  it('take three columns for five or six on a projector, and two on a phone', () => {
    expect(answerGrid(5, false)).toEqual({ columns: 3, rows: 2 });
    expect(answerGrid(6, false)).toEqual({ columns: 3, rows: 2 });
    expect(answerGrid(5, true)).toEqual({ columns: 2, rows: 3 });
    expect(answerGrid(6, true)).toEqual({ columns: 2, rows: 3 });
    // A phone with room gives five or six full-width tiles, so a long answer keeps a readable size.
    expect(answerGrid(5, true, { height: 600, gap: 8 })).toEqual({ columns: 1, rows: 5 });
    expect(answerGrid(6, true, { height: 600, gap: 8 })).toEqual({ columns: 1, rows: 6 });
    expect(answerGrid(6, true, { height: 400, gap: 8 })).toEqual({ columns: 2, rows: 3 });
  });

  it('refuse a count of choices no question may have, saying which', () => {
    expect(() => answerGrid(1, false)).toThrow('A question has 2 to 6 choices; this one has 1');
    expect(() => answerGrid(7, true)).toThrow('this one has 7');
    expect(() => answerGrid(2.5, true)).toThrow(RangeError);
  });

  describe.each(SCREENS)('on a $name', (screen) => {
    const frame = frameFor(screen.width, screen.height, 1.5);
    // The room under a two-line prompt: what the question screens leave for the tiles.
    const area = {
      x: frame.margin,
      y: screen.height * 0.45,
      width: screen.width - frame.margin * 2,
      height: screen.height * 0.55 - frame.margin,
    };

    it.each(COUNTS)('lays out %i choices inside the area, none overlapping, none too small to press', (count) => {
      const rects = placeAnswerTiles(area, count, frame.portrait, frame.gap);
      expect(rects).toHaveLength(count);
      for (const [i, rect] of rects.entries()) {
        expect(rect.x).toBeGreaterThanOrEqual(area.x);
        expect(rect.y).toBeGreaterThanOrEqual(area.y);
        expect(rect.x + rect.width).toBeLessThanOrEqual(area.x + area.width + 1e-9);
        expect(rect.y + rect.height).toBeLessThanOrEqual(area.y + area.height + 1e-9);
        // Room for a line of button text at 150 % and a finger.
        expect(rect.height).toBeGreaterThanOrEqual(Math.max(56, frame.type.button * 2));
        expect(rect.width).toBeGreaterThanOrEqual(frame.type.button * 6);
        for (const other of rects.slice(i + 1)) expect(overlap(rect, other)).toBe(false);
      }
    });
  });

  it('sit at the bottom of the area on a phone and in its middle on a projector', () => {
    const area = { x: 0, y: 100, width: 400, height: 900 };
    const phone = placeAnswerTiles(area, 4, true, 10);
    expect(phone[3]!.y + phone[3]!.height).toBe(1000);
    const projector = placeAnswerTiles(area, 4, false, 10);
    const above = projector[0]!.y - area.y;
    const below = area.y + area.height - (projector[3]!.y + projector[3]!.height);
    expect(above).toBeCloseTo(below);
  });

  it('let half-width tiles on a phone grow taller than full-width ones, for their wrapped words', () => {
    const area = { x: 0, y: 0, width: 400, height: 900 };
    expect(answerTileRects(area, 4, true, 10)[0]!.height).toBe(110);
    // Too short for five full-width tiles: two columns, whose tiles may pass the full-width cap.
    expect(answerTileRects({ ...area, height: 380 }, 5, true, 10)[0]!.height).toBe(120);
    expect(answerTileRects({ ...area, height: 380 }, 5, true, 10)[0]!.width).toBe(195);
    expect(answerTileRects(area, 6, false, 10)[0]!.height).toBe(150);
  });

  it('never start above the area when it is short', () => {
    const area = { x: 0, y: 100, width: 400, height: 50 };
    expect(placeAnswerTiles(area, 6, true, 10)[0]!.y).toBe(100);
  });

  it('stay the same for four choices as before five and six were possible', () => {
    const area = { x: 45, y: 300, width: 1190, height: 395 };
    expect(answerTileRects(area, 4, false, 13)).toEqual([
      { x: 45, y: 300, width: 588.5, height: 150 },
      { x: 646.5, y: 300, width: 588.5, height: 150 },
      { x: 45, y: 463, width: 588.5, height: 150 },
      { x: 646.5, y: 463, width: 588.5, height: 150 },
    ]);
  });
});

describe('the answer keys', () => {
  it('choose 1–6 or A–F as far as the question has choices', () => {
    expect(answerForKey('1', 4)).toBe(0);
    expect(answerForKey('d', 4)).toBe(3);
    expect(answerForKey('5', 4)).toBeUndefined();
    expect(answerForKey('E', 6)).toBe(4);
    expect(answerForKey('f', 6)).toBe(5);
    expect(answerForKey('6', 6)).toBe(5);
    expect(answerForKey('7', 6)).toBeUndefined();
    expect(answerForKey('Enter', 6)).toBeUndefined();
  });

  it('come with a shape and a colour for every choice, in both themes', () => {
    for (const list of [ANSWER_KEYS, TILE_SHAPES, STANDARD_PALETTE.colors.tiles, HIGH_CONTRAST_PALETTE.colors.tiles]) {
      expect(list).toHaveLength(MAX_TILES);
    }
    expect(new Set(TILE_SHAPES).size).toBe(MAX_TILES);
    expect(MIN_TILES).toBe(2);
  });
});
