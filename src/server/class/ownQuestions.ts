/**
 * A teacher's own questions in a class: the host page reads the teacher's GIFT, CSV or YAML file with the game's
 * importer and sends the questions that passed as the YAML topic file the exporter writes; the server reads that
 * text again with the same importer and the shipped source texts, so nothing the page could have altered is
 * trusted. Any problem refuses the whole upload, naming the question and the field.
 */
import { fileTooBigMessage, MAX_IMPORT_FILE_BYTES } from '../../core/customBankLimits';
import { MAX_CLASS_QUESTIONS } from '../../core/classRules';
import { formatImportProblem, importQuestions, type ImportProblem } from '../../core/import/index';
import type { Question, SourceDoc, Topic } from '../../core/types';
import { ClassError } from './classError';

/** What the host page sends with the class: the file's name (for messages) and its checked questions as YAML. */
export interface OwnQuestionsUpload {
  fileName: string;
  yaml: string;
}

export const MAX_OWN_FILE_NAME_CHARS = 200;
/** The questions' YAML plus the rest of a create request, with room for JSON's escapes: only on that route. */
export const CREATE_BODY_LIMIT_BYTES = MAX_IMPORT_FILE_BYTES * 2 + 16_000;

/** The most questions a class keeps from a teacher's file: a class plays at most MAX_CLASS_QUESTIONS of them. */
export const MAX_OWN_QUESTIONS = 200;

/**
 * What a refusal sends next to its English message, for the host page to word in its own language: the file, and
 * the size and limit, the importer's notes, or the count and limits.
 */
export type OwnQuestionsRefusal =
  | { fileName: string; size: number; limit: number }
  | { fileName: string; problems: ImportProblem[] }
  | { fileName: string; found: number; max: number; plays: number };

/** Reads the uploaded questions again; throws a 413 or 422 naming what is wrong and where. */
export function checkOwnQuestions(
  upload: OwnQuestionsUpload,
  sources: Record<string, SourceDoc>,
): { topic: Topic; questions: Question[] } {
  const where = `Your questions (${upload.fileName})`;
  if (upload.yaml.length > MAX_IMPORT_FILE_BYTES) {
    throw new ClassError('own-questions-too-big', fileTooBigMessage(upload.fileName, upload.yaml.length), {
      fileName: upload.fileName,
      size: upload.yaml.length,
      limit: MAX_IMPORT_FILE_BYTES,
    } satisfies OwnQuestionsRefusal);
  }
  const result = importQuestions({ path: 'own-questions.yaml', text: upload.yaml }, { sources });
  if (result.problems.length > 0) {
    // Lines of the sent YAML mean nothing to the teacher, whose file was GIFT or CSV: the question and field say where.
    const problems = result.problems.map(({ line: _line, ...problem }) => problem);
    throw new ClassError('bad-own-questions', `${where}: ${problems.map(formatImportProblem).join('; ')}.`, {
      fileName: upload.fileName,
      problems,
    } satisfies OwnQuestionsRefusal);
  }
  if (result.questions.length > MAX_OWN_QUESTIONS) {
    throw new ClassError(
      'too-many-own-questions',
      `${where} holds ${result.questions.length} questions; a class takes up to ${MAX_OWN_QUESTIONS} ` +
        `(and plays up to ${MAX_CLASS_QUESTIONS} of them). Split the file.`,
      {
        fileName: upload.fileName,
        found: result.questions.length,
        max: MAX_OWN_QUESTIONS,
        plays: MAX_CLASS_QUESTIONS,
      } satisfies OwnQuestionsRefusal,
    );
  }
  return { topic: result.topic, questions: result.questions };
}
