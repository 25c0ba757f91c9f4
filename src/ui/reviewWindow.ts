/**
 * Which of a results screen's review rows are on view. Each row is 2.8 times its font size tall (its question and
 * its answer, one line each); rows that do not fit the list's room at that size scroll into view rather than
 * shrink, by a row in one column and by a column in two (so no row moves from one column to the other).
 */
export interface ReviewWindow {
  /** Rows in all. */
  count: number;
  /** The first row on view, and how many are on view. */
  first: number;
  shown: number;
  /** Rows on view in each column. */
  rowsPerColumn: number;
  /** Whether some rows are out of view. */
  scrolls: boolean;
  /** The first row on view after scrolling `steps` rows (one column) or columns (two), within the list. */
  firstAfter: (steps: number) => number;
}

/** A row's height for its font size, in the same units. */
export const REVIEW_ROW_LINES = 2.8;

export function reviewWindow(
  count: number,
  columns: number,
  room: number,
  fontSize: number,
  first: number,
): ReviewWindow {
  const fittingRows = Math.max(1, Math.floor(room / Math.ceil(fontSize * REVIEW_ROW_LINES)));
  const allRows = Math.ceil(count / columns);
  if (fittingRows >= allRows) {
    return { count, first: 0, shown: count, rowsPerColumn: Math.max(1, allRows), scrolls: false, firstAfter: () => 0 };
  }
  const shown = fittingRows * columns;
  const step = columns > 1 ? fittingRows : 1;
  // The last window ends on the last row; a column's step may stop short of it, so the end is reached exactly.
  const last = Math.max(0, count - shown);
  const within = (value: number) => Math.min(last, Math.max(0, value));
  const start = within(first);
  return {
    count,
    first: start,
    shown,
    rowsPerColumn: fittingRows,
    scrolls: true,
    firstAfter: (steps) => within(start + steps * step),
  };
}
