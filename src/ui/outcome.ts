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

/** What the reveal shows besides the verdict, for the live region (everything the canvas says, the page says). */
export interface RevealDetails {
  /** The note on the wrong answer picked. */
  feedback?: string;
  /** The player's call on the claim and the wager's result ("You judged the claim … You were Sure: −6,000."). */
  calls?: string;
  /** Right answers in a row after this one; spoken from two, as the streak meter shows it. */
  streak?: number;
  /** The total after this answer. */
  score?: number;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…”"]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The whole outcome of an answer as the live region says it: the verdict, then what the canvas adds to it. */
export function spokenReveal(outcome: AnswerOutcomeWords, details: RevealDetails): string {
  const parts = [spokenOutcome(outcome)];
  if (details.feedback) parts.push(sentence(details.feedback));
  if (details.calls) parts.push(sentence(details.calls));
  if (details.streak !== undefined && details.streak > 1) parts.push(`${details.streak} right in a row.`);
  if (details.score !== undefined) parts.push(`Score: ${details.score.toLocaleString('en-US')}.`);
  return parts.join(' ');
}
