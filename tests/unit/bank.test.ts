import { describe, expect, it } from 'vitest';
import { parseBank } from '../../src/core/bank';
import { checkBankBundle } from '../../src/core/bankBundle';
import { formatBankError, type BankFile } from '../../src/core/types';

const SOURCE: BankFile = {
  path: 'questions/sources/eo-13942.md',
  text: `---
id: eo-13942
title: "Executive Order 13942"
author: President of the United States
publisher: Federal Register
date: 2020-08-06
kind: primary
license: public domain (17 U.S.C. 105)
---
Executive Order 13942 of August 6, 2020
Addressing the Threat Posed by TikTok.
The prohibitions begin 45 days after the date of this order.
`,
};

const GOOD_QUESTION = `  - id: eo-signed
    difficulty: 2
    skill: trace-claims
    kind: recall
    prompt: "When was the order signed?"
    choices:
      - text: "August 6, 2020"
        correct: true
      - text: "Early July 2020"
    evidence:
      - source: eo-13942
        quote: "Executive Order 13942 of   August 6, 2020"
    explanation: "The order is dated August 6."`;

function topicFile(questionYaml: string, header = 'topic: timeline\ntitle: "Timeline"\n'): BankFile {
  return { path: 'questions/timeline.yaml', text: `${header}questions:\n${questionYaml}\n` };
}

/** Parses the good question with one change applied, and returns the formatted errors. */
function errorsFor(change: (yaml: string) => string, sources: BankFile[] = [SOURCE]): string[] {
  return parseBank(sources, [topicFile(change(GOOD_QUESTION))]).errors.map(formatBankError);
}

const WHERE = 'questions/timeline.yaml, question "eo-signed"';

describe('question bank validator', () => {
  it('accepts a valid question, folding whitespace in quotes', () => {
    const result = parseBank([SOURCE], [topicFile(GOOD_QUESTION)]);
    expect(result.errors).toEqual([]);
    expect(result.bank.questions).toHaveLength(1);
    expect(result.bank.questions[0]).toMatchObject({ id: 'eo-signed', topic: 'timeline', difficulty: 2 });
    expect(result.bank.sources['eo-13942']!.kind).toBe('primary');
  });

  it.each<[string, (yaml: string) => string, string]>([
    ['a missing prompt', (y) => y.replace(/ {4}prompt: .*\n/, ''), `${WHERE}, field "prompt": is missing`],
    [
      'an unknown field (a typo)',
      (y) => y.replace('      - text: "Early July 2020"', '      - text: "Early July 2020"\n        feedbak: "typo"'),
      `${WHERE}, field "choices[2].feedbak": unknown field (allowed: text, correct, feedback)`,
    ],
    [
      'two correct choices',
      (y) => y.replace('      - text: "Early July 2020"', '      - text: "Early July 2020"\n        correct: true'),
      `${WHERE}, field "choices": exactly one choice must be marked correct: true, found 2`,
    ],
    [
      'no correct choice',
      (y) => y.replace('        correct: true\n', ''),
      `${WHERE}, field "choices": exactly one choice must be marked correct: true, found 0`,
    ],
    [
      'a quote not in the source',
      (y) => y.replace('Executive Order 13942 of   August 6, 2020', 'Executive Order 13942 of July 6, 2020'),
      `${WHERE}, field "evidence[1].quote": not found verbatim in source "eo-13942": "Executive Order 13942 of July 6, 2020"`,
    ],
    [
      'a quote with different punctuation',
      (y) => y.replace('Executive Order 13942 of   August 6, 2020', 'Addressing the Threat Posed by TikTok!'),
      `${WHERE}, field "evidence[1].quote": not found verbatim in source "eo-13942": "Addressing the Threat Posed by TikTok!"`,
    ],
    [
      'a quote joined with "..."',
      (y) => y.replace('Executive Order 13942 of   August 6, 2020', 'Executive Order ... TikTok'),
      `${WHERE}, field "evidence[1].quote": a quote must be one contiguous passage, without "..." joins`,
    ],
    [
      'an unknown source id',
      (y) => y.replace('source: eo-13942', 'source: eo-99999'),
      `${WHERE}, field "evidence[1].source": unknown source id "eo-99999" (no questions/sources/eo-99999.md)`,
    ],
    [
      'a bad asOf date',
      (y) => `${y}\n    asOf: 2020-02-30`,
      `${WHERE}, field "asOf": must be an ISO date (YYYY-MM-DD), found string "2020-02-30"`,
    ],
    [
      'a difficulty out of range',
      (y) => y.replace('difficulty: 2', 'difficulty: 4'),
      `${WHERE}, field "difficulty": must be one of 1, 2, 3, found number 4`,
    ],
    [
      'an unknown skill',
      (y) => y.replace('skill: trace-claims', 'skill: guessing'),
      `${WHERE}, field "skill": must be one of stop, investigate-source, find-better-coverage, trace-claims, found string "guessing"`,
    ],
    [
      'an unknown kind',
      (y) => y.replace('kind: recall', 'kind: lookup'),
      `${WHERE}, field "kind": must be one of recall, arithmetic, claim-check, source-choice, who-speaks, what-is-missing, compare, claim-or-opinion, found string "lookup"`,
    ],
    ['no kind', (y) => y.replace(/ {4}kind: .*\n/, ''), `${WHERE}, field "kind": is missing`],
    [
      'a single choice',
      (y) => y.replace('      - text: "Early July 2020"\n', ''),
      `${WHERE}, field "choices": must hold 2 to 4 choices, found 1`,
    ],
    [
      'five choices',
      (y) =>
        y.replace(
          '      - text: "Early July 2020"',
          '      - text: "Early July 2020"\n      - text: "b"\n      - text: "c"\n      - text: "d"',
        ),
      `${WHERE}, field "choices": must hold 2 to 4 choices, found 5`,
    ],
    [
      'repeated choice texts',
      (y) => y.replace('      - text: "Early July 2020"', '      - text: "august 6, 2020"'),
      `${WHERE}, field "choices[2].text": repeats another choice: "august 6, 2020"`,
    ],
    [
      'an empty explanation',
      (y) => y.replace('explanation: "The order is dated August 6."', 'explanation: "  "'),
      `${WHERE}, field "explanation": must not be empty`,
    ],
    [
      'a time limit out of range',
      (y) => `${y}\n    timeLimitSec: 2`,
      `${WHERE}, field "timeLimitSec": must be a whole number of seconds from 5 to 600, found number 2`,
    ],
    [
      'no evidence',
      (y) => y.replace(/ {4}evidence:\n.*\n.*\n/, '    evidence: []\n'),
      `${WHERE}, field "evidence": must hold 1 to 3 excerpts, found 0`,
    ],
    [
      'an id that is not kebab-case',
      (y) => y.replace('id: eo-signed', 'id: EO_signed'),
      'questions/timeline.yaml, question "EO_signed", field "id": must be kebab-case, found "EO_signed"',
    ],
    [
      'a claim with an unknown verdict',
      (y) => `${y}\n    claim:\n      source: eo-13942\n      quote: "Addressing the Threat"\n      verdict: maybe`,
      `${WHERE}, field "claim.verdict": must be one of accurate, inaccurate, misleading, unsupported, found string "maybe"`,
    ],
    [
      'a verdict settled only by the document the claim comes from',
      (y) =>
        `${y}\n    claim:\n      source: eo-13942\n      quote: "Addressing the Threat"\n      verdict: inaccurate`,
      `${WHERE}, field "claim.verdict": "inaccurate" needs an excerpt from another source than the claim's own (eo-13942)`,
    ],
  ])('rejects %s, naming file, id and field', (_name, change, expected) => {
    expect(errorsFor(change)).toEqual([expected]);
  });

  it('lets a claim the sources cannot settle be checked against its own document', () => {
    const unsupported = `${GOOD_QUESTION}\n    claim:\n      source: eo-13942\n      quote: "Addressing the Threat"\n      verdict: unsupported`;
    expect(parseBank([SOURCE], [topicFile(unsupported)]).errors).toEqual([]);
  });

  it('rejects a duplicate id across files', () => {
    const other: BankFile = {
      ...topicFile(GOOD_QUESTION.replace('Executive Order 13942 of   August 6, 2020', 'Addressing the Threat')),
      path: 'questions/orders.yaml',
    };
    other.text = other.text.replace('topic: timeline', 'topic: orders');
    const errors = parseBank([SOURCE], [topicFile(GOOD_QUESTION), other]).errors.map(formatBankError);
    expect(errors).toEqual([
      'questions/orders.yaml, question "eo-signed", field "id": duplicate question id (also in questions/timeline.yaml)',
    ]);
  });

  it('rejects two questions settled by the same first excerpt', () => {
    const second = GOOD_QUESTION.replace('id: eo-signed', 'id: eo-signed-again');
    const errors = parseBank([SOURCE], [topicFile(`${GOOD_QUESTION}\n${second}`)]).errors.map(formatBankError);
    expect(errors).toEqual([
      'questions/timeline.yaml, question "eo-signed-again", field "evidence[1].quote": the same first excerpt already settles question "eo-signed"',
    ]);
  });

  it('reports broken YAML with its line', () => {
    const errors = parseBank([SOURCE], [topicFile(`${GOOD_QUESTION}\n  - id: [unclosed`)]).errors.map(formatBankError);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^questions\/timeline\.yaml: invalid YAML at line \d+, column \d+: /);
  });

  it('rejects a topic that does not match its file name', () => {
    const errors = parseBank([SOURCE], [topicFile(GOOD_QUESTION, 'topic: orders\ntitle: "x"\n')]).errors.map(
      formatBankError,
    );
    expect(errors).toEqual([
      'questions/timeline.yaml, field "topic": must equal the file name "timeline", found "orders"',
    ]);
  });

  it('checks source front matter: id equals the file name, kind is primary or secondary', () => {
    const bad = {
      ...SOURCE,
      text: SOURCE.text.replace('id: eo-13942', 'id: eo-1').replace('kind: primary', 'kind: tertiary'),
    };
    const errors = parseBank([bad], [topicFile(GOOD_QUESTION)]).errors.map(formatBankError);
    expect(errors).toEqual([
      'questions/sources/eo-13942.md, field "id": must equal the file name "eo-13942", found "eo-1"',
      'questions/sources/eo-13942.md, field "kind": must be one of primary, secondary, found string "tertiary"',
      `${WHERE}, field "evidence[1].source": unknown source id "eo-13942" (no questions/sources/eo-13942.md)`,
    ]);
  });

  it('rejects a source without front matter', () => {
    const errors = parseBank([{ ...SOURCE, text: 'just text' }], []).errors.map(formatBankError);
    expect(errors).toEqual([
      'questions/sources/eo-13942.md: a source must start with YAML front matter between two "---" lines',
    ]);
  });

  it('keeps the valid questions when others fail', () => {
    const broken = GOOD_QUESTION.replace('id: eo-signed', 'id: broken').replace('difficulty: 2', 'difficulty: 9');
    const second = GOOD_QUESTION.replace(
      'Executive Order 13942 of   August 6, 2020',
      '45 days after the date of this order',
    );
    const result = parseBank([SOURCE], [topicFile(`${broken}\n${second}`)]);
    expect(result.errors).toHaveLength(1);
    expect(result.bank.questions.map((q) => q.id)).toEqual(['eo-signed']);
  });
});

describe('downloaded bank check', () => {
  const good = {
    version: 'x',
    topics: [{ id: 't', title: 'T' }],
    sources: { s: { id: 's' } },
    questions: [
      {
        id: 'q',
        prompt: 'p',
        choices: [{ text: 'a', correct: true }, { text: 'b' }],
        evidence: [{ source: 's', quote: 'x' }],
      },
    ],
  };

  it('accepts a well-formed bank', () => {
    expect(checkBankBundle(good).bundle).toBe(good);
  });

  it.each<[string, unknown, string]>([
    ['not an object', 'oops', 'bank.json is not a JSON object'],
    ['no questions', { ...good, questions: undefined }, 'bank.json lacks its questions, topics or sources'],
    ['an empty bank', { ...good, questions: [] }, 'bank.json holds no questions'],
    [
      'an unknown source',
      { ...good, questions: [{ ...good.questions[0], evidence: [{ source: 'zz', quote: 'x' }] }] },
      'bank.json, question 1 ("q"): its evidence names no known source',
    ],
    [
      'two right answers',
      {
        ...good,
        questions: [
          {
            ...good.questions[0],
            choices: [
              { text: 'a', correct: true },
              { text: 'b', correct: true },
            ],
          },
        ],
      },
      'bank.json, question 1 ("q"): needs exactly one correct choice',
    ],
  ])('names what is wrong with %s', (_name, data, message) => {
    expect(checkBankBundle(data).error).toBe(message);
  });
});
