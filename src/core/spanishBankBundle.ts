/**
 * The bank's Spanish as the game downloads it (bank.es.json, fetched only by a player whose interface is Spanish):
 * the overlay of every question the game ships, and, for the questions held back for classes, only the words a
 * student sees before answering (prompt, claim, choices), so the file cannot be read for a class question's answer.
 * Pure: made at build time, checked and read by the game.
 */
import type { SpanishOverlay, SpanishQuestion } from './spanishBank';

/** A class question's words before the answer: each choice keyed by its English text, in no telling order. */
export interface SpanishServedWords {
  prompt: string;
  claim?: string;
  /** English choice text → its Spanish. */
  choices: Record<string, string>;
}

export interface SpanishBankBundle {
  /** The version of the bank.json it was made with. */
  version: string;
  overlay: SpanishOverlay;
  /** Every question's words before the answer, by id (the class server serves held-back ones too). */
  served: Record<string, SpanishServedWords>;
}

interface EnglishQuestionWords {
  id: string;
  choices: readonly { text: string }[];
}

/**
 * The download: the overlay of the questions the game ships in full, and every question's words before the answer
 * (choices keyed by English text, sorted by it, so their order says nothing of the YAML's).
 */
export function bundleSpanishBank(
  version: string,
  overlay: SpanishOverlay,
  allQuestions: readonly EnglishQuestionWords[],
  shippedIds: ReadonlySet<string>,
): SpanishBankBundle {
  const questions: Record<string, SpanishQuestion> = {};
  const served: Record<string, SpanishServedWords> = {};
  for (const question of allQuestions) {
    const spanish = overlay.questions[question.id];
    if (!spanish) continue;
    if (shippedIds.has(question.id)) questions[question.id] = spanish;
    const pairs = question.choices
      .map((choice, index): [string, string] => [choice.text, spanish.choices[index]?.text ?? choice.text])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    served[question.id] = {
      prompt: spanish.prompt,
      ...(spanish.claim !== undefined ? { claim: spanish.claim } : {}),
      choices: Object.fromEntries(pairs),
    };
  }
  return { version, overlay: { topics: overlay.topics, sources: overlay.sources, questions }, served };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a downloaded bank.es.json before the game shows anything from it; the error names what is wrong. */
export function checkSpanishBankBundle(data: unknown): { bundle?: SpanishBankBundle; error?: string } {
  if (!isRecord(data) || !isRecord(data.overlay) || !isRecord(data.served)) {
    return { error: 'bank.es.json lacks its overlay or its served words' };
  }
  const { overlay } = data;
  if (!isRecord(overlay.topics) || !isRecord(overlay.questions) || !isRecord(overlay.sources)) {
    return { error: 'bank.es.json: the overlay lacks its topics, questions or sources' };
  }
  for (const [id, question] of Object.entries(overlay.questions)) {
    if (
      !isRecord(question) ||
      typeof question.prompt !== 'string' ||
      !Array.isArray(question.choices) ||
      !question.choices.every((choice) => isRecord(choice) && typeof choice.text === 'string') ||
      !Array.isArray(question.evidence)
    ) {
      return { error: `bank.es.json, question "${id}": prompt, choices or evidence are missing` };
    }
  }
  for (const [id, words] of Object.entries(data.served)) {
    if (!isRecord(words) || typeof words.prompt !== 'string' || !isRecord(words.choices)) {
      return { error: `bank.es.json, served words of "${id}": prompt or choices are missing` };
    }
  }
  return { bundle: data as unknown as SpanishBankBundle };
}

/**
 * A served question's words in Spanish, the choices in the student's own order (mapped by their English text);
 * undefined when the bundle lacks the question or any of its choices (a teacher's own question stays as written).
 */
export function spanishServedQuestion(
  bundle: SpanishBankBundle,
  questionId: string,
  englishChoices: readonly string[],
): { prompt: string; claim?: string; choices: string[] } | undefined {
  const words = bundle.served[questionId];
  if (!words) return undefined;
  const choices = englishChoices.map((text) => words.choices[text]);
  if (choices.some((text) => text === undefined)) return undefined;
  return {
    prompt: words.prompt,
    ...(words.claim !== undefined ? { claim: words.claim } : {}),
    choices: choices as string[],
  };
}
