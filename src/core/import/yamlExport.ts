/** Writes questions back as a topic file in the bank's YAML format, the form the game and the validator read. */
import { Document, isNode, isSeq } from 'yaml';
import type { Question, Topic } from '../types.ts';

/** The fields of a question in the order docs/question-format.md lists them; the topic is the file's. */
function toRecord(question: Question): Record<string, unknown> {
  return {
    id: question.id,
    difficulty: question.difficulty,
    skill: question.skill,
    ...(question.kind !== undefined ? { kind: question.kind } : {}),
    prompt: question.prompt,
    choices: question.choices.map((choice) => ({
      text: choice.text,
      ...(choice.correct ? { correct: true } : {}),
      ...(choice.feedback !== undefined ? { feedback: choice.feedback } : {}),
    })),
    ...(question.evidence.length > 0
      ? { evidence: question.evidence.map(({ source, quote }) => ({ source, quote })) }
      : {}),
    ...(question.claim !== undefined ? { claim: { ...question.claim } } : {}),
    ...(question.explanation !== undefined ? { explanation: question.explanation } : {}),
    ...(question.asOf !== undefined ? { asOf: question.asOf } : {}),
    ...(question.timeLimitSec !== undefined ? { timeLimitSec: question.timeLimitSec } : {}),
    ...(question.surprising ? { surprising: true } : {}),
  };
}

export function exportTopicYaml(topic: Topic, questions: Question[]): string {
  const doc = new Document({ topic: topic.id, title: topic.title, questions: questions.map(toRecord) });
  // A blank line between questions, as in the hand-written topic files.
  const list = doc.get('questions', true);
  if (isSeq(list)) {
    for (const item of list.items.slice(1)) if (isNode(item)) item.spaceBefore = true;
  }
  return doc.toString({ lineWidth: 0 });
}
