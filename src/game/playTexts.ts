/**
 * A question's words as a round's screens show them, in the interface's language: the bank's Spanish when the
 * interface is Spanish and the overlay has the question (quotes stay as published, each with its unofficial
 * rendering), else the English as written; with citations and as-of dates written the language's way.
 */
import { isIsoDate } from '../core/dates';
import type { Question } from '../core/types';
import { citationIn, longDateIn } from '../i18n/citations';
import type { Translator } from '../i18n/translator';
import type { PageServices } from './pageServices';
import { spanishViewOf } from './spanishQuestions';

export interface ShownQuestion {
  prompt: string;
  /** In the bank's order, as the session's choice indices count them. */
  choices: { text: string; feedback?: string }[];
  explanation?: string;
  /** The unofficial rendering under each excerpt (same order as question.evidence), when there is one. */
  evidenceTranslations: (string | undefined)[];
  claimTranslation?: string;
  /** The label that marks a rendering as unofficial. */
  translationLabel?: string;
}

/** The words to show for a question of the bank. */
export function shownQuestion(services: PageServices, translator: Translator, question: Question): ShownQuestion {
  const spanish = spanishViewOf(services, translator, question);
  if (!spanish) {
    return {
      prompt: question.prompt,
      choices: question.choices,
      ...(question.explanation !== undefined ? { explanation: question.explanation } : {}),
      evidenceTranslations: question.evidence.map(() => undefined),
    };
  }
  return {
    prompt: spanish.prompt,
    choices: spanish.choices,
    ...(spanish.explanation !== undefined ? { explanation: spanish.explanation } : {}),
    evidenceTranslations: spanish.evidence.map((quote) => quote.translation || undefined),
    ...(spanish.claim ? { claimTranslation: spanish.claim.translation } : {}),
    translationLabel: spanish.evidence[0]?.translationLabel ?? spanish.claim?.translationLabel,
  };
}

/** A calendar date the language's way: the English screens write "6 August 2020", the Spanish "6 de agosto de 2020". */
export const longDate = longDateIn;

/**
 * How a source is cited under its excerpt: in Spanish, the overlay's description of the source, its issuer and the
 * date (`withOriginalTitle` adds the document's own title, as published, for the accessible layer); in English as
 * sourceCitation writes it.
 */
export function citationOf(
  services: PageServices,
  translator: Translator,
  sourceId: string,
  withOriginalTitle = false,
): string {
  const rendered = services.spanishBank?.bundle.overlay.sources[sourceId];
  return citationIn(translator, sourceId, services.bank?.sources[sourceId], rendered, withOriginalTitle);
}

/** What the reveal says under a fact that can change after its document, in the language; nothing without one. */
export function asOfNoteIn(translator: Translator, question: { asOf?: string }): string | undefined {
  if (question.asOf === undefined || !isIsoDate(question.asOf)) return undefined;
  return translator.t('play:asOf.note', { date: longDate(translator, question.asOf) });
}

/** The as-of date alone, for a screen with no room for the whole note. */
export function asOfShortNoteIn(translator: Translator, question: { asOf?: string }): string | undefined {
  if (question.asOf === undefined || !isIsoDate(question.asOf)) return undefined;
  return translator.t('play:asOf.short', { date: longDate(translator, question.asOf) });
}
