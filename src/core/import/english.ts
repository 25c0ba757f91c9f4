/** The importer's notes (notes.ts) in English: what the command line, the server and the logs say. */
import { describeFound, describeYamlProblem, EXPECTED_SHAPES } from '../found.ts';
import type { FileField, HintFormat, ImportNote, MediaKind, QuestionPlace } from './notes.ts';

const HOW_TO_SAVE_UTF8 =
  'in Excel, File › Save As › "CSV UTF-8 (Comma delimited)"; in Google Sheets, File › Download › CSV; in ' +
  'Notepad, Save As with the encoding "UTF-8".';

const MEDIA_NAMES: Record<MediaKind, string> = {
  'undescribed-picture': 'a picture with no description (alt text)',
  sound: 'a sound',
  video: 'a video',
  'embedded-file': 'an embedded file',
  'embedded-page': 'an embedded page',
  'media-link': 'a sound or video file it links to',
};

const CHOOSE_FROM = 'the game needs answers to choose from, like {=right ~wrong}';

function noCorrectHint(format: HintFormat, lastAnswer: number): string {
  if (format === 'gift') return 'start the right answer with "="';
  if (format === 'csv') return `write the number of the right answer (1 to ${lastAnswer})`;
  return 'add "correct: true" to the right one';
}

function severalCorrectHint(format: HintFormat): string {
  if (format === 'gift') return 'start the right answer with "=" and the others with "~"';
  if (format === 'csv') return 'write the number of one answer only';
  return 'keep "correct: true" on the right one only';
}

/** "row 5", `line 3 ("who-owns")`, `"who-owns"`. */
export function englishPlace(place: QuestionPlace): string {
  if ('row' in place) return `row ${place.row}`;
  if ('line' in place) return place.id !== undefined ? `line ${place.line} ("${place.id}")` : `line ${place.line}`;
  return `"${place.id}"`;
}

/** `column "Answer 2"`, `answer 2`, `field "choices"`. */
export function englishField(field: FileField): string {
  switch (field.kind) {
    case 'column':
      return `column "${field.name}"`;
    case 'answer-columns':
      return `columns "Answer 1" to "Answer ${field.last}"`;
    case 'field':
      return `field "${field.path}"`;
    case 'title':
      return 'title';
    case 'question-text':
      return 'question text';
    case 'answers':
      return 'answers';
    case 'answer':
      return `answer ${field.number}`;
    case 'answer-feedback':
      return `feedback of answer ${field.number}`;
    case 'general-feedback':
      return 'general feedback (####)';
    case 'source-comment':
      return 'source comment';
    case 'source-comments':
      return 'source comments';
    case 'source-comment-part':
      return `source comment ${field.number} (${field.part})`;
  }
}

/** The note in English, as the command line, the server and the logs give it. */
export function englishNote(note: ImportNote): string {
  switch (note.code) {
    case 'not-utf8':
      return (
        'The file is not UTF-8: it was read as Windows-1252, which Excel writes when a sheet is saved as plain "CSV". ' +
        `Check that accented letters, dashes and quotation marks look right; to be sure of them, save it as "CSV UTF-8": ${HOW_TO_SAVE_UTF8}`
      );
    case 'unreadable-encoding':
      return (
        'The file cannot be read: it is neither UTF-8 nor Windows-1252 text (it may be a workbook or a document ' +
        `rather than text, or saved in another encoding). Save it as "CSV UTF-8" or as UTF-8 text: ${HOW_TO_SAVE_UTF8}`
      );
    case 'unknown-format':
      return (
        'this kind of file cannot be read: use a GIFT file (.gift or .txt), a spreadsheet saved as CSV (.csv) ' +
        'or a topic file in the game’s own format (.yaml)'
      );
    case 'no-questions':
      return 'the file holds no questions';
    case 'csv-unclosed-quote':
      return 'a cell opens a quotation mark (") that is never closed, so the rest of the file reads as one cell';
    case 'csv-text-after-quote':
      return 'a cell has text after its closing quotation mark ("): put quotation marks inside a cell as ""';
    case 'csv-no-header':
      return `no header row found: the sheet needs columns named ${note.columns.map((c) => `"${c}"`).join(', ')}`;
    case 'csv-missing-columns':
      return `the header row has no ${note.columns.map((c) => `"${c}"`).join(' or ')} column`;
    case 'csv-column-not-read':
      return (
        `is not read: the game reads Question, Answer 1 to Answer ${note.lastAnswer}, Time limit (sec), ` +
        'Correct answer(s), Source, Excerpt and Explanation'
      );
    case 'csv-correct-not-number':
      return `must be the number of the right answer, 1 to ${note.lastAnswer}; found "${note.found}"`;
    case 'csv-correct-empty-answer':
      return `says answer ${note.number} is correct, but column "Answer ${note.number}" is empty`;
    case 'gift-title-unclosed':
      return 'starts with "::" but is never closed with "::"';
    case 'gift-no-answers':
      return 'has no answers: put them between { and }, like {=right ~wrong}';
    case 'gift-close-before-open':
      return '"}" comes before any "{" (write \\} for a brace that is part of the text)';
    case 'gift-open-unclosed':
      return '"{" is never closed with "}"';
    case 'gift-nested-open':
      return 'a second "{" opens before the first is closed with "}"';
    case 'gift-second-answers':
      return 'a second set of answers { } follows the first: leave a blank line between two questions';
    case 'gift-empty-answers':
      return `are empty, as in an essay question: ${CHOOSE_FROM}`;
    case 'gift-numerical':
      return `numerical questions ({#...}) are not supported: ${CHOOSE_FROM}`;
    case 'gift-matching':
      return `matching questions (=item -> match) are not supported: ${CHOOSE_FROM}`;
    case 'gift-short-answer':
      return 'short-answer questions (only "=" answers) are not supported: add wrong answers with "~" to make it multiple choice';
    case 'gift-answer-marker':
      return 'each answer must start with "=" (the right one) or "~" (a wrong one)';
    case 'gift-partial-credit':
      return `partial credit (%${note.weight}%) is not supported: start the one right answer with "=" and the others with "~"`;
    case 'gift-lone-source-comment':
      return 'belongs to no question: put it right above its question, with no blank line in between';
    case 'gift-broken-source-comment':
      return (
        'is not used: it needs both parts, like // source: eo-13942 | quote: "the exact words"; ' +
        'the question plays without a source excerpt'
      );
    case 'markdown-as-written': {
      const limit = `${note.limit.toLocaleString('en-US')} characters of Markdown in ${note.per === 'text' ? 'one text' : 'a file'}`;
      return `shown as written, Markdown marks and all: the game reads at most ${limit}`;
    }
    case 'picture-described':
      return `picture not shown: ${note.description}`;
    case 'media-missing':
      return (
        `has ${note.missing.map((kind) => MEDIA_NAMES[kind]).join(', ')}, which the game cannot show or play, and the question cannot be answered ` +
        'without it: give a picture a description (alt="…"), or put what it shows or says into words'
      );
    case 'missing':
      return 'is missing';
    case 'empty':
      return 'is empty';
    case 'empty-source':
      return 'is empty: name the source that the excerpt comes from';
    case 'empty-quote':
      return 'is empty: copy the exact words from the source';
    case 'too-few-choices':
      return `needs at least ${note.min} answers, found ${note.found}`;
    case 'too-many-choices':
      return `has ${note.found} answers; the game shows at most ${note.max}`;
    case 'no-correct':
      return `no answer is marked correct; ${noCorrectHint(note.format, note.lastAnswer)}`;
    case 'several-correct':
      return `${note.found} answers are marked correct, but the game needs exactly one; ${severalCorrectHint(note.format)}`;
    case 'repeated-choice':
      return `repeats another answer: "${note.text}"`;
    case 'too-many-excerpts':
      return `has ${note.found} source excerpts; the game shows at most ${note.max}`;
    case 'no-sources-loaded':
      return `no source called "${note.source}": no source documents are loaded`;
    case 'unknown-source':
      return `no source called "${note.source}" (the sources are: ${note.known.join(', ')})`;
    case 'joined-quote':
      return 'an excerpt must be one passage copied exactly, without "..." joining two parts';
    case 'quote-not-found':
      return (
        `these words are not in source "${note.source}" exactly as written: ` +
        `"${note.quote}" (copy them exactly; line breaks and extra spaces do not matter)`
      );
    case 'time-limit':
      return `must be a whole number of seconds from ${note.min} to ${note.max}, found "${note.found}"`;
    case 'duplicate-id':
      return 'another question already has this id: give each question its own';
    case 'shared-first-excerpt':
      return `settles the question with the same excerpt as the question at ${englishPlace(note.place)}; give each question its own excerpt`;
    case 'excerpt-dropped':
      return `${englishNote(note.reason)}; the question plays without a source excerpt`;
    case 'unknown-field':
      return `unknown field (allowed: ${note.allowed.join(', ')})`;
    case 'wrong-type':
      return `${EXPECTED_SHAPES[note.expected]}, found ${describeFound(note.found)}`;
    case 'not-one-of':
      return `must be one of ${note.allowed.join(', ')}, found ${describeFound(note.found)}`;
    case 'invalid-yaml':
      return describeYamlProblem({ rule: 'invalid-yaml', ...note });
    case 'not-kebab-case':
      return `must be kebab-case, found "${note.found}"`;
    case 'not-iso-date':
      return `must be an ISO date (YYYY-MM-DD), found ${describeFound(note.found)}`;
    case 'as-written':
      return note.text;
  }
}
