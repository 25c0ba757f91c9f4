import { describe, expect, it } from 'vitest';
import { addHighScore, parseHighScores, serializeHighScores, type HighScore } from '../../src/core/highScores';
import { HighScoreStore, HIGH_SCORES_BACKUP_KEY, HIGH_SCORES_KEY } from '../../src/storage/HighScoreStore';
import { MemoryStore, SafeStorage, type KeyValueStore } from '../../src/storage/SafeStorage';

function entry(score: number, extra: Partial<HighScore> = {}): HighScore {
  return {
    score,
    correct: 5,
    total: 10,
    bestStreak: 2,
    date: '2026-11-24T10:00:00.000Z',
    questionCount: 10,
    timeLimitSec: 20,
    speedPoints: true,
    ...extra,
  };
}

describe('high-score table', () => {
  it('keeps the top ten, best first, and reports the new place', () => {
    let entries: HighScore[] = [];
    for (let i = 1; i <= 12; i += 1) entries = addHighScore(entries, entry(i * 100)).entries;
    expect(entries).toHaveLength(10);
    expect(entries[0]!.score).toBe(1200);
    expect(entries.at(-1)!.score).toBe(300);
    expect(addHighScore(entries, entry(650)).place).toBe(7);
    expect(addHighScore(entries, entry(10)).place).toBeNull();
  });

  it('round-trips through storage', () => {
    const entries = [entry(900), entry(400)];
    expect(parseHighScores(serializeHighScores(entries)).entries).toEqual(entries);
  });

  it.each([
    ['not JSON', '{oops', 'not valid JSON'],
    ['not a list', '{"score": 3}', 'not a list'],
  ])('starts a new table when the stored data is %s', (_name, stored, problem) => {
    const loaded = parseHighScores(stored);
    expect(loaded.entries).toEqual([]);
    expect(loaded.problems[0]).toContain(problem);
  });

  it('salvages the valid entries and names the broken ones', () => {
    const stored = JSON.stringify([entry(700), { score: 'lots' }, entry(300, { correct: 11 }), null, entry(500)]);
    const loaded = parseHighScores(stored);
    expect(loaded.entries.map((e) => e.score)).toEqual([700, 500]);
    expect(loaded.problems).toEqual([
      'saved high score 2 has an invalid score; it was dropped',
      'saved high score 3 has more correct answers than questions; it was dropped',
      'saved high score 4 is not an object; it was dropped',
    ]);
  });

  it('drops unknown fields instead of carrying them along', () => {
    const loaded = parseHighScores(JSON.stringify([{ ...entry(100), evil: '<script>' }]));
    expect(loaded.entries[0]).not.toHaveProperty('evil');
  });
});

class ThrowingStore implements KeyValueStore {
  getItem(): string | null {
    throw new Error('SecurityError');
  }
  setItem(): void {
    throw new Error('QuotaExceededError');
  }
  removeItem(): void {
    throw new Error('SecurityError');
  }
}

class FullStore extends MemoryStore {
  full = false;
  override setItem(key: string, value: string): void {
    if (this.full) throw new Error('QuotaExceededError');
    super.setItem(key, value);
  }
}

describe('storage that is missing, blocked, full or corrupt', () => {
  it('falls back to memory when storage is missing or throws', () => {
    for (const backing of [undefined, new ThrowingStore()]) {
      const storage = new SafeStorage(backing);
      expect(storage.persistent).toBe(false);
      storage.setItem('k', 'v');
      expect(storage.getItem('k')).toBe('v');
    }
  });

  it('keeps playing from memory when storage fills up', () => {
    const backing = new FullStore();
    const storage = new SafeStorage(backing);
    expect(storage.persistent).toBe(true);
    backing.full = true;
    const scores = new HighScoreStore(storage);
    expect(scores.add(entry(800))).toBe(1);
    expect(storage.persistent).toBe(false);
    expect(scores.list()).toHaveLength(1);
    expect(storage.getItem(HIGH_SCORES_KEY)).toContain('800');
  });

  it('keeps a copy of unreadable data and repairs the table', () => {
    const backing = new MemoryStore();
    backing.setItem(HIGH_SCORES_KEY, JSON.stringify([entry(600), 'garbage']));
    const scores = new HighScoreStore(new SafeStorage(backing));
    expect(scores.list().map((e) => e.score)).toEqual([600]);
    expect(scores.problems).toHaveLength(1);
    expect(backing.getItem(HIGH_SCORES_BACKUP_KEY)).toContain('garbage');
    expect(JSON.parse(backing.getItem(HIGH_SCORES_KEY)!)).toHaveLength(1);
  });

  it('persists a new score for the next visit', () => {
    const backing = new MemoryStore();
    new HighScoreStore(new SafeStorage(backing)).add(entry(1234));
    expect(new HighScoreStore(new SafeStorage(backing)).list()[0]!.score).toBe(1234);
  });
});
