import { describe, expect, it } from 'vitest';
import { resultSnapshot } from '../../src/core/resultSnapshot';

describe('the results to screenshot', () => {
  it('names the mode and the day, the score and the pattern, and nothing of the questions', () => {
    const snapshot = resultSnapshot({
      mode: 'classic',
      seed: 'k3j9x2a',
      score: 4_250,
      correct: 3,
      total: 5,
      marks: ['right', 'wrong', 'right', 'timeout', 'right'],
      today: '2026-12-06',
      replay: false,
    });
    expect(snapshot).toEqual({
      round: 'Classic',
      day: '6 December 2026',
      score: '4,250 points',
      correct: '3 of 5 right',
      marks: ['right', 'wrong', 'right', 'timeout', 'right'],
      pattern: "Question by question: right, wrong, right, time's up, right.",
    });
  });

  it("names a daily round's own day, and a replay as one", () => {
    const snapshot = resultSnapshot({
      mode: 'daily',
      seed: 'daily-2026-03-14-v1',
      score: 0,
      correct: 0,
      total: 1,
      marks: ['wrong'],
      today: '2026-03-15',
      replay: true,
    });
    expect(snapshot.round).toBe('Daily · replay, not a first try');
    expect(snapshot.day).toBe('14 March 2026');
  });
});
