/** The question bank as the game, the validator and (later) the class server see it. */

export const SKILLS = ['stop', 'investigate-source', 'find-better-coverage', 'trace-claims'] as const;
export type Skill = (typeof SKILLS)[number];

export const DIFFICULTIES = [1, 2, 3] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const CLAIM_VERDICTS = ['accurate', 'inaccurate', 'misleading', 'unsupported'] as const;
export type ClaimVerdict = (typeof CLAIM_VERDICTS)[number];

/**
 * What a question asks the player to do. recall and arithmetic look a fact up; every other kind practises a move
 * on a source (docs/question-bank.md describes each, with an example).
 */
export const QUESTION_KINDS = [
  'recall',
  'arithmetic',
  'claim-check',
  'source-choice',
  'who-speaks',
  'what-is-missing',
  'compare',
  'claim-or-opinion',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** The kinds that look up what a document says or count days, rather than practise a move on a source. */
export const LOOKUP_KINDS: readonly QuestionKind[] = ['recall', 'arithmetic'];

export const SOURCE_KINDS = ['primary', 'secondary'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface Choice {
  text: string;
  correct: boolean;
  feedback?: string;
}

export interface Excerpt {
  source: string;
  quote: string;
}

export interface Claim extends Excerpt {
  verdict?: ClaimVerdict;
}

export interface Question {
  id: string;
  topic: string;
  difficulty: Difficulty;
  skill: Skill;
  /** Always present in the shipped bank; a teacher's own question may have none. */
  kind?: QuestionKind;
  prompt: string;
  choices: Choice[];
  /** 1 to 3 excerpts, the first settling the question alone; empty only in a custom bank (see noSource). */
  evidence: Excerpt[];
  claim?: Claim;
  /** Always present in the shipped bank; a teacher's own question may have none. */
  explanation?: string;
  asOf?: string;
  timeLimitSec?: number;
  /** The right answer confirms a true statement that players tend to doubt. */
  surprising?: boolean;
  /** A teacher's question that quotes no source: its evidence is empty and the reveal says so. */
  noSource?: true;
}

export interface SourceDoc {
  id: string;
  title: string;
  author: string;
  publisher: string;
  /** ISO date or "not stated". */
  date: string;
  url?: string;
  kind: SourceKind;
  license: string;
  notes?: string;
  text: string;
}

export interface Topic {
  id: string;
  title: string;
}

export interface Bank {
  topics: Topic[];
  questions: Question[];
  sources: Record<string, SourceDoc>;
}

/** One raw file handed to the parser: where it came from and what it holds. */
export interface BankFile {
  path: string;
  text: string;
}

/**
 * The shipped bank holds every question to the full rules. A custom bank (a teacher's own file) may
 * leave out the source excerpt and the explanation, and its topic need not match its file name.
 */
export type BankKind = 'shipped' | 'custom';

/** Which content rule a problem breaks, with what was found, so that each reader can be told in their own terms. */
export type Violation =
  | { rule: 'missing' }
  | { rule: 'empty' }
  | { rule: 'choice-count'; found: number }
  | { rule: 'correct-count'; found: number }
  | { rule: 'repeated-choice'; text: string }
  | { rule: 'evidence-count'; found: number }
  | { rule: 'unknown-source'; source: string; known: string[] }
  | { rule: 'joined-quote' }
  | { rule: 'quote-not-found'; source: string; quote: string }
  | { rule: 'time-limit'; found: unknown }
  | { rule: 'duplicate-id'; otherFile: string }
  | { rule: 'shared-first-excerpt'; otherQuestion: string }
  | { rule: 'unknown-field'; allowed: readonly string[] }
  | { rule: 'wrong-type'; expected: ExpectedShape; found: Found }
  | { rule: 'not-one-of'; allowed: readonly (string | number)[]; found: Found }
  | { rule: 'invalid-yaml'; detail: string; line?: number; column?: number }
  | { rule: 'not-kebab-case'; found: string }
  | { rule: 'not-iso-date'; found: Found };

/** What a field of a YAML file should have held, when it held something else. */
export type ExpectedShape = 'text' | 'list' | 'mapping' | 'true-or-false' | 'choice' | 'excerpt' | 'topic-file';

/** What a YAML field held instead, as data: "nothing", "a list", "a mapping", or a value and its type. */
export type Found =
  { kind: 'nothing' } | { kind: 'list' } | { kind: 'mapping' } | { kind: 'value'; type: string; json: string };

/** A validation problem, always naming where it is. */
export interface BankError {
  file: string;
  questionId?: string;
  field?: string;
  message: string;
  /** The line in the file where the problem sits, when the parser knows it. */
  line?: number;
  /** Set for the content rules (not for the YAML shape), so a teacher-facing importer can reword them. */
  violation?: Violation;
}

export function formatBankError(error: BankError): string {
  const where = [error.file];
  if (error.questionId) where.push(`question "${error.questionId}"`);
  if (error.field) where.push(`field "${error.field}"`);
  return `${where.join(', ')}: ${error.message}`;
}

/** What the game downloads (bank.json): the questions and each source's citation, without full texts. */
export interface BankBundle {
  version: string;
  topics: Topic[];
  questions: Question[];
  sources: Record<string, Omit<SourceDoc, 'text'>>;
}
