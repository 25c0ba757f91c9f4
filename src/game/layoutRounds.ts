/**
 * One-question rounds for the layout test (loaded only through the test hooks): the state a reveal opens with after
 * a wrong answer (the longest reveal: the answer, the chosen answer's feedback, the cards and the explanation), in
 * a classic round, or in a fact-check round with the claim judged and the answer wagered.
 */
import type { RoundPlan } from '../core/round';
import { DEFAULT_ROUND_SETTINGS } from '../core/roundSettings';
import { roundSettingsForMode } from '../core/modes';
import { answer, judgeClaim, startSession, wager, type SessionState } from '../core/session';
import type { Question } from '../core/types';

export function wrongAnswerReveal(question: Question, mode: 'classic' | 'fact-check', now: number): SessionState {
  const settings = { ...roundSettingsForMode(mode, DEFAULT_ROUND_SETTINGS), questionCount: 1 };
  const plan: RoundPlan = {
    seed: 'layout',
    settings,
    questions: [{ questionId: question.id, choiceOrder: question.choices.map((_, index) => index), timeLimitMs: null }],
  };
  let state = startSession(plan, [question], now);
  state = judgeClaim(state, 'cannot-tell', now);
  const wrong = question.choices.findIndex((choice) => !choice.correct);
  state = answer(state, Math.max(0, wrong), now + 1000);
  return wager(state, 'sure', now + 1500);
}
