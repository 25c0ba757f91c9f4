import { describe, expect, it } from 'vitest';
import { buildRound, DEFAULT_ROUND_SETTINGS } from '../../src/core/round';
import {
  advance,
  answer,
  currentQuestion,
  displayedChoices,
  expire,
  isPaused,
  pause,
  resume,
  retime,
  startSession,
  summarize,
  type SessionState,
} from '../../src/core/session';
import { makeQuestions } from './helpers';

const bank = makeQuestions(['alpha', 'beta'], 6);
const settings = { ...DEFAULT_ROUND_SETTINGS, questionCount: 3 };

function fresh(now = 0): SessionState {
  return startSession(buildRound(bank, settings, 'session'), bank, now);
}

function rightPosition(state: SessionState): number {
  return displayedChoices(state).findIndex((choice) => choice.correct);
}

describe('round session', () => {
  it('starts on the first question with an empty log', () => {
    const state = fresh();
    expect(state.phase).toBe('question');
    expect(state.index).toBe(0);
    expect(state.log).toEqual([]);
    expect(currentQuestion(state)?.id).toBe(state.plan.questions[0]!.questionId);
  });

  it('scores a right answer by its time and moves to the reveal, leaving the old state untouched', () => {
    const state = fresh(1_000);
    const snapshot = JSON.stringify(state);
    const next = answer(state, rightPosition(state), 11_000);
    expect(JSON.stringify(state)).toBe(snapshot);
    expect(next.phase).toBe('reveal');
    expect(next.log[0]).toMatchObject({ correct: true, timedOut: false, elapsedMs: 10_000, base: 750, points: 750 });
    expect(next.score).toBe(750);
    expect(next.streak).toBe(1);
  });

  it('counts one answer at most: a second click or a double click changes nothing', () => {
    const state = fresh();
    const once = answer(state, rightPosition(state), 500);
    const twice = answer(once, (rightPosition(state) + 1) % 4, 600);
    expect(twice).toBe(once);
    expect(twice.log).toHaveLength(1);
  });

  it('ignores a position that is not on screen', () => {
    const state = fresh();
    expect(answer(state, 7, 10)).toBe(state);
  });

  it('records a timeout as wrong, with no points, and resets the streak', () => {
    let state = fresh();
    state = advance(answer(state, rightPosition(state), 0), 100);
    expect(state.streak).toBe(1);
    expect(expire(state, 100 + 19_999)).toBe(state);
    const timedOut = expire(state, 100 + 20_000);
    expect(timedOut.log[1]).toMatchObject({
      choiceIndex: null,
      correct: false,
      timedOut: true,
      points: 0,
      elapsedMs: 20_000,
    });
    expect(timedOut.streak).toBe(0);
  });

  it('treats an answer that arrives after the time ran out as time up', () => {
    const state = fresh();
    const late = answer(state, rightPosition(state), 25_000);
    expect(late.log[0]).toMatchObject({ timedOut: true, correct: false, points: 0 });
  });

  it('cannot time out twice or after an answer', () => {
    const state = fresh();
    const answered = answer(state, 0, 10);
    expect(expire(answered, 99_000)).toBe(answered);
  });

  it('builds the streak bonus over a round and finishes with a summary', () => {
    let state = fresh(0);
    let now = 0;
    while (state.phase !== 'finished') {
      state = answer(state, rightPosition(state), now);
      now += 1_000;
      state = advance(state, now);
    }
    expect(state.log.map((entry) => entry.streakBonus)).toEqual([0, 100, 200]);
    expect(state.score).toBe(1000 + 1100 + 1200);
    expect(summarize(state)).toEqual({
      score: 3300,
      correct: 3,
      total: 3,
      bestStreak: 3,
      averageAnswerMs: 0,
      timedOut: 0,
    });
    expect(advance(state, now)).toBe(state);
  });

  it('starts each question clock when the question appears', () => {
    let state = fresh(0);
    state = advance(answer(state, 0, 5_000), 9_000);
    expect(state.countdown.startedAt).toBe(9_000);
  });

  it('refuses a plan that names a question the bank lacks', () => {
    const plan = buildRound(bank, settings, 'x');
    expect(() => startSession(plan, bank.slice(0, 1), 0)).toThrow(/not in the bank/);
  });
});

describe('pausing a question', () => {
  it('stops the clock while paused and gives no extra time or loss', () => {
    let state = fresh(0);
    state = pause(state, 5_000);
    expect(isPaused(state)).toBe(true);
    expect(expire(state, 60_000)).toBe(state);
    state = resume(state, 60_000);
    expect(isPaused(state)).toBe(false);
    expect(expire(state, 60_000 + 14_999)).toBe(state);
    expect(expire(state, 60_000 + 15_000).log[0]).toMatchObject({ timedOut: true });
  });

  it('counts answer time without the pause', () => {
    let state = fresh(0);
    state = resume(pause(state, 2_000), 50_000);
    const answered = answer(state, rightPosition(state), 52_000);
    expect(answered.log[0]).toMatchObject({ elapsedMs: 4_000, base: 900 });
  });

  it('ignores a pause outside a question and a second pause', () => {
    const state = fresh(0);
    const answered = answer(state, 0, 10);
    expect(pause(answered, 20)).toBe(answered);
    const paused = pause(state, 5);
    expect(pause(paused, 9)).toBe(paused);
    expect(resume(state, 9)).toBe(state);
  });
});

describe('a timer changed during the round', () => {
  it('holds from the current question, keeping the time already taken, and for every later one', () => {
    const state = pause(fresh(0), 8_000);
    expect(state.countdown.limitMs).toBe(20_000);
    const doubled = retime(state, { timeLimitSec: 20, timeScale: 2 });
    expect(doubled.countdown.limitMs).toBe(40_000);
    const resumed = resume(doubled, 100_000);
    // 8 s were taken before the pause: 32 s are left of the new 40.
    expect(expire(resumed, 100_000 + 31_000)).toBe(resumed);
    expect(expire(resumed, 100_000 + 32_000).phase).toBe('reveal');
    const next = advance(answer(resumed, 0, 101_000), 102_000);
    expect(next.countdown.limitMs).toBe(40_000);
  });

  it('never raises what an answer earns: speed is still measured against the time the round began with', () => {
    const off = retime(fresh(0), { timeLimitSec: null, timeScale: 1 });
    expect(off.countdown.limitMs).toBeNull();
    // 60 s later, past the round's own 20 s: no time-out, and the slowest speed score, not the flat 1,000.
    const answered = answer(off, rightPosition(off), 60_000);
    expect(answered.phase).toBe('reveal');
    expect(answered.log[0]).toMatchObject({ correct: true, timedOut: false, base: 500 });
    const quick = answer(retime(fresh(0), { timeLimitSec: 20, timeScale: 10 }), rightPosition(fresh(0)), 10_000);
    expect(quick.log[0]!.base).toBe(750);
  });

  it('changes nothing when the timer is the one the round has', () => {
    const state = fresh(0);
    expect(retime(state, { timeLimitSec: 20, timeScale: 1 })).toBe(state);
  });
});
