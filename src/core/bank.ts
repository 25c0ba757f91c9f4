/**
 * Parsing and validation of the question bank (questions/*.yaml and questions/sources/*.md).
 * One validator serves the build, `npm run check:questions`, the game and the class server.
 */
import { isNode, LineCounter, parse as parseYaml, parseDocument, YAMLParseError, type Document } from 'yaml';
import {
  CLAIM_VERDICTS,
  DIFFICULTIES,
  QUESTION_KINDS,
  SKILLS,
  SOURCE_KINDS,
  type Bank,
  type BankError,
  type BankFile,
  type BankKind,
  type Choice,
  type Claim,
  type ClaimVerdict,
  type Difficulty,
  type Excerpt,
  type ExpectedShape,
  type Question,
  type QuestionKind,
  type Skill,
  type SourceDoc,
  type SourceKind,
  type Topic,
  type Violation,
} from './types.ts';
import {
  MAX_CHOICES,
  MAX_EVIDENCE,
  MAX_IMPORTED_CHOICES,
  MAX_TIME_LIMIT_SEC,
  MIN_CHOICES,
  MIN_TIME_LIMIT_SEC,
  NOT_STATED,
} from './settings.ts';
import { foldWhitespace } from './text.ts';
import { isIsoDate } from './dates.ts';
import { describeFound, describeYamlProblem, EXPECTED_SHAPES, foundOf } from './found.ts';

export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** How much of a quote a "not found" message repeats. */
const QUOTE_SHOWN_CHARS = 80;

const TOPIC_FIELDS = ['topic', 'title', 'questions'];
const QUESTION_FIELDS = [
  'id',
  'difficulty',
  'skill',
  'kind',
  'prompt',
  'choices',
  'evidence',
  'claim',
  'explanation',
  'asOf',
  'timeLimitSec',
  'surprising',
];
const CHOICE_FIELDS = ['text', 'correct', 'feedback'];
const EXCERPT_FIELDS = ['source', 'quote'];
const CLAIM_FIELDS = ['source', 'quote', 'verdict'];
const SOURCE_FIELDS = ['id', 'title', 'author', 'publisher', 'date', 'url', 'kind', 'license', 'notes'];

// Kept in dates.ts so that the game's rules can check dates without loading the YAML parser.
export { isIsoDate };

/** The file name without folders and extension: "questions/sources/eo-13942.md" → "eo-13942". */
export function baseName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.(ya?ml|md)$/i, '');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  return describeFound(foundOf(value));
}

/** The line of a field of the question being checked ("choices[2].text"), when the file format knows it. */
export type LocateField = (field: string | undefined) => number | undefined;

/** Collects errors for one place (file, question) so each check stays one line. */
export class Reporter {
  /** How many problems this place has had: a question with any is not kept. */
  problems = 0;

  constructor(
    private readonly errors: BankError[],
    readonly file: string,
    readonly questionId?: string,
    private readonly locate?: LocateField,
  ) {}

  error(field: string | undefined, message: string, violation?: Violation): void {
    this.problems += 1;
    const line = this.locate?.(field);
    this.errors.push({
      file: this.file,
      questionId: this.questionId,
      field,
      message,
      ...(line !== undefined ? { line } : {}),
      ...(violation ? { violation } : {}),
    });
  }

  /** A field that holds something of the wrong kind: "must be a list, found number 5". */
  wrongType(field: string | undefined, expected: ExpectedShape, value: unknown): void {
    const found = foundOf(value);
    this.error(field, `${EXPECTED_SHAPES[expected]}, found ${describeFound(found)}`, {
      rule: 'wrong-type',
      expected,
      found,
    });
  }

  forQuestion(questionId: string, locate?: LocateField): Reporter {
    return new Reporter(this.errors, this.file, questionId, locate);
  }

  unknownFields(record: Record<string, unknown>, allowed: readonly string[], prefix: string): void {
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) {
        this.error(prefix + key, `unknown field (allowed: ${allowed.join(', ')})`, { rule: 'unknown-field', allowed });
      }
    }
  }

  text(record: Record<string, unknown>, key: string, field: string, required = true): string | undefined {
    const value = record[key];
    if (value === undefined || value === null) {
      if (required) this.error(field, 'is missing', { rule: 'missing' });
      return undefined;
    }
    if (typeof value !== 'string') {
      this.wrongType(field, 'text', value);
      return undefined;
    }
    if (value.trim() === '') {
      this.error(field, 'must not be empty', { rule: 'empty' });
      return undefined;
    }
    return value;
  }

  oneOf<T extends string | number>(
    record: Record<string, unknown>,
    key: string,
    field: string,
    allowed: readonly T[],
  ): T | undefined {
    const value = record[key];
    if (value === undefined || value === null) {
      this.error(field, 'is missing', { rule: 'missing' });
      return undefined;
    }
    if (!(allowed as readonly unknown[]).includes(value)) {
      this.error(field, `must be one of ${allowed.join(', ')}, found ${describe(value)}`, {
        rule: 'not-one-of',
        allowed,
        found: foundOf(value),
      });
      return undefined;
    }
    return value as T;
  }
}

export function yamlProblem(error: unknown): string {
  return describeYamlProblem(yamlViolation(error));
}

/** A YAML parser's complaint as data: its place, and its own (English) words. */
export function yamlViolation(error: unknown): Extract<Violation, { rule: 'invalid-yaml' }> {
  if (error instanceof YAMLParseError) {
    const line = error.linePos?.[0];
    // The parser's message repeats the place; keep it once, before the message.
    const detail = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
    return { rule: 'invalid-yaml', detail, ...(line ? { line: line.line, column: line.col } : {}) };
  }
  return { rule: 'invalid-yaml', detail: error instanceof Error ? error.message : String(error) };
}

/** Splits a Markdown file into its YAML front matter and its text. */
function splitFrontMatter(text: string): { frontMatter: string; body: string } | undefined {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  if (!normalized.startsWith('---\n')) return undefined;
  const end = normalized.indexOf('\n---\n', 4);
  if (end < 0) return undefined;
  return { frontMatter: normalized.slice(4, end), body: normalized.slice(end + 5) };
}

export function parseSource(file: BankFile, errors: BankError[]): SourceDoc | undefined {
  const report = new Reporter(errors, file.path);
  const parts = splitFrontMatter(file.text);
  if (!parts) {
    report.error(undefined, 'a source must start with YAML front matter between two "---" lines');
    return undefined;
  }
  let meta: unknown;
  try {
    meta = parseYaml(parts.frontMatter);
  } catch (error) {
    report.error('front matter', yamlProblem(error));
    return undefined;
  }
  if (!isRecord(meta)) {
    report.error('front matter', `must be a mapping of fields, found ${describe(meta)}`);
    return undefined;
  }
  const before = errors.length;
  report.unknownFields(meta, SOURCE_FIELDS, '');
  const id = report.text(meta, 'id', 'id');
  if (id !== undefined && id !== baseName(file.path)) {
    report.error('id', `must equal the file name "${baseName(file.path)}", found "${id}"`);
  }
  const title = report.text(meta, 'title', 'title');
  const author = report.text(meta, 'author', 'author');
  const publisher = report.text(meta, 'publisher', 'publisher');
  const date = report.text(meta, 'date', 'date');
  if (date !== undefined && date !== NOT_STATED && !isIsoDate(date)) {
    report.error('date', `must be an ISO date (YYYY-MM-DD) or "${NOT_STATED}", found "${date}"`);
  }
  const url = report.text(meta, 'url', 'url', false);
  const kind = report.oneOf<SourceKind>(meta, 'kind', 'kind', SOURCE_KINDS);
  const license = report.text(meta, 'license', 'license');
  const notes = report.text(meta, 'notes', 'notes', false);
  if (parts.body.trim() === '') report.error('text', 'the source has no text after its front matter');
  if (errors.length > before) return undefined;
  return {
    id: id!,
    title: title!,
    author: author!,
    publisher: publisher!,
    date: date!,
    ...(url ? { url } : {}),
    kind: kind!,
    license: license!,
    ...(notes ? { notes } : {}),
    text: parts.body,
  };
}

export function parseExcerpt(
  raw: unknown,
  field: string,
  report: Reporter,
  sources: Record<string, SourceDoc>,
  foldedTexts: Map<string, string>,
  allowed: readonly string[],
): Excerpt | undefined {
  if (!isRecord(raw)) {
    report.wrongType(field, 'excerpt', raw);
    return undefined;
  }
  report.unknownFields(raw, allowed, `${field}.`);
  const source = report.text(raw, 'source', `${field}.source`);
  const quote = report.text(raw, 'quote', `${field}.quote`);
  if (source === undefined || quote === undefined) return undefined;
  const doc = sources[source];
  if (!doc) {
    report.error(`${field}.source`, `unknown source id "${source}" (no questions/sources/${source}.md)`, {
      rule: 'unknown-source',
      source,
      known: Object.keys(sources).sort(),
    });
    return undefined;
  }
  if (quote.includes('...') || quote.includes('…') || quote.includes('[...]')) {
    report.error(`${field}.quote`, 'a quote must be one contiguous passage, without "..." joins', {
      rule: 'joined-quote',
    });
    return undefined;
  }
  let folded = foldedTexts.get(source);
  if (folded === undefined) {
    folded = foldWhitespace(doc.text);
    foldedTexts.set(source, folded);
  }
  if (!folded.includes(foldWhitespace(quote))) {
    report.error(
      `${field}.quote`,
      `not found verbatim in source "${source}": "${truncate(quote, QUOTE_SHOWN_CHARS)}"`,
      {
        rule: 'quote-not-found',
        source,
        quote,
      },
    );
    return undefined;
  }
  return { source, quote };
}

/** Shortens a text for a message, marking the cut with "…". */
export function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

function parseChoices(raw: unknown, report: Reporter, maxChoices: number): Choice[] | undefined {
  if (!Array.isArray(raw)) {
    if (raw === undefined) report.error('choices', 'is missing', { rule: 'missing' });
    else report.wrongType('choices', 'list', raw);
    return undefined;
  }
  if (raw.length < MIN_CHOICES || raw.length > maxChoices) {
    report.error('choices', `must hold ${MIN_CHOICES} to ${maxChoices} choices, found ${raw.length}`, {
      rule: 'choice-count',
      found: raw.length,
    });
  }
  const choices: Choice[] = [];
  const seen = new Set<string>();
  let ok = true;
  raw.forEach((item, index) => {
    const field = `choices[${index + 1}]`;
    if (!isRecord(item)) {
      report.wrongType(field, 'choice', item);
      ok = false;
      return;
    }
    report.unknownFields(item, CHOICE_FIELDS, `${field}.`);
    const text = report.text(item, 'text', `${field}.text`);
    const correct = item.correct ?? false;
    if (typeof correct !== 'boolean') {
      report.wrongType(`${field}.correct`, 'true-or-false', correct);
      ok = false;
    }
    const feedback = report.text(item, 'feedback', `${field}.feedback`, false);
    if (text === undefined) {
      ok = false;
      return;
    }
    const key = foldWhitespace(text).toLowerCase();
    if (seen.has(key)) {
      report.error(`${field}.text`, `repeats another choice: "${text}"`, { rule: 'repeated-choice', text });
    }
    seen.add(key);
    choices.push({ text, correct: correct === true, ...(feedback ? { feedback } : {}) });
  });
  const correctCount = choices.filter((choice) => choice.correct).length;
  if (ok && correctCount !== 1) {
    report.error('choices', `exactly one choice must be marked correct: true, found ${correctCount}`, {
      rule: 'correct-count',
      found: correctCount,
    });
  }
  return choices;
}

/** What a question is checked against: the bank's rules, its topic and the sources it may quote. */
export interface QuestionContext {
  kind: BankKind;
  topic: string;
  sources: Record<string, SourceDoc>;
  /** Each source's text with whitespace folded, computed once per bank. */
  foldedTexts: Map<string, string>;
}

export function newQuestionContext(kind: BankKind, topic: string, sources: Record<string, SourceDoc>): QuestionContext {
  return { kind, topic, sources, foldedTexts: new Map() };
}

function parseEvidence(raw: Record<string, unknown>, report: Reporter, context: QuestionContext): Excerpt[] {
  const evidence: Excerpt[] = [];
  const custom = context.kind === 'custom';
  if (custom && (raw.evidence === undefined || (Array.isArray(raw.evidence) && raw.evidence.length === 0))) {
    return evidence;
  }
  if (!Array.isArray(raw.evidence)) {
    if (raw.evidence === undefined) report.error('evidence', 'is missing', { rule: 'missing' });
    else report.wrongType('evidence', 'list', raw.evidence);
  } else if (raw.evidence.length < 1 || raw.evidence.length > MAX_EVIDENCE) {
    const range = custom ? `at most ${MAX_EVIDENCE}` : `1 to ${MAX_EVIDENCE}`;
    report.error('evidence', `must hold ${range} excerpts, found ${raw.evidence.length}`, {
      rule: 'evidence-count',
      found: raw.evidence.length,
    });
  } else {
    raw.evidence.forEach((item, i) => {
      const excerpt = parseExcerpt(
        item,
        `evidence[${i + 1}]`,
        report,
        context.sources,
        context.foldedTexts,
        EXCERPT_FIELDS,
      );
      if (excerpt) evidence.push(excerpt);
    });
  }
  return evidence;
}

/** The rules every question meets, whatever file format it came from. */
function checkQuestion(raw: Record<string, unknown>, report: Reporter, context: QuestionContext): Question | undefined {
  report.unknownFields(raw, QUESTION_FIELDS, '');
  const id = report.text(raw, 'id', 'id');
  if (id !== undefined && !KEBAB_CASE.test(id)) {
    report.error('id', `must be kebab-case, found "${id}"`, { rule: 'not-kebab-case', found: id });
  }
  const difficulty = report.oneOf<Difficulty>(raw, 'difficulty', 'difficulty', DIFFICULTIES);
  const skill = report.oneOf<Skill>(raw, 'skill', 'skill', SKILLS);
  // Every shipped question says what it asks the player to do; a teacher's own may leave it out.
  const kind =
    context.kind === 'custom' && (raw.kind === undefined || raw.kind === null)
      ? undefined
      : report.oneOf<QuestionKind>(raw, 'kind', 'kind', QUESTION_KINDS);
  const prompt = report.text(raw, 'prompt', 'prompt');
  const maxChoices = context.kind === 'custom' ? MAX_IMPORTED_CHOICES : MAX_CHOICES;
  const choices = parseChoices(raw.choices, report, maxChoices);
  const evidence = parseEvidence(raw, report, context);
  const explanation = report.text(raw, 'explanation', 'explanation', context.kind === 'shipped');

  let claim: Claim | undefined;
  if (raw.claim !== undefined) {
    const excerpt = parseExcerpt(raw.claim, 'claim', report, context.sources, context.foldedTexts, CLAIM_FIELDS);
    if (excerpt && isRecord(raw.claim)) {
      let verdict: ClaimVerdict | undefined;
      if (raw.claim.verdict !== undefined) {
        verdict = report.oneOf<ClaimVerdict>(raw.claim, 'verdict', 'claim.verdict', CLAIM_VERDICTS);
      }
      claim = { ...excerpt, ...(verdict ? { verdict } : {}) };
      // A verdict that says a claim holds or fails needs a document other than the claim's own to say so:
      // the article quoted back at itself settles what it says, never whether it is so.
      const settledElsewhere = evidence.some((item) => item.source !== excerpt.source);
      if (context.kind === 'shipped' && verdict !== undefined && verdict !== 'unsupported' && !settledElsewhere) {
        report.error(
          'claim.verdict',
          `"${verdict}" needs an excerpt from another source than the claim's own (${excerpt.source})`,
        );
      }
    }
  }

  let asOf: string | undefined;
  if (raw.asOf !== undefined) {
    if (typeof raw.asOf !== 'string' || !isIsoDate(raw.asOf)) {
      report.error('asOf', `must be an ISO date (YYYY-MM-DD), found ${describe(raw.asOf)}`, {
        rule: 'not-iso-date',
        found: foundOf(raw.asOf),
      });
    } else {
      asOf = raw.asOf;
    }
  }
  let timeLimitSec: number | undefined;
  if (raw.timeLimitSec !== undefined) {
    const value = raw.timeLimitSec;
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < MIN_TIME_LIMIT_SEC ||
      value > MAX_TIME_LIMIT_SEC
    ) {
      report.error(
        'timeLimitSec',
        `must be a whole number of seconds from ${MIN_TIME_LIMIT_SEC} to ${MAX_TIME_LIMIT_SEC}, found ${describe(value)}`,
        { rule: 'time-limit', found: value },
      );
    } else {
      timeLimitSec = value;
    }
  }
  if (raw.surprising !== undefined && typeof raw.surprising !== 'boolean') {
    report.wrongType('surprising', 'true-or-false', raw.surprising);
  }
  if (report.problems > 0) return undefined;
  return {
    id: id!,
    topic: context.topic,
    difficulty: difficulty!,
    skill: skill!,
    ...(kind ? { kind } : {}),
    prompt: prompt!,
    choices: choices!,
    evidence,
    ...(claim ? { claim } : {}),
    ...(explanation !== undefined ? { explanation } : {}),
    ...(asOf ? { asOf } : {}),
    ...(timeLimitSec ? { timeLimitSec } : {}),
    ...(raw.surprising === true ? { surprising: true } : {}),
    ...(evidence.length === 0 ? { noSource: true as const } : {}),
  };
}

/**
 * Checks one question given as a plain record in the topic-file shape (what an importer builds from a
 * GIFT file or a spreadsheet row). Problems go to `errors`, named by `file` and `label`.
 */
export function validateQuestion(
  raw: Record<string, unknown>,
  where: { file: string; label: string; locate?: LocateField },
  context: QuestionContext,
  errors: BankError[],
): Question | undefined {
  return checkQuestion(raw, new Reporter(errors, where.file, where.label, where.locate), context);
}

/** A checked question and the line it starts on in its file. */
export interface PlacedQuestion {
  question: Question;
  line?: number;
}

/** "choices[2].text" → ["choices", 1, "text"]: the YAML path of a field named in a problem. */
export function fieldPath(field: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const match of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    path.push(match[2] !== undefined ? Number(match[2]) - 1 : match[1]!);
  }
  return path;
}

/** Finds the line of a node, or of its nearest parent that exists (a missing field points at its question). */
export function lineIn(doc: Document, lineCounter: LineCounter, path: (string | number)[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return Math.max(1, lineCounter.linePos(node.range[0]).line);
  }
  return undefined;
}

export function parseTopicFile(
  file: BankFile,
  context: Omit<QuestionContext, 'topic'>,
  errors: BankError[],
): { topic: Topic; questions: PlacedQuestion[] } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter });
  // A problem without a field (a syntax error) carries its place in its message, if anywhere.
  const locate: LocateField = (field) => (field ? lineIn(doc, lineCounter, fieldPath(field)) : undefined);
  const report = new Reporter(errors, file.path, undefined, locate);
  if (doc.errors.length > 0) {
    const violation = yamlViolation(doc.errors[0]);
    report.error(undefined, describeYamlProblem(violation), violation);
    return undefined;
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    const violation = yamlViolation(error);
    report.error(undefined, describeYamlProblem(violation), violation);
    return undefined;
  }
  if (!isRecord(data)) {
    report.wrongType(undefined, 'topic-file', data);
    return undefined;
  }
  report.unknownFields(data, TOPIC_FIELDS, '');
  const topicId = report.text(data, 'topic', 'topic');
  if (context.kind === 'shipped' && topicId !== undefined && topicId !== baseName(file.path)) {
    report.error('topic', `must equal the file name "${baseName(file.path)}", found "${topicId}"`);
  }
  const title = report.text(data, 'title', 'title');
  if (!Array.isArray(data.questions)) {
    if (data.questions === undefined) report.error('questions', 'is missing', { rule: 'missing' });
    else report.wrongType('questions', 'list', data.questions);
    return undefined;
  }
  const topic = topicId ?? baseName(file.path);
  const questionContext: QuestionContext = { ...context, topic };
  const questions: PlacedQuestion[] = [];
  data.questions.forEach((raw, index) => {
    if (!isRecord(raw)) {
      report.wrongType(`questions[${index + 1}]`, 'mapping', raw);
      return;
    }
    const label = typeof raw.id === 'string' && raw.id.trim() !== '' ? raw.id : `#${index + 1}`;
    const prefix = `questions[${index + 1}]`;
    const questionReport = report.forQuestion(label, (field) => locate(field ? `${prefix}.${field}` : prefix));
    const question = checkQuestion(raw, questionReport, questionContext);
    if (question) questions.push({ question, line: locate(prefix) });
  });
  return { topic: { id: topic, title: title ?? topic }, questions };
}

/** The rules across a bank: question ids are unique, and no two questions are settled by the same first excerpt. */
export class CrossQuestionChecks {
  private readonly filesById = new Map<string, string>();
  private readonly firstExcerpts = new Map<string, string>();

  constructor(private readonly errors: BankError[]) {}

  /** Takes the question in unless it clashes with one taken before, in which case it reports why. */
  admit(question: Question, file: string, line?: number): boolean {
    const at = { file, questionId: question.id, ...(line !== undefined ? { line } : {}) };
    const other = this.filesById.get(question.id);
    if (other !== undefined) {
      this.errors.push({
        ...at,
        field: 'id',
        message: `duplicate question id (also in ${other})`,
        violation: { rule: 'duplicate-id', otherFile: other },
      });
      return false;
    }
    this.filesById.set(question.id, file);
    const first = question.evidence[0];
    if (first === undefined) return true;
    const key = `${first.source}\u0000${foldWhitespace(first.quote)}`;
    const sharedWith = this.firstExcerpts.get(key);
    if (sharedWith !== undefined) {
      this.errors.push({
        ...at,
        field: 'evidence[1].quote',
        message: `the same first excerpt already settles question "${sharedWith}"`,
        violation: { rule: 'shared-first-excerpt', otherQuestion: sharedWith },
      });
      return false;
    }
    this.firstExcerpts.set(key, question.id);
    return true;
  }
}

export interface BankResult {
  bank: Bank;
  errors: BankError[];
}

/** Reads source documents, keeping the first of any two that claim the same id. */
export function parseSources(sourceFiles: BankFile[], errors: BankError[]): Record<string, SourceDoc> {
  const sources: Record<string, SourceDoc> = {};
  for (const file of sourceFiles) {
    const source = parseSource(file, errors);
    if (!source) continue;
    if (sources[source.id]) {
      errors.push({ file: file.path, field: 'id', message: `source id "${source.id}" is used by another file` });
      continue;
    }
    sources[source.id] = source;
  }
  return sources;
}

/**
 * Parses every file and cross-checks the bank. Valid questions are kept even when others fail,
 * so a caller can decide whether errors are fatal (the build) or only reported (custom banks).
 */
export function parseBank(sourceFiles: BankFile[], topicFiles: BankFile[]): BankResult {
  const errors: BankError[] = [];
  const sources = parseSources(sourceFiles, errors);
  const context = { kind: 'shipped' as const, sources, foldedTexts: new Map<string, string>() };
  const crossChecks = new CrossQuestionChecks(errors);
  const topics: Topic[] = [];
  const questions: Question[] = [];
  for (const file of topicFiles) {
    const parsed = parseTopicFile(file, context, errors);
    if (!parsed) continue;
    topics.push(parsed.topic);
    for (const { question, line } of parsed.questions) {
      if (crossChecks.admit(question, file.path, line)) questions.push(question);
    }
  }
  return { bank: { topics, questions, sources }, errors };
}
