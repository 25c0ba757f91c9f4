/**
 * A class question's words after the answer in another language than the bank's English: the feedback, the
 * explanation and a rendering of each quote, from the bank's overlay. The class server sends them with a verdict
 * (in the student's language) and with the projector's evidence, never before the question closes for whoever
 * reads them, which is why the game's own download (bank.es.json) cannot carry them for the questions held back for
 * classes. Quotes themselves stay as published. Pure.
 */
import type { Language } from './languages';
import type { SpanishOverlay } from './spanishBank';
import type { Question } from './types';

export interface RevealWords {
  language: Language;
  /** The picked choice's feedback, when there is a pick and the English has feedback for it. */
  feedback?: string;
  explanation?: string;
  /** One rendering per excerpt of the evidence, in its order: shown under the quote, marked as unofficial. */
  evidence: string[];
  /** The rendering of the claim's quote. */
  claim?: string;
}

/** Each language other than English with the overlay that words the bank in it. */
export type BankOverlays = Partial<Record<Exclude<Language, 'en'>, SpanishOverlay>>;

/**
 * The words after the answer of `question` in `language`, the feedback of the choice at `pickedIndex` (an index into
 * the question's own choices) included; undefined for English, for a language without an overlay, or for a question
 * the overlay does not word (a teacher's own question), which then stays as written.
 */
export function revealWordsIn(
  question: Question,
  language: Language,
  overlays: BankOverlays,
  pickedIndex: number | null = null,
): RevealWords | undefined {
  if (language === 'en') return undefined;
  const words = overlays[language]?.questions[question.id];
  if (!words || words.choices.length !== question.choices.length) return undefined;
  if (words.evidence.length !== question.evidence.length) return undefined;
  const feedback =
    pickedIndex !== null && question.choices[pickedIndex]?.feedback !== undefined
      ? words.choices[pickedIndex]?.feedback
      : undefined;
  return {
    language,
    ...(feedback !== undefined ? { feedback } : {}),
    ...(words.explanation !== undefined ? { explanation: words.explanation } : {}),
    evidence: [...words.evidence],
    ...(question.claim && words.claim !== undefined ? { claim: words.claim } : {}),
  };
}

/** The question's words after the answer in every language the overlays word it in (for the projector). */
export function revealWordsInEvery(question: Question, overlays: BankOverlays): RevealWords[] {
  return (Object.keys(overlays) as Exclude<Language, 'en'>[])
    .map((language) => revealWordsIn(question, language, overlays))
    .filter((words): words is RevealWords => words !== undefined);
}
