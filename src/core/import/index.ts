/**
 * Bring-your-own questions: reads a teacher's GIFT file, Kahoot!-style spreadsheet (CSV) or YAML topic file into
 * the game's questions, holding them to the bank's rules as a custom bank, and reports every problem in the
 * file's own terms. Pure: the caller reads the file and supplies the source documents quotes are checked against.
 */
import { teacherBankWarnings } from '../bankBalance.ts';
import type { BankFile, Question, SourceDoc, Topic } from '../types.ts';
import { readCsv } from './csv.ts';
import { kebabCase } from './drafts.ts';
import { readGift } from './gift.ts';
import { decodeFileBytes } from './encoding.ts';
import { formatImportProblem, type ImportChange, type ImportProblem } from './problems.ts';
import { readYaml } from './yaml.ts';

export { formatImportProblem, type ImportChange, type ImportProblem } from './problems.ts';
export { englishField, englishNote } from './english.ts';
export type { FileField, ImportCode, ImportNote } from './notes.ts';
export { decodeFileBytes, type DecodedFile } from './encoding.ts';
export { exportTopicYaml } from './yamlExport.ts';

export type ImportFormat = 'gift' | 'csv' | 'yaml';

/** File name endings of each format (Moodle exports GIFT as .txt). */
export const IMPORT_EXTENSIONS: Record<ImportFormat, readonly string[]> = {
  gift: ['.gift', '.txt'],
  csv: ['.csv'],
  yaml: ['.yaml', '.yml'],
};

/** The topic of a file whose name has no letters or digits. */
const FALLBACK_TOPIC: Topic = { id: 'my-questions', title: 'My questions' };

export interface ImportOptions {
  /** The documents excerpts may quote, with their texts: quotes are checked against them word for word. */
  sources: Record<string, SourceDoc>;
  /** Names the topic instead of the file name (for instance after the file the questions will be saved to). */
  topicId?: string;
}

export interface ImportResult {
  /** Undefined when the file name's ending is none of IMPORT_EXTENSIONS. */
  format?: ImportFormat;
  topic: Topic;
  /** The questions that meet every rule, in file order; some may have `noSource: true`. */
  questions: Question[];
  /** Every problem, in file order: what was skipped (a question, a row, a column) and why. */
  problems: ImportProblem[];
  /** The bank-wide rules the questions break (the right answer often the longest choice…): kept all the same. */
  warnings: string[];
  /** What was altered in questions that play (and in the file as a whole), and why, in file order. */
  changes: ImportChange[];
}

export function importFormatOf(path: string): ImportFormat | undefined {
  const name = path.toLowerCase();
  return (Object.keys(IMPORT_EXTENSIONS) as ImportFormat[]).find((format) =>
    IMPORT_EXTENSIONS[format].some((extension) => name.endsWith(extension)),
  );
}

/** "lessons/Week 3 quiz.csv" → "Week 3 quiz". */
function fileStem(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).trim();
}

/** The topic a GIFT or CSV file's questions get: named after the file. */
export function topicForFile(path: string): Topic {
  const id = kebabCase(fileStem(path), Infinity);
  return id === '' ? FALLBACK_TOPIC : { id, title: fileStem(path) };
}

function position(problem: ImportProblem): number {
  return problem.line ?? problem.row ?? 0;
}

export function importQuestions(file: BankFile, options: ImportOptions): ImportResult {
  const format = importFormatOf(file.path);
  const problems: ImportProblem[] = [];
  const changes: ImportChange[] = [];
  let topic = topicForFile(file.path);
  if (options.topicId !== undefined) topic = { ...topic, id: options.topicId };
  let questions: Question[] = [];
  if (format === 'gift') {
    questions = readGift(file.path, file.text, topic.id, options.sources, problems, changes);
  } else if (format === 'csv') {
    questions = readCsv(file.path, file.text, topic.id, options.sources, problems);
  } else if (format === 'yaml') {
    const read = readYaml(file.path, file.text, options.sources, problems);
    if (read.topic) topic = options.topicId !== undefined ? { ...read.topic, id: options.topicId } : read.topic;
    questions = read.questions.map((question) => ({ ...question, topic: topic.id }));
  } else {
    problems.push({ note: { code: 'unknown-format' } });
  }
  if (format !== undefined && questions.length === 0 && problems.length === 0) {
    problems.push({ note: { code: 'no-questions' } });
  }
  // Each reader reports some file-wide problems before its questions' own: list them all in file order.
  problems.sort((a, b) => position(a) - position(b));
  changes.sort((a, b) => position(a) - position(b));
  // Only the game's own YAML format says which move each question practises.
  const warnings = teacherBankWarnings(questions, { skillsGiven: format === 'yaml' });
  return { ...(format ? { format } : {}), topic, questions, problems, warnings, changes };
}

/**
 * Reads a file as its bytes come from disk or the file picker: decoded (UTF-8, or Windows-1252 with a change
 * saying so), then imported. A file that is not text is one problem, with how to save it.
 */
export function importFileBytes(path: string, bytes: Uint8Array, options: ImportOptions): ImportResult {
  const decoded = decodeFileBytes(bytes);
  if ('error' in decoded) {
    const format = importFormatOf(path);
    return {
      ...(format ? { format } : {}),
      topic: topicForFile(path),
      questions: [],
      problems: [{ note: { code: decoded.error } }],
      warnings: [],
      changes: [],
    };
  }
  const result = importQuestions({ path, text: decoded.text }, options);
  if (decoded.notice === undefined) return result;
  return { ...result, changes: [{ note: { code: decoded.notice } }, ...result.changes] };
}

/** The report of one import as English lines (the command line), what was changed, then what was skipped, each in file order. */
export interface ImportReportLines {
  changed: string[];
  skipped: string[];
}

export function importReportLines(result: Pick<ImportResult, 'problems' | 'changes'>): ImportReportLines {
  return { changed: result.changes.map(formatImportProblem), skipped: result.problems.map(formatImportProblem) };
}
