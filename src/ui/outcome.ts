/** What an answer's outcome says, in words, for a round of one's own and a class round alike (no Phaser here). */

export const OUTCOME_TEXT = { correct: '✔ Correct', wrong: '✘ Not quite', timedOut: "◔ Time's up" } as const;

export interface AnswerOutcomeWords {
  correct: boolean;
  timedOut: boolean;
  points: number;
  /** The right answer's text. */
  right: string;
  /** The text of the answer picked, if one was. */
  picked?: string;
}

/** The verdict at the top of the reveal. */
export function verdictOf(outcome: Pick<AnswerOutcomeWords, 'correct' | 'timedOut'>): string {
  if (outcome.timedOut) return OUTCOME_TEXT.timedOut;
  return outcome.correct ? OUTCOME_TEXT.correct : OUTCOME_TEXT.wrong;
}

/** "Answer: …", with the answer picked beside it when it was wrong. */
export function answerLineOf(outcome: AnswerOutcomeWords): string {
  return outcome.picked !== undefined && !outcome.correct
    ? `Answer: ${outcome.right}   ·   You picked: ${outcome.picked}`
    : `Answer: ${outcome.right}`;
}

/** What the live region says first about an answer. */
export function spokenOutcome(outcome: AnswerOutcomeWords): string {
  if (outcome.timedOut) return `Time's up. The answer is: ${outcome.right}.`;
  return outcome.correct
    ? `Correct, plus ${outcome.points} points. The answer is: ${outcome.right}.`
    : `Not quite. You picked ${outcome.picked}. The answer is: ${outcome.right}.`;
}
