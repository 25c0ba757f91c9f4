/** What an answer's outcome says, in words, for a round of one's own and a class round alike (no Phaser here). */
import type { Translator } from '../i18n/translator';

/** What the outcome's words need of the translator: its strings and its numbers. */
export type OutcomeTranslator = Pick<Translator, 't' | 'formatNumber'>;

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
export function verdictOf(
  outcome: Pick<AnswerOutcomeWords, 'correct' | 'timedOut'>,
  { t }: Pick<Translator, 't'>,
): string {
  if (outcome.timedOut) return t('play:outcome.timedOut');
  return outcome.correct ? t('play:outcome.correct') : t('play:outcome.wrong');
}

/** "Answer: …", with the answer picked beside it when it was wrong. */
export function answerLineOf(outcome: AnswerOutcomeWords, { t }: Pick<Translator, 't'>): string {
  return outcome.picked !== undefined && !outcome.correct
    ? t('play:outcome.answerAndPick', { right: outcome.right, picked: outcome.picked })
    : t('play:outcome.answer', { right: outcome.right });
}

/** What the live region says first about an answer. */
export function spokenOutcome(outcome: AnswerOutcomeWords, { t }: Pick<Translator, 't'>): string {
  if (outcome.timedOut) return t('play:outcome.spokenTimedOut', { right: outcome.right });
  return outcome.correct
    ? t('play:outcome.spokenCorrect', { points: outcome.points, right: outcome.right })
    : t('play:outcome.spokenWrong', { picked: outcome.picked ?? '', right: outcome.right });
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
  return /[.!?…”"»]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The whole outcome of an answer as the live region says it: the verdict, then what the canvas adds to it. */
export function spokenReveal(
  outcome: AnswerOutcomeWords,
  details: RevealDetails,
  translator: OutcomeTranslator,
): string {
  const { t } = translator;
  const parts = [spokenOutcome(outcome, translator)];
  if (details.feedback) parts.push(sentence(details.feedback));
  if (details.calls) parts.push(sentence(details.calls));
  if (details.streak !== undefined && details.streak > 1)
    parts.push(t('play:outcome.streak', { count: details.streak }));
  if (details.score !== undefined) {
    parts.push(t('play:outcome.score', { score: translator.formatNumber(details.score) }));
  }
  return parts.join(' ');
}

/** What the live region says as a reveal opens: the whole outcome, then the quote that settles it, or that none is given. */
export function revealAnnouncement(spoken: string, quote: string | undefined, { t }: Pick<Translator, 't'>): string {
  return quote !== undefined
    ? t('play:reveal.announceSource', { outcome: spoken, quote })
    : t('play:reveal.announceNoSource', { outcome: spoken, label: t('play:noSource.label') });
}
