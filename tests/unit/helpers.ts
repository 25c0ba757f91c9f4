import type { Challenge } from '../../src/core/challenge';
import { dailySeed } from '../../src/core/modes';
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

/** A friend's link to the daily round of `day` (all right, 11,200 points), as the game would write it. */
export function dailyChallenge(day: string, bankVersion: string): Challenge {
  return {
    seed: dailySeed(day, bankVersion),
    questionCount: 10,
    time: 1,
    topics: [],
    difficulty: 'easy-first',
    speedPoints: true,
    mode: 'daily',
    wager: false,
    bankVersion,
    name: 'Sam',
    score: 11_200,
    marks: Array<'right'>(10).fill('right'),
  };
}
