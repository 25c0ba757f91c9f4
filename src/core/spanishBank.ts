/**
 * The bank in Spanish: an overlay beside the English bank (questions/es/<topic>.yaml and questions/es/sources.yaml,
 * described in docs/question-format.md). The overlay carries only words: ids, correct answers, sources, quotes and
 * every other rule stay with the English question. Quotes are never translated in place; each excerpt gets a Spanish
 * rendering shown under it, marked as unofficial. Pure: the build, `npm run check:questions` and the screens use it.
 */
import { parse as parseYaml } from 'yaml';
import { baseName } from './bank.ts';
import { balanceProblems, measureBalance } from './bankBalance.ts';
import type { Bank, BankError, BankFile, ClaimVerdict, Question, SourceDoc } from './types.ts';

/** The label the reveal shows under a quote's Spanish rendering. */
export const UNOFFICIAL_TRANSLATION_LABEL = 'Traducción no oficial';

/** The file of the overlay that translates the sources' citations, beside the topic files. */
export const SPANISH_SOURCES_FILE = 'sources.yaml';

export interface SpanishChoice {
  text: string;
  feedback?: string;
}

export interface SpanishQuestion {
  id: string;
  prompt: string;
  /** In the order of the English choices: the first here translates the first there. */
  choices: SpanishChoice[];
  /** One Spanish rendering per English excerpt, in the same order. */
  evidence: string[];
  /** The Spanish rendering of the claim's quote. */
  claim?: string;
  explanation?: string;
}

/** A source's citation in Spanish; the document's own title stays as published (the English `title`). */
export interface SpanishSource {
  title: string;
  author: string;
  publisher: string;
}

export interface SpanishOverlay {
  /** Topic id → its title in Spanish. */
  topics: Record<string, string>;
  questions: Record<string, SpanishQuestion>;
  sources: Record<string, SpanishSource>;
}

export interface SpanishOverlayFiles {
  topicFiles: BankFile[];
  /** questions/es/sources.yaml; missing when the folder has none. */
  sourcesFile?: BankFile;
  /** The overlay's folder as errors name it (questions/es). */
  folder: string;
}

const TOPIC_FIELDS = ['topic', 'title', 'questions'];
const QUESTION_FIELDS = ['id', 'prompt', 'choices', 'evidence', 'claim', 'explanation'];
const CHOICE_FIELDS = ['text', 'feedback'];
const SOURCE_FIELDS = ['title', 'author', 'publisher'];

/**
 * Common English words that are not also everyday Spanish words ("a", "no", "me", "he", "has", "son", "once",
 * "date" are left out), for the stray-English rule.
 */
const COMMON_ENGLISH_WORDS = new Set(
  (
    'the of and to in is that it was for on are with as his they be at one have this from by but not what all ' +
    'were we when your can said there an each which she do how their if will up other about out many then them ' +
    'these so some her would make like him into time two more go see way could people my than first been who ' +
    'its now did get may down day any new also after before because just only over says say does should where ' +
    'why while our us you here whose whom those though through under until again against between both during ' +
    'few most much must never off own same such too very yet order law court act ban article source sources ' +
    'claim evidence answer right wrong question signed'
  ).split(/\s+/),
);

/** A run of this many common English words in a row, outside quotes, is taken for untranslated English. */
export const STRAY_ENGLISH_RUN = 4;

/** Text between quotation marks: a quoted title or phrase may stay in English. */
const QUOTED = /"[^"]*"|“[^”]*”|«[^»]*»/g;
/** Words as the stray-English rule reads them: letters (with accents) and apostrophes. */
const WORD = /[\p{L}']+/gu;

/**
 * The first run of STRAY_ENGLISH_RUN or more common English words in a row, outside quotation marks, or
 * undefined. Proper names and Spanish words break a run, since they are not on the list; so does a quote.
 */
export function strayEnglish(text: string): string | undefined {
  for (const segment of text.split(QUOTED)) {
    let run: string[] = [];
    for (const word of [...(segment.match(WORD) ?? []), '']) {
      if (COMMON_ENGLISH_WORDS.has(word.toLowerCase())) {
        run.push(word);
        continue;
      }
      if (run.length >= STRAY_ENGLISH_RUN) return run.join(' ');
      run = [];
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects problems for one place so each check stays one line. */
class Problems {
  constructor(
    private readonly errors: BankError[],
    private readonly file: string,
    private readonly questionId?: string,
  ) {}

  add(field: string | undefined, message: string): void {
    this.errors.push({
      file: this.file,
      ...(this.questionId !== undefined ? { questionId: this.questionId } : {}),
      ...(field !== undefined ? { field } : {}),
      message,
    });
  }

  forQuestion(questionId: string): Problems {
    return new Problems(this.errors, this.file, questionId);
  }

  unknownFields(record: Record<string, unknown>, allowed: readonly string[], prefix: string): void {
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) this.add(prefix + key, `unknown field (allowed: ${allowed.join(', ')})`);
    }
  }

  /**
   * A Spanish text where the English has one: present, text, not empty, and not English left untranslated.
   * Where the English has none, the Spanish must have none either.
   */
  spanish(
    record: Record<string, unknown>,
    key: string,
    field: string,
    english: string | undefined,
  ): string | undefined {
    const value = record[key];
    if (english === undefined) {
      if (value !== undefined) this.add(field, 'the English question has no such text, so its Spanish must go');
      return undefined;
    }
    if (value === undefined || value === null) {
      this.add(field, 'is missing: the English has this text, so the Spanish must too');
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.add(field, 'must be Spanish text, not empty');
      return undefined;
    }
    const stray = strayEnglish(value);
    if (stray !== undefined) {
      this.add(field, `looks untranslated: "${stray}" is ${STRAY_ENGLISH_RUN}+ English words in a row outside quotes`);
    }
    return value;
  }
}

function readYaml(file: BankFile, problems: Problems): unknown {
  try {
    return parseYaml(file.text);
  } catch (error) {
    problems.add(undefined, `invalid YAML: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

function parseSpanishQuestion(
  raw: Record<string, unknown>,
  english: Question,
  problems: Problems,
): SpanishQuestion | undefined {
  problems.unknownFields(raw, QUESTION_FIELDS, '');
  const prompt = problems.spanish(raw, 'prompt', 'prompt', english.prompt);
  const explanation = problems.spanish(raw, 'explanation', 'explanation', english.explanation);
  const choices: SpanishChoice[] = [];
  if (!Array.isArray(raw.choices) || raw.choices.length !== english.choices.length) {
    problems.add('choices', `must be a list of ${english.choices.length} choices, in the English order`);
  } else {
    raw.choices.forEach((rawChoice, index) => {
      const field = `choices[${index + 1}]`;
      if (!isRecord(rawChoice)) {
        problems.add(field, 'must be a mapping with text (and feedback where the English has it)');
        return;
      }
      const englishChoice = english.choices[index]!;
      problems.unknownFields(rawChoice, CHOICE_FIELDS, `${field}.`);
      const text = problems.spanish(rawChoice, 'text', `${field}.text`, englishChoice.text);
      const feedback = problems.spanish(rawChoice, 'feedback', `${field}.feedback`, englishChoice.feedback);
      if (text !== undefined) choices.push({ text, ...(feedback !== undefined ? { feedback } : {}) });
    });
    const seen = new Set<string>();
    for (const [index, choice] of choices.entries()) {
      const key = choice.text.trim().toLocaleLowerCase('es');
      if (seen.has(key)) problems.add(`choices[${index + 1}].text`, `repeats another choice: "${choice.text}"`);
      seen.add(key);
    }
  }
  const evidence: string[] = [];
  if (!Array.isArray(raw.evidence) || raw.evidence.length !== english.evidence.length) {
    problems.add(
      'evidence',
      `must be a list of ${english.evidence.length} Spanish rendering(s), one per English excerpt, in order`,
    );
  } else {
    raw.evidence.forEach((rendering, index) => {
      const text = problems.spanish(
        { rendering },
        'rendering',
        `evidence[${index + 1}]`,
        english.evidence[index]!.quote,
      );
      if (text !== undefined) evidence.push(text);
    });
  }
  const claim = problems.spanish(raw, 'claim', 'claim', english.claim?.quote);
  const complete =
    prompt !== undefined &&
    choices.length === english.choices.length &&
    evidence.length === english.evidence.length &&
    (english.claim === undefined || claim !== undefined) &&
    (english.explanation === undefined || explanation !== undefined);
  if (!complete) return undefined;
  return {
    id: english.id,
    prompt,
    choices,
    evidence,
    ...(claim !== undefined ? { claim } : {}),
    ...(explanation !== undefined ? { explanation } : {}),
  };
}

function parseSpanishTopic(
  file: BankFile,
  bank: Bank,
  overlay: SpanishOverlay,
  errors: BankError[],
): string | undefined {
  const problems = new Problems(errors, file.path);
  const data = readYaml(file, problems);
  if (data === undefined) return undefined;
  if (!isRecord(data)) {
    problems.add(undefined, 'must be a mapping with topic, title and questions');
    return undefined;
  }
  problems.unknownFields(data, TOPIC_FIELDS, '');
  const topicId = baseName(file.path);
  if (data.topic !== topicId) problems.add('topic', `must equal the file name "${topicId}"`);
  const englishTopic = bank.topics.find((topic) => topic.id === topicId);
  if (!englishTopic) {
    problems.add(undefined, `there is no English topic "${topicId}" for this file to translate`);
    return undefined;
  }
  const title = problems.spanish(data, 'title', 'title', englishTopic.title);
  if (title !== undefined) overlay.topics[topicId] = title;
  const englishQuestions = new Map(bank.questions.filter((q) => q.topic === topicId).map((q) => [q.id, q]));
  const translated = new Set<string>();
  if (!Array.isArray(data.questions)) {
    problems.add('questions', 'must be a list');
  } else {
    data.questions.forEach((raw, index) => {
      const id = isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined;
      if (id === undefined || !isRecord(raw)) {
        problems.add(`questions[${index + 1}]`, 'must be a mapping with the id of an English question');
        return;
      }
      const questionProblems = problems.forQuestion(id);
      const english = englishQuestions.get(id);
      if (!english) {
        questionProblems.add('id', `no English question in topic "${topicId}" has this id`);
        return;
      }
      if (translated.has(id)) {
        questionProblems.add('id', 'is translated twice in this file');
        return;
      }
      translated.add(id);
      const question = parseSpanishQuestion(raw, english, questionProblems);
      if (question) overlay.questions[id] = question;
    });
  }
  for (const id of englishQuestions.keys()) {
    if (!translated.has(id)) problems.forQuestion(id).add(undefined, 'has no Spanish translation in this file');
  }
  return topicId;
}

function parseSpanishSources(
  file: BankFile | undefined,
  folder: string,
  bank: Bank,
  overlay: SpanishOverlay,
  errors: BankError[],
): void {
  const path = file?.path ?? `${folder}/${SPANISH_SOURCES_FILE}`;
  const problems = new Problems(errors, path);
  if (!file) {
    problems.add(undefined, 'is missing: every source needs its citation in Spanish');
    return;
  }
  const data = readYaml(file, problems);
  if (data === undefined) return;
  if (!isRecord(data) || !isRecord(data.sources)) {
    problems.add('sources', 'must be a mapping from source id to title, author and publisher');
    return;
  }
  problems.unknownFields(data, ['sources'], '');
  for (const [id, raw] of Object.entries(data.sources)) {
    const english = bank.sources[id];
    if (!english) {
      problems.add(`sources.${id}`, 'no source in questions/sources has this id');
      continue;
    }
    if (!isRecord(raw)) {
      problems.add(`sources.${id}`, 'must be a mapping with title, author and publisher');
      continue;
    }
    problems.unknownFields(raw, SOURCE_FIELDS, `sources.${id}.`);
    const title = problems.spanish(raw, 'title', `sources.${id}.title`, english.title);
    const author = problems.spanish(raw, 'author', `sources.${id}.author`, english.author);
    const publisher = problems.spanish(raw, 'publisher', `sources.${id}.publisher`, english.publisher);
    if (title !== undefined && author !== undefined && publisher !== undefined) {
      overlay.sources[id] = { title, author, publisher };
    }
  }
  for (const id of Object.keys(bank.sources)) {
    if (!isRecord(data.sources[id]))
      problems.add(`sources.${id}`, 'is missing: this source needs its citation in Spanish');
  }
}

/** The English questions wearing their Spanish choice texts, so the bank's balance rules can measure them. */
function spanishChoicesOf(bank: Bank, overlay: SpanishOverlay): Question[] {
  return bank.questions.flatMap((question) => {
    const spanish = overlay.questions[question.id];
    if (!spanish) return [];
    const choices = question.choices.map((choice, index) => ({ ...choice, text: spanish.choices[index]!.text }));
    return [{ ...question, choices }];
  });
}

/**
 * Reads and checks the overlay against the English bank: every English topic, question and source translated,
 * no more and no less; every field the English has, in Spanish, with no stray English; choices distinct; and the
 * rule on the longest answer holding in Spanish bank-wide and per topic. Complete questions are kept even when
 * others fail, so every problem is listed at once.
 */
export function parseSpanishOverlay(
  files: SpanishOverlayFiles,
  bank: Bank,
): { overlay: SpanishOverlay; errors: BankError[] } {
  const errors: BankError[] = [];
  const overlay: SpanishOverlay = { topics: {}, questions: {}, sources: {} };
  const translatedTopics = new Set<string>();
  for (const file of files.topicFiles) {
    const topic = parseSpanishTopic(file, bank, overlay, errors);
    if (topic !== undefined) translatedTopics.add(topic);
  }
  for (const topic of bank.topics) {
    if (!translatedTopics.has(topic.id)) {
      errors.push({
        file: `${files.folder}/${topic.id}.yaml`,
        message: `is missing: topic "${topic.id}" has no Spanish`,
      });
    }
  }
  parseSpanishSources(files.sourcesFile, files.folder, bank, overlay, errors);
  const balance = measureBalance(bank.topics, spanishChoicesOf(bank, overlay));
  const rules = { perTopic: true, lookups: false, skills: false };
  for (const problem of balanceProblems(balance, rules)) {
    const file = problem.topic !== undefined ? `${files.folder}/${problem.topic}.yaml` : files.folder;
    errors.push({ file, message: `in Spanish, ${problem.message}` });
  }
  return { overlay, errors };
}

/** A source as the Spanish reveal cites it. */
export interface SpanishCitation {
  /** The source described in Spanish (e.g. "Orden ejecutiva 13942…"). */
  title: string;
  /** The document's own title, as published. */
  originalTitle: string;
  author: string;
  publisher: string;
  /** ISO date or "not stated", as in the English source. */
  date: string;
  url?: string;
}

/** A quote as published, with its Spanish rendering and the label that says the rendering is not official. */
export interface TranslatedQuote {
  source: string;
  quote: string;
  translation: string;
  translationLabel: typeof UNOFFICIAL_TRANSLATION_LABEL;
  citation?: SpanishCitation;
}

export interface SpanishQuestionView {
  id: string;
  topicTitle?: string;
  prompt: string;
  choices: { text: string; correct: boolean; feedback?: string }[];
  explanation?: string;
  evidence: TranslatedQuote[];
  claim?: TranslatedQuote & { verdict?: ClaimVerdict };
}

type Citable = Pick<SourceDoc, 'title' | 'date' | 'url'>;

function citationOf(
  id: string,
  overlay: SpanishOverlay,
  sources: Record<string, Citable>,
): SpanishCitation | undefined {
  const spanish = overlay.sources[id];
  const english = sources[id];
  if (!spanish || !english) return undefined;
  return {
    title: spanish.title,
    originalTitle: english.title,
    author: spanish.author,
    publisher: spanish.publisher,
    date: english.date,
    ...(english.url !== undefined ? { url: english.url } : {}),
  };
}

/**
 * The Spanish view of a question for the screens: the texts in Spanish, the right answer and the quotes as in
 * English, each quote with its unofficial rendering and its source cited in Spanish. Undefined when the overlay
 * has no translation of this question (a teacher's own question), so the caller shows the English.
 */
export function spanishQuestionView(
  question: Question,
  overlay: SpanishOverlay,
  sources: Record<string, Citable>,
): SpanishQuestionView | undefined {
  const spanish = overlay.questions[question.id];
  if (!spanish || spanish.choices.length !== question.choices.length) return undefined;
  const quote = (source: string, text: string, translation: string): TranslatedQuote => {
    const citation = citationOf(source, overlay, sources);
    return {
      source,
      quote: text,
      translation,
      translationLabel: UNOFFICIAL_TRANSLATION_LABEL,
      ...(citation ? { citation } : {}),
    };
  };
  const topicTitle = overlay.topics[question.topic];
  return {
    id: question.id,
    ...(topicTitle !== undefined ? { topicTitle } : {}),
    prompt: spanish.prompt,
    choices: question.choices.map((choice, index) => {
      const translated = spanish.choices[index]!;
      return {
        text: translated.text,
        correct: choice.correct,
        ...(translated.feedback !== undefined ? { feedback: translated.feedback } : {}),
      };
    }),
    ...(spanish.explanation !== undefined ? { explanation: spanish.explanation } : {}),
    evidence: question.evidence.map((excerpt, index) =>
      quote(excerpt.source, excerpt.quote, spanish.evidence[index] ?? ''),
    ),
    ...(question.claim && spanish.claim !== undefined
      ? {
          claim: {
            ...quote(question.claim.source, question.claim.quote, spanish.claim),
            ...(question.claim.verdict !== undefined ? { verdict: question.claim.verdict } : {}),
          },
        }
      : {}),
  };
}
