/** A topic file in the bank's own YAML format, checked as a custom bank (see docs/question-format.md). */
import { CrossQuestionChecks, parseTopicFile } from '../bank.ts';
import { MAX_IMPORTED_CHOICES } from '../settings.ts';
import type { BankError, Question, SourceDoc, Topic } from '../types.ts';
import type { QuestionPlace } from './notes.ts';
import { noteOfError, type CorrectAnswerHints, type ImportProblem } from './problems.ts';

const HINTS: CorrectAnswerHints = { format: 'yaml', lastAnswer: MAX_IMPORTED_CHOICES };

export function readYaml(
  path: string,
  text: string,
  sources: Record<string, SourceDoc>,
  problems: ImportProblem[],
): { topic?: Topic; questions: Question[] } {
  const errors: BankError[] = [];
  const parsed = parseTopicFile({ path, text }, { kind: 'custom', sources, foldedTexts: new Map() }, errors);
  const questions: Question[] = [];
  const lineById = new Map<string, number | undefined>();
  if (parsed) {
    const crossChecks = new CrossQuestionChecks(errors);
    for (const { question, line } of parsed.questions) {
      if (!crossChecks.admit(question, path, line)) continue;
      questions.push(question);
      lineById.set(question.id, line);
    }
  }
  const placeOf = (id: string): QuestionPlace => {
    const line = lineById.get(id);
    return line !== undefined ? { line, id } : { id };
  };
  for (const error of errors) {
    problems.push({
      ...(error.line !== undefined ? { line: error.line } : {}),
      ...(error.questionId !== undefined ? { question: error.questionId } : {}),
      ...(error.field !== undefined ? { field: { kind: 'field' as const, path: error.field } } : {}),
      note: noteOfError(error, HINTS, placeOf),
    });
  }
  return { ...(parsed ? { topic: parsed.topic } : {}), questions };
}
