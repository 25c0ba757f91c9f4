/**
 * A question read from a GIFT file or a spreadsheet row, before it is checked. The checker fills in what those
 * formats cannot say (an id, the level, the skill) and holds it to the same rules as the shipped bank.
 */
import { CrossQuestionChecks, newQuestionContext, validateQuestion, type QuestionContext } from '../bank.ts';
import { IMPORTED_DIFFICULTY, IMPORTED_SKILL } from '../settings.ts';
import type { BankError, Question, SourceDoc, Violation } from '../types.ts';
import type { FileField, QuestionPlace } from './notes.ts';
import { noteOfError, type CorrectAnswerHints, type ImportProblem } from './problems.ts';

/** How many words of a title or question make its id. */
const ID_WORDS = 6;
/** The id of a question whose text has no letters or digits to build one from. */
const FALLBACK_ID = 'question';

export interface QuestionDraft {
  /** A name for the question (GIFT's ::title::); its id is built from it, else from the prompt. */
  title?: string;
  prompt: string;
  choices: { text: string; correct: boolean; feedback?: string }[];
  evidence: { source: string; quote: string }[];
  explanation?: string;
  /** A number, or the cell's text when it is not one (the validator words the problem). */
  timeLimitSec?: number | string;
}

/** A draft with where it sits in its file and how its parts are named there. */
export interface PlacedDraft {
  draft: QuestionDraft;
  /** The question's own line (GIFT) or row (spreadsheet). */
  place: { line: number } | { row: number };
  /** The question as a message names it. */
  label: string | undefined;
  /** The line of one part of the question ("choices[2]"), where the format spreads a question over lines. */
  lineOf?: (field: string | undefined) => number | undefined;
  /** The part of the question a validator field path points at, in the file's terms. */
  fieldName: (field: string | undefined, violation: Violation | undefined) => FileField | undefined;
  /** Problems the reader already reported in its own words, not to be repeated: field path and rule. */
  explained?: { field: string; rule: Violation['rule'] }[];
  /**
   * Source excerpts that cannot be used (an unknown source, words not in it) are dropped with a change naming
   * why, and the question plays without an excerpt, rather than being left out.
   */
  excerptsOptional?: boolean;
}

/** The excerpt problems that dropping the excerpts cures: the question is otherwise sound. */
const EXCERPT_RULES: ReadonlySet<Violation['rule'] | undefined> = new Set<Violation['rule'] | undefined>([
  'missing',
  'empty',
  'unknown-source',
  'joined-quote',
  'quote-not-found',
]);

/** Lower-case words joined by hyphens, accents and apostrophes dropped: "Rubio's letter?" → "rubios-letter". */
export function kebabCase(text: string, maxWords = ID_WORDS): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  return words.slice(0, maxWords).join('-');
}

/** Checks one imported file's drafts in order, against the rules of a custom bank. */
export class DraftChecker {
  private readonly context: QuestionContext;
  private readonly crossChecks: CrossQuestionChecks;
  /** The validator's problems with every draft so far, in the bank's own words. */
  private readonly errors: BankError[] = [];
  private readonly takenIds = new Set<string>();
  private readonly placeById = new Map<string, QuestionPlace>();

  constructor(
    private readonly file: string,
    topic: string,
    sources: Record<string, SourceDoc>,
    private readonly hints: CorrectAnswerHints,
    private readonly problems: ImportProblem[],
    /** Where questions that are kept but altered are reported. */
    private readonly changes: ImportProblem[] = [],
  ) {
    this.context = newQuestionContext('custom', topic, sources);
    this.crossChecks = new CrossQuestionChecks(this.errors);
  }

  private uniqueId(draft: QuestionDraft): string {
    const base = kebabCase(draft.title ?? '') || kebabCase(draft.prompt) || FALLBACK_ID;
    let id = base;
    for (let n = 2; this.takenIds.has(id); n += 1) id = `${base}-${n}`;
    this.takenIds.add(id);
    return id;
  }

  check(placed: PlacedDraft): Question | undefined {
    const { draft } = placed;
    const id = this.uniqueId(draft);
    this.placeById.set(id, placed.place);
    const record: Record<string, unknown> = {
      id,
      difficulty: IMPORTED_DIFFICULTY,
      skill: IMPORTED_SKILL,
      prompt: draft.prompt,
      choices: draft.choices,
      ...(draft.evidence.length > 0 ? { evidence: draft.evidence } : {}),
      ...(draft.explanation !== undefined ? { explanation: draft.explanation } : {}),
      ...(draft.timeLimitSec !== undefined ? { timeLimitSec: draft.timeLimitSec } : {}),
    };
    const before = this.errors.length;
    let question = validateQuestion(record, { file: this.file, label: id }, this.context, this.errors);
    let dropped: BankError[] = [];
    if (!question && placed.excerptsOptional && record.evidence !== undefined) {
      const found = this.errors.slice(before);
      if (found.every((error) => error.field?.startsWith('evidence[') && EXCERPT_RULES.has(error.violation?.rule))) {
        this.errors.length = before;
        const { evidence: _dropped, ...withoutExcerpts } = record;
        question = validateQuestion(withoutExcerpts, { file: this.file, label: id }, this.context, this.errors);
        dropped = found;
      }
    }
    if (question && !this.crossChecks.admit(question, this.file)) question = undefined;
    for (const error of this.errors.slice(before)) {
      const explained = placed.explained?.some((e) => e.field === error.field && e.rule === error.violation?.rule);
      if (!explained) this.problems.push(this.reword(error, placed));
    }
    if (question) {
      for (const error of dropped) {
        const change = this.reword(error, placed);
        this.changes.push({ ...change, note: { code: 'excerpt-dropped', reason: change.note } });
      }
    }
    return question;
  }

  private reword(error: BankError, placed: PlacedDraft): ImportProblem {
    const line = placed.lineOf?.(error.field);
    const place = line !== undefined ? { line } : placed.place;
    const field = placed.fieldName(error.field, error.violation);
    const note = noteOfError(error, this.hints, (other) => this.placeById.get(other) ?? { id: other });
    return {
      ...place,
      ...(placed.label !== undefined ? { question: placed.label } : {}),
      ...(field !== undefined ? { field } : {}),
      note,
    };
  }
}
