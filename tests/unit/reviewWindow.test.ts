import { describe, expect, it } from 'vitest';
import { REVIEW_ROW_LINES, reviewWindow } from '../../src/ui/reviewWindow';

const rowHeight = (fontSize: number) => Math.ceil(fontSize * REVIEW_ROW_LINES);

describe('the results review window', () => {
  it('shows every row, none scrolling, when they fit', () => {
    const window = reviewWindow(10, 2, rowHeight(20) * 5, 20, 3);
    expect(window).toMatchObject({ first: 0, shown: 10, rowsPerColumn: 5, scrolls: false });
    expect(window.firstAfter(1)).toBe(0);
  });

  it('keeps the font size and scrolls a row at a time in one column, ending on the last row', () => {
    const window = reviewWindow(10, 1, rowHeight(24) * 4 + 5, 24, 0);
    expect(window).toMatchObject({ first: 0, shown: 4, rowsPerColumn: 4, scrolls: true });
    expect(window.firstAfter(1)).toBe(1);
    expect(window.firstAfter(-1)).toBe(0);
    expect(window.firstAfter(100)).toBe(6);
    expect(reviewWindow(10, 1, rowHeight(24) * 4, 24, 99).first).toBe(6);
  });

  it('scrolls a column at a time in two columns', () => {
    const window = reviewWindow(10, 2, rowHeight(30) * 3, 30, 0);
    expect(window).toMatchObject({ shown: 6, rowsPerColumn: 3, scrolls: true });
    expect(window.firstAfter(1)).toBe(3);
    expect(reviewWindow(10, 2, rowHeight(30) * 3, 30, 3).firstAfter(1)).toBe(4);
  });

  it('always shows at least one row', () => {
    expect(reviewWindow(10, 1, 5, 30, 0)).toMatchObject({ shown: 1, rowsPerColumn: 1, scrolls: true });
  });
});
