/**
 * The importer's notes on a teacher's file (codes with parameters, core/import/notes.ts) in the words of a
 * translator's language, through the `import` namespace: where (row, line, question, part of the question), then
 * what. Numbers are formatted by the language's locale; line and row numbers are left as the file numbers them.
 */
import type { SavedBanksProblem } from '../core/customBanks';
import type { FileField, ImportNote, ImportProblem } from '../core/import/index';
import type { QuestionPlace } from '../core/import/notes';
import type { Found } from '../core/types';
import type { Translator } from '../i18n/translator';

type Words = Pick<Translator, 't' | 'formatNumber' | 'locale'>;

function placeText(place: QuestionPlace, { t }: Words): string {
  if ('row' in place) return t('import:place.row', { row: place.row });
  if ('line' in place) {
    return place.id !== undefined
      ? t('import:place.lineAndId', { line: place.line, id: place.id })
      : t('import:place.line', { line: place.line });
  }
  return t('import:place.id', { id: place.id });
}

function foundText(found: Found, { t }: Words): string {
  if (found.kind !== 'value') return t(`import:found.${found.kind}`);
  const type =
    found.type === 'string' || found.type === 'number' || found.type === 'boolean'
      ? t(`import:found.type.${found.type}`)
      : found.type;
  return t('import:found.value', { type, json: found.json });
}

/** A part of a question in the file's terms: `columna "Answer 2"`, `respuesta 2`. */
export function fileFieldText(field: FileField, { t }: Words): string {
  switch (field.kind) {
    case 'column':
      return t('import:field.column', { name: field.name });
    case 'answer-columns':
      return t('import:field.answer-columns', { last: field.last });
    case 'field':
      return t('import:field.field', { path: field.path });
    case 'answer':
    case 'answer-feedback':
      return t(`import:field.${field.kind}`, { number: field.number });
    case 'source-comment-part':
      return t(`import:field.source-comment-part.${field.part}`, { number: field.number });
    default:
      return t(`import:field.${field.kind}`);
  }
}

/** What the note says, without where: "ninguna respuesta está marcada como correcta; …". */
export function importNoteText(note: ImportNote, words: Words): string {
  const { t, formatNumber } = words;
  const quotedList = (names: readonly string[], separator: string) => names.map((name) => `"${name}"`).join(separator);
  switch (note.code) {
    case 'not-utf8':
    case 'unreadable-encoding':
      return t(`import:note.${note.code}`, { howToSave: t('import:howToSaveUtf8') });
    case 'gift-empty-answers':
    case 'gift-numerical':
    case 'gift-matching':
      return t(`import:note.${note.code}`, { chooseFrom: t('import:chooseFrom') });
    case 'csv-no-header':
      return t('import:note.csv-no-header', { columns: quotedList(note.columns, ', ') });
    case 'csv-missing-columns':
      return t('import:note.csv-missing-columns', { columns: quotedList(note.columns, t('import:or')) });
    case 'csv-column-not-read':
      return t('import:note.csv-column-not-read', { last: note.lastAnswer });
    case 'csv-correct-not-number':
      return t('import:note.csv-correct-not-number', { last: note.lastAnswer, found: note.found });
    case 'csv-correct-empty-answer':
      return t('import:note.csv-correct-empty-answer', { number: note.number });
    case 'gift-partial-credit':
      return t('import:note.gift-partial-credit', { weight: note.weight });
    case 'markdown-as-written':
      return t('import:note.markdown-as-written', {
        limit: formatNumber(note.limit),
        per: t(`import:markdownPer.${note.per}`),
      });
    case 'picture-described':
      return t('import:note.picture-described', { description: note.description });
    case 'media-missing':
      return t('import:note.media-missing', {
        missing: note.missing.map((kind) => t(`import:media.${kind}`)).join(', '),
      });
    case 'too-few-choices':
      return t('import:note.too-few-choices', { count: note.min, found: formatNumber(note.found) });
    case 'too-many-choices':
      return t('import:note.too-many-choices', { count: note.found, max: formatNumber(note.max) });
    case 'too-many-excerpts':
      return t('import:note.too-many-excerpts', { count: note.found, max: formatNumber(note.max) });
    case 'no-correct':
      return t('import:note.no-correct', { hint: t(`import:hint.none.${note.format}`, { last: note.lastAnswer }) });
    case 'several-correct':
      return t('import:note.several-correct', { count: note.found, hint: t(`import:hint.several.${note.format}`) });
    case 'repeated-choice':
      return t('import:note.repeated-choice', { text: note.text });
    case 'no-sources-loaded':
      return t('import:note.no-sources-loaded', { source: note.source });
    case 'unknown-source':
      return t('import:note.unknown-source', { source: note.source, known: note.known.join(', ') });
    case 'quote-not-found':
      return t('import:note.quote-not-found', { source: note.source, quote: note.quote });
    case 'time-limit':
      return t('import:note.time-limit', { min: note.min, max: note.max, found: note.found });
    case 'shared-first-excerpt':
      return t('import:note.shared-first-excerpt', { place: placeText(note.place, words) });
    case 'excerpt-dropped':
      return t('import:note.excerpt-dropped', { reason: importNoteText(note.reason, words) });
    case 'unknown-field':
      return t('import:note.unknown-field', { allowed: note.allowed.join(', ') });
    case 'wrong-type':
      return t('import:note.wrong-type', {
        expected: t(`import:expected.${note.expected}`),
        found: foundText(note.found, words),
      });
    case 'not-one-of':
      return t('import:note.not-one-of', { allowed: note.allowed.join(', '), found: foundText(note.found, words) });
    case 'invalid-yaml':
      // The parser's own words follow, as it gives them.
      return note.line !== undefined
        ? t('import:note.invalid-yaml-at', { line: note.line, column: note.column, detail: note.detail })
        : t('import:note.invalid-yaml', { detail: note.detail });
    case 'not-kebab-case':
      return t('import:note.not-kebab-case', { found: note.found });
    case 'not-iso-date':
      return t('import:note.not-iso-date', { found: foundText(note.found, words) });
    case 'as-written':
      return note.text;
    default:
      return t(`import:note.${note.code}`);
  }
}

/** "Línea 7, pregunta “…”, respuestas: ninguna respuesta está marcada como correcta; …" */
export function importProblemText(problem: ImportProblem, words: Words): string {
  const { t, locale } = words;
  const message = importNoteText(problem.note, words);
  const where: string[] = [];
  if (problem.row !== undefined) where.push(t('import:where.row', { row: problem.row }));
  if (problem.line !== undefined) where.push(t('import:where.line', { line: problem.line }));
  if (problem.question !== undefined) where.push(t('import:where.question', { question: problem.question }));
  if (problem.field !== undefined) where.push(fileFieldText(problem.field, words));
  if (where.length === 0) return message.charAt(0).toLocaleUpperCase(locale) + message.slice(1);
  return t('import:where.placed', { where: where.join(t('import:where.separator')), message });
}

/** What was found wrong in the saved banks. */
export function savedBanksProblemText(problem: SavedBanksProblem, words: Words): string {
  const { t } = words;
  switch (problem.code) {
    case 'question':
      return t('import:saved.question', {
        bankName: problem.bankName,
        problem: importProblemText(problem.problem, words),
      });
    case 'nothing-left':
      return t('import:saved.nothing-left', { bankName: problem.bankName });
    case 'wrong-version':
      return t('import:saved.wrong-version', { version: problem.version });
    case 'damaged':
    case 'repeated-id':
      return t(`import:saved.${problem.code}`, { bank: problem.bank });
    case 'not-json':
      return t('import:saved.not-json');
  }
}
