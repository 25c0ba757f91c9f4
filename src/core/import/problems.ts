/** Problems found in a teacher's file, told in the terms of that file: its lines or rows, columns and answers. */
import { truncate } from '../bank.ts';
import {
  MAX_EVIDENCE,
  MAX_IMPORTED_CHOICES,
  MAX_TIME_LIMIT_SEC,
  MIN_CHOICES,
  MIN_TIME_LIMIT_SEC,
} from '../settings.ts';
import type { Violation } from '../types.ts';

/** How much of a question's text names it in a message. */
const QUESTION_LABEL_CHARS = 40;
/** How much of an excerpt a "not in the source" message repeats. */
const QUOTE_SHOWN_CHARS = 80;

/**
 * One note on a teacher's file: a problem (the question, row or column it names is skipped) or a change (the
 * question plays, altered as the message says).
 */
export interface ImportProblem {
  /** 1-based line in a GIFT or YAML file. */
  line?: number;
  /** 1-based row of a spreadsheet, as the spreadsheet program numbers it. */
  row?: number;
  /** The question's title, id or first words. */
  question?: string;
  /** Where in the question, in the file's own terms: `column "Answer 2"`, `answer 2`, `field "choices"`. */
  field?: string;
  message: string;
}

/** A question that plays, altered from the file: what changed and why, where. */
export type ImportChange = ImportProblem;

/** `Row 7, question "Who signed…", column "Correct answer(s)": no answer is marked correct`. */
export function formatImportProblem(problem: ImportProblem): string {
  const where: string[] = [];
  if (problem.row !== undefined) where.push(`Row ${problem.row}`);
  if (problem.line !== undefined) where.push(`Line ${problem.line}`);
  if (problem.question !== undefined) where.push(`question "${problem.question}"`);
  if (problem.field !== undefined) where.push(problem.field);
  if (where.length === 0) return problem.message.charAt(0).toUpperCase() + problem.message.slice(1);
  return `${where.join(', ')}: ${problem.message}`;
}

/** A question named by its first words. */
export function questionLabel(text: string): string | undefined {
  const label = text.replace(/\s+/g, ' ').trim();
  return label === '' ? undefined : truncate(label, QUESTION_LABEL_CHARS);
}

/** How a format asks for the right answer to be marked, added to the messages about it. */
export interface CorrectAnswerHints {
  none: string;
  several: string;
}

/**
 * The teacher's wording of a broken content rule. `field` is the validator's field path ("evidence[1].quote");
 * `placeOf` turns another question's id into where that question is ("row 5").
 */
export function teacherMessage(
  violation: Violation,
  field: string | undefined,
  hints: CorrectAnswerHints,
  placeOf: (questionId: string) => string,
): string {
  switch (violation.rule) {
    case 'missing':
      return 'is missing';
    case 'empty':
      if (field?.endsWith('.source')) return 'is empty: name the source that the excerpt comes from';
      if (field?.endsWith('.quote')) return 'is empty: copy the exact words from the source';
      return 'is empty';
    case 'choice-count':
      return violation.found < MIN_CHOICES
        ? `needs at least ${MIN_CHOICES} answers, found ${violation.found}`
        : `has ${violation.found} answers; the game shows at most ${MAX_IMPORTED_CHOICES}`;
    case 'correct-count':
      return violation.found === 0
        ? `no answer is marked correct; ${hints.none}`
        : `${violation.found} answers are marked correct, but the game needs exactly one; ${hints.several}`;
    case 'repeated-choice':
      return `repeats another answer: "${violation.text}"`;
    case 'evidence-count':
      return `has ${violation.found} source excerpts; the game shows at most ${MAX_EVIDENCE}`;
    case 'unknown-source':
      return violation.known.length === 0
        ? `no source called "${violation.source}": no source documents are loaded`
        : `no source called "${violation.source}" (the sources are: ${violation.known.join(', ')})`;
    case 'joined-quote':
      return 'an excerpt must be one passage copied exactly, without "..." joining two parts';
    case 'quote-not-found':
      return (
        `these words are not in source "${violation.source}" exactly as written: ` +
        `"${truncate(violation.quote, QUOTE_SHOWN_CHARS)}" (copy them exactly; line breaks and extra spaces do not matter)`
      );
    case 'time-limit':
      return `must be a whole number of seconds from ${MIN_TIME_LIMIT_SEC} to ${MAX_TIME_LIMIT_SEC}, found "${String(violation.found)}"`;
    case 'duplicate-id':
      return 'another question already has this id: give each question its own';
    case 'shared-first-excerpt':
      return `settles the question with the same excerpt as the question at ${placeOf(violation.otherQuestion)}; give each question its own excerpt`;
  }
}
