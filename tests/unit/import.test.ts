/**
 * The import corpus: teachers' files in each format, good and broken, each with the number of questions it
 * yields and every problem word for word; and round trips through the YAML export.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBank, parseSources } from '../../src/core/bank';
import {
  exportTopicYaml,
  formatImportProblem,
  IMPORT_EXTENSIONS,
  importFormatOf,
  importQuestions,
  type ImportFormat,
  type ImportResult,
} from '../../src/core/import/index';
import type { BankError, BankFile, Question } from '../../src/core/types';
import { loadBankFromDisk, readSourceFiles } from '../../src/server/bankFiles';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'tests', 'fixtures', 'import');
const FORMATS: ImportFormat[] = ['gift', 'csv', 'yaml'];
const MIN_FIXTURES_PER_FORMAT = 20;

const sourceErrors: BankError[] = [];
const sources = parseSources(readSourceFiles(join(fixtures, 'sources'), fixtures), sourceErrors);

function fixture(file: string): BankFile {
  return { path: file.split('/').pop()!, text: readFileSync(join(fixtures, file), 'utf8') };
}

function importFixture(file: string): ImportResult {
  return importQuestions(fixture(file), { sources });
}

/**
 * Every file of the corpus: the questions it yields, its problems (what is skipped) and the changes made to the
 * questions that play, as a teacher reads them.
 */
const CORPUS: [file: string, questions: number, problems: string[], changes?: string[]][] = [
  ['gift/broken-empty-answer.gift', 0, ['Line 1, question "Empty answer", answer 2: is empty']],
  ['gift/broken-empty-file.gift', 0, ['The file holds no questions']],
  ['gift/broken-empty-question-text.gift', 0, ['Line 1, question "Nameless", question text: is empty']],
  [
    'gift/broken-essay.gift',
    0,
    [
      'Line 1, question "Essay", answers: are empty, as in an essay question: the game needs answers to choose from, like {=right ~wrong}',
    ],
  ],
  ['gift/broken-seven-answers.gift', 0, ['Line 1, question "Seven", answers: has 7 answers; the game shows at most 6']],
  [
    'gift/broken-four-sources.gift',
    0,
    ['Line 5, question "Four", source comments: has 4 source excerpts; the game shows at most 3'],
  ],
  [
    'gift/changed-joined-quote.gift',
    1,
    [],
    [
      'Line 1, question "Joined", source comment 1 (quote): an excerpt must be one passage copied exactly, without "..." joining two parts; the question plays without a source excerpt',
    ],
  ],
  [
    'gift/broken-matching.gift',
    0,
    [
      'Line 1, question "Matching", answers: matching questions (=item -> match) are not supported: the game needs answers to choose from, like {=right ~wrong}',
    ],
  ],
  [
    'gift/broken-missing-blank-line.gift',
    0,
    [
      'Line 3, question "First": a second set of answers { } follows the first: leave a blank line between two questions',
    ],
  ],
  [
    'gift/broken-no-answers.gift',
    0,
    ['Line 2, question "No answers": has no answers: put them between { and }, like {=right ~wrong}'],
  ],
  [
    'gift/broken-no-correct.gift',
    0,
    ['Line 2, question "No right answer", answers: no answer is marked correct; start the right answer with "="'],
  ],
  [
    'gift/broken-numerical.gift',
    0,
    [
      'Line 1, question "Numerical", answers: numerical questions ({#...}) are not supported: the game needs answers to choose from, like {=right ~wrong}',
    ],
  ],
  [
    'gift/broken-orphan-source-comment.gift',
    1,
    ['Line 1, source comment: belongs to no question: put it right above its question, with no blank line in between'],
  ],
  [
    'gift/broken-partial-credit.gift',
    0,
    [
      'Line 2, question "Partial", answer 1: partial credit (%50%) is not supported: start the one right answer with "=" and the others with "~"',
    ],
  ],
  [
    'gift/changed-quote-not-in-source.gift',
    1,
    [],
    [
      'Line 2, question "Signed", source comment 1 (quote): these words are not in source "eo-13942" exactly as written: "THE WHITE HOUSE, July 6, 2020." (copy them exactly; line breaks and extra spaces do not matter); the question plays without a source excerpt',
    ],
  ],
  [
    'gift/broken-repeated-answer.gift',
    0,
    ['Line 1, question "Repeated", answer 3: repeats another answer: "bytedance"'],
  ],
  [
    'gift/broken-same-excerpt.gift',
    1,
    [
      'Line 4, question "Signed again", source comment 1 (quote): settles the question with the same excerpt as the question at line 2; give each question its own excerpt',
    ],
  ],
  [
    'gift/broken-short-answer.gift',
    0,
    [
      'Line 1, question "Short answer", answers: short-answer questions (only "=" answers) are not supported: add wrong answers with "~" to make it multiple choice',
    ],
  ],
  [
    'gift/changed-source-comment-without-quote.gift',
    1,
    [],
    [
      'Line 1, question "Signed", source comment: is not used: it needs both parts, like // source: eo-13942 | quote: "the exact words"; the question plays without a source excerpt',
    ],
  ],
  [
    'gift/broken-stray-close-brace.gift',
    0,
    ['Line 1, question "Stray": "}" comes before any "{" (write \\} for a brace that is part of the text)'],
  ],
  [
    'gift/broken-two-correct.gift',
    0,
    [
      'Line 1, question "Two right answers", answers: 2 answers are marked correct, but the game needs exactly one; start the right answer with "=" and the others with "~"',
    ],
  ],
  ['gift/broken-unclosed-brace.gift', 0, ['Line 1, question "Unclosed": "{" is never closed with "}"']],
  ['gift/broken-unclosed-title.gift', 0, ['Line 1, title: starts with "::" but is never closed with "::"']],
  [
    'gift/changed-unknown-source.gift',
    1,
    [],
    [
      'Line 1, question "Signed", source comment 1 (source): no source called "eo-99999" (the sources are: eo-13942, tiktok-ban-article-2020); the question plays without a source excerpt',
    ],
  ],
  ['gift/good-comments-and-category.gift', 2, []],
  ['gift/good-escapes.gift', 1, []],
  ['gift/good-five-answers.gift', 1, []],
  ['gift/good-missing-word.gift', 1, []],
  ['gift/good-moodle-export.txt', 1, []],
  ['gift/good-multiline.gift', 1, []],
  ['gift/good-multiple-choice.gift', 1, []],
  ['gift/good-no-source.gift', 2, []],
  ['gift/good-three-sources.gift', 1, []],
  ['gift/good-true-false.gift', 4, []],
  ['gift/good-weights.gift', 1, []],
  ['gift/good-windows-line-endings.gift', 2, []],
  [
    'gift/mixed-good-and-broken.gift',
    3,
    [
      'Line 4, question "Bad one", answers: no answer is marked correct; start the right answer with "="',
      'Line 8, question "Essay", answers: are empty, as in an essay question: the game needs answers to choose from, like {=right ~wrong}',
    ],
  ],
  [
    'csv/broken-correct-letter.csv',
    0,
    [
      'Row 2, question "Who owns TikTok?", column "Correct answer(s)": must be the number of the right answer, 1 to 6; found "A"',
    ],
  ],
  [
    'csv/broken-correct-out-of-range.csv',
    0,
    [
      'Row 2, question "Who owns TikTok?", column "Correct answer(s)": must be the number of the right answer, 1 to 6; found "7"',
    ],
  ],
  [
    'csv/broken-correct-points-to-empty.csv',
    0,
    [
      'Row 2, question "Who owns TikTok?", column "Correct answer(s)": says answer 3 is correct, but column "Answer 3" is empty',
    ],
  ],
  [
    'csv/broken-empty-file.csv',
    0,
    ['No header row found: the sheet needs columns named "Question", "Answer 1", "Answer 2", "Correct answer(s)"'],
  ],
  ['csv/broken-empty-question.csv', 0, ['Row 2, column "Question": is empty']],
  [
    'csv/broken-excerpt-without-source.csv',
    0,
    [
      'Row 2, question "When was EO 13942 signed?", column "Source": is empty: name the source that the excerpt comes from',
    ],
  ],
  [
    'csv/broken-joined-quote.csv',
    0,
    [
      'Row 2, question "When was EO 13942 signed?", column "Excerpt": an excerpt must be one passage copied exactly, without "..." joining two parts',
    ],
  ],
  ['csv/broken-missing-correct-column.csv', 0, ['Row 1: the header row has no "Correct answer(s)" column']],
  [
    'csv/broken-no-correct.csv',
    5,
    [
      'Row 7, question "What does SIFT\'s T stand for?", column "Correct answer(s)": no answer is marked correct; write the number of the right answer (1 to 6)',
    ],
  ],
  [
    'csv/broken-no-header.csv',
    0,
    ['No header row found: the sheet needs columns named "Question", "Answer 1", "Answer 2", "Correct answer(s)"'],
  ],
  [
    'csv/broken-one-answer.csv',
    0,
    ['Row 2, question "Who owns TikTok?", columns "Answer 1" to "Answer 6": needs at least 2 answers, found 1'],
  ],
  [
    'csv/broken-quote-not-found.csv',
    0,
    [
      'Row 2, question "When was EO 13942 signed?", column "Excerpt": these words are not in source "eo-13942" exactly as written: "THE WHITE HOUSE, August 6th, 2020." (copy them exactly; line breaks and extra spaces do not matter)',
    ],
  ],
  [
    'csv/broken-repeated-answer.csv',
    0,
    ['Row 2, question "Who owns TikTok?", column "Answer 3": repeats another answer: "bytedance"'],
  ],
  [
    'csv/broken-same-excerpt.csv',
    1,
    [
      'Row 3, question "In which month was EO 13942 signed?", column "Excerpt": settles the question with the same excerpt as the question at row 2; give each question its own excerpt',
    ],
  ],
  [
    'csv/broken-source-without-excerpt.csv',
    0,
    ['Row 2, question "When was EO 13942 signed?", column "Excerpt": is empty: copy the exact words from the source'],
  ],
  [
    'csv/broken-stray-quote.csv',
    2,
    ['Row 3: a cell has text after its closing quotation mark ("): put quotation marks inside a cell as ""'],
  ],
  [
    'csv/broken-time-limit.csv',
    0,
    [
      'Row 2, question "Who owns TikTok?", column "Time limit (sec)": must be a whole number of seconds from 5 to 600, found "twenty"',
      'Row 3, question "Who signed EO 13942?", column "Time limit (sec)": must be a whole number of seconds from 5 to 600, found "2"',
      'Row 4, question "How many days?", column "Time limit (sec)": must be a whole number of seconds from 5 to 600, found "20.5"',
    ],
  ],
  [
    'csv/broken-two-correct.csv',
    0,
    [
      'Row 2, question "Which are primary sources?", column "Correct answer(s)": 2 answers are marked correct, but the game needs exactly one; write the number of one answer only',
    ],
  ],
  [
    'csv/broken-unclosed-quote.csv',
    1,
    ['Row 3: a cell opens a quotation mark (") that is never closed, so the rest of the file reads as one cell'],
  ],
  [
    'csv/broken-unknown-column.csv',
    1,
    [
      'Row 1, column "Explaination": is not read: the game reads Question, Answer 1 to Answer 6, Time limit (sec), Correct answer(s), Source, Excerpt and Explanation',
    ],
  ],
  [
    'csv/broken-unknown-source.csv',
    0,
    [
      'Row 2, question "When was EO 13942 signed?", column "Source": no source called "Federal Register" (the sources are: eo-13942, tiktok-ban-article-2020)',
    ],
  ],
  ['csv/good-answers-with-gaps.csv', 1, []],
  ['csv/good-excel-utf8-bom.csv', 2, []],
  ['csv/good-explanation-only.csv', 1, []],
  ['csv/good-kahoot-template.csv', 2, []],
  ['csv/good-plain-header.csv', 2, []],
  ['csv/good-quoted-cells.csv', 2, []],
  ['csv/good-semicolon.csv', 2, []],
  ['csv/good-source-excerpt-explanation.csv', 2, []],
  ['csv/good-tab-separated.csv', 1, []],
  ['csv/good-time-limits.csv', 4, []],
  ['csv/good-two-answers.csv', 2, []],
  [
    'csv/mixed-rows.csv',
    3,
    [
      'Row 3, question "Who owns TikTok? (no right answer)", column "Correct answer(s)": no answer is marked correct; write the number of the right answer (1 to 6)',
      'Row 5, question "A question with one answer", columns "Answer 1" to "Answer 6": needs at least 2 answers, found 1',
    ],
  ],
  [
    'yaml/broken-bad-as-of.yaml',
    0,
    ['Line 17, question "eo-13942-signed", field "asOf": must be an ISO date (YYYY-MM-DD), found string "August 6"'],
  ],
  [
    'yaml/broken-bad-difficulty.yaml',
    0,
    ['Line 5, question "eo-13942-signed", field "difficulty": must be one of 1, 2, 3, found string "hard"'],
  ],
  [
    'yaml/broken-bad-skill.yaml',
    0,
    [
      'Line 6, question "eo-13942-signed", field "skill": must be one of stop, investigate-source, find-better-coverage, trace-claims, found string "sift"',
    ],
  ],
  [
    'yaml/broken-claim-verdict.yaml',
    0,
    [
      'Line 20, question "eo-13942-signed", field "claim.verdict": must be one of accurate, inaccurate, misleading, unsupported, found string "wrong"',
    ],
  ],
  [
    'yaml/broken-duplicate-id.yaml',
    1,
    [
      'Line 18, question "eo-13942-signed", field "id": another question already has this id: give each question its own',
    ],
  ],
  ['yaml/broken-empty-explanation.yaml', 0, ['Line 16, question "eo-13942-signed", field "explanation": is empty']],
  ['yaml/broken-empty-questions.yaml', 0, ['The file holds no questions']],
  [
    'yaml/broken-four-excerpts.yaml',
    0,
    ['Line 14, question "eo-13942-signed", field "evidence": has 4 source excerpts; the game shows at most 3'],
  ],
  [
    'yaml/broken-id-not-kebab.yaml',
    0,
    ['Line 4, question "EO 13942 signed", field "id": must be kebab-case, found "EO 13942 signed"'],
  ],
  ['yaml/broken-missing-prompt.yaml', 0, ['Line 4, question "eo-13942-signed", field "prompt": is missing']],
  [
    'yaml/broken-no-correct.yaml',
    0,
    [
      'Line 9, question "eo-13942-signed", field "choices": no answer is marked correct; add "correct: true" to the right one',
    ],
  ],
  [
    'yaml/broken-not-a-mapping.yaml',
    0,
    ['A topic file must be a mapping with topic, title and questions, found a list'],
  ],
  ['yaml/broken-questions-missing.yaml', 0, ['Line 1, field "questions": is missing']],
  [
    'yaml/broken-quote-not-found.yaml',
    0,
    [
      'Line 15, question "eo-13942-signed", field "evidence[1].quote": these words are not in source "eo-13942" exactly as written: "THE WHITE HOUSE, July 6, 2020." (copy them exactly; line breaks and extra spaces do not matter)',
    ],
  ],
  [
    'yaml/broken-same-excerpt.yaml',
    1,
    [
      'Line 18, question "eo-13942-month", field "evidence[1].quote": settles the question with the same excerpt as the question at line 4 ("eo-13942-signed"); give each question its own excerpt',
    ],
  ],
  ['yaml/broken-syntax.yaml', 0, ['Invalid YAML at line 9, column 24: Missing closing "quote']],
  [
    'yaml/broken-time-limit.yaml',
    0,
    [
      'Line 17, question "eo-13942-signed", field "timeLimitSec": must be a whole number of seconds from 5 to 600, found "1000"',
    ],
  ],
  [
    'yaml/broken-two-correct.yaml',
    0,
    [
      'Line 9, question "eo-13942-signed", field "choices": 2 answers are marked correct, but the game needs exactly one; keep "correct: true" on the right one only',
    ],
  ],
  [
    'yaml/broken-unknown-field.yaml',
    0,
    [
      'Line 9, question "eo-13942-signed", field "choices": no answer is marked correct; add "correct: true" to the right one',
      'Line 10, question "eo-13942-signed", field "choices[1].corect": unknown field (allowed: text, correct, feedback)',
    ],
  ],
  [
    'yaml/broken-unknown-source.yaml',
    0,
    [
      'Line 14, question "eo-13942-signed", field "evidence[1].source": no source called "eo-13943" (the sources are: eo-13942, tiktok-ban-article-2020)',
    ],
  ],
  ['yaml/good-empty-evidence-list.yaml', 1, []],
  ['yaml/good-full.yaml', 2, []],
  ['yaml/good-no-explanation.yaml', 1, []],
  ['yaml/good-no-source.yaml', 1, []],
  ['yaml/good-three-excerpts.yaml', 1, []],
  ['yaml/good-topic-not-file-name.yaml', 1, []],
  ['yaml/good-whitespace-in-quote.yaml', 1, []],
  [
    'yaml/mixed.yaml',
    2,
    ['Line 19, question "broken-one", field "difficulty": must be one of 1, 2, 3, found number 5'],
  ],
];

describe('the import corpus', () => {
  it('loads its two source documents', () => {
    expect(sourceErrors).toEqual([]);
    expect(Object.keys(sources).sort()).toEqual(['eo-13942', 'tiktok-ban-article-2020']);
  });

  it.each(CORPUS)('%s: %i questions and exactly these problems and changes', (file, count, problems, changes) => {
    const result = importFixture(file);
    expect(result.problems.map(formatImportProblem)).toEqual(problems);
    expect(result.changes.map(formatImportProblem)).toEqual(changes ?? []);
    expect(result.questions).toHaveLength(count);
  });

  it.each(FORMATS)('lists every %s fixture in the table, at least 20 of them, good and broken', (format) => {
    const files = readdirSync(join(fixtures, format)).map((name) => `${format}/${name}`);
    expect(files.sort()).toEqual(
      CORPUS.map(([file]) => file)
        .filter((file) => file.startsWith(`${format}/`))
        .sort(),
    );
    expect(files.length).toBeGreaterThanOrEqual(MIN_FIXTURES_PER_FORMAT);
    expect(files.some((file) => file.includes('/good-'))).toBe(true);
    expect(files.some((file) => file.includes('/broken-'))).toBe(true);
  });

  it('finds no problem in a good file and at least one in a broken one', () => {
    for (const [file, , problems, changes] of CORPUS) {
      if (file.includes('/good-')) expect(problems, file).toEqual([]);
      if (file.includes('/changed-')) {
        expect(problems, file).toEqual([]);
        expect(changes?.length, file).toBeGreaterThan(0);
      }
      if (file.includes('/broken-')) expect(problems.length, file).toBeGreaterThan(0);
    }
  });
});

/** The fields a question keeps whatever its format, for comparing questions across formats. */
function content(question: Question) {
  const { id: _id, topic: _topic, ...rest } = question;
  return rest;
}

describe('what the importers read', () => {
  it('reads a GIFT multiple-choice question: title, feedback, general feedback and source comment', () => {
    const [question] = importFixture('gift/good-multiple-choice.gift').questions;
    expect(question).toEqual({
      id: 'eo-13942-signed',
      topic: 'good-multiple-choice',
      difficulty: 2,
      skill: 'trace-claims',
      prompt: 'The article says the ultimatum came "in early July". When was EO 13942 signed?',
      choices: [
        { text: 'August 6, 2020', correct: true, feedback: 'Right: the date under the signature.' },
        { text: 'Early July 2020', correct: false, feedback: "That is the article's claim, not the order's date." },
        { text: 'September 15, 2020', correct: false },
        { text: 'June 29, 2020', correct: false, feedback: "That is the date the article gives for India's ban." },
      ],
      evidence: [{ source: 'eo-13942', quote: 'THE WHITE HOUSE, August 6, 2020.' }],
      explanation: 'The order itself is dated August 6, 2020, a month after the article\'s "early July".',
    });
  });

  it('gives GIFT true/false answers the feedback Moodle shows: the first # for a wrong answer', () => {
    const [first, second, third] = importFixture('gift/good-true-false.gift').questions;
    expect(first!.choices).toEqual([
      { text: 'True', correct: true, feedback: 'Yes: it names ByteDance.' },
      { text: 'False', correct: false, feedback: 'Look again at the first paragraph.' },
    ]);
    expect(second!.choices).toEqual([
      { text: 'True', correct: false },
      { text: 'False', correct: true },
    ]);
    expect(third!.explanation).toBe('No byline, outlet or date: a reason to stop and investigate.');
  });

  it('resolves GIFT escapes, HTML from a Moodle export, line breaks and the missing-word blank', () => {
    const [escapes] = importFixture('gift/good-escapes.gift').questions;
    expect(escapes!.prompt).toBe('Which sign marks the right answer in GIFT, = or ~?');
    expect(escapes!.choices.map((choice) => choice.text)).toEqual([
      'The equals sign =',
      'The tilde ~',
      'The hash #',
      'Braces { }',
    ]);
    expect(escapes!.choices[0]!.feedback).toBe('Right: =, and ~ marks a wrong one.');
    expect(escapes!.explanation).toBe('In GIFT = marks the right answer; write \\ for a backslash.');

    const [moodle] = importFixture('gift/good-moodle-export.txt').questions;
    expect(moodle!.prompt).toBe('Which outlet published the 2020 article?');
    expect(moodle!.choices[0]).toEqual({
      text: 'It does not say',
      correct: true,
      feedback: 'Right & important: no outlet is named.',
    });
    expect(moodle!.choices[2]!.text).toBe('Reuters <wire>');
    expect(moodle!.explanation).toBe('Without an outlet or a byline, you cannot check who stands behind it.');

    expect(importFixture('gift/good-multiline.gift').questions[0]!.prompt).toBe(
      'Executive Order 13942 says the prohibitions begin some number of days after the date of the order. How many?',
    );
    expect(importFixture('gift/good-missing-word.gift').questions[0]!.prompt).toBe(
      'The prohibitions of EO 13942 began _____ days after the date of the order.',
    );
  });

  it('reads Moodle weights: 100% is right, zero and negative weights are wrong', () => {
    const [question] = importFixture('gift/good-weights.gift').questions;
    expect(question!.choices.map((choice) => choice.correct)).toEqual([true, false, false]);
  });

  it('reads the Kahoot! template below its instructions, skipping the numbered empty rows', () => {
    const { questions } = importFixture('csv/good-kahoot-template.csv');
    expect(questions.map((question) => [question.prompt, question.timeLimitSec])).toEqual([
      ['Which company does the article say owns TikTok?', 20],
      ['The article says the ultimatum came "in early July". When was EO 13942 signed?', 30],
    ]);
    expect(questions[1]!.choices).toEqual([
      { text: 'Early July 2020', correct: false },
      { text: 'August 6, 2020', correct: true },
    ]);
  });

  it('counts "Correct answer(s)" by column, also when answer columns are left empty', () => {
    const [question] = importFixture('csv/good-answers-with-gaps.csv').questions;
    expect(question!.choices).toEqual([
      { text: 'Wrong', correct: false },
      { text: 'Right', correct: true },
    ]);
  });

  it('reads the Source, Excerpt and Explanation columns', () => {
    const [signed, owner] = importFixture('csv/good-source-excerpt-explanation.csv').questions;
    expect(signed!.evidence).toEqual([{ source: 'eo-13942', quote: 'THE WHITE HOUSE, August 6, 2020.' }]);
    expect(signed!.explanation).toBe("The order is dated August 6; the article's early July is wrong.");
    expect(owner!.explanation).toBeUndefined();
  });

  it('reads the same sheet saved with commas, semicolons or tabs, quoted cells and a byte-order mark', () => {
    expect(importFixture('csv/good-semicolon.csv').questions[0]!.prompt).toBe(
      'Who owns TikTok, according to the article?',
    );
    expect(importFixture('csv/good-tab-separated.csv').questions[0]!.prompt).toBe(
      'Who owns TikTok, according to the article?',
    );
    const [quoted] = importFixture('csv/good-quoted-cells.csv').questions;
    expect(quoted!.prompt).toBe('A question with a comma, "quotes" and a line break?');
    expect(quoted!.choices[0]!.text).toBe('Yes, all three');
    expect(importFixture('csv/good-excel-utf8-bom.csv').questions[0]!.prompt).toBe(
      'Who owns TikTok? — the article’s answer',
    );
  });

  it('flags questions without a source excerpt, and only those', () => {
    const withSource = importFixture('csv/good-source-excerpt-explanation.csv').questions;
    expect(withSource.every((question) => question.noSource === undefined && question.evidence.length === 1)).toBe(
      true,
    );
    for (const file of ['gift/good-no-source.gift', 'csv/good-plain-header.csv', 'yaml/good-no-source.yaml']) {
      const { questions } = importFixture(file);
      expect(questions.length, file).toBeGreaterThan(0);
      for (const question of questions) expect([question.noSource, question.evidence], file).toEqual([true, []]);
    }
  });

  it('builds unique kebab-case ids from GIFT titles or question texts', () => {
    const ids = importFixture('gift/good-true-false.gift').questions.map((question) => question.id);
    expect(ids).toEqual([
      'the-article-names-the-company-that',
      'the-article-dates-senator-rubios-request',
      'byline',
      'order-number',
    ]);
    const twice = importQuestions(
      { path: 'twice.gift', text: 'Who owns TikTok? {=ByteDance ~Microsoft}\n\nWho owns TikTok? {=ByteDance ~Oracle}' },
      { sources },
    );
    expect(twice.questions.map((question) => question.id)).toEqual(['who-owns-tiktok', 'who-owns-tiktok-2']);
  });

  it('keeps the shipped bank strict: kind, evidence and explanation are required there', () => {
    const text = readFileSync(join(fixtures, 'yaml', 'good-no-source.yaml'), 'utf8')
      .replace('topic: my-quiz', 'topic: good-no-source')
      .replace(/ {4}explanation: .*\n/, '');
    const { errors } = parseBank(readSourceFiles(join(fixtures, 'sources'), fixtures), [
      { path: 'questions/good-no-source.yaml', text },
    ]);
    expect(errors.map((error) => `${error.field}: ${error.message}`)).toEqual([
      'kind: is missing',
      'evidence: is missing',
      'explanation: is missing',
    ]);
  });
});

describe('file formats and topics', () => {
  it('tells the format from the file name', () => {
    expect(importFormatOf('quiz.GIFT')).toBe('gift');
    expect(importFormatOf('moodle-export.txt')).toBe('gift');
    expect(importFormatOf('kahoot.csv')).toBe('csv');
    expect(importFormatOf('topic.yml')).toBe('yaml');
    expect(importFormatOf('quiz.xlsx')).toBeUndefined();
    expect(Object.values(IMPORT_EXTENSIONS).flat()).toEqual(['.gift', '.txt', '.csv', '.yaml', '.yml']);
  });

  it('explains which files it reads when given another kind', () => {
    const result = importQuestions({ path: 'quiz.xlsx', text: '' }, { sources });
    expect(result.format).toBeUndefined();
    expect(result.problems.map(formatImportProblem)).toEqual([
      'This kind of file cannot be read: use a GIFT file (.gift or .txt), a spreadsheet saved as CSV (.csv) or a topic file in the game’s own format (.yaml)',
    ]);
  });

  it('names the topic after the file, or as asked', () => {
    const file = {
      path: 'lessons/Week 3 — Sources.csv',
      text: readFileSync(join(fixtures, 'csv', 'good-two-answers.csv'), 'utf8'),
    };
    const named = importQuestions(file, { sources });
    expect(named.topic).toEqual({ id: 'week-3-sources', title: 'Week 3 — Sources' });
    expect(named.questions.every((question) => question.topic === 'week-3-sources')).toBe(true);
    const renamed = importQuestions(file, { sources, topicId: 'week-three' });
    expect(renamed.topic.id).toBe('week-three');
    expect(renamed.questions.every((question) => question.topic === 'week-three')).toBe(true);
    expect(importQuestions({ ...file, path: '!!!.csv' }, { sources }).topic).toEqual({
      id: 'my-questions',
      title: 'My questions',
    });
  });

  it('keeps a YAML file its own topic, even when it differs from the file name', () => {
    const result = importFixture('yaml/good-topic-not-file-name.yaml');
    expect(result.topic).toEqual({ id: 'week-3', title: 'Week 3' });
    expect(result.questions[0]!.topic).toBe('week-3');
  });
});

/** Imports, exports to YAML, imports again: the questions, and then the YAML, must come back the same. */
function roundTrip(file: BankFile, options: Parameters<typeof importQuestions>[1]) {
  const first = importQuestions(file, options);
  const yaml = exportTopicYaml(first.topic, first.questions);
  const second = importQuestions({ path: `${first.topic.id}.yaml`, text: yaml }, options);
  return { first, yaml, second, yamlAgain: exportTopicYaml(second.topic, second.questions) };
}

describe('the YAML export', () => {
  const goodFixtures = CORPUS.map(([file]) => file).filter((file) => file.includes('/good-'));

  it.each(goodFixtures)('round-trips %s without loss', (file) => {
    const { first, second, yaml, yamlAgain } = roundTrip(fixture(file), { sources });
    expect(first.questions.length).toBeGreaterThan(0);
    expect(second.problems).toEqual([]);
    expect(second.topic).toEqual(first.topic);
    expect(second.questions).toEqual(first.questions);
    expect(yamlAgain).toBe(yaml);
  });

  describe('on the shipped bank', () => {
    const questionsDir = join(root, 'questions');
    const shipped = loadBankFromDisk(questionsDir, root);
    const topicFiles = readdirSync(questionsDir)
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => ({ path: name, text: readFileSync(join(questionsDir, name), 'utf8') }));

    it('has topic files to export', () => {
      expect(shipped.errors).toEqual([]);
      expect(topicFiles.length).toBe(shipped.bank.topics.length);
    });

    it.each(topicFiles.map((file) => [file.path, file] as const))('round-trips %s without loss', (_name, file) => {
      const { first, second, yaml, yamlAgain } = roundTrip(file, { sources: shipped.bank.sources });
      expect(first.problems).toEqual([]);
      expect(first.questions).toEqual(shipped.bank.questions.filter((question) => question.topic === first.topic.id));
      expect(second.questions).toEqual(first.questions);
      expect(second.topic).toEqual(first.topic);
      expect(yamlAgain).toBe(yaml);
    });

    it('exports files that pass the shipped-bank validator as the same bank', () => {
      const exported = topicFiles.map((file) => {
        const { topic, questions } = importQuestions(file, { sources: shipped.bank.sources });
        return { path: `questions/${topic.id}.yaml`, text: exportTopicYaml(topic, questions) };
      });
      const again = parseBank(readSourceFiles(join(questionsDir, 'sources'), root), exported);
      expect(again.errors).toEqual([]);
      expect(again.bank.questions).toEqual(shipped.bank.questions);
      expect(again.bank.topics).toEqual(shipped.bank.topics);
    });
  });

  it('carries GIFT and spreadsheet questions into YAML with everything they said', () => {
    for (const file of [
      'gift/good-multiple-choice.gift',
      'gift/good-true-false.gift',
      'csv/good-source-excerpt-explanation.csv',
    ]) {
      const { first, second } = roundTrip(fixture(file), { sources });
      expect(second.questions.map(content), file).toEqual(first.questions.map(content));
    }
  });

  it('writes the fields in the documented order and leaves out what a question does not have', () => {
    const { questions, topic } = importFixture('csv/good-source-excerpt-explanation.csv');
    expect(exportTopicYaml(topic, questions.slice(0, 1))).toBe(`topic: good-source-excerpt-explanation
title: good-source-excerpt-explanation
questions:
  - id: when-was-eo-13942-signed
    difficulty: 2
    skill: trace-claims
    prompt: When was EO 13942 signed?
    choices:
      - text: August 6, 2020
        correct: true
      - text: Early July 2020
    evidence:
      - source: eo-13942
        quote: THE WHITE HOUSE, August 6, 2020.
    explanation: The order is dated August 6; the article's early July is wrong.
    timeLimitSec: 30
`);
  });
});
