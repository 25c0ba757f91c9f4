/** A teacher's question may have five or six answers: the rules of a round, a session and a class carry them. */
import { describe, expect, it } from 'vitest';
import { parseTopicFile } from '../../src/core/bank';
import { judgeAnswer, tallyQuestions } from '../../src/core/classRules';
import { buildRound, DEFAULT_ROUND_SETTINGS } from '../../src/core/round';
import { answer, displayedChoices, startSession } from '../../src/core/session';
import { MAX_CHOICES, MAX_IMPORTED_CHOICES } from '../../src/core/settings';
import type { BankError } from '../../src/core/types';
import { makeQuestion } from './helpers';

const SIX = ['right', 'two', 'three', 'four', 'five', 'six'].map((text, index) => ({ text, correct: index === 0 }));
const question = makeQuestion('six', { choices: SIX });

function topicFile(choices: number): string {
  const list = Array.from(
    { length: choices },
    (_, i) => `      - text: answer ${i + 1}${i === 0 ? '\n        correct: true' : ''}`,
  );
  return [
    'topic: mine',
    'title: Mine',
    'questions:',
    '  - id: many',
    '    difficulty: 1',
    '    skill: stop',
    '    prompt: Which one?',
    '    choices:',
    ...list,
    '    explanation: Because.',
    '    evidence: []',
    '',
  ].join('\n');
}

describe('five and six answers', () => {
  it('are allowed in a teacher’s bank up to six, while the shipped bank keeps four', () => {
    expect([MAX_CHOICES, MAX_IMPORTED_CHOICES]).toEqual([4, 6]);
    const read = (kind: 'custom' | 'shipped', choices: number) => {
      const errors: BankError[] = [];
      parseTopicFile(
        { path: 'mine.yaml', text: topicFile(choices) },
        { kind, sources: {}, foldedTexts: new Map() },
        errors,
      );
      return errors.filter((error) => error.field === 'choices').map((error) => error.message);
    };
    expect(read('custom', 6)).toEqual([]);
    expect(read('custom', 7)).toEqual(['must hold 2 to 6 choices, found 7']);
    expect(read('shipped', 5)).toEqual(['must hold 2 to 4 choices, found 5']);
  });

  it('are all shuffled into a round and each can be answered in a session', () => {
    const plan = buildRound([question], { ...DEFAULT_ROUND_SETTINGS, questionCount: 1 }, 'six');
    expect([...plan.questions[0]!.choiceOrder].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const session = startSession(plan, [question], 0);
    const shown = displayedChoices(session);
    expect(shown.map((choice) => choice.text).sort()).toEqual([...SIX.map((choice) => choice.text)].sort());
    const right = shown.findIndex((choice) => choice.correct);
    expect(answer(session, right, 1000).log[0]).toMatchObject({
      correct: true,
      choiceIndex: plan.questions[0]!.choiceOrder[right],
    });
    const sixth = answer(session, 5, 1000);
    expect(sixth.log[0]).toMatchObject({ choiceIndex: plan.questions[0]!.choiceOrder[5] });
    expect(answer(session, 6, 1000)).toBe(session);
  });

  it('are judged and tallied in a class', () => {
    const planned = buildRound([question], { ...DEFAULT_ROUND_SETTINGS, questionCount: 1 }, 'class').questions[0]!;
    const judge = (picked: number) =>
      judgeAnswer({ question, planned, picked, servedAt: 0, now: 1000, streakBefore: 0, speedPoints: true });
    expect(judge(5)).toMatchObject({ ok: true, judged: { choiceIndex: planned.choiceOrder[5] } });
    expect(judge(6)).toEqual({ ok: false, reason: 'unknown-choice' });
    const [tally] = tallyQuestions([{ question, planned }], [{ position: 0, choiceIndex: 5, count: 2 }], 1);
    expect(tally!.choices).toHaveLength(6);
    expect(tally!.choices[planned.choiceOrder.indexOf(5)]).toEqual({ text: 'six', count: 2, correct: false });
  });
});
