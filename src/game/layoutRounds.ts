/**
 * One-question rounds for the layout test (loaded only through the test hooks): the state a reveal opens with after
 * a wrong answer (the longest reveal: the answer, the chosen answer's feedback, the cards and the explanation), in
 * a classic round, or in a fact-check round with the claim judged and the answer wagered.
 */
import type { RoundPlan } from '../core/round';
import { DEFAULT_ROUND_SETTINGS } from '../core/roundSettings';
import { roundSettingsForMode } from '../core/modes';
import { advance, answer, judgeClaim, startSession, wager, type SessionState } from '../core/session';
import type { Question } from '../core/types';

/** A round of `questions` in `mode`, at its first question (at the claim, in a fact-check round). */
export function roundOf(questions: readonly Question[], mode: 'classic' | 'fact-check', now: number): SessionState {
  const settings = { ...roundSettingsForMode(mode, DEFAULT_ROUND_SETTINGS), questionCount: questions.length };
  const plan: RoundPlan = {
    seed: 'layout',
    settings,
    questions: questions.map((question) => ({
      questionId: question.id,
      choiceOrder: question.choices.map((_, index) => index),
      timeLimitMs: null,
    })),
  };
  return startSession(plan, questions, now);
}

/** The wager asked after a wrong answer to the claim's question (a fact-check round). */
export function wagerAfterWrongAnswer(question: Question, now: number): SessionState {
  const state = judgeClaim(roundOf([question], 'fact-check', now), 'cannot-tell', now);
  const wrong = question.choices.findIndex((choice) => !choice.correct);
  return answer(state, Math.max(0, wrong), now + 1000);
}

export function wrongAnswerReveal(question: Question, mode: 'classic' | 'fact-check', now: number): SessionState {
  if (mode === 'fact-check') return wager(wagerAfterWrongAnswer(question, now), 'sure', now + 1500);
  const wrong = question.choices.findIndex((choice) => !choice.correct);
  return answer(roundOf([question], mode, now), Math.max(0, wrong), now + 1000);
}

/** A classic round of `questions` played to the end, every other answer wrong: the state its results show. */
export function finishedRound(questions: readonly Question[], now: number): SessionState {
  let state = roundOf(questions, 'classic', now);
  questions.forEach((question, index) => {
    const pick = question.choices.findIndex((choice) => choice.correct === (index % 2 === 0));
    state = advance(answer(state, Math.max(0, pick), now + index * 2000 + 1000), now + index * 2000 + 1500);
  });
  return state;
}

export { layoutProblems, shownTexts } from './layoutProblems';
