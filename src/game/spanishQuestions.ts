/**
 * Where the screens get a question's Spanish: the Spanish bank once it is here and the interface is Spanish, else
 * nothing (the question shows as written). The download starts when the interface turns Spanish (main.ts).
 */
import type { Translator } from '../i18n/translator';
import type { Question } from '../core/types';
import type { SpanishQuestionView } from '../core/spanishBank';
import type { PageServices } from './pageServices';

/** The Spanish bank's file, written by the build next to bank.json (see vite.config.ts). */
export const SPANISH_BANK_URL = 'bank.es.json';

let started: Promise<void> | undefined;

/** Starts the Spanish bank's download once (nothing for another language); resolves when it is in or has failed. */
export function loadSpanishBankFor(services: PageServices, translator: Translator): Promise<void> {
  if (translator.language !== 'es') return Promise.resolve();
  started ??= import('./spanishBankLoader')
    .then(({ downloadSpanishBank }) => downloadSpanishBank(SPANISH_BANK_URL))
    .then(
      (bank) => {
        services.spanishBank = bank;
      },
      (error: unknown) => {
        started = undefined;
        console.warn('Source Check: the questions in Spanish could not be downloaded; showing them in English.', error);
      },
    );
  return started;
}

/** A question of the bank in Spanish when the interface speaks it and the overlay has it; else undefined. */
export function spanishViewOf(
  services: PageServices,
  translator: Translator,
  question: Question,
): SpanishQuestionView | undefined {
  if (translator.language !== 'es' || !services.spanishBank || !services.bank) return undefined;
  return services.spanishBank.view(question, services.bank.sources);
}

/** A class question's words before the answer in Spanish, the choices in the order served; else undefined. */
export function spanishServedOf(
  services: PageServices,
  translator: Translator,
  questionId: string,
  englishChoices: readonly string[],
): { prompt: string; claim?: string; choices: string[] } | undefined {
  if (translator.language !== 'es' || !services.spanishBank) return undefined;
  return services.spanishBank.served(questionId, englishChoices);
}

/** A question as the screens word it: the bank's Spanish when the interface speaks it and has it, else as written. */
export function localQuestion(services: PageServices, translator: Translator, question: Question): Question {
  const spanish = spanishViewOf(services, translator, question);
  if (!spanish) return question;
  return {
    ...question,
    prompt: spanish.prompt,
    choices: question.choices.map((choice, index) => ({
      ...choice,
      text: spanish.choices[index]?.text ?? choice.text,
    })),
  };
}

/** A topic's title in the interface's language: the overlay's Spanish when there is one, else as written. */
export function localTopicTitle(
  services: PageServices,
  translator: Translator,
  topic: { id: string; title: string },
): string {
  if (translator.language !== 'es') return topic.title;
  return services.spanishBank?.bundle.overlay.topics[topic.id] ?? topic.title;
}
