/**
 * The bank's words on the host page in the teacher's language. The class server sends each question in English with
 * its id, and each topic with its id; a Spanish page words them from the bank's Spanish (bank.es.json, the file the
 * game downloads), each choice by its English text. The words after the answer (the explanation, each quote's
 * rendering) come from the server with the projector's evidence (revealWords.ts), since bank.es.json holds none of
 * them for the questions held back for classes. Quotes stay as published; a teacher's own question has no Spanish
 * and stays as written; a failed download leaves the page's questions in English.
 */
import type { LiveBoard } from '../core/classProtocol';
import { citationIn } from '../i18n/citations';
import { briefPrompt } from '../core/reports';
import type { RevealWords } from '../core/revealWords';
import { spanishServedQuestion, type SpanishBankBundle } from '../core/spanishBankBundle';
import { SPANISH_BANK_URL } from '../game/spanishQuestions';
import { hostTranslator } from './hostLanguage';

let spanish: SpanishBankBundle | undefined;

/** Downloads the bank's Spanish when the page speaks Spanish (nothing otherwise); resolves once it is in or failed. */
export async function loadHostQuestions(): Promise<void> {
  if (hostTranslator().language !== 'es') return;
  try {
    const { downloadSpanishBank } = await import('../game/spanishBankLoader');
    spanish = (await downloadSpanishBank(SPANISH_BANK_URL)).bundle;
  } catch (error) {
    console.warn('Source Check: the questions in Spanish could not be downloaded; showing them in English.', error);
  }
}

function inSpanish(): SpanishBankBundle | undefined {
  return hostTranslator().language === 'es' ? spanish : undefined;
}

/** A question as the page words it: the prompt, the claim's rendering (if any) and the choices in the order given. */
export function localQuestion(
  questionId: string,
  prompt: string,
  choices: readonly string[],
): { prompt: string; claimTranslation?: string; choices: string[] } {
  const bundle = inSpanish();
  const words = bundle ? spanishServedQuestion(bundle, questionId, choices) : undefined;
  if (!words) return { prompt, choices: [...choices] };
  return {
    prompt: words.prompt,
    ...(words.claim !== undefined ? { claimTranslation: words.claim } : {}),
    choices: words.choices,
  };
}

/** The start of a question's prompt (as the skills' most-missed question quotes it) as the page words it. */
export function localBriefPrompt(question: { questionId: string; prompt: string }): string {
  const words = localQuestion(question.questionId, question.prompt, []);
  return words.prompt === question.prompt ? question.prompt : briefPrompt(words.prompt);
}

/** One choice of a question, by its English text, as the page words it. */
export function localChoice(questionId: string, english: string): string {
  return localQuestion(questionId, '', [english]).choices[0] ?? english;
}

/** A topic's title as the page words it. */
export function localTopicTitle(topic: { id: string; title: string }): string {
  return inSpanish()?.overlay.topics[topic.id] ?? topic.title;
}

/** The evidence's words after the answer in the page's language, when the server sent them. */
export function localRevealWords(evidence: LiveBoard['evidence']): RevealWords | undefined {
  const language = hostTranslator().language;
  return evidence?.translations?.find((words) => words.language === language);
}

/**
 * An excerpt's citation as the page words it: the server's English, or, on a Spanish page, the source's title and
 * issuer from bank.es.json with its date (which the server sends beside the excerpt), as a student's reveal cites it,
 * the document's own title as published beside them (the projector has no second, accessible layer to carry it).
 */
export function localCitation(excerpt: NonNullable<LiveBoard['evidence']>['excerpts'][number]): string {
  const translator = hostTranslator();
  if (translator.language === 'en' || !excerpt.cited) return excerpt.citation;
  const rendered = inSpanish()?.overlay.sources[excerpt.source];
  return citationIn(translator, excerpt.source, excerpt.cited, rendered, true);
}
