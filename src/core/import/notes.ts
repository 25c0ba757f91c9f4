/**
 * What the importer says about a teacher's file, as data: a code with its parameters (a line, a count, a limit,
 * the file's own words), never a sentence. english.ts words them in English, for the command line, the server and
 * any log; a screen words the same codes in its player's language (game/importWords.ts). No wording here, so a
 * page can check notes it is sent without loading the English.
 */
import type { ExpectedShape, Found } from '../types.ts';

/** The format whose way of marking the right answer a hint names. */
export type HintFormat = 'gift' | 'csv' | 'yaml';

/** What a GIFT text holds that the game cannot show or play. */
export type MediaKind = 'undescribed-picture' | 'sound' | 'video' | 'embedded-file' | 'embedded-page' | 'media-link';

/** Another question of the file, by where it is: "row 5", "line 3 ("who-owns")", or by its id alone. */
export type QuestionPlace = { row: number } | { line: number; id?: string } | { id: string };

/** A part of a question in the file's own terms: a spreadsheet's column, a GIFT answer, a YAML field. */
export type FileField =
  /** A spreadsheet column by its header ("Answer 2", or the teacher's own header text). */
  | { kind: 'column'; name: string }
  /** The spreadsheet's answer columns, "Answer 1" to "Answer <last>". */
  | { kind: 'answer-columns'; last: number }
  /** A field of a YAML topic file, by its path ("choices[2].text"). */
  | { kind: 'field'; path: string }
  | { kind: 'title' }
  | { kind: 'question-text' }
  | { kind: 'answers' }
  | { kind: 'answer'; number: number }
  | { kind: 'answer-feedback'; number: number }
  | { kind: 'general-feedback' }
  | { kind: 'source-comment' }
  | { kind: 'source-comments' }
  | { kind: 'source-comment-part'; number: number; part: 'source' | 'quote' };

/** One thing the importer says: a problem (something is skipped) or a change (something plays altered). */
export type ImportNote =
  // The file as a whole.
  | { code: 'not-utf8' }
  | { code: 'unreadable-encoding' }
  | { code: 'unknown-format' }
  | { code: 'no-questions' }
  // Spreadsheets.
  | { code: 'csv-unclosed-quote' }
  | { code: 'csv-text-after-quote' }
  | { code: 'csv-no-header'; columns: string[] }
  | { code: 'csv-missing-columns'; columns: string[] }
  | { code: 'csv-column-not-read'; lastAnswer: number }
  | { code: 'csv-correct-not-number'; lastAnswer: number; found: string }
  | { code: 'csv-correct-empty-answer'; number: number }
  // GIFT files.
  | { code: 'gift-title-unclosed' }
  | { code: 'gift-no-answers' }
  | { code: 'gift-close-before-open' }
  | { code: 'gift-open-unclosed' }
  | { code: 'gift-nested-open' }
  | { code: 'gift-second-answers' }
  | { code: 'gift-empty-answers' }
  | { code: 'gift-numerical' }
  | { code: 'gift-matching' }
  | { code: 'gift-short-answer' }
  | { code: 'gift-answer-marker' }
  | { code: 'gift-partial-credit'; weight: string }
  | { code: 'gift-lone-source-comment' }
  | { code: 'gift-broken-source-comment' }
  | { code: 'markdown-as-written'; limit: number; per: 'text' | 'file' }
  | { code: 'picture-described'; description: string }
  | { code: 'media-missing'; missing: MediaKind[] }
  // The content rules every question meets.
  | { code: 'missing' }
  | { code: 'empty' }
  | { code: 'empty-source' }
  | { code: 'empty-quote' }
  | { code: 'too-few-choices'; min: number; found: number }
  | { code: 'too-many-choices'; max: number; found: number }
  | { code: 'no-correct'; format: HintFormat; lastAnswer: number }
  | { code: 'several-correct'; format: HintFormat; found: number }
  | { code: 'repeated-choice'; text: string }
  | { code: 'too-many-excerpts'; max: number; found: number }
  | { code: 'no-sources-loaded'; source: string }
  | { code: 'unknown-source'; source: string; known: string[] }
  | { code: 'joined-quote' }
  | { code: 'quote-not-found'; source: string; quote: string }
  | { code: 'time-limit'; min: number; max: number; found: string }
  | { code: 'duplicate-id' }
  | { code: 'shared-first-excerpt'; place: QuestionPlace }
  /** An excerpt that could not be used was dropped, for this reason; the question plays without it. */
  | { code: 'excerpt-dropped'; reason: ImportNote }
  // The shape of a YAML topic file.
  | { code: 'unknown-field'; allowed: string[] }
  | { code: 'wrong-type'; expected: ExpectedShape; found: Found }
  | { code: 'not-one-of'; allowed: string[]; found: Found }
  | { code: 'invalid-yaml'; detail: string; line?: number; column?: number }
  | { code: 'not-kebab-case'; found: string }
  | { code: 'not-iso-date'; found: Found }
  /** Words with no code (a rule only the shipped bank has, or a sentence kept from before codes): shown as written. */
  | { code: 'as-written'; text: string };

export type ImportCode = ImportNote['code'];

/** Every code, once: a Record so that a code added to ImportNote and not here fails to compile. */
const CODES: Record<ImportCode, true> = {
  'not-utf8': true,
  'unreadable-encoding': true,
  'unknown-format': true,
  'no-questions': true,
  'csv-unclosed-quote': true,
  'csv-text-after-quote': true,
  'csv-no-header': true,
  'csv-missing-columns': true,
  'csv-column-not-read': true,
  'csv-correct-not-number': true,
  'csv-correct-empty-answer': true,
  'gift-title-unclosed': true,
  'gift-no-answers': true,
  'gift-close-before-open': true,
  'gift-open-unclosed': true,
  'gift-nested-open': true,
  'gift-second-answers': true,
  'gift-empty-answers': true,
  'gift-numerical': true,
  'gift-matching': true,
  'gift-short-answer': true,
  'gift-answer-marker': true,
  'gift-partial-credit': true,
  'gift-lone-source-comment': true,
  'gift-broken-source-comment': true,
  'markdown-as-written': true,
  'picture-described': true,
  'media-missing': true,
  missing: true,
  empty: true,
  'empty-source': true,
  'empty-quote': true,
  'too-few-choices': true,
  'too-many-choices': true,
  'no-correct': true,
  'several-correct': true,
  'repeated-choice': true,
  'too-many-excerpts': true,
  'no-sources-loaded': true,
  'unknown-source': true,
  'joined-quote': true,
  'quote-not-found': true,
  'time-limit': true,
  'duplicate-id': true,
  'shared-first-excerpt': true,
  'excerpt-dropped': true,
  'unknown-field': true,
  'wrong-type': true,
  'not-one-of': true,
  'invalid-yaml': true,
  'not-kebab-case': true,
  'not-iso-date': true,
  'as-written': true,
};
export const IMPORT_CODES = Object.keys(CODES) as ImportCode[];

/** Whether data from elsewhere (a server's reply) is a note of a known code; its parameters are not checked. */
export function isImportNoteLike(value: unknown): value is ImportNote {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    Object.hasOwn(CODES, (value as { code: string }).code)
  );
}
