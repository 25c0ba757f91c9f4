/**
 * The bank's Spanish (bank.es.json, see core/spanishBankBundle.ts): downloaded only once a player's interface is
 * Spanish, with the functions that read it, so neither the file nor its reader is on an English player's way.
 * A download that fails leaves the questions in English, with a warning in the console.
 */
import { checkSpanishBankBundle, spanishServedQuestion, type SpanishBankBundle } from '../core/spanishBankBundle';
import { spanishQuestionView, type SpanishQuestionView } from '../core/spanishBank';
import type { BankBundle, Question } from '../core/types';

/** The Spanish bank, ready to read. */
export interface SpanishBank {
  bundle: SpanishBankBundle;
  /** A question of the bank in Spanish, or undefined when the overlay has none (a teacher's own question). */
  view(question: Question, sources: BankBundle['sources']): SpanishQuestionView | undefined;
  /** A class question's words before the answer, the choices in the order served. */
  served(questionId: string, englishChoices: readonly string[]): ReturnType<typeof spanishServedQuestion>;
}

export async function downloadSpanishBank(url: string): Promise<SpanishBank> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url} could not be downloaded: the server answered ${response.status}`);
  const checked = checkSpanishBankBundle(await response.json());
  const bundle = checked.bundle;
  if (!bundle) throw new Error(checked.error);
  return {
    bundle,
    view: (question, sources) => spanishQuestionView(question, bundle.overlay, sources),
    served: (questionId, englishChoices) => spanishServedQuestion(bundle, questionId, englishChoices),
  };
}
