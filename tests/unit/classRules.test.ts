import { describe, expect, it } from 'vitest';
import {
  ANSWER_GRACE_MS,
  answerOutcome,
  classRoundSettings,
  classSettingsProblems,
  DEFAULT_CLASS_SETTINGS,
  isPastAnswering,
  isTimeUp,
  judgeAnswer,
  judgeTimeOut,
  rankLeaderboard,
  remainingOnServer,
  servedQuestion,
  tallyQuestions,
} from '../../src/core/classRules';
import { buildRound } from '../../src/core/round';
import { scoreAnswer } from '../../src/core/scoring';
import { makeQuestions } from './helpers';

const bank = makeQuestions(['alpha', 'beta'], 6);
const question = bank[0]!;
// The class shows the choices in this order: wrong one, right, wrong three, wrong two.
const planned = { questionId: question.id, choiceOrder: [1, 0, 3, 2], timeLimitMs: 20_000 };

describe('a class round', () => {
  it('is the game round with the teacher’s count, time, topics and scoring', () => {
    const settings = classRoundSettings({ questionCount: 4, timeLimitSec: 30, topics: ['beta'], scoring: 'accuracy' });
    expect(settings).toMatchObject({ questionCount: 4, timeLimitSec: 30, topics: ['beta'], speedPoints: false });
    const plan = buildRound(bank, settings, 'seed');
    expect(plan.questions).toHaveLength(4);
    expect(plan.questions.every((item) => item.questionId.startsWith('beta'))).toBe(true);
    expect(buildRound(bank, settings, 'seed')).toEqual(plan);
  });

  it('checks the teacher’s settings', () => {
    expect(classSettingsProblems(DEFAULT_CLASS_SETTINGS, ['alpha'])).toEqual([]);
    expect(classSettingsProblems({ ...DEFAULT_CLASS_SETTINGS, questionCount: 0 }, [])).toHaveLength(1);
    expect(classSettingsProblems({ ...DEFAULT_CLASS_SETTINGS, timeLimitSec: 3 }, [])).toHaveLength(1);
    expect(classSettingsProblems({ ...DEFAULT_CLASS_SETTINGS, timeLimitSec: null }, [])).toEqual([]);
    expect(classSettingsProblems({ ...DEFAULT_CLASS_SETTINGS, topics: ['gamma'] }, ['alpha'])).toHaveLength(1);
  });
});

describe('a served question', () => {
  it('shows the choices in the class order and nothing that says which is right', () => {
    const served = servedQuestion(question, planned, 0, 10, 20_000);
    expect(served.choices).toEqual(['wrong one', 'right', 'wrong three', 'wrong two']);
    expect(JSON.stringify(served)).not.toMatch(/correct|evidence|explanation|feedback/);
  });

  it('counts its time on the server clock', () => {
    expect(remainingOnServer(planned, 1000, 8000)).toBe(13_000);
    expect(remainingOnServer(planned, 1000, 99_000)).toBe(0);
    expect(remainingOnServer({ ...planned, timeLimitMs: null }, 1000, 99_000)).toBeNull();
    expect(isTimeUp(planned, 0, 19_999)).toBe(false);
    expect(isTimeUp(planned, 0, 20_000)).toBe(true);
    expect(isPastAnswering(planned, 0, 20_000 + ANSWER_GRACE_MS)).toBe(false);
    expect(isPastAnswering(planned, 0, 20_001 + ANSWER_GRACE_MS)).toBe(true);
    expect(isPastAnswering({ ...planned, timeLimitMs: null }, 0, 10 ** 9)).toBe(false);
  });
});

describe('judging an answer', () => {
  const base = { question, planned, servedAt: 1_000, streakBefore: 2, speedPoints: true };

  it('scores with the game’s own scoring, by the server’s clock', () => {
    const verdict = judgeAnswer({ ...base, picked: 1, now: 6_000 });
    const expected = scoreAnswer({
      correct: true,
      elapsedMs: 5_000,
      limitMs: 20_000,
      streakBefore: 2,
      speedPoints: true,
    });
    expect(verdict).toEqual({
      ok: true,
      judged: {
        choiceIndex: 0,
        correct: true,
        timedOut: false,
        elapsedMs: 5_000,
        base: expected.base,
        streakBonus: expected.streakBonus,
        points: expected.total,
        streakAfter: 3,
      },
    });
    const wrong = judgeAnswer({ ...base, picked: 0, now: 6_000 });
    expect(wrong).toMatchObject({ ok: true, judged: { choiceIndex: 1, correct: false, points: 0, streakAfter: 0 } });
  });

  it('takes an answer in the grace as given at the limit, and refuses one after it', () => {
    const inGrace = judgeAnswer({ ...base, picked: 1, now: 1_000 + 20_000 + ANSWER_GRACE_MS });
    expect(inGrace).toMatchObject({ ok: true, judged: { elapsedMs: 20_000, base: 500 } });
    expect(judgeAnswer({ ...base, picked: 1, now: 1_000 + 20_001 + ANSWER_GRACE_MS })).toEqual({
      ok: false,
      reason: 'too-late',
    });
  });

  it('refuses a choice the question does not have', () => {
    for (const picked of [-1, 4, 1.5, Number.NaN]) {
      expect(judgeAnswer({ ...base, picked, now: 2_000 })).toEqual({ ok: false, reason: 'unknown-choice' });
    }
  });

  it('gives the outcome in the class’s order, with the evidence, only after the answer', () => {
    const verdict = judgeAnswer({ ...base, picked: 0, now: 2_000 });
    if (!verdict.ok) throw new Error('expected an answer');
    const outcome = answerOutcome(question, planned, 3, 10, verdict.judged, { score: 900, streak: 0 });
    expect(outcome).toMatchObject({ position: 3, picked: 0, correctChoice: 1, correct: false, score: 900 });
    expect(outcome.evidence).toEqual(question.evidence);
    const timeOut = answerOutcome(question, planned, 3, 10, judgeTimeOut(planned), { score: 900, streak: 0 });
    expect(timeOut).toMatchObject({ picked: null, timedOut: true, points: 0, elapsedMs: 20_000 });
  });

  it('carries the date the evidence holds as of, for the reveal to name', () => {
    const verdict = judgeAnswer({ ...base, picked: 1, now: 2_000 });
    if (!verdict.ok) throw new Error('expected an answer');
    const dated = { ...question, asOf: '2025-09-25' };
    expect(answerOutcome(dated, planned, 0, 10, verdict.judged, { score: 0, streak: 0 }).asOf).toBe('2025-09-25');
    expect(answerOutcome(question, planned, 0, 10, verdict.judged, { score: 0, streak: 0 })).not.toHaveProperty('asOf');
  });
});

describe('the leaderboard', () => {
  it('ranks by score, shares places on equal scores, and marks every entry verified', () => {
    const board = rankLeaderboard([
      { playerId: 'a', nickname: 'Ada', score: 900, correct: 1, answered: 2 },
      { playerId: 'b', nickname: 'Bo', score: 2000, correct: 2, answered: 2 },
      { playerId: 'c', nickname: 'Cy', score: 900, correct: 2, answered: 2 },
      { playerId: 'd', nickname: 'Di', score: 0, correct: 0, answered: 1 },
    ]);
    expect(board.map((entry) => [entry.nickname, entry.rank])).toEqual([
      ['Bo', 1],
      ['Cy', 2],
      ['Ada', 2],
      ['Di', 4],
    ]);
    expect(board.every((entry) => entry.verified)).toBe(true);
  });
});

describe('the tally of answers', () => {
  it('says only how many answered until the question is settled, then counts each choice in the class order', () => {
    const items = [{ question, planned }];
    const rows = [
      { position: 0, choiceIndex: 0, count: 3 },
      { position: 0, choiceIndex: 2, count: 1 },
      { position: 0, choiceIndex: null, count: 2 },
    ];
    const open = tallyQuestions(items, rows, 0)[0]!;
    expect(open).toEqual({
      position: 0,
      settled: false,
      questionId: '',
      prompt: '',
      choices: [],
      answered: 4,
      timedOut: 2,
    });
    const settled = tallyQuestions(items, rows, 1)[0]!;
    expect(settled).toMatchObject({ settled: true, questionId: question.id, prompt: question.prompt });
    expect(settled.choices.map((choice) => choice.count)).toEqual([0, 3, 0, 1]);
    expect(settled.choices.map((choice) => choice.correct)).toEqual([false, true, false, false]);
  });
});
