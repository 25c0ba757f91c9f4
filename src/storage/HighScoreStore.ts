import { addHighScore, parseHighScores, serializeHighScores, type HighScore } from '../core/highScores';
import type { KeyValueStore } from './SafeStorage';

export const HIGH_SCORES_KEY = 'source-check:high-scores:v1';
/** Where unreadable saved data is moved, so a bad table is kept for inspection rather than lost. */
export const HIGH_SCORES_BACKUP_KEY = 'source-check:high-scores:unreadable';

export class HighScoreStore {
  private entries: HighScore[];
  readonly problems: string[];

  constructor(private readonly store: KeyValueStore) {
    const raw = store.getItem(HIGH_SCORES_KEY);
    const loaded = parseHighScores(raw);
    this.entries = loaded.entries;
    this.problems = loaded.problems;
    if (loaded.problems.length > 0 && raw !== null) {
      store.setItem(HIGH_SCORES_BACKUP_KEY, raw);
      store.setItem(HIGH_SCORES_KEY, serializeHighScores(this.entries));
    }
  }

  list(): readonly HighScore[] {
    return this.entries;
  }

  /** Adds a finished round; returns its place in the table (1-based) or null. */
  add(entry: HighScore): number | null {
    const result = addHighScore(this.entries, entry);
    this.entries = result.entries;
    this.store.setItem(HIGH_SCORES_KEY, serializeHighScores(this.entries));
    return result.place;
  }
}
