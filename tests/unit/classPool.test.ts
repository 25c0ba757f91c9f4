/**
 * The class-only pool: held back from the game's bank.json by a fixed rule on the question ids, a share of every
 * topic, difficulty and kind, leaving solo play enough questions for every mode.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLASS_ONLY_SHARE, classOnlyIds, soloQuestions } from '../../src/core/classPool';
import { QUESTIONS_PER_ROUND } from '../../src/core/settings';
import { bundleBank, loadBankFromDisk, soloBank } from '../../src/server/bankFiles';
import type { Question } from '../../src/core/types';

const root = join(import.meta.dirname, '..', '..');
const { bank } = loadBankFromDisk(join(root, 'questions'), root);
const groupOf = (question: Question) => `${question.topic}|${question.difficulty}|${question.claim ? 'c' : 'p'}`;

describe('the class-only pool', () => {
  it('holds back the stated share of every topic, difficulty and kind, and ships the rest', () => {
    const held = classOnlyIds(bank.questions);
    const groups = new Map<string, Question[]>();
    for (const question of bank.questions)
      groups.set(groupOf(question), [...(groups.get(groupOf(question)) ?? []), question]);
    for (const [group, questions] of groups) {
      const heldHere = questions.filter((question) => held.has(question.id)).length;
      expect(heldHere, group).toBe(Math.floor(questions.length * CLASS_ONLY_SHARE));
    }
    const solo = soloQuestions(bank.questions);
    expect(solo.length + held.size).toBe(bank.questions.length);
    expect(solo.some((question) => held.has(question.id))).toBe(false);
    const shipped = bundleBank(soloBank(bank));
    expect(shipped.questions.map((question) => question.id).sort()).toEqual(solo.map((question) => question.id).sort());
  });

  it('leaves solo play a full round in every topic, and in the fact-check mode (claims only)', () => {
    const solo = soloQuestions(bank.questions);
    expect(solo.filter((question) => question.claim).length).toBeGreaterThanOrEqual(QUESTIONS_PER_ROUND);
    for (const topic of bank.topics) {
      expect(solo.filter((question) => question.topic === topic.id).length, topic.id).toBeGreaterThanOrEqual(
        QUESTIONS_PER_ROUND,
      );
    }
  });

  it('is fixed by the ids: the same bank in another order, or with a question added, moves at most that group', () => {
    const held = classOnlyIds(bank.questions);
    expect(classOnlyIds([...bank.questions].reverse())).toEqual(held);
    const extra: Question = { ...bank.questions[0]!, id: 'a-new-question-added-later' };
    const after = classOnlyIds([...bank.questions, extra]);
    const changed = [...new Set([...held, ...after])].filter((id) => held.has(id) !== after.has(id));
    const group = groupOf(extra);
    for (const id of changed) {
      const question = id === extra.id ? extra : bank.questions.find((candidate) => candidate.id === id)!;
      expect(groupOf(question)).toBe(group);
    }
    expect(changed.length).toBeLessThanOrEqual(2);
  });
});
