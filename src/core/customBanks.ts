/**
 * A teacher's own question banks as the device keeps them. Each bank is stored as the YAML topic file the
 * exporter writes, and read back through the importer: what comes out of storage is held to exactly the rules
 * a freshly loaded file meets, so damaged or outdated data is reported question by question, never trusted.
 * Pure: the caller supplies the stored text, the source documents and the time.
 */
import { kebabCase } from './import/drafts.ts';
import {
  exportTopicYaml,
  formatImportProblem,
  importQuestions,
  type ImportFormat,
  type ImportProblem,
} from './import/index.ts';
import type { Question, SourceDoc, Topic } from './types.ts';
import { MAX_BANK_NAME_CHARS } from './customBankLimits.ts';

export const SAVED_BANKS_VERSION = 1;

const FORMATS: readonly ImportFormat[] = ['gift', 'csv', 'yaml'];

export interface SavedBank {
  /** Unique among the saved banks: "b1", "b2" … */
  id: string;
  /** What the teacher calls it; starts as the file's title. */
  name: string;
  /** The file it was loaded from; loading a file of the same name again replaces the bank. */
  fileName: string;
  format: ImportFormat;
  /** ISO time of the last load. */
  savedAt: string;
  topic: Topic;
  questions: Question[];
  /** The questions as the YAML topic file that is stored (and that Export writes, under the bank's name). */
  yaml: string;
}

/** A problem found in the stored banks, as data (`bank` counts from 1); `savedBanksProblemText` words it in English. */
export type SavedBanksProblem =
  | { code: 'not-json' }
  | { code: 'wrong-version'; version: number }
  | { code: 'damaged'; bank: number }
  | { code: 'repeated-id'; bank: number }
  /** A question of a bank that no longer meets the rules (placed by question and field: stored lines mean nothing). */
  | { code: 'question'; bankName: string; problem: ImportProblem }
  | { code: 'nothing-left'; bankName: string };

export interface LoadedBanks {
  banks: SavedBank[];
  /** Every problem found in the stored data; empty when all of it was read. */
  problems: SavedBanksProblem[];
}

/** A stored-banks problem in English, as a log gives it. */
export function savedBanksProblemText(problem: SavedBanksProblem): string {
  switch (problem.code) {
    case 'not-json':
      return 'the saved question banks are not valid JSON';
    case 'wrong-version':
      return `the saved question banks are not in the format of version ${problem.version}`;
    case 'damaged':
      return `saved bank ${problem.bank} is damaged (a field is missing or of the wrong kind); it was left out`;
    case 'repeated-id':
      return `saved bank ${problem.bank} repeats the id of another bank; it was left out`;
    case 'question':
      return `saved bank "${problem.bankName}": ${formatImportProblem(problem.problem)}`;
    case 'nothing-left':
      return `saved bank "${problem.bankName}" has no question left that can be played; it was left out`;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Reads the questions of one stored bank with the importer's rules; problems are named after the bank. */
function readStoredQuestions(
  topic: Topic,
  yaml: string,
  sources: Record<string, SourceDoc>,
): { questions: Question[]; problems: ImportProblem[] } {
  const result = importQuestions({ path: `${topic.id}.yaml`, text: yaml }, { sources, topicId: topic.id });
  // Lines of the stored text mean nothing to a teacher: the question and the field say where.
  const problems = result.problems.map(({ line: _line, ...problem }) => problem);
  return { questions: result.questions, problems };
}

/** Reads what storage holds; anything that cannot be read is named in `problems` and left out, never thrown. */
export function parseSavedBanks(stored: string | null, sources: Record<string, SourceDoc>): LoadedBanks {
  if (stored === null) return { banks: [], problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(stored);
  } catch {
    return { banks: [], problems: [{ code: 'not-json' }] };
  }
  if (!isRecord(data) || data.version !== SAVED_BANKS_VERSION || !Array.isArray(data.banks)) {
    return {
      banks: [],
      problems: [{ code: 'wrong-version', version: SAVED_BANKS_VERSION }],
    };
  }
  const banks: SavedBank[] = [];
  const problems: SavedBanksProblem[] = [];
  const ids = new Set<string>();
  data.banks.forEach((raw, index) => {
    const bankNumber = index + 1;
    if (
      !isRecord(raw) ||
      !isText(raw.id) ||
      !isText(raw.name) ||
      !isText(raw.fileName) ||
      !FORMATS.includes(raw.format as ImportFormat) ||
      !isText(raw.savedAt) ||
      !isRecord(raw.topic) ||
      !isText(raw.topic.id) ||
      !isText(raw.topic.title) ||
      typeof raw.yaml !== 'string'
    ) {
      problems.push({ code: 'damaged', bank: bankNumber });
      return;
    }
    if (ids.has(raw.id)) {
      problems.push({ code: 'repeated-id', bank: bankNumber });
      return;
    }
    const name = normalizeBankName(raw.name);
    const topic = { id: raw.topic.id, title: raw.topic.title };
    const read = readStoredQuestions(topic, raw.yaml, sources);
    problems.push(...read.problems.map((problem) => ({ code: 'question' as const, bankName: name, problem })));
    if (read.questions.length === 0) {
      problems.push({ code: 'nothing-left', bankName: name });
      return;
    }
    ids.add(raw.id);
    const bank = {
      id: raw.id,
      name,
      fileName: raw.fileName,
      format: raw.format as ImportFormat,
      savedAt: raw.savedAt,
      topic,
      questions: read.questions,
    };
    // A bank that lost questions is stored again without them, so its YAML is rewritten too.
    banks.push({ ...bank, yaml: read.problems.length === 0 ? raw.yaml : exportTopicYaml(topic, read.questions) });
  });
  return { banks, problems };
}

export function serializeSavedBanks(banks: readonly SavedBank[]): string {
  return JSON.stringify({
    version: SAVED_BANKS_VERSION,
    banks: banks.map(({ id, name, fileName, format, savedAt, topic, yaml }) => ({
      id,
      name,
      fileName,
      format,
      savedAt,
      topic,
      yaml,
    })),
  });
}

/** Runs of spaces become one, the ends are trimmed, and a long name is cut. */
export function normalizeBankName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_BANK_NAME_CHARS).trim();
}

/** The id a new bank gets: one more than the highest number in use. */
export function nextBankId(banks: readonly SavedBank[]): string {
  const numbers = banks.map((bank) => Number(/^b(\d+)$/.exec(bank.id)?.[1] ?? 0));
  return `b${Math.max(0, ...numbers) + 1}`;
}

/** A new bank from a file's checked questions (at least one). */
export function newSavedBank(
  banks: readonly SavedBank[],
  file: { fileName: string; format: ImportFormat; topic: Topic; questions: Question[] },
  savedAt: string,
): SavedBank {
  return {
    id: nextBankId(banks),
    name: normalizeBankName(file.topic.title) || file.topic.id,
    fileName: file.fileName,
    format: file.format,
    savedAt,
    topic: file.topic,
    questions: file.questions,
    yaml: exportTopicYaml(file.topic, file.questions),
  };
}

/** The bank loaded earlier from a file of this name, which a new load of it replaces. */
export function bankFromFile(banks: readonly SavedBank[], fileName: string): SavedBank | undefined {
  return banks.find((bank) => bank.fileName === fileName);
}

/** The bank as a YAML topic file under its current name, and the file name to save it as. */
export function exportSavedBank(bank: SavedBank): { fileName: string; text: string } {
  const stem = kebabCase(bank.name, Infinity) || bank.topic.id;
  return { fileName: `${stem}.yaml`, text: exportTopicYaml({ id: bank.topic.id, title: bank.name }, bank.questions) };
}

const SOURCE_TEXT_FIELDS = ['id', 'title', 'author', 'publisher', 'date', 'kind', 'license', 'text'] as const;

/**
 * Checks the downloaded sources.json (every shipped source document with its full text, which quotes are checked
 * against) before the importer trusts it.
 */
export function checkSourceDocs(data: unknown): { sources: Record<string, SourceDoc> } | { error: string } {
  if (!isRecord(data)) return { error: 'sources.json is not a JSON object' };
  const entries = Object.entries(data);
  if (entries.length === 0) return { error: 'sources.json holds no source documents' };
  for (const [id, source] of entries) {
    if (!isRecord(source) || source.id !== id) return { error: `sources.json: source "${id}" is damaged` };
    const missing = SOURCE_TEXT_FIELDS.find((field) => typeof source[field] !== 'string');
    if (missing) return { error: `sources.json: source "${id}" lacks its ${missing}` };
  }
  return { sources: data as Record<string, SourceDoc> };
}
