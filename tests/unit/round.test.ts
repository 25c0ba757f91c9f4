import { describe, expect, it } from 'vitest';
import { buildRound, DEFAULT_ROUND_SETTINGS, kindCounts, questionsOfKinds } from '../../src/core/round';
import { makeQuestions } from './helpers';

const bank = makeQuestions(['alpha', 'beta', 'gamma', 'delta'], 9);

describe('buildRound', () => {
  it('draws the requested number of questions without repeats', () => {
    const plan = buildRound(bank, DEFAULT_ROUND_SETTINGS, 'seed-1');
    const ids = plan.questions.map((q) => q.questionId);
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
  });

  it('is the same for the same seed and settings, in the same order with the same choice order', () => {
    const a = buildRound(bank, DEFAULT_ROUND_SETTINGS, 'same');
    const b = buildRound([...bank].reverse(), DEFAULT_ROUND_SETTINGS, 'same');
    expect(b).toEqual(a);
    expect(buildRound(bank, DEFAULT_ROUND_SETTINGS, 'other').questions).not.toEqual(a.questions);
  });

  it('mixes topics and ramps difficulty from easy to hard', () => {
    const plan = buildRound(bank, DEFAULT_ROUND_SETTINGS, 'mix');
    const byId = new Map(bank.map((q) => [q.id, q]));
    const picked = plan.questions.map((q) => byId.get(q.questionId)!);
    expect(new Set(picked.map((q) => q.topic)).size).toBe(4);
    const levels = picked.map((q) => q.difficulty);
    expect(levels).toEqual([...levels].sort());
    expect(levels.filter((d) => d === 1)).toHaveLength(4);
    expect(levels.filter((d) => d === 2)).toHaveLength(4);
    expect(levels.filter((d) => d === 3)).toHaveLength(2);
  });

  it('shuffles choices per question as a permutation', () => {
    const plan = buildRound(bank, DEFAULT_ROUND_SETTINGS, 'choices');
    for (const q of plan.questions) expect([...q.choiceOrder].sort()).toEqual([0, 1, 2, 3]);
    expect(new Set(plan.questions.map((q) => q.choiceOrder.join(''))).size).toBeGreaterThan(1);
  });

  it('filters by topic and never asks for more than there is', () => {
    const plan = buildRound(bank, { ...DEFAULT_ROUND_SETTINGS, topics: ['beta'], questionCount: 20 }, 'x');
    expect(plan.questions).toHaveLength(9);
    expect(plan.questions.every((q) => q.questionId.startsWith('beta-'))).toBe(true);
  });

  it('uses the question own time limit over the round default, and none when the timer is off', () => {
    const custom = bank.map((q, i) => (i % 2 === 0 ? { ...q, timeLimitSec: 45 } : q));
    const plan = buildRound(custom, DEFAULT_ROUND_SETTINGS, 't');
    const limits = new Set(plan.questions.map((q) => q.timeLimitMs));
    expect([...limits].every((ms) => ms === 45_000 || ms === 20_000)).toBe(true);
    const off = buildRound(custom, { ...DEFAULT_ROUND_SETTINGS, timeLimitSec: null }, 't');
    expect(off.questions.every((q) => q.timeLimitMs === null)).toBe(true);
  });

  it('fills from other difficulties when one runs short', () => {
    const easyOnly = bank.filter((q) => q.difficulty === 1);
    const plan = buildRound(easyOnly, DEFAULT_ROUND_SETTINGS, 'short');
    expect(plan.questions).toHaveLength(10);
  });
});

describe('round settings that change the round', () => {
  it('keeps the seeded round of the default settings stable', () => {
    const plan = buildRound(bank, DEFAULT_ROUND_SETTINGS, 'stable');
    expect(plan.questions.map((q) => q.questionId)).toEqual(STABLE_IDS);
  });

  it('draws only hard questions when asked, and mixes the order for "mixed"', () => {
    const hard = buildRound(bank, { ...DEFAULT_ROUND_SETTINGS, difficulty: 'hard-only' }, 'h');
    const byId = new Map(bank.map((q) => [q.id, q]));
    expect(hard.questions.every((q) => byId.get(q.questionId)!.difficulty === 3)).toBe(true);
    const mixed = buildRound(bank, { ...DEFAULT_ROUND_SETTINGS, difficulty: 'mixed' }, 'm');
    const levels = mixed.questions.map((q) => byId.get(q.questionId)!.difficulty);
    expect(levels).not.toEqual([...levels].sort());
    expect(buildRound(bank, { ...DEFAULT_ROUND_SETTINGS, difficulty: 'mixed' }, 'm')).toEqual(mixed);
  });

  it('scales every time limit without changing the questions', () => {
    const base = buildRound(bank, DEFAULT_ROUND_SETTINGS, 'scale');
    const slow = buildRound(bank, { ...DEFAULT_ROUND_SETTINGS, timeScale: 1.5 }, 'scale');
    expect(slow.questions.map((q) => q.questionId)).toEqual(base.questions.map((q) => q.questionId));
    expect(slow.questions.every((q) => q.timeLimitMs === 30_000)).toBe(true);
  });
});

/** Pinned from the first release of round building: a change here breaks every shared seed. */
const STABLE_IDS = [
  'gamma-q0',
  'alpha-q3',
  'beta-q0',
  'delta-q3',
  'delta-q1',
  'alpha-q1',
  'gamma-q4',
  'beta-q7',
  'delta-q2',
  'alpha-q5',
];

describe('rounds by kind of question', () => {
  const kinds = ['who-speaks', 'source-choice', 'recall'] as const;
  const typed = bank.map((question, index) =>
    index % 4 === 3 ? question : { ...question, kind: kinds[index % 4 === 0 ? 0 : index % 4 === 1 ? 1 : 2] },
  );

  it('draws only the chosen kinds, and a question without a kind only when no kind is chosen', () => {
    const settings = { ...DEFAULT_ROUND_SETTINGS, kinds: ['who-speaks' as const, 'source-choice' as const] };
    const plan = buildRound(typed, settings, 'kinds');
    const byId = new Map(typed.map((q) => [q.id, q]));
    expect(plan.questions).toHaveLength(10);
    for (const planned of plan.questions) expect(settings.kinds).toContain(byId.get(planned.questionId)!.kind);
    expect(questionsOfKinds(typed, ['recall']).every((q) => q.kind === 'recall')).toBe(true);
    expect(questionsOfKinds(typed)).toHaveLength(typed.length);
  });

  it('leaves the rounds of every seed as they were when no kind is chosen', () => {
    expect(buildRound(typed, { ...DEFAULT_ROUND_SETTINGS, kinds: [] }, 'old').questions).toEqual(
      buildRound(typed, DEFAULT_ROUND_SETTINGS, 'old').questions,
    );
  });

  it('counts the kinds a bank holds, for a screen to offer', () => {
    expect(kindCounts(typed)).toEqual([
      { kind: 'recall', count: 9 },
      { kind: 'source-choice', count: 9 },
      { kind: 'who-speaks', count: 9 },
    ]);
  });
});
