import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  balanceProblems,
  MIN_QUESTIONS_TO_WARN,
  measureBalance,
  rightAnswerIsUniquelyLongest,
  rightAnswerIsUniquelyShortest,
} from '../../src/core/bankBalance';
import { exportTopicYaml, importQuestions } from '../../src/core/import/index';
import { bankReport } from '../../src/core/bankReport';
import { loadBankFromDisk } from '../../src/server/bankFiles';
import { formatBankError, type Question } from '../../src/core/types';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'tests', 'fixtures', 'bank-rules');

function question(texts: string[], right = 0, extra: Partial<Question> = {}): Question {
  return {
    id: 'q',
    topic: 't',
    difficulty: 1,
    skill: 'stop',
    prompt: 'Which?',
    choices: texts.map((text, index) => ({ text, correct: index === right })),
    evidence: [],
    ...extra,
  };
}

function problemsOf(folder: string): string[] {
  return loadBankFromDisk(join(fixtures, folder), root).errors.map(formatBankError);
}

describe('the length of the right answer', () => {
  it('counts a right answer longer than every other choice, by characters after trimming', () => {
    expect(rightAnswerIsUniquelyLongest(question(['longest one', 'short', 'shorter'], 0))).toBe(true);
    expect(rightAnswerIsUniquelyLongest(question(['  same  ', 'same', 'x'], 0))).toBe(false);
    expect(rightAnswerIsUniquelyLongest(question(['longest one', 'short'], 1))).toBe(false);
  });

  it('counts a right answer shorter than every other choice', () => {
    expect(rightAnswerIsUniquelyShortest(question(['ab', 'abc', 'abcd'], 0))).toBe(true);
    expect(rightAnswerIsUniquelyShortest(question(['ab', 'ab ', 'abcd'], 0))).toBe(false);
  });
});

describe('the balance of a bank', () => {
  it('measures shares, kinds, lookups and the spread of the moves', () => {
    const questions = [
      question(['a longer answer', 'b'], 0, { skill: 'stop', kind: 'recall' }),
      question(['a', 'bb'], 0, { skill: 'investigate-source', kind: 'compare' }),
      question(['a', 'b'], 0, { skill: 'find-better-coverage', kind: 'arithmetic' }),
      question(['a', 'b'], 0, { skill: 'trace-claims' }),
    ];
    const balance = measureBalance([{ id: 't', title: 'T' }], questions);
    expect(balance.longest).toEqual({ count: 1, share: 0.25 });
    expect(balance.shortest).toEqual({ count: 1, share: 0.25 });
    expect(balance.kinds.recall).toBe(1);
    expect(balance.kinds.compare).toBe(1);
    expect(balance.withoutKind).toBe(1);
    expect(balance.lookups).toEqual({ count: 2, share: 0.5 });
    expect(balance.skillRatio).toBe(1);
    expect(balanceProblems(balance).map((p) => p.rule)).toEqual(['lookup-share']);
  });

  it('holds the most-used move to 1.2 times the least-used, and a move never used fails', () => {
    const skills = (counts: number[]) =>
      measureBalance(
        [],
        counts.flatMap((count, index) =>
          Array.from({ length: count }, () =>
            question(['a', 'b'], 0, {
              skill: (['stop', 'investigate-source', 'find-better-coverage', 'trace-claims'] as const)[index],
            }),
          ),
        ),
      );
    expect(skills([6, 5, 5, 5]).skillRatio).toBeCloseTo(1.2);
    expect(balanceProblems(skills([6, 5, 5, 5]))).toEqual([]);
    expect(balanceProblems(skills([7, 5, 5, 5])).map((p) => p.rule)).toEqual(['skill-ratio']);
    expect(balanceProblems(skills([5, 5, 5, 0])).map((p) => p.rule)).toEqual(['skill-ratio']);
  });
});

describe('the shipped bank rules, on fixture banks that each break one', () => {
  it('passes the fixture that meets every rule', () => {
    expect(problemsOf('good')).toEqual([]);
  });

  it.each([
    [
      'a bank whose right answer is the uniquely longest choice in more than 30 % of questions',
      'longest-answer',
      'tests/fixtures/bank-rules/longest-answer: the right answer is the uniquely longest choice in 4 of 12 questions ' +
        '(33.3 %, at most 30 % allowed): make wrong choices as specific as the right one, or the right one plainer',
    ],
    [
      'a topic whose right answer is the uniquely longest choice in more than 40 % of its questions',
      'topic-longest-answer',
      'tests/fixtures/bank-rules/topic-longest-answer/topic-a.yaml: the right answer is the uniquely longest choice ' +
        "in 3 of this topic's 6 questions (50 %, at most 40 % per topic allowed)",
    ],
    [
      'a bank with more than 35 % lookups (recall and arithmetic)',
      'lookup-share',
      'tests/fixtures/bank-rules/lookup-share: 5 of 12 questions are recall or arithmetic (41.7 %, at most 35 % allowed): ' +
        'turn lookups into questions that practise a move on a source',
    ],
    [
      'a bank whose most-used move is more than 1.2 times its least-used',
      'skill-ratio',
      'tests/fixtures/bank-rules/skill-ratio: the four moves are not used about equally (stop 4, investigate-source 3, ' +
        'find-better-coverage 3, trace-claims 2): the most-used may be at most 1.2 times the least-used',
    ],
  ])('fails %s', (_rule, fixture, problem) => {
    expect(problemsOf(fixture)).toEqual([problem]);
  });

  it('fails a shipped question without a kind', () => {
    // The question is left out, so the rest of the bank may break other rules as well.
    expect(problemsOf('missing-kind')).toContain(
      'tests/fixtures/bank-rules/missing-kind/topic-a.yaml, question "topic-a-q6", field "kind": is missing',
    );
  });
});

describe("a teacher's own bank", () => {
  const yaml = (skills: string[]) =>
    `topic: my-quiz\ntitle: My quiz\nquestions:\n` +
    skills
      .map(
        (skill, i) =>
          `  - id: q${i}\n    difficulty: 1\n    skill: ${skill}\n    prompt: Which one?\n    choices:\n` +
          `      - text: The right one, and longest\n        correct: true\n      - text: Wrong\n`,
      )
      .join('');

  it('is warned, not refused, when the right answer is too often the longest choice or the moves are uneven', () => {
    const skills = Array.from({ length: 10 }, () => 'stop');
    const result = importQuestions({ path: 'my-quiz.yaml', text: yaml(skills) }, { sources: {} });
    expect(result.problems).toEqual([]);
    expect(result.questions).toHaveLength(10);
    expect(result.warnings).toEqual([
      'the right answer is the uniquely longest choice in 10 of 10 questions (100 %, at most 30 % allowed): ' +
        'make wrong choices as specific as the right one, or the right one plainer',
      'the four moves are not used about equally (stop 10, investigate-source 0, find-better-coverage 0, ' +
        'trace-claims 0): the most-used may be at most 1.2 times the least-used',
    ]);
  });

  it('is not warned when it is too short for a share to mean much', () => {
    const short = Array.from({ length: MIN_QUESTIONS_TO_WARN - 1 }, () => 'stop');
    expect(importQuestions({ path: 'my-quiz.yaml', text: yaml(short) }, { sources: {} }).warnings).toEqual([]);
  });

  it('is not warned about the moves when its format cannot name them (GIFT, spreadsheet)', () => {
    const text = Array.from({ length: 10 }, (_, i) => `Question ${i}? {=Yes ~Nay}`).join('\n\n');
    const result = importQuestions({ path: 'quiz.gift', text }, { sources: {} });
    expect(result.questions).toHaveLength(10);
    expect(result.warnings).toEqual([]);
  });

  it('keeps a kind through export and import, and may leave it out', () => {
    const text = yaml(['stop', 'trace-claims']).replace('    skill: stop\n', '    skill: stop\n    kind: who-speaks\n');
    const first = importQuestions({ path: 'my-quiz.yaml', text }, { sources: {} });
    expect(first.questions.map((q) => q.kind)).toEqual(['who-speaks', undefined]);
    const again = importQuestions(
      { path: 'my-quiz.yaml', text: exportTopicYaml(first.topic, first.questions) },
      { sources: {} },
    );
    expect(again.questions).toEqual(first.questions);
  });
});

describe('npm run bank:report', () => {
  it('prints the longest and shortest shares, the kinds, the lookups, the moves and the problems', () => {
    const { bank, errors } = loadBankFromDisk(join(fixtures, 'lookup-share'), root);
    const report = bankReport(bank, errors.map(formatBankError));
    expect(report).toContain('Right answer is the uniquely longest choice: 3 (25 %), at most 30 %');
    expect(report).toContain('Right answer is the uniquely shortest choice: 0 (0 %)');
    expect(report).toContain('  topic-a: longest 2 (33.3 %) of 6, at most 40 %; shortest 0 (0 %)');
    expect(report).toMatch(/^ {2}recall +3$/m);
    expect(report).toMatch(/^ {2}claim-check +0$/m);
    expect(report).toContain('Lookups (recall + arithmetic): 5 (41.7 %), at most 35 %');
    expect(report).toContain('Skill spread: most-used over least-used 1.00, at most 1.2');
    expect(report).toMatch(/\n1 problem\n {2}tests\/fixtures\/bank-rules\/lookup-share: 5 of 12 questions/);
  });
});
