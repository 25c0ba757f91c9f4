import { describe, expect, it } from 'vitest';
import {
  AWAY_MARGIN_MS,
  AWAY_WITHOUT_TIME_LIMIT_MS,
  awayAfterMs,
  isAway,
  settledCount,
  studentChoiceOrder,
} from '../../src/core/classPresence';

describe('who is away', () => {
  it('is a player silent past the question time and the margin, never one with an open stream', () => {
    expect(awayAfterMs(20_000)).toBe(20_000 + AWAY_MARGIN_MS);
    expect(awayAfterMs(null)).toBe(AWAY_WITHOUT_TIME_LIMIT_MS);
    const facts = { lastSeenAt: 0, streamOpen: false, timeLimitMs: 20_000 };
    expect(isAway(facts, 20_000 + AWAY_MARGIN_MS)).toBe(false);
    expect(isAway(facts, 20_001 + AWAY_MARGIN_MS)).toBe(true);
    expect(isAway({ ...facts, streamOpen: true }, 10 * 60_000)).toBe(false);
  });
});

describe('settled questions', () => {
  it('are the ones every active player is past; away players hold nothing back; once settled, stays', () => {
    const players = [
      { answered: 3, away: false },
      { answered: 1, away: false },
      { answered: 0, away: true },
    ];
    expect(settledCount(players, 5)).toBe(1);
    expect(settledCount(players.slice(0, 1), 5)).toBe(3);
    expect(settledCount([{ answered: 9, away: false }], 5)).toBe(5);
    expect(settledCount([{ answered: 0, away: true }], 5)).toBe(0);
    // An away player came back on question 1 after 3 were settled: those stay settled.
    expect(settledCount([{ answered: 1, away: false }], 5, 3)).toBe(3);
  });
});

describe("a student's order of the choices", () => {
  it('is a permutation of the class order, the same every time, different between students', () => {
    const classOrder = [2, 0, 3, 1];
    const mine = studentChoiceOrder(classOrder, 'seed', 'player-one', 0);
    expect([...mine].sort()).toEqual([0, 1, 2, 3]);
    expect(studentChoiceOrder(classOrder, 'seed', 'player-one', 0)).toEqual(mine);
    const others = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => studentChoiceOrder(classOrder, 'seed', id, 0).join());
    expect(new Set(others).size).toBeGreaterThan(1);
  });
});
