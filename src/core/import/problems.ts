/** Problems found in a teacher's file, told in the terms of that file: its lines or rows, columns and answers. */
import { truncate } from '../bank.ts';
import {
  MAX_EVIDENCE,
  MAX_IMPORTED_CHOICES,
  MAX_TIME_LIMIT_SEC,
  MIN_CHOICES,
  MIN_TIME_LIMIT_SEC,
} from '../settings.ts';
import type { BankError, Violation } from '../types.ts';
import { englishField, englishNote } from './english.ts';
import type { FileField, HintFormat, ImportNote, QuestionPlace } from './notes.ts';

/** How much of a question's text names it in a message. */
const QUESTION_LABEL_CHARS = 40;
/** How much of an excerpt a "not in the source" message repeats. */
const QUOTE_SHOWN_CHARS = 80;

/**
 * One note on a teacher's file: a problem (the question, row or column it names is skipped) or a change (the
 * question plays, altered as the note says). Data only: `formatImportProblem` words it in English, a screen in
 * its player's language.
 */
export interface ImportProblem {
  /** 1-based line in a GIFT or YAML file. */
  line?: number;
  /** 1-based row of a spreadsheet, as the spreadsheet program numbers it. */
  row?: number;
  /** The question's title, id or first words. */
  question?: string;
  /** Where in the question, in the file's own terms: `column "Answer 2"`, `answer 2`, `field "choices"`. */
  field?: FileField;
  note: ImportNote;
}

/** A question that plays, altered from the file: what changed and why, where. */
export type ImportChange = ImportProblem;

/** `Row 7, question "Who signed…", column "Correct answer(s)": no answer is marked correct`. */
export function formatImportProblem(problem: ImportProblem): string {
  const message = englishNote(problem.note);
  const where: string[] = [];
  if (problem.row !== undefined) where.push(`Row ${problem.row}`);
  if (problem.line !== undefined) where.push(`Line ${problem.line}`);
  if (problem.question !== undefined) where.push(`question "${problem.question}"`);
  if (problem.field !== undefined) where.push(englishField(problem.field));
  if (where.length === 0) return message.charAt(0).toUpperCase() + message.slice(1);
  return `${where.join(', ')}: ${message}`;
}

/** A question named by its first words. */
export function questionLabel(text: string): string | undefined {
  const label = text.replace(/\s+/g, ' ').trim();
  return label === '' ? undefined : truncate(label, QUESTION_LABEL_CHARS);
}

/** How a format asks for the right answer to be marked, named in the notes about it. */
export interface CorrectAnswerHints {
  format: HintFormat;
  /** The highest answer number a spreadsheet has. */
  lastAnswer: number;
}

/**
 * The teacher's note for a broken content rule. `field` is the validator's field path ("evidence[1].quote");
 * `placeOf` turns another question's id into where that question is (row 5).
 */
export function teacherNote(
  violation: Violation,
  field: string | undefined,
  hints: CorrectAnswerHints,
  placeOf: (questionId: string) => QuestionPlace,
): ImportNote {
  switch (violation.rule) {
    case 'missing':
      return { code: 'missing' };
    case 'empty':
      if (field?.endsWith('.source')) return { code: 'empty-source' };
      if (field?.endsWith('.quote')) return { code: 'empty-quote' };
      return { code: 'empty' };
    case 'choice-count':
      return violation.found < MIN_CHOICES
        ? { code: 'too-few-choices', min: MIN_CHOICES, found: violation.found }
        : { code: 'too-many-choices', max: MAX_IMPORTED_CHOICES, found: violation.found };
    case 'correct-count':
      return violation.found === 0
        ? { code: 'no-correct', format: hints.format, lastAnswer: hints.lastAnswer }
        : { code: 'several-correct', format: hints.format, found: violation.found };
    case 'repeated-choice':
      return { code: 'repeated-choice', text: violation.text };
    case 'evidence-count':
      return { code: 'too-many-excerpts', max: MAX_EVIDENCE, found: violation.found };
    case 'unknown-source':
      return violation.known.length === 0
        ? { code: 'no-sources-loaded', source: violation.source }
        : { code: 'unknown-source', source: violation.source, known: violation.known };
    case 'joined-quote':
      return { code: 'joined-quote' };
    case 'quote-not-found':
      return {
        code: 'quote-not-found',
        source: violation.source,
        quote: truncate(violation.quote, QUOTE_SHOWN_CHARS),
      };
    case 'time-limit':
      return { code: 'time-limit', min: MIN_TIME_LIMIT_SEC, max: MAX_TIME_LIMIT_SEC, found: String(violation.found) };
    case 'duplicate-id':
      return { code: 'duplicate-id' };
    case 'shared-first-excerpt':
      return { code: 'shared-first-excerpt', place: placeOf(violation.otherQuestion) };
    case 'unknown-field':
      return { code: 'unknown-field', allowed: [...violation.allowed] };
    case 'wrong-type':
      return { code: 'wrong-type', expected: violation.expected, found: violation.found };
    case 'not-one-of':
      return { code: 'not-one-of', allowed: violation.allowed.map(String), found: violation.found };
    case 'invalid-yaml': {
      const { rule: _rule, ...where } = violation;
      return { code: 'invalid-yaml', ...where };
    }
    case 'not-kebab-case':
      return { code: 'not-kebab-case', found: violation.found };
    case 'not-iso-date':
      return { code: 'not-iso-date', found: violation.found };
  }
}

/** The note for a validator's problem: its rule's, or (a rule with no code) its own English words. */
export function noteOfError(
  error: BankError,
  hints: CorrectAnswerHints,
  placeOf: (questionId: string) => QuestionPlace,
): ImportNote {
  return error.violation
    ? teacherNote(error.violation, error.field, hints, placeOf)
    : { code: 'as-written', text: error.message };
}
