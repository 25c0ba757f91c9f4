import {
  addHighScore,
  BOARD_IDS,
  BOARDS,
  dailyCounts,
  parseHighScores,
  serializeHighScores,
  type BoardId,
  type HighScore,
} from '../core/highScores';
import { isIsoDate } from '../core/dates';
import { writeChecked, type KeyValueStore, type WriteOutcome } from './SafeStorage';

/** The Classic board's key, which the only board had before there were modes (so old scores stay on it). */
export const HIGH_SCORES_KEY = BOARDS.classic.storageKey;
/** Where unreadable saved data is moved, so a bad table is kept for inspection rather than lost. */
export const HIGH_SCORES_BACKUP_KEY = 'source-check:high-scores:unreadable';
/** The day (the player's local date) of the last daily round that counted for the board (one a day). */
export const DAILY_COUNTED_KEY = 'source-check:daily-counted:v1';

/** What adding a round did: its place on its board (null: not in the top ten, or not counted). */
export interface AddedScore {
  place: number | null;
  /** false when the round could not count: a second daily round on the same day. */
  counted: boolean;
  /** Where the board went: lasting storage, or only memory for this visit (storage blocked, or full). */
  saved: WriteOutcome;
}

export class HighScoreStore {
  private readonly boards = new Map<BoardId, HighScore[]>();
  readonly problems: string[] = [];
  /** Entries dropped as damaged on load, until the player is told (once). */
  private dropped = 0;

  constructor(
    private readonly store: KeyValueStore,
    now = Date.now(),
  ) {
    for (const board of BOARD_IDS) {
      const key = BOARDS[board].storageKey;
      const raw = store.getItem(key);
      const loaded = parseHighScores(raw, { board, now });
      this.dropped += loaded.dropped;
      this.boards.set(board, loaded.entries);
      this.problems.push(...loaded.problems.map((problem) => `${BOARDS[board].title} board: ${problem}`));
      if (loaded.problems.length > 0 && raw !== null) {
        // One backup slot per board, so repairing one board never overwrites another's evidence.
        store.setItem(board === 'classic' ? HIGH_SCORES_BACKUP_KEY : `${HIGH_SCORES_BACKUP_KEY}:${board}`, raw);
        store.setItem(key, serializeHighScores(loaded.entries));
      }
    }
    const counted = store.getItem(DAILY_COUNTED_KEY);
    if (counted !== null && !isIsoDate(counted)) {
      this.problems.push(`the last daily round's day "${counted.slice(0, 20)}" is not a date; it was forgotten`);
      store.removeItem(DAILY_COUNTED_KEY);
    }
  }

  /** How many saved entries were dropped as damaged, the first time it is asked for (the title says so); then 0. */
  takeDroppedCount(): number {
    const dropped = this.dropped;
    this.dropped = 0;
    return dropped;
  }

  list(board: BoardId = 'classic'): readonly HighScore[] {
    return this.boards.get(board) ?? [];
  }

  /** Adds a finished round to its board; a daily round counts only once per day (`entry.day`, the day it began). */
  add(entry: HighScore, board: BoardId = 'classic'): AddedScore {
    if (board === 'daily') {
      if (entry.day === undefined || !this.dailyCounts(entry.day))
        return { place: null, counted: false, saved: 'saved' };
      this.store.setItem(DAILY_COUNTED_KEY, entry.day);
    }
    const result = addHighScore(this.list(board), entry);
    // Kept here for the visit whatever happens to the write; the player is told when it did not last.
    this.boards.set(board, result.entries);
    const saved = writeChecked(this.store, BOARDS[board].storageKey, serializeHighScores(result.entries));
    return { place: result.place, counted: true, saved };
  }

  /** Whether a daily round played on `day` would still count for the board. */
  dailyCounts(day: string): boolean {
    const stored = this.store.getItem(DAILY_COUNTED_KEY);
    return dailyCounts(stored !== null && isIsoDate(stored) ? stored : null, day);
  }

  /**
   * Puts another name on a saved round (the one that ended at `date`), as when the player names themselves on the
   * Share screen after it was saved; false when that round is no longer on the board.
   */
  rename(board: BoardId, date: string, nickname: string): boolean {
    const entries = this.list(board);
    if (!entries.some((entry) => entry.date === date)) return false;
    const renamed = entries.map((entry) => (entry.date === date ? { ...entry, nickname } : entry));
    this.boards.set(board, renamed);
    this.store.setItem(BOARDS[board].storageKey, serializeHighScores(renamed));
    return true;
  }

  /** Empties one board (the screen asks first); the daily rule's memory is kept, so clearing is no second try. */
  clear(board: BoardId): void {
    this.boards.set(board, []);
    this.store.removeItem(BOARDS[board].storageKey);
  }
}
