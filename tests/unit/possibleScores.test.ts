import { describe, expect, it } from 'vitest';
import { parseHighScores, type HighScore } from '../../src/core/highScores';
import {
  FUTURE_DATE_MARGIN_MS,
  impossibilityOf,
  maxScore,
  type SavedRoundFigures,
} from '../../src/core/possibleScores';
import { HIGH_SCORES_KEY, HighScoreStore } from '../../src/storage/HighScoreStore';
import { MemoryStore, SafeStorage, type KeyValueStore } from '../../src/storage/SafeStorage';

const NOW = Date.parse('2026-11-24T12:00:00.000Z');

function figures(extra: Partial<HighScore> = {}): HighScore {
  return {
    score: 5_500,
    correct: 5,
    total: 10,
    bestStreak: 3,
    date: '2026-11-24T10:00:00.000Z',
    questionCount: 10,
    timeLimitSec: 20,
    speedPoints: true,
    ...extra,
  };
}

describe('what a round can give', () => {
  it('takes every figure a real round can give, up to the most its right answers score', () => {
    expect(impossibilityOf(figures(), false, NOW)).toBeUndefined();
    expect(impossibilityOf(figures({ score: maxScore(5) }), false, NOW)).toBeUndefined();
    expect(impossibilityOf(figures({ score: 0, correct: 0, bestStreak: 0 }), false, NOW)).toBeUndefined();
    // With the wager, "Sure" and right triples an answer's points.
    expect(impossibilityOf(figures({ score: maxScore(5, true) }), true, NOW)).toBeUndefined();
    // A clock set back a little is not damage.
    const soon = new Date(NOW + FUTURE_DATE_MARGIN_MS - 60_000).toISOString();
    expect(impossibilityOf(figures({ date: soon }), false, NOW)).toBeUndefined();
    expect(impossibilityOf({ ...figures(), day: '2026-11-25' } as SavedRoundFigures, false, NOW)).toBeUndefined();
  });

  it('names what no round can give', () => {
    const cases: [Partial<HighScore>, string, boolean?][] = [
      [{ score: 999_999_999 }, 'has 999999999 points, more than 5 right answers can score'],
      [{ score: maxScore(5) + 1 }, 'more than 5 right answers can score'],
      // Without the wager (the daily round), a wagered score is out of reach.
      [{ score: maxScore(5, true) }, 'more than 5 right answers can score'],
      [{ score: maxScore(5, true) + 1 }, 'more than 5 right answers can score', true],
      [{ score: -10 }, 'has a negative figure'],
      [{ correct: 11, bestStreak: 3 }, 'has more right answers than questions'],
      [{ total: 12, correct: 5 }, 'has more questions than its round'],
      [{ bestStreak: 6 }, 'has a streak longer than its right answers'],
      [{ date: '2027-01-01T00:00:00.000Z' }, 'is dated in the future'],
      [{ day: '2026-12-01' }, 'has a daily round of a day still to come'],
    ];
    for (const [change, reason, wager] of cases) {
      expect(impossibilityOf(figures(change), wager ?? false, NOW)).toContain(reason);
    }
  });

  it('drops such entries from a board on load and counts every entry dropped', () => {
    const stored = JSON.stringify([
      figures(),
      figures({ score: 999_999_999 }),
      figures({ correct: 11 }),
      figures({ date: '2030-01-01T00:00:00.000Z' }),
      { score: 'lots' },
    ]);
    const loaded = parseHighScores(stored, { board: 'classic', now: NOW });
    expect(loaded.entries).toEqual([figures()]);
    expect(loaded.dropped).toBe(4);
    expect(loaded.problems[0]).toBe(
      'saved high score 2 has 999999999 points, more than 5 right answers can score, which no round can give; it was dropped',
    );
    // The daily board has no wager: a score only a wager gives is dropped there, kept on Fact-check.
    const wagered = JSON.stringify([figures({ score: maxScore(5, true) })]);
    expect(parseHighScores(wagered, { board: 'daily', now: NOW }).dropped).toBe(1);
    expect(parseHighScores(wagered, { board: 'fact-check', now: NOW }).dropped).toBe(0);
  });

  it('tells the player once how many were dropped, and keeps the board saved without them', () => {
    const memory = new MemoryStore();
    memory.setItem(
      HIGH_SCORES_KEY,
      JSON.stringify([figures(), figures({ score: 999_999_999 }), figures({ score: -1 })]),
    );
    const store = new HighScoreStore(new SafeStorage(memory), NOW);
    expect(store.list('classic')).toEqual([figures()]);
    expect(store.takeDroppedCount()).toBe(2);
    expect(store.takeDroppedCount()).toBe(0);
    expect(JSON.parse(memory.getItem(HIGH_SCORES_KEY)!)).toEqual([figures()]);
  });
});

describe('a save that fails', () => {
  /** A store that worked when the page opened and throws `error` on writes from `failing` on. */
  function failingStore(name: string): { store: KeyValueStore; fail: () => void } {
    const memory = new MemoryStore();
    let failing = false;
    return {
      store: {
        getItem: (key) => memory.getItem(key),
        removeItem: (key) => memory.removeItem(key),
        setItem: (key, value) => {
          if (failing) throw new DOMException('no room', name);
          memory.setItem(key, value);
        },
      },
      fail: () => (failing = true),
    };
  }

  it('says where the board went and keeps the round on it for the visit', () => {
    for (const [error, outcome] of [
      ['QuotaExceededError', 'full'],
      ['SecurityError', 'memory'],
    ] as const) {
      const { store, fail } = failingStore(error);
      const scores = new HighScoreStore(new SafeStorage(store), NOW);
      expect(scores.add(figures({ score: 100 })).saved).toBe('saved');
      fail();
      const added = scores.add(figures({ score: 200 }));
      expect(added).toEqual({ place: 1, counted: true, saved: outcome });
      expect(scores.list().map((entry) => entry.score)).toEqual([200, 100]);
    }
  });

  it('still says the storage is full after an earlier write gave lasting storage up for it', () => {
    const { store, fail } = failingStore('QuotaExceededError');
    const storage = new SafeStorage(store);
    fail();
    // A round kept for a reload failed first: the game plays on from memory.
    storage.setItem('source-check:saved-round:v1', '{}');
    expect(storage.persistent).toBe(false);
    expect(new HighScoreStore(storage, NOW).add(figures()).saved).toBe('full');
  });
});
