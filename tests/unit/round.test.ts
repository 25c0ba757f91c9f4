import { describe, expect, it } from 'vitest';
import { buildRound, DEFAULT_ROUND_SETTINGS } from '../../src/core/round';
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
