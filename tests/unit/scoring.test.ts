import { describe, expect, it } from 'vitest';
import { scoreAnswer } from '../../src/core/scoring';

const T = 20_000;
const base = { correct: true, limitMs: T, streakBefore: 0, speedPoints: true };

describe('scoreAnswer', () => {
  it.each([
    [0, 1000],
    [T / 4, 875],
    [T / 2, 750],
    [T, 500],
    [T * 3, 500],
    [-500, 1000],
  ])('a right answer after %i ms earns %i', (elapsedMs, expected) => {
    expect(scoreAnswer({ ...base, elapsedMs }).base).toBe(expected);
  });

  it('rounds to whole points', () => {
    expect(scoreAnswer({ ...base, elapsedMs: 333 }).base).toBe(Math.round(1000 * (1 - 333 / T / 2)));
  });

  it('gives nothing for a wrong answer and resets the streak', () => {
    expect(scoreAnswer({ ...base, correct: false, elapsedMs: 0, streakBefore: 4 })).toEqual({
      base: 0,
      streakBonus: 0,
      total: 0,
      streakAfter: 0,
    });
  });

  it('adds 100 per consecutive right answer beyond the first, capped at 500', () => {
    const bonuses = [0, 1, 2, 3, 4, 5, 6, 9].map(
      (streakBefore) => scoreAnswer({ ...base, elapsedMs: 0, streakBefore }).streakBonus,
    );
    expect(bonuses).toEqual([0, 100, 200, 300, 400, 500, 500, 500]);
    expect(scoreAnswer({ ...base, elapsedMs: 0, streakBefore: 2 })).toEqual({
      base: 1000,
      streakBonus: 200,
      total: 1200,
      streakAfter: 3,
    });
  });

  it('pays a flat 1000 without speed points, or with the timer off', () => {
    expect(scoreAnswer({ ...base, speedPoints: false, elapsedMs: T }).base).toBe(1000);
    expect(scoreAnswer({ ...base, limitMs: null, elapsedMs: 99_999 }).base).toBe(1000);
  });
});
