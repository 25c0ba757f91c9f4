/**
 * The learning check's items and forms (questions/checks/): short claims a student judges accurate or not, and
 * the three parallel forms A, B and C they are dealt in. Items are settled by verbatim excerpts like every
 * question, checked by the bank's own excerpt rules, and must not repeat a question of the rounds they measure.
 * docs/question-format.md#check-items describes the files; docs/learning-check.md the measure.
 */
import { LineCounter, parseDocument } from 'yaml';
import {
  describe,
  fieldPath,
  isRecord,
  KEBAB_CASE,
  lineIn,
  parseExcerpt,
  Reporter,
  yamlProblem,
  type LocateField,
} from './bank.ts';
import { ACCURATE_PER_FORM, CHECK_FORMS, ITEMS_PER_FORM, type CheckForm } from './checkForms.ts';
import { isCheckJudgement, isConfidence, type CheckResponse } from './discernment.ts';
import { MAX_EVIDENCE } from './settings.ts';
import { foldWhitespace } from './text.ts';
import { DIFFICULTIES, type Bank, type BankError, type BankFile, type Difficulty, type Excerpt } from './types.ts';

/** What a claim is about; forms are matched on it. */
export const CHECK_KINDS = ['date', 'number', 'actor', 'scope', 'cause', 'status'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** How a claim fares against the sources: accurate, or not (false, or not borne out by any source we ship). */
export const CHECK_VERDICTS = ['accurate', 'inaccurate', 'unsupported'] as const;
export type CheckVerdict = (typeof CHECK_VERDICTS)[number];

export { ACCURATE_PER_FORM, CHECK_FORMS, ITEMS_PER_FORM, type CheckForm } from './checkForms.ts';
/** Parallel forms: their difficulty sums, and their counts of each kind, differ by at most this much. */
export const FORM_DIFFICULTY_SUM_TOLERANCE = 1;
export const FORM_KIND_COUNT_TOLERANCE = 1;

export interface CheckItem {
  id: string;
  /** The claim as a student meets it, in our own words. */
  statement: string;
  verdict: CheckVerdict;
  /** True for an accurate claim: the "signal" of the measure (discernment.ts). */
  accurate: boolean;
  kind: CheckKind;
  difficulty: Difficulty;
  /** 1 to 3 excerpts, the first settling the claim alone; shown only once the check is over. */
  evidence: Excerpt[];
  explanation: string;
}

export interface CheckSet {
  items: CheckItem[];
  forms: Record<CheckForm, string[]>;
}

const ITEMS_FIELDS = ['items'];
const ITEM_FIELDS = ['id', 'statement', 'verdict', 'kind', 'difficulty', 'evidence', 'explanation'];
const EXCERPT_FIELDS = ['source', 'quote'];
const FORMS_FIELDS = ['forms'];

/** Parses a YAML file into plain data, or reports why it cannot, with a locator for the lines of its fields. */
function readYaml(file: BankFile, errors: BankError[]): { data: unknown; locate: LocateField } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter });
  const locate: LocateField = (field) => (field ? lineIn(doc, lineCounter, fieldPath(field)) : undefined);
  if (doc.errors.length > 0) {
    new Reporter(errors, file.path).error(undefined, yamlProblem(doc.errors[0]));
    return undefined;
  }
  try {
    return { data: doc.toJS(), locate };
  } catch (error) {
    new Reporter(errors, file.path).error(undefined, yamlProblem(error));
    return undefined;
  }
}

function parseItem(raw: Record<string, unknown>, report: Reporter, sources: Bank['sources']): CheckItem | undefined {
  report.unknownFields(raw, ITEM_FIELDS, '');
  const id = report.text(raw, 'id', 'id');
  if (id !== undefined && !KEBAB_CASE.test(id)) report.error('id', `must be kebab-case, found "${id}"`);
  const statement = report.text(raw, 'statement', 'statement');
  const verdict = report.oneOf<CheckVerdict>(raw, 'verdict', 'verdict', CHECK_VERDICTS);
  const kind = report.oneOf<CheckKind>(raw, 'kind', 'kind', CHECK_KINDS);
  const difficulty = report.oneOf<Difficulty>(raw, 'difficulty', 'difficulty', DIFFICULTIES);
  const explanation = report.text(raw, 'explanation', 'explanation');
  const evidence: Excerpt[] = [];
  if (!Array.isArray(raw.evidence)) {
    report.error(
      'evidence',
      raw.evidence === undefined ? 'is missing' : `must be a list, found ${describe(raw.evidence)}`,
      raw.evidence === undefined ? { rule: 'missing' } : undefined,
    );
  } else if (raw.evidence.length < 1 || raw.evidence.length > MAX_EVIDENCE) {
    report.error('evidence', `must hold 1 to ${MAX_EVIDENCE} excerpts, found ${raw.evidence.length}`, {
      rule: 'evidence-count',
      found: raw.evidence.length,
    });
  } else {
    const folded = new Map<string, string>();
    raw.evidence.forEach((excerpt, index) => {
      const parsed = parseExcerpt(excerpt, `evidence[${index + 1}]`, report, sources, folded, EXCERPT_FIELDS);
      if (parsed) evidence.push(parsed);
    });
  }
  if (report.problems > 0) return undefined;
  return {
    id: id!,
    statement: statement!,
    verdict: verdict!,
    accurate: verdict === 'accurate',
    kind: kind!,
    difficulty: difficulty!,
    evidence,
    explanation: explanation!,
  };
}

/** The round question an item's first excerpt repeats: the same passage, or one containing the other. */
function repeatedQuestion(item: CheckItem, bank: Bank): { id: string; what: string } | undefined {
  const first = item.evidence[0]!;
  const mine = foldWhitespace(first.quote);
  for (const question of bank.questions) {
    const theirs = question.evidence[0];
    if (theirs && theirs.source === first.source) {
      const other = foldWhitespace(theirs.quote);
      if (other === mine) return { id: question.id, what: 'the same first excerpt as' };
      if (other.includes(mine) || mine.includes(other)) return { id: question.id, what: 'a first excerpt overlapping' };
    }
    if (question.claim && question.claim.source === first.source && foldWhitespace(question.claim.quote) === mine) {
      return { id: question.id, what: 'the claim of' };
    }
  }
  return undefined;
}

function parseItems(file: BankFile, bank: Bank, errors: BankError[]): CheckItem[] {
  const read = readYaml(file, errors);
  if (!read) return [];
  const report = new Reporter(errors, file.path, undefined, read.locate);
  if (!isRecord(read.data) || !Array.isArray(read.data.items)) {
    report.error('items', `a check items file must be a mapping with a list of items, found ${describe(read.data)}`);
    return [];
  }
  report.unknownFields(read.data, ITEMS_FIELDS, '');
  const items: CheckItem[] = [];
  const fileOf = new Map<string, number>();
  const firstExcerpts = new Map<string, string>();
  read.data.items.forEach((raw, index) => {
    const prefix = `items[${index + 1}]`;
    if (!isRecord(raw)) {
      report.error(prefix, `must be a mapping, found ${describe(raw)}`);
      return;
    }
    const label = typeof raw.id === 'string' && raw.id.trim() !== '' ? raw.id : `#${index + 1}`;
    const itemReport = report.forQuestion(label, (field) => read.locate(field ? `${prefix}.${field}` : prefix));
    const item = parseItem(raw, itemReport, bank.sources);
    if (!item) return;
    if (fileOf.has(item.id)) {
      itemReport.error('id', `duplicate check item id (also item ${fileOf.get(item.id)})`);
      return;
    }
    fileOf.set(item.id, index + 1);
    const key = `${item.evidence[0]!.source}\u0000${foldWhitespace(item.evidence[0]!.quote)}`;
    const sharedWith = firstExcerpts.get(key);
    if (sharedWith !== undefined) {
      itemReport.error('evidence[1].quote', `the same first excerpt already settles check item "${sharedWith}"`);
      return;
    }
    firstExcerpts.set(key, item.id);
    const repeated = repeatedQuestion(item, bank);
    if (repeated) {
      itemReport.error(
        'evidence[1].quote',
        `repeats a round question: ${repeated.what} question "${repeated.id}" (a check must not measure what the rounds practise)`,
      );
      return;
    }
    items.push(item);
  });
  return items;
}

/** The spread (largest minus smallest) of a figure over the forms. */
function spread(values: number[]): number {
  return Math.max(...values) - Math.min(...values);
}

function parseForms(file: BankFile, items: CheckItem[], itemsValid: boolean, errors: BankError[]) {
  const forms = { A: [], B: [], C: [] } as Record<CheckForm, string[]>;
  const read = readYaml(file, errors);
  if (!read) return forms;
  const report = new Reporter(errors, file.path, undefined, read.locate);
  const data = read.data;
  if (!isRecord(data) || !isRecord(data.forms)) {
    report.error('forms', `must be a mapping of forms A, B and C to lists of item ids, found ${describe(data)}`);
    return forms;
  }
  report.unknownFields(data, FORMS_FIELDS, '');
  report.unknownFields(data.forms, CHECK_FORMS, 'forms.');
  const byId = new Map(items.map((item) => [item.id, item]));
  const formOf = new Map<string, CheckForm>();
  for (const form of CHECK_FORMS) {
    const field = `forms.${form}`;
    const ids = data.forms[form];
    if (!Array.isArray(ids)) {
      report.error(field, ids === undefined ? 'is missing' : `must be a list of item ids, found ${describe(ids)}`);
      continue;
    }
    ids.forEach((id, index) => {
      const at = `${field}[${index + 1}]`;
      if (typeof id !== 'string') return report.error(at, `must be an item id, found ${describe(id)}`);
      const other = formOf.get(id);
      if (other !== undefined) {
        return report.error(
          at,
          `item "${id}" is already in form ${other}${other === form ? '' : ': no item may be in two forms'}`,
        );
      }
      formOf.set(id, form);
      // An item that failed its own checks is reported there; only an id nobody wrote is unknown here.
      if (!byId.has(id) && itemsValid) return report.error(at, `unknown check item "${id}"`);
      forms[form].push(id);
    });
    const members = forms[form].flatMap((id) => byId.get(id) ?? []);
    if (ids.length !== ITEMS_PER_FORM) {
      report.error(field, `must hold ${ITEMS_PER_FORM} items, found ${ids.length}`);
    }
    const accurate = members.filter((item) => item.accurate).length;
    if (itemsValid && accurate !== ACCURATE_PER_FORM) {
      report.error(
        field,
        `must hold ${ACCURATE_PER_FORM} accurate and ${ITEMS_PER_FORM - ACCURATE_PER_FORM} not accurate items, found ${accurate} and ${members.length - accurate}`,
      );
    }
  }
  if (!itemsValid) return forms;
  const members = CHECK_FORMS.map((form) => forms[form].flatMap((id) => byId.get(id) ?? []));
  const sums = members.map((list) => list.reduce((sum, item) => sum + item.difficulty, 0));
  if (spread(sums) > FORM_DIFFICULTY_SUM_TOLERANCE) {
    report.error(
      'forms',
      `forms are not matched by difficulty: sums ${CHECK_FORMS.map((form, i) => `${form} ${sums[i]}`).join(', ')} differ by more than ${FORM_DIFFICULTY_SUM_TOLERANCE}`,
    );
  }
  for (const kind of CHECK_KINDS) {
    const counts = members.map((list) => list.filter((item) => item.kind === kind).length);
    if (spread(counts) > FORM_KIND_COUNT_TOLERANCE) {
      report.error(
        'forms',
        `forms are not matched by kind: "${kind}" items ${CHECK_FORMS.map((form, i) => `${form} ${counts[i]}`).join(', ')} differ by more than ${FORM_KIND_COUNT_TOLERANCE}`,
      );
    }
  }
  return forms;
}

/**
 * Checks the check items against the bank's sources and questions, and the forms against the items. Every
 * problem is reported at once, named by file, item and field; a caller decides whether they are fatal (the build
 * and `npm run check:questions` refuse any).
 */
export function parseCheckSet(
  itemsFile: BankFile,
  formsFile: BankFile,
  bank: Bank,
): { checks: CheckSet; errors: BankError[] } {
  const errors: BankError[] = [];
  const items = parseItems(itemsFile, bank, errors);
  const itemsValid = errors.length === 0;
  const forms = parseForms(formsFile, items, itemsValid, errors);
  return { checks: { items, forms }, errors };
}

/** The items of one form, in the form's order. */
export function formItems(checks: CheckSet, form: CheckForm): CheckItem[] {
  const byId = new Map(checks.items.map((item) => [item.id, item]));
  return checks.forms[form].flatMap((id) => byId.get(id) ?? []);
}

/** Which form a student takes before and after the lesson, and in the delayed check. */
export interface FormOrder {
  before: CheckForm;
  after: CheckForm;
  delayed: CheckForm;
}

export const FORM_ORDERS: readonly FormOrder[] = [
  { before: 'A', after: 'B', delayed: 'C' },
  { before: 'B', after: 'A', delayed: 'C' },
];

/**
 * The counterbalanced order for the student who joins in position `joinIndex` (0 for the first): A→B and B→A
 * alternate by join order, so in any class the two orders differ by at most one student. Stored with the student.
 */
export function formOrderForJoin(joinIndex: number): FormOrder {
  if (!Number.isInteger(joinIndex) || joinIndex < 0) {
    throw new RangeError(`a join position must be a whole number from 0, found ${joinIndex}`);
  }
  return FORM_ORDERS[joinIndex % FORM_ORDERS.length]!;
}

/**
 * Checks one answer sent for an item of a form (by a student's browser, or read back from storage) and turns it into
 * a response the measure can count, or says what is wrong with it.
 */
export function checkAnswer(
  checks: CheckSet,
  form: CheckForm,
  answer: unknown,
): { response: CheckResponse; error?: undefined } | { response?: undefined; error: string } {
  if (!isRecord(answer))
    return { error: `an answer must be a mapping of itemId, judgement and confidence, found ${describe(answer)}` };
  const { itemId, judgement, confidence } = answer;
  if (typeof itemId !== 'string' || !checks.forms[form].includes(itemId)) {
    return { error: `itemId ${describe(itemId)} is not an item of form ${form}` };
  }
  if (!isCheckJudgement(judgement)) {
    return { error: `judgement must be "accurate" or "not-accurate", found ${describe(judgement)}` };
  }
  if (!isConfidence(confidence)) {
    return { error: `confidence must be "sure", "think-so" or "guessing", found ${describe(confidence)}` };
  }
  const item = checks.items.find((candidate) => candidate.id === itemId)!;
  return { response: { itemId, itemAccurate: item.accurate, judgement, confidence } };
}
