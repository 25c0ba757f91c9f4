/**
 * Parsing and validation of the question bank (questions/*.yaml and questions/sources/*.md).
 * One validator serves the build, `npm run check:questions`, the game and the class server.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import {
  CLAIM_VERDICTS,
  DIFFICULTIES,
  SKILLS,
  SOURCE_KINDS,
  type Bank,
  type BankError,
  type BankFile,
  type Choice,
  type Claim,
  type ClaimVerdict,
  type Difficulty,
  type Excerpt,
  type Question,
  type Skill,
  type SourceDoc,
  type SourceKind,
  type Topic,
} from './types.ts';
import { MAX_CHOICES, MAX_EVIDENCE, MAX_TIME_LIMIT_SEC, MIN_CHOICES, MIN_TIME_LIMIT_SEC } from './settings.ts';
import { foldWhitespace } from './text.ts';

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NOT_STATED = 'not stated';

const TOPIC_FIELDS = ['topic', 'title', 'questions'];
const QUESTION_FIELDS = [
  'id',
  'difficulty',
  'skill',
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

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The file name without folders and extension: "questions/sources/eo-13942.md" → "eo-13942". */
export function baseName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.(ya?ml|md)$/i, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Collects errors for one place (file, question) so each check stays one line. */
class Reporter {
  constructor(
    private readonly errors: BankError[],
    readonly file: string,
    readonly questionId?: string,
  ) {}

  error(field: string | undefined, message: string): void {
    this.errors.push({ file: this.file, questionId: this.questionId, field, message });
  }

  forQuestion(questionId: string): Reporter {
    return new Reporter(this.errors, this.file, questionId);
  }

  unknownFields(record: Record<string, unknown>, allowed: readonly string[], prefix: string): void {
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) {
        this.error(prefix + key, `unknown field (allowed: ${allowed.join(', ')})`);
      }
    }
  }

  text(record: Record<string, unknown>, key: string, field: string, required = true): string | undefined {
    const value = record[key];
    if (value === undefined || value === null) {
      if (required) this.error(field, 'is missing');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.error(field, `must be text, found ${describe(value)}`);
      return undefined;
    }
    if (value.trim() === '') {
      this.error(field, 'must not be empty');
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
      this.error(field, 'is missing');
      return undefined;
    }
    if (!(allowed as readonly unknown[]).includes(value)) {
      this.error(field, `must be one of ${allowed.join(', ')}, found ${describe(value)}`);
      return undefined;
    }
    return value as T;
  }
}

function yamlProblem(error: unknown): string {
  if (error instanceof YAMLParseError) {
    const line = error.linePos?.[0];
    const firstLine = error.message.split('\n')[0] ?? error.message;
    return line ? `invalid YAML at line ${line.line}, column ${line.col}: ${firstLine}` : `invalid YAML: ${firstLine}`;
  }
  return `invalid YAML: ${error instanceof Error ? error.message : String(error)}`;
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

function parseExcerpt(
  raw: unknown,
  field: string,
  report: Reporter,
  sources: Record<string, SourceDoc>,
  foldedTexts: Map<string, string>,
  allowed: readonly string[],
): Excerpt | undefined {
  if (!isRecord(raw)) {
    report.error(field, `must be a mapping with source and quote, found ${describe(raw)}`);
    return undefined;
  }
  report.unknownFields(raw, allowed, `${field}.`);
  const source = report.text(raw, 'source', `${field}.source`);
  const quote = report.text(raw, 'quote', `${field}.quote`);
  if (source === undefined || quote === undefined) return undefined;
  const doc = sources[source];
  if (!doc) {
    report.error(`${field}.source`, `unknown source id "${source}" (no questions/sources/${source}.md)`);
    return undefined;
  }
  if (quote.includes('...') || quote.includes('…') || quote.includes('[...]')) {
    report.error(`${field}.quote`, 'a quote must be one contiguous passage, without "..." joins');
    return undefined;
  }
  let folded = foldedTexts.get(source);
  if (folded === undefined) {
    folded = foldWhitespace(doc.text);
    foldedTexts.set(source, folded);
  }
  if (!folded.includes(foldWhitespace(quote))) {
    report.error(`${field}.quote`, `not found verbatim in source "${source}": "${truncate(quote, 80)}"`);
    return undefined;
  }
  return { source, quote };
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

function parseChoices(raw: unknown, report: Reporter): Choice[] | undefined {
  if (!Array.isArray(raw)) {
    report.error('choices', raw === undefined ? 'is missing' : `must be a list, found ${describe(raw)}`);
    return undefined;
  }
  if (raw.length < MIN_CHOICES || raw.length > MAX_CHOICES) {
    report.error('choices', `must hold ${MIN_CHOICES} to ${MAX_CHOICES} choices, found ${raw.length}`);
  }
  const choices: Choice[] = [];
  const seen = new Set<string>();
  let ok = true;
  raw.forEach((item, index) => {
    const field = `choices[${index + 1}]`;
    if (!isRecord(item)) {
      report.error(field, `must be a mapping with text, found ${describe(item)}`);
      ok = false;
      return;
    }
    report.unknownFields(item, CHOICE_FIELDS, `${field}.`);
    const text = report.text(item, 'text', `${field}.text`);
    const correct = item.correct ?? false;
    if (typeof correct !== 'boolean') {
      report.error(`${field}.correct`, `must be true or false, found ${describe(correct)}`);
      ok = false;
    }
    const feedback = report.text(item, 'feedback', `${field}.feedback`, false);
    if (text === undefined) {
      ok = false;
      return;
    }
    const key = foldWhitespace(text).toLowerCase();
    if (seen.has(key)) report.error(`${field}.text`, `repeats another choice: "${text}"`);
    seen.add(key);
    choices.push({ text, correct: correct === true, ...(feedback ? { feedback } : {}) });
  });
  const correctCount = choices.filter((choice) => choice.correct).length;
  if (ok && correctCount !== 1) {
    report.error('choices', `exactly one choice must be marked correct: true, found ${correctCount}`);
  }
  return choices;
}

function parseQuestion(
  raw: unknown,
  index: number,
  topic: string,
  fileReport: Reporter,
  sources: Record<string, SourceDoc>,
  foldedTexts: Map<string, string>,
  errors: BankError[],
): Question | undefined {
  if (!isRecord(raw)) {
    fileReport.error(`questions[${index + 1}]`, `must be a mapping, found ${describe(raw)}`);
    return undefined;
  }
  const before = errors.length;
  const rawId = raw.id;
  const label = typeof rawId === 'string' && rawId.trim() !== '' ? rawId : `#${index + 1}`;
  const report = fileReport.forQuestion(label);
  report.unknownFields(raw, QUESTION_FIELDS, '');
  const id = report.text(raw, 'id', 'id');
  if (id !== undefined && !KEBAB_CASE.test(id)) report.error('id', `must be kebab-case, found "${id}"`);
  const difficulty = report.oneOf<Difficulty>(raw, 'difficulty', 'difficulty', DIFFICULTIES);
  const skill = report.oneOf<Skill>(raw, 'skill', 'skill', SKILLS);
  const prompt = report.text(raw, 'prompt', 'prompt');
  const choices = parseChoices(raw.choices, report);
  const explanation = report.text(raw, 'explanation', 'explanation');

  const evidence: Excerpt[] = [];
  if (!Array.isArray(raw.evidence)) {
    report.error(
      'evidence',
      raw.evidence === undefined ? 'is missing' : `must be a list, found ${describe(raw.evidence)}`,
    );
  } else if (raw.evidence.length < 1 || raw.evidence.length > MAX_EVIDENCE) {
    report.error('evidence', `must hold 1 to ${MAX_EVIDENCE} excerpts, found ${raw.evidence.length}`);
  } else {
    raw.evidence.forEach((item, i) => {
      const excerpt = parseExcerpt(item, `evidence[${i + 1}]`, report, sources, foldedTexts, EXCERPT_FIELDS);
      if (excerpt) evidence.push(excerpt);
    });
  }

  let claim: Claim | undefined;
  if (raw.claim !== undefined) {
    const excerpt = parseExcerpt(raw.claim, 'claim', report, sources, foldedTexts, CLAIM_FIELDS);
    if (excerpt && isRecord(raw.claim)) {
      let verdict: ClaimVerdict | undefined;
      if (raw.claim.verdict !== undefined) {
        verdict = report.oneOf<ClaimVerdict>(raw.claim, 'verdict', 'claim.verdict', CLAIM_VERDICTS);
      }
      claim = { ...excerpt, ...(verdict ? { verdict } : {}) };
    }
  }

  let asOf: string | undefined;
  if (raw.asOf !== undefined) {
    if (typeof raw.asOf !== 'string' || !isIsoDate(raw.asOf)) {
      report.error('asOf', `must be an ISO date (YYYY-MM-DD), found ${describe(raw.asOf)}`);
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
      );
    } else {
      timeLimitSec = value;
    }
  }
  if (raw.surprising !== undefined && typeof raw.surprising !== 'boolean') {
    report.error('surprising', `must be true or false, found ${describe(raw.surprising)}`);
  }
  if (errors.length > before) return undefined;
  return {
    id: id!,
    topic,
    difficulty: difficulty!,
    skill: skill!,
    prompt: prompt!,
    choices: choices!,
    evidence,
    ...(claim ? { claim } : {}),
    explanation: explanation!,
    ...(asOf ? { asOf } : {}),
    ...(timeLimitSec ? { timeLimitSec } : {}),
    ...(raw.surprising === true ? { surprising: true } : {}),
  };
}

export function parseTopicFile(
  file: BankFile,
  sources: Record<string, SourceDoc>,
  errors: BankError[],
  foldedTexts = new Map<string, string>(),
): { topic: Topic; questions: Question[] } | undefined {
  const report = new Reporter(errors, file.path);
  let data: unknown;
  try {
    data = parseYaml(file.text);
  } catch (error) {
    report.error(undefined, yamlProblem(error));
    return undefined;
  }
  if (!isRecord(data)) {
    report.error(undefined, `a topic file must be a mapping with topic, title and questions, found ${describe(data)}`);
    return undefined;
  }
  report.unknownFields(data, TOPIC_FIELDS, '');
  const topicId = report.text(data, 'topic', 'topic');
  if (topicId !== undefined && topicId !== baseName(file.path)) {
    report.error('topic', `must equal the file name "${baseName(file.path)}", found "${topicId}"`);
  }
  const title = report.text(data, 'title', 'title');
  if (!Array.isArray(data.questions)) {
    report.error(
      'questions',
      data.questions === undefined ? 'is missing' : `must be a list, found ${describe(data.questions)}`,
    );
    return undefined;
  }
  const topic = topicId ?? baseName(file.path);
  const questions: Question[] = [];
  data.questions.forEach((raw, index) => {
    const question = parseQuestion(raw, index, topic, report, sources, foldedTexts, errors);
    if (question) questions.push(question);
  });
  return { topic: { id: topic, title: title ?? topic }, questions };
}

export interface BankResult {
  bank: Bank;
  errors: BankError[];
}

/**
 * Parses every file and cross-checks the bank. Valid questions are kept even when others fail,
 * so a caller can decide whether errors are fatal (the build) or only reported (custom banks).
 */
export function parseBank(sourceFiles: BankFile[], topicFiles: BankFile[]): BankResult {
  const errors: BankError[] = [];
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
  const foldedTexts = new Map<string, string>();
  const topics: Topic[] = [];
  const questions: Question[] = [];
  const filesById = new Map<string, string>();
  const firstExcerpts = new Map<string, string>();
  for (const file of topicFiles) {
    const parsed = parseTopicFile(file, sources, errors, foldedTexts);
    if (!parsed) continue;
    topics.push(parsed.topic);
    for (const question of parsed.questions) {
      const other = filesById.get(question.id);
      if (other !== undefined) {
        errors.push({
          file: file.path,
          questionId: question.id,
          field: 'id',
          message: `duplicate question id (also in ${other})`,
        });
        continue;
      }
      filesById.set(question.id, file.path);
      const first = question.evidence[0]!;
      const key = `${first.source}\u0000${foldWhitespace(first.quote)}`;
      const sharedWith = firstExcerpts.get(key);
      if (sharedWith !== undefined) {
        errors.push({
          file: file.path,
          questionId: question.id,
          field: 'evidence[1].quote',
          message: `the same first excerpt already settles question "${sharedWith}"`,
        });
        continue;
      }
      firstExcerpts.set(key, question.id);
      questions.push(question);
    }
  }
  return { bank: { topics, questions, sources }, errors };
}
