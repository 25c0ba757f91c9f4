/**
 * Questions from a spreadsheet saved as CSV, in the columns of Kahoot!'s quiz template: Question, Answer 1–4,
 * Time limit (sec), Correct answer(s); plus the optional columns Answer 5 and Answer 6 (Kahoot! allows six
 * answers), Source, Excerpt and Explanation.
 */
import Papa from 'papaparse';
import { foldWhitespace } from '../text.ts';
import type { Question, SourceDoc, Violation } from '../types.ts';
import { DraftChecker, type PlacedDraft, type QuestionDraft } from './drafts.ts';
import type { FileField, ImportNote } from './notes.ts';
import { questionLabel, type CorrectAnswerHints, type ImportProblem } from './problems.ts';

const ANSWER_NUMBERS = [1, 2, 3, 4, 5, 6] as const;
const LAST_ANSWER: number = ANSWER_NUMBERS[ANSWER_NUMBERS.length - 1]!;
type AnswerNumber = (typeof ANSWER_NUMBERS)[number];

type Column = 'question' | `answer${AnswerNumber}` | 'timeLimit' | 'correct' | 'source' | 'excerpt' | 'explanation';

/** Each column's name in messages, and the header texts that name it (compared in lower case). */
const COLUMNS: Record<Column, { name: string; headers: string[] }> = {
  question: { name: 'Question', headers: ['question'] },
  answer1: { name: 'Answer 1', headers: ['answer 1'] },
  answer2: { name: 'Answer 2', headers: ['answer 2'] },
  answer3: { name: 'Answer 3', headers: ['answer 3'] },
  answer4: { name: 'Answer 4', headers: ['answer 4'] },
  answer5: { name: 'Answer 5', headers: ['answer 5'] },
  answer6: { name: 'Answer 6', headers: ['answer 6'] },
  timeLimit: { name: 'Time limit (sec)', headers: ['time limit (sec)', 'time limit'] },
  correct: { name: 'Correct answer(s)', headers: ['correct answer(s)', 'correct answer', 'correct answers'] },
  source: { name: 'Source', headers: ['source'] },
  excerpt: { name: 'Excerpt', headers: ['excerpt'] },
  explanation: { name: 'Explanation', headers: ['explanation'] },
};
const REQUIRED_COLUMNS: Column[] = ['question', 'answer1', 'answer2', 'correct'];

const HINTS: CorrectAnswerHints = { format: 'csv', lastAnswer: LAST_ANSWER };

const column = (name: Column): FileField => ({ kind: 'column', name: COLUMNS[name].name });

/**
 * Kahoot!'s headers carry advice after a dash ("Question - max 120 characters"): the part before it names the
 * column. Returns undefined for a header that names none of ours.
 */
function columnOf(header: string): Column | undefined {
  const name = (header.split(/\s[-–—]\s/)[0] ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  return (Object.keys(COLUMNS) as Column[]).find((key) => COLUMNS[key].headers.includes(name));
}

/** Where each of our columns is in the header row. */
function readHeader(cells: string[]): Map<Column, number> {
  const columns = new Map<Column, number>();
  cells.forEach((cell, index) => {
    const key = columnOf(cell);
    if (key !== undefined && !columns.has(key)) columns.set(key, index);
  });
  return columns;
}

/** A row's "Correct answer(s)": the answer numbers it names, or (and none) the problem with it. */
function readCorrect(
  cell: string,
  answers: Map<AnswerNumber, string>,
): { numbers: AnswerNumber[]; problem?: ImportNote } {
  const numbers: AnswerNumber[] = [];
  for (const token of cell.split(/[\s,;]+/).filter((t) => t !== '')) {
    const number = Number(token) as AnswerNumber;
    if (!/^\d+$/.test(token) || !ANSWER_NUMBERS.includes(number)) {
      return { numbers: [], problem: { code: 'csv-correct-not-number', lastAnswer: LAST_ANSWER, found: token } };
    }
    if (!answers.has(number)) {
      return { numbers: [], problem: { code: 'csv-correct-empty-answer', number } };
    }
    if (!numbers.includes(number)) numbers.push(number);
  }
  return { numbers };
}

function fieldNamer(answerNumbers: AnswerNumber[]) {
  return (field: string | undefined, violation: Violation | undefined): FileField | undefined => {
    if (field === undefined) return undefined;
    if (field === 'prompt') return column('question');
    if (field === 'choices') {
      return violation?.rule === 'correct-count' ? column('correct') : { kind: 'answer-columns', last: LAST_ANSWER };
    }
    const choice = /^choices\[(\d+)\]/.exec(field);
    if (choice) return column(`answer${answerNumbers[Number(choice[1]) - 1]!}`);
    if (field.startsWith('evidence')) return field.endsWith('.quote') ? column('excerpt') : column('source');
    if (field === 'explanation') return column('explanation');
    if (field === 'timeLimitSec') return column('timeLimit');
    return { kind: 'field', path: field };
  };
}

export function readCsv(
  path: string,
  text: string,
  topic: string,
  sources: Record<string, SourceDoc>,
  problems: ImportProblem[],
): Question[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  // A row whose quotation marks do not pair up is cut into the wrong cells: report that alone.
  const garbledRows = new Set<number>();
  for (const error of parsed.errors) {
    if (error.type !== 'Quotes' || error.row === undefined) continue;
    const row = error.row + 1;
    garbledRows.add(row);
    problems.push({
      row,
      note: { code: error.code === 'MissingQuotes' ? 'csv-unclosed-quote' : 'csv-text-after-quote' },
    });
  }
  const rows = parsed.data;
  // Kahoot!'s template puts instructions above the header row: the header is the first row naming our columns.
  const headerIndex = rows.findIndex((cells) => {
    const columns = readHeader(cells);
    return columns.has('question') && columns.has('answer1');
  });
  if (headerIndex < 0) {
    problems.push({
      note: { code: 'csv-no-header', columns: REQUIRED_COLUMNS.map((c) => COLUMNS[c].name) },
    });
    return [];
  }
  const header = rows[headerIndex]!;
  const columns = readHeader(header);
  const headerRow = headerIndex + 1;
  const missing = REQUIRED_COLUMNS.filter((key) => !columns.has(key));
  if (missing.length > 0) {
    problems.push({
      row: headerRow,
      note: { code: 'csv-missing-columns', columns: missing.map((c) => COLUMNS[c].name) },
    });
    return [];
  }
  for (const cell of header) {
    if (cell.trim() !== '' && columnOf(cell) === undefined) {
      problems.push({
        row: headerRow,
        field: { kind: 'column', name: cell.trim() },
        note: { code: 'csv-column-not-read', lastAnswer: LAST_ANSWER },
      });
    }
  }

  const checker = new DraftChecker(path, topic, sources, HINTS, problems);
  const questions: Question[] = [];
  for (let index = headerIndex + 1; index < rows.length; index += 1) {
    const cells = rows[index]!;
    // A line break typed inside a cell reads as a space, as in GIFT: the game shows each text as one paragraph.
    const cell = (key: Column) => (columns.has(key) ? foldWhitespace(cells[columns.get(key)!] ?? '') : '');
    const row = index + 1;
    if (garbledRows.has(row) || [...columns.keys()].every((key) => cell(key) === '')) continue;
    const prompt = cell('question');
    const label = questionLabel(prompt);

    const answers = new Map<AnswerNumber, string>();
    for (const number of ANSWER_NUMBERS) {
      const answer = cell(`answer${number}`);
      if (answer !== '') answers.set(number, answer);
    }
    const correct = readCorrect(cell('correct'), answers);
    if (correct.problem) {
      problems.push({
        row,
        ...(label !== undefined ? { question: label } : {}),
        field: column('correct'),
        note: correct.problem,
      });
    }
    const answerNumbers = [...answers.keys()];
    const draft: QuestionDraft = {
      prompt,
      choices: answerNumbers.map((number) => ({
        text: answers.get(number)!,
        correct: correct.numbers.includes(number),
      })),
      evidence:
        cell('source') !== '' || cell('excerpt') !== '' ? [{ source: cell('source'), quote: cell('excerpt') }] : [],
    };
    if (cell('explanation') !== '') draft.explanation = cell('explanation');
    const timeLimit = cell('timeLimit');
    if (timeLimit !== '') draft.timeLimitSec = /^\d+$/.test(timeLimit) ? Number(timeLimit) : timeLimit;

    const placed: PlacedDraft = {
      draft,
      place: { row },
      label,
      fieldName: fieldNamer(answerNumbers),
      ...(correct.problem ? { explained: [{ field: 'choices', rule: 'correct-count' as const }] } : {}),
    };
    const question = checker.check(placed);
    if (question) questions.push(question);
  }
  return questions;
}
