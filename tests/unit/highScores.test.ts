import { describe, expect, it } from 'vitest';
import {
  addHighScore,
  BOARD_IDS,
  BOARDS,
  boardFor,
  dailyCounts,
  parseHighScores,
  serializeHighScores,
  type HighScore,
} from '../../src/core/highScores';
import { MODES } from '../../src/core/modes';
import {
  DAILY_COUNTED_KEY,
  HighScoreStore,
  HIGH_SCORES_BACKUP_KEY,
  HIGH_SCORES_KEY,
} from '../../src/storage/HighScoreStore';
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
    expect(scores.add(entry(800))).toEqual({ place: 1, counted: true, saved: 'memory' });
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

  it('puts a name chosen later on the saved round only, and keeps it for the next visit', () => {
    const backing = new MemoryStore();
    const scores = new HighScoreStore(new SafeStorage(backing));
    const ended = '2026-11-24T11:00:00.000Z';
    scores.add(entry(900, { date: ended, nickname: 'Plucky Quokka' }));
    scores.add(entry(500, { nickname: 'Plucky Quokka' }));
    expect(scores.rename('classic', ended, 'Ada Lovelace')).toBe(true);
    const reloaded = new HighScoreStore(new SafeStorage(backing)).list();
    expect(reloaded.map((e) => e.nickname)).toEqual(['Ada Lovelace', 'Plucky Quokka']);
    // A round that has left the board (or was never on it) has nothing to rename.
    expect(scores.rename('classic', '2026-11-24T12:00:00.000Z', 'Grace')).toBe(false);
    expect(scores.rename('practice', ended, 'Grace')).toBe(false);
  });

  it('persists a new score for the next visit', () => {
    const backing = new MemoryStore();
    new HighScoreStore(new SafeStorage(backing)).add(entry(1234));
    expect(new HighScoreStore(new SafeStorage(backing)).list()[0]!.score).toBe(1234);
  });
});

describe('boards per way of playing', () => {
  it('puts each round on the board of its rules', () => {
    expect(boardFor({ mode: 'classic', speedPoints: true })).toBe('classic');
    expect(boardFor({ mode: 'classic', speedPoints: false })).toBe('no-speed');
    expect(boardFor({ mode: 'daily', speedPoints: true })).toBe('daily');
    expect(boardFor({ mode: 'practice', speedPoints: false })).toBe('practice');
    expect(boardFor({ mode: 'fact-check', speedPoints: false })).toBe('fact-check');
  });

  it('keeps every board under a key of its own, Classic under the key scores had before modes', () => {
    const keys = BOARD_IDS.map((board) => BOARDS[board].storageKey);
    expect(new Set(keys).size).toBe(BOARD_IDS.length);
    expect(BOARDS.classic.storageKey).toBe(HIGH_SCORES_KEY);
    expect(BOARDS['fact-check'].storageKey).toBe(MODES['fact-check'].highScoreKey);
  });

  it('keeps boards apart, and clearing one leaves the others', () => {
    const backing = new MemoryStore();
    const scores = new HighScoreStore(new SafeStorage(backing));
    scores.add(entry(900), 'classic');
    scores.add(entry(400, { speedPoints: false }), 'no-speed');
    scores.add(entry(300, { nickname: 'Curious Otter' }), 'fact-check');
    expect(scores.list('classic').map((e) => e.score)).toEqual([900]);
    expect(scores.list('fact-check')[0]!.nickname).toBe('Curious Otter');
    scores.clear('classic');
    const reloaded = new HighScoreStore(new SafeStorage(backing));
    expect(reloaded.list('classic')).toEqual([]);
    expect(reloaded.list('no-speed').map((e) => e.score)).toEqual([400]);
    expect(reloaded.list('fact-check').map((e) => e.nickname)).toEqual(['Curious Otter']);
  });

  it('counts only the first daily round of a UTC day, and clearing the board does not give a second try', () => {
    const backing = new MemoryStore();
    const scores = new HighScoreStore(new SafeStorage(backing));
    expect(scores.dailyCounts('2026-11-24')).toBe(true);
    expect(scores.add(entry(700, { day: '2026-11-24' }), 'daily')).toEqual({ place: 1, counted: true, saved: 'saved' });
    expect(scores.dailyCounts('2026-11-24')).toBe(false);
    expect(scores.add(entry(9000, { day: '2026-11-24' }), 'daily')).toEqual({
      place: null,
      counted: false,
      saved: 'saved',
    });
    scores.clear('daily');
    expect(new HighScoreStore(new SafeStorage(backing)).dailyCounts('2026-11-24')).toBe(false);
    expect(scores.add(entry(500, { day: '2026-11-25' }), 'daily')).toEqual({ place: 1, counted: true, saved: 'saved' });
    // A daily entry without its day cannot be placed.
    expect(scores.add(entry(500), 'daily').counted).toBe(false);
    expect(dailyCounts(null, '2026-11-24')).toBe(true);
    expect(dailyCounts('2026-11-23', '2026-11-24')).toBe(true);
  });

  it('forgets a daily marker that is not a date, and says so', () => {
    const backing = new MemoryStore();
    backing.setItem(DAILY_COUNTED_KEY, 'yesterday');
    const scores = new HighScoreStore(new SafeStorage(backing));
    expect(scores.problems.join()).toMatch(/not a date/);
    expect(scores.dailyCounts('2026-11-24')).toBe(true);
    expect(backing.getItem(DAILY_COUNTED_KEY)).toBeNull();
  });

  it('repairs each board on its own and keeps the unreadable data of each apart', () => {
    const backing = new MemoryStore();
    backing.setItem(BOARDS.practice.storageKey, '{not json');
    backing.setItem(
      BOARDS.daily.storageKey,
      JSON.stringify([entry(600, { day: '2026-11-24' }), entry(5, { day: 'x' })]),
    );
    const scores = new HighScoreStore(new SafeStorage(backing));
    expect(scores.list('practice')).toEqual([]);
    expect(scores.list('daily').map((e) => e.score)).toEqual([600]);
    expect(scores.problems.some((p) => p.startsWith('Practice board:'))).toBe(true);
    expect(scores.problems.some((p) => /Daily board: .*invalid day/.test(p))).toBe(true);
    expect(backing.getItem(`${HIGH_SCORES_BACKUP_KEY}:practice`)).toBe('{not json');
    expect(backing.getItem(`${HIGH_SCORES_BACKUP_KEY}:daily`)).toContain('"x"');
  });

  it('drops a stored nickname that is not a short string', () => {
    const loaded = parseHighScores(
      JSON.stringify([entry(100, { nickname: 'x'.repeat(41) }), { ...entry(90), nickname: 5 }]),
    );
    expect(loaded.entries).toEqual([]);
    expect(loaded.problems).toHaveLength(2);
  });
});
