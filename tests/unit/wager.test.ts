import { describe, expect, it } from 'vitest';
import { roundSettingsForMode } from '../../src/core/modes';
import { buildRound, DEFAULT_ROUND_SETTINGS, type RoundSettings } from '../../src/core/round';
import {
  advance,
  answer,
  displayedChoices,
  expire,
  lastAnswer,
  pause,
  startSession,
  summarize,
  wager,
  wagerStakes,
  type SessionState,
} from '../../src/core/session';
import {
  BEST_CONFIDENCE_RANGES,
  bestConfidenceFor,
  CERTAINTY_MARKS,
  CONFIDENCE_LABELS,
  CONFIDENCE_LEVELS,
  roundTotal,
  wagerPoints,
  type Confidence,
} from '../../src/core/wager';
import { makeQuestions } from './helpers';

describe('the certainty table', () => {
  it("is Moodle's: C=1 +1 / 0, C=2 +2 / −2, C=3 +3 / −6", () => {
    expect(CERTAINTY_MARKS).toEqual({
      guessing: { certainty: 1, right: 1, wrong: 0 },
      'think-so': { certainty: 2, right: 2, wrong: -2 },
      sure: { certainty: 3, right: 3, wrong: -6 },
    });
    expect(CONFIDENCE_LEVELS.map((level) => CONFIDENCE_LABELS[level])).toEqual(['Sure', 'Think so', 'Guessing']);
  });

  it.each([
    ['guessing', true, 1000],
    ['guessing', false, 0],
    ['think-so', true, 2000],
    ['think-so', false, -2000],
    ['sure', true, 3000],
    ['sure', false, -6000],
  ] as [Confidence, boolean, number][])('%s and right=%s earns %i with a unit of 1,000', (level, correct, points) => {
    expect(wagerPoints(level, correct, 1000)).toBe(points);
  });

  it('counts in units of the base points, whatever they are', () => {
    expect(CONFIDENCE_LEVELS.map((level) => wagerPoints(level, true, 750))).toEqual([2250, 1500, 750]);
    expect(CONFIDENCE_LEVELS.map((level) => wagerPoints(level, false, 750))).toEqual([-4500, -1500, 0]);
  });

  it('loses nothing at all (not minus nothing) on a wrong guess', () => {
    expect(Object.is(wagerPoints('guessing', false, 1000), 0)).toBe(true);
  });

  it('pays best for saying what is true: Guessing below 2/3 right, Think so to 4/5, Sure above', () => {
    expect(BEST_CONFIDENCE_RANGES.guessing).toEqual({ from: 0, to: 2 / 3 });
    expect(BEST_CONFIDENCE_RANGES['think-so']).toEqual({ from: 2 / 3, to: 4 / 5 });
    expect(BEST_CONFIDENCE_RANGES.sure).toEqual({ from: 4 / 5, to: 1 });
    expect([0, 0.5, 0.66, 0.7, 0.79, 0.81, 1].map(bestConfidenceFor)).toEqual([
      'guessing',
      'guessing',
      'guessing',
      'think-so',
      'think-so',
      'sure',
      'sure',
    ]);
    expect(bestConfidenceFor(2 / 3)).toBe('guessing');
    expect(bestConfidenceFor(4 / 5)).toBe('think-so');
  });

  it('keeps a round total at 0 or more', () => {
    expect([-6000, -1, 0, 1, 4200].map(roundTotal)).toEqual([0, 0, 0, 1, 4200]);
  });
});

const bank = makeQuestions(['alpha', 'beta'], 6);
const flat: RoundSettings = roundSettingsForMode('classic', {
  ...DEFAULT_ROUND_SETTINGS,
  questionCount: 3,
  speedPoints: false,
});
const wagered: RoundSettings = { ...flat, wager: true };

function fresh(settings: RoundSettings = wagered, now = 0): SessionState {
  return startSession(buildRound(bank, settings, 'wager'), bank, now);
}

function position(state: SessionState, right: boolean): number {
  return displayedChoices(state).findIndex((choice) => choice.correct === right);
}

function step(state: SessionState, right: boolean, level: Confidence, now: number): SessionState {
  return advance(wager(answer(state, position(state, right), now), level, now + 100), now + 200);
}

describe('a round with the wager on', () => {
  it('goes answer → wager → reveal, and the wager phase gives nothing away', () => {
    const state = fresh();
    const answered = answer(state, position(state, true), 1_000);
    expect(answered.phase).toBe('wager');
    expect(answered.log).toEqual([]);
    expect(answered).toMatchObject({ score: 0, streak: 0 });
    expect(lastAnswer(answered)).toBeUndefined();
    expect(wagerStakes(answered)).toEqual({
      sure: { right: 3000, wrong: -6000 },
      'think-so': { right: 2000, wrong: -2000 },
      guessing: { right: 1000, wrong: 0 },
    });

    const revealed = wager(answered, 'sure', 2_000);
    expect(revealed.phase).toBe('reveal');
    expect(revealed.log[0]).toMatchObject({
      correct: true,
      base: 1000,
      streakBonus: 0,
      points: 3000,
      wager: { confidence: 'sure', unit: 1000, points: 3000 },
    });
    expect(revealed).toMatchObject({ score: 3000, pointsSum: 3000, streak: 1, pendingAnswer: null });
    expect(wagerStakes(revealed)).toBeUndefined();
  });

  it('ignores actions out of phase: a second wager, an answer, a move on, time running out', () => {
    const state = fresh();
    expect(wager(state, 'sure', 10)).toBe(state);
    const answered = answer(state, position(state, true), 1_000);
    expect(answer(answered, position(state, false), 1_100)).toBe(answered);
    expect(advance(answered, 1_200)).toBe(answered);
    expect(expire(answered, 99_000)).toBe(answered);
    expect(pause(answered, 1_300)).toBe(answered);
    expect(wager(answered, 'certain' as Confidence, 1_300)).toBe(answered);
    const once = wager(answered, 'think-so', 1_400);
    expect(wager(once, 'sure', 1_500)).toBe(once);
    expect(once.log).toHaveLength(1);
  });

  it('marks wrong answers by the table, and never shows a total below 0', () => {
    let state = fresh();
    state = step(state, false, 'sure', 0);
    expect(state.log[0]).toMatchObject({ correct: false, base: 0, points: -6000, wager: { points: -6000 } });
    expect(state).toMatchObject({ score: 0, pointsSum: -6000, streak: 0 });
    // What was lost must be won back: a right answer after it still leaves the total at 0.
    state = step(state, true, 'sure', 1_000);
    expect(state).toMatchObject({ score: 0, pointsSum: -3000 });
    state = step(state, true, 'sure', 2_000);
    expect(state.log[2]).toMatchObject({ streakBonus: 100, points: 3100 });
    expect(state).toMatchObject({ phase: 'finished', score: 100, pointsSum: 100 });
    expect(summarize(state).score).toBe(100);
  });

  it('adds the streak bonus to right answers on top of the wager', () => {
    let state = fresh();
    state = step(state, true, 'guessing', 0);
    state = step(state, true, 'think-so', 1_000);
    state = step(state, true, 'guessing', 2_000);
    expect(state.log.map((entry) => entry.points)).toEqual([1000, 2100, 1200]);
    expect(state.score).toBe(4300);
    expect(state.bestStreak).toBe(3);
  });

  it('ends the streak on a wrong answer, even a wrong guess that costs nothing', () => {
    let state = fresh();
    state = step(state, true, 'guessing', 0);
    state = step(state, false, 'guessing', 1_000);
    expect(state.log[1]).toMatchObject({ points: 0, wager: { points: 0 } });
    expect(state.streak).toBe(0);
  });

  it('takes the unit from the speed points of the moment, for a wrong answer too', () => {
    const timed = { ...wagered, speedPoints: true };
    const state = fresh(timed, 0);
    const wrong = wager(answer(state, position(state, false), 10_000), 'sure', 10_100);
    expect(wrong.log[0]).toMatchObject({ base: 0, points: -4500, wager: { unit: 750, points: -4500 } });
    const right = wager(answer(state, position(state, true), 10_000), 'think-so', 10_100);
    expect(right.log[0]).toMatchObject({ base: 750, points: 1500, wager: { unit: 750 } });
  });

  it('has nothing to wager on when time runs out: straight to the reveal, no points', () => {
    const timed = { ...wagered, speedPoints: true };
    const state = fresh(timed, 0);
    const timedOut = expire(state, 20_000);
    expect(timedOut.phase).toBe('reveal');
    expect(timedOut.log[0]).toMatchObject({ timedOut: true, points: 0 });
    expect(timedOut.log[0]).not.toHaveProperty('wager');
    const late = answer(state, position(state, true), 25_000);
    expect(late.phase).toBe('reveal');
  });

  it('leaves rounds without the wager as they were: answer → reveal, nothing logged of a wager', () => {
    const state = fresh(flat);
    const answered = answer(state, position(state, true), 1_000);
    expect(answered.phase).toBe('reveal');
    expect(answered.log[0]).not.toHaveProperty('wager');
    expect(answered.score).toBe(1000);
    expect(wager(answered, 'sure', 1_100)).toBe(answered);
  });
});
