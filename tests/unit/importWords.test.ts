/**
 * The importer's notes in the player's language: every code has English and Spanish wording that uses each of its
 * parameters; the game's English is the importer's own English, word for word, over the whole import corpus; and
 * the Spanish of that corpus carries no English sentence.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSources } from '../../src/core/bank';
import { savedBanksProblemText as englishSavedBanksProblem, type SavedBanksProblem } from '../../src/core/customBanks';
import {
  englishField,
  englishNote,
  formatImportProblem,
  importFileBytes,
  type FileField,
  type ImportCode,
  type ImportNote,
} from '../../src/core/import/index';
import { IMPORT_CODES, isImportNoteLike } from '../../src/core/import/notes';
import type { BankError } from '../../src/core/types';
import { fileFieldText, importNoteText, importProblemText, savedBanksProblemText } from '../../src/game/importWords';
import { createTranslator } from '../../src/i18n/translator';
import { SPANISH_RESOURCES } from '../../src/i18n/spanishResources';
import { readSourceFiles } from '../../src/server/bankFiles';

const english = createTranslator('en');
const spanish = createTranslator('es', SPANISH_RESOURCES);

/** One note of every code, with parameters that are easy to find in the words (a Record: a new code must be here). */
const SAMPLES: Record<ImportCode, ImportNote> = {
  'not-utf8': { code: 'not-utf8' },
  'unreadable-encoding': { code: 'unreadable-encoding' },
  'unknown-format': { code: 'unknown-format' },
  'no-questions': { code: 'no-questions' },
  'csv-unclosed-quote': { code: 'csv-unclosed-quote' },
  'csv-text-after-quote': { code: 'csv-text-after-quote' },
  'csv-no-header': { code: 'csv-no-header', columns: ['Question', 'Answer 1', 'Correct answer(s)'] },
  'csv-missing-columns': { code: 'csv-missing-columns', columns: ['Answer 2', 'Correct answer(s)'] },
  'csv-column-not-read': { code: 'csv-column-not-read', lastAnswer: 6 },
  'csv-correct-not-number': { code: 'csv-correct-not-number', lastAnswer: 6, found: 'B' },
  'csv-correct-empty-answer': { code: 'csv-correct-empty-answer', number: 5 },
  'gift-title-unclosed': { code: 'gift-title-unclosed' },
  'gift-no-answers': { code: 'gift-no-answers' },
  'gift-close-before-open': { code: 'gift-close-before-open' },
  'gift-open-unclosed': { code: 'gift-open-unclosed' },
  'gift-nested-open': { code: 'gift-nested-open' },
  'gift-second-answers': { code: 'gift-second-answers' },
  'gift-empty-answers': { code: 'gift-empty-answers' },
  'gift-numerical': { code: 'gift-numerical' },
  'gift-matching': { code: 'gift-matching' },
  'gift-short-answer': { code: 'gift-short-answer' },
  'gift-answer-marker': { code: 'gift-answer-marker' },
  'gift-partial-credit': { code: 'gift-partial-credit', weight: '33.3' },
  'gift-lone-source-comment': { code: 'gift-lone-source-comment' },
  'gift-broken-source-comment': { code: 'gift-broken-source-comment' },
  'markdown-as-written': { code: 'markdown-as-written', limit: 50_000, per: 'file' },
  'picture-described': { code: 'picture-described', description: 'a bar chart' },
  'media-missing': { code: 'media-missing', missing: ['undescribed-picture', 'sound'] },
  missing: { code: 'missing' },
  empty: { code: 'empty' },
  'empty-source': { code: 'empty-source' },
  'empty-quote': { code: 'empty-quote' },
  'too-few-choices': { code: 'too-few-choices', min: 2, found: 1 },
  'too-many-choices': { code: 'too-many-choices', max: 6, found: 7 },
  'no-correct': { code: 'no-correct', format: 'csv', lastAnswer: 6 },
  'several-correct': { code: 'several-correct', format: 'gift', found: 3 },
  'repeated-choice': { code: 'repeated-choice', text: 'ByteDance' },
  'too-many-excerpts': { code: 'too-many-excerpts', max: 3, found: 4 },
  'no-sources-loaded': { code: 'no-sources-loaded', source: 'eo-13943' },
  'unknown-source': { code: 'unknown-source', source: 'eo-13943', known: ['eo-13942', 'tiktok-ban-article-2020'] },
  'joined-quote': { code: 'joined-quote' },
  'quote-not-found': { code: 'quote-not-found', source: 'eo-13942', quote: 'July 6, 2020' },
  'time-limit': { code: 'time-limit', min: 5, max: 120, found: 'soon' },
  'duplicate-id': { code: 'duplicate-id' },
  'shared-first-excerpt': { code: 'shared-first-excerpt', place: { line: 12, id: 'who-owns-tiktok' } },
  'excerpt-dropped': { code: 'excerpt-dropped', reason: { code: 'unknown-source', source: 'Kahoot', known: ['x-1'] } },
  'unknown-field': { code: 'unknown-field', allowed: ['id', 'prompt', 'choices'] },
  'wrong-type': { code: 'wrong-type', expected: 'list', found: { kind: 'value', type: 'number', json: '42' } },
  'not-one-of': { code: 'not-one-of', allowed: ['1', '2', '3'], found: { kind: 'value', type: 'number', json: '5' } },
  'invalid-yaml': { code: 'invalid-yaml', detail: 'Nested mappings are not allowed', line: 8, column: 14 },
  'not-kebab-case': { code: 'not-kebab-case', found: 'Who_Owns' },
  'not-iso-date': { code: 'not-iso-date', found: { kind: 'value', type: 'string', json: '"June 2020"' } },
  'as-written': { code: 'as-written', text: 'a rule of the shipped bank' },
};

/** The values a note's words must carry: its texts and numbers, nested notes' and places' included. */
function parameterValues(value: unknown, key = ''): string[] {
  if (typeof value === 'number') return [key === 'limit' ? '50,000' : String(value)];
  // Enumerations (the code, a format, a kind) are worded, not shown as they are.
  if (typeof value === 'string')
    return ['code', 'format', 'per', 'expected', 'kind', 'type', 'missing'].includes(key) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((item) => parameterValues(item, key));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([inner, item]) => parameterValues(item, inner));
  }
  return [];
}

describe('the import namespace', () => {
  it('lists every code once, and tells a note from other data', () => {
    expect(IMPORT_CODES.sort()).toEqual(Object.keys(SAMPLES).sort());
    expect(isImportNoteLike({ code: 'no-correct', format: 'gift' })).toBe(true);
    expect(isImportNoteLike({ code: 'toString' })).toBe(false);
    expect(isImportNoteLike('no-correct')).toBe(false);
  });

  it.each(Object.values(SAMPLES).map((note) => [note.code, note] as const))(
    '%s: the English is the importer’s own, the Spanish its own words with every parameter',
    (_code, note) => {
      expect(importNoteText(note, english)).toBe(englishNote(note));
      const words = importNoteText(note, spanish);
      if (note.code !== 'as-written') expect(words).not.toBe(englishNote(note));
      expect(words).not.toMatch(/\{\{|\}\}|^note\.|import:/);
      for (const value of parameterValues(note)) expect(words, `${note.code} shows ${value}`).toContain(value);
    },
  );

  it('words every part of a question in both languages', () => {
    const fields: FileField[] = [
      { kind: 'column', name: 'Answer 2' },
      { kind: 'answer-columns', last: 6 },
      { kind: 'field', path: 'choices[2].text' },
      { kind: 'title' },
      { kind: 'question-text' },
      { kind: 'answers' },
      { kind: 'answer', number: 3 },
      { kind: 'answer-feedback', number: 3 },
      { kind: 'general-feedback' },
      { kind: 'source-comment' },
      { kind: 'source-comments' },
      { kind: 'source-comment-part', number: 1, part: 'quote' },
    ];
    for (const field of fields) {
      expect(fileFieldText(field, english)).toBe(englishField(field));
      expect(fileFieldText(field, spanish)).not.toBe(englishField(field));
    }
    expect(fields.map((field) => fileFieldText(field, spanish))).toEqual([
      'columna "Answer 2"',
      'columnas "Answer 1" a "Answer 6"',
      'campo "choices[2].text"',
      'título',
      'texto de la pregunta',
      'respuestas',
      'respuesta 3',
      'retroalimentación de la respuesta 3',
      'retroalimentación general (####)',
      'comentario de fuente',
      'comentarios de fuente',
      'comentario de fuente 1 (quote)',
    ]);
  });

  it('places a problem by row or line, question and part, and capitalises a note that stands alone', () => {
    const problem = {
      line: 7,
      question: 'Who owns TikTok?',
      field: { kind: 'answers' as const },
      note: { code: 'no-correct' as const, format: 'gift' as const, lastAnswer: 6 },
    };
    expect(importProblemText(problem, spanish)).toBe(
      'Línea 7, pregunta “Who owns TikTok?”, respuestas: ninguna respuesta está marcada como correcta; ' +
        'empieza la respuesta correcta con "="',
    );
    expect(importProblemText({ row: 3, note: { code: 'csv-unclosed-quote' } }, spanish)).toMatch(/^Fila 3: una celda/);
    expect(importProblemText({ note: { code: 'no-questions' } }, spanish)).toBe('El archivo no contiene preguntas');
    expect(importProblemText({ note: { code: 'no-questions' } }, english)).toBe('The file holds no questions');
  });

  it('formats numbers by the locale and picks the plural by the count', () => {
    expect(importNoteText(SAMPLES['markdown-as-written'], spanish)).toContain('50,000 caracteres');
    expect(importNoteText({ code: 'several-correct', format: 'yaml', found: 2 }, spanish)).toMatch(
      /^hay 2 respuestas marcadas como correctas/,
    );
    expect(importNoteText({ code: 'too-many-excerpts', max: 3, found: 1 }, spanish)).toMatch(
      /^tiene 1 fragmento de fuente;/,
    );
  });

  it('words what was found wrong in the saved banks as the store’s English, and in Spanish', () => {
    const problems: SavedBanksProblem[] = [
      { code: 'not-json' },
      { code: 'wrong-version', version: 1 },
      { code: 'damaged', bank: 3 },
      { code: 'repeated-id', bank: 2 },
      { code: 'question', bankName: 'Week 3', problem: { question: 'q1', note: { code: 'duplicate-id' } } },
      { code: 'nothing-left', bankName: 'Week 3' },
    ];
    for (const problem of problems) {
      expect(savedBanksProblemText(problem, english)).toBe(englishSavedBanksProblem(problem));
      expect(savedBanksProblemText(problem, spanish)).not.toBe(englishSavedBanksProblem(problem));
    }
    expect(savedBanksProblemText(problems[4]!, spanish)).toBe(
      'banco guardado “Week 3”: pregunta “q1”: otra pregunta ya tiene este id: dale a cada pregunta el suyo',
    );
  });
});

describe('the import corpus in both languages', () => {
  const fixtures = join(import.meta.dirname, '..', 'fixtures', 'import');
  const sourceErrors: BankError[] = [];
  const sources = parseSources(readSourceFiles(join(fixtures, 'sources'), fixtures), sourceErrors);
  const files = ['gift', 'csv', 'yaml', 'real'].flatMap((folder) =>
    readdirSync(join(fixtures, folder))
      .filter((name) => /\.(gift|txt|csv|ya?ml)$/.test(name))
      .map((name) => join(folder, name)),
  );

  it('words every problem and change of every file as the importer does in English, and in Spanish without English', () => {
    let notes = 0;
    for (const file of files) {
      const result = importFileBytes(file, readFileSync(join(fixtures, file)), { sources });
      for (const problem of [...result.problems, ...result.changes]) {
        notes += 1;
        expect(importProblemText(problem, english), file).toBe(formatImportProblem(problem));
        const words = importProblemText(problem, spanish);
        // The English of the place and of the common words, none of which a Spanish line should carry.
        expect(words, file).not.toMatch(/\b(Line|Row|question "|answers?:|is missing|must be|found|the game)\b/);
      }
    }
    expect(notes).toBeGreaterThan(50);
  });
});
