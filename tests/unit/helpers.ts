import type { Question } from '../../src/core/types';

/** A small synthetic bank for rule tests: `perTopic` questions in each topic, difficulties cycling 1–3. */
export function makeQuestions(topics: string[], perTopic: number): Question[] {
  const questions: Question[] = [];
  for (const topic of topics) {
    for (let i = 0; i < perTopic; i += 1) {
      questions.push({
        id: `${topic}-q${i}`,
        topic,
        difficulty: ((i % 3) + 1) as 1 | 2 | 3,
        skill: 'trace-claims',
        prompt: `Prompt ${topic} ${i}`,
        choices: [
          { text: 'right', correct: true },
          { text: 'wrong one', correct: false },
          { text: 'wrong two', correct: false },
          { text: 'wrong three', correct: false },
        ],
        evidence: [{ source: 'doc', quote: `quote ${topic} ${i}` }],
        explanation: 'Because.',
      });
    }
  }
  return questions;
}

/** One question for report and mode tests: four choices, the first right, with whatever the test sets. */
export function makeQuestion(id: string, fields: Partial<Question> = {}): Question {
  return {
    id,
    topic: 'alpha',
    difficulty: 1,
    skill: 'trace-claims',
    prompt: `Prompt of ${id}`,
    choices: [
      { text: 'right', correct: true },
      { text: 'wrong one', correct: false },
      { text: 'wrong two', correct: false },
      { text: 'wrong three', correct: false },
    ],
    evidence: [{ source: 'doc', quote: `quote of ${id}` }],
    explanation: 'Because.',
    ...fields,
  };
}
