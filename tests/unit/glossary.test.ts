import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossaryConflicts, parseGlossary, type PlacedText } from '../../src/core/glossary';
import type { SpanishOverlay } from '../../src/core/spanishBank';
import { loadBankFromDisk } from '../../src/server/bankFiles';
import { loadSpanishOverlay } from '../../scripts/spanishBankFiles';
import { SPANISH_TEACHER_DOCS } from '../../src/teachers/pages';
import { SPANISH_HANDOUT_MOVES } from '../../src/teachers/handout';

const root = join(import.meta.dirname, '..', '..');

const TABLE = `# Glosario

| English | Español | No usar |
| --- | --- | --- |
| fact sheet | hoja informativa | ficha informativa; hoja de datos |
| Supreme Court | Corte Suprema | Tribunal Supremo |
| enforcement delay | aplazamiento (de la aplicación) | moratoria |
`;

/** Every Spanish text of the overlay, each named by file place, for the glossary check. */
function overlayTexts(overlay: SpanishOverlay): PlacedText[] {
  const texts: PlacedText[] = Object.entries(overlay.topics).map(([id, title]) => ({
    where: `topic ${id}`,
    text: title,
  }));
  for (const question of Object.values(overlay.questions)) {
    const where = (field: string) => `question "${question.id}", ${field}`;
    texts.push({ where: where('prompt'), text: question.prompt });
    question.choices.forEach((choice, index) => {
      texts.push({ where: where(`choices[${index + 1}].text`), text: choice.text });
      if (choice.feedback) texts.push({ where: where(`choices[${index + 1}].feedback`), text: choice.feedback });
    });
    question.evidence.forEach((text, index) => texts.push({ where: where(`evidence[${index + 1}]`), text }));
    if (question.claim) texts.push({ where: where('claim'), text: question.claim });
    if (question.explanation) texts.push({ where: where('explanation'), text: question.explanation });
  }
  for (const [id, source] of Object.entries(overlay.sources)) {
    for (const [field, text] of Object.entries(source)) texts.push({ where: `source ${id}, ${field}`, text });
  }
  return texts;
}

/** Every string of the Spanish interface (`src/i18n/locales/es/*.json`), each named by its file and key. */
function interfaceTexts(folder: string): PlacedText[] {
  const texts: PlacedText[] = [];
  const walk = (value: unknown, where: string): void => {
    if (typeof value === 'string') texts.push({ where, text: value });
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value))
        walk(inner, where.endsWith('.json') ? `${where}, ${key}` : `${where}.${key}`);
    }
  };
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    walk(JSON.parse(readFileSync(join(folder, file), 'utf8')), `locales/es/${file}`);
  }
  return texts;
}

describe('the glossary rule', () => {
  it('reads each term with the renderings used and those avoided, without parenthesised notes', () => {
    const { entries, problems } = parseGlossary(TABLE);
    expect(problems).toEqual([]);
    expect(entries.map(({ english, spanish, avoid }) => ({ english, spanish, avoid }))).toEqual([
      { english: 'fact sheet', spanish: ['hoja informativa'], avoid: ['ficha informativa', 'hoja de datos'] },
      { english: 'Supreme Court', spanish: ['Corte Suprema'], avoid: ['Tribunal Supremo'] },
      { english: 'enforcement delay', spanish: ['aplazamiento'], avoid: ['moratoria'] },
    ]);
  });

  it('flags a term translated a second way, as a whole phrase and in any case', () => {
    const { entries } = parseGlossary(TABLE);
    expect(
      glossaryConflicts(entries, [
        { where: 'q1, prompt', text: 'Según la ficha  informativa de la Casa Blanca…' },
        { where: 'q2, explanation', text: 'El tribunal supremo lo dijo.' },
        { where: 'q3, prompt', text: 'La Corte Suprema y la hoja informativa; moratorias.' },
      ]),
    ).toEqual([
      'q1, prompt: "ficha informativa" translates "fact sheet" a second way; the glossary uses "hoja informativa"',
      'q2, explanation: "Tribunal Supremo" translates "Supreme Court" a second way; the glossary uses "Corte Suprema"',
    ]);
  });

  it('flags a malformed glossary: a term twice, a rendering both used and avoided, no table', () => {
    const twice = `${TABLE}| fact sheet | hoja | |\n| bill | proyecto de ley | Corte Suprema |\n`;
    expect(parseGlossary(twice).problems).toEqual([
      'line 8: "fact sheet" is already listed on line 5',
      'line 9: "Corte Suprema" is to be avoided here but used for "Supreme Court"',
    ]);
    expect(parseGlossary('# nada').problems).toEqual(['no table with the columns English, Español, No usar']);
  });
});

describe('docs/es/glosario.md and the Spanish bank', () => {
  const { entries, problems } = parseGlossary(readFileSync(join(root, 'docs', 'es', 'glosario.md'), 'utf8'));

  it('is a well-formed glossary of the terms the bank uses', () => {
    expect(problems).toEqual([]);
    const english = entries.map((entry) => entry.english);
    for (const term of [
      'executive order (EO)',
      'divestiture; divestment',
      'fact sheet',
      'per curiam opinion',
      'claim',
    ]) {
      expect(english).toContain(term);
    }
  });

  // Reading and checking the whole bank and its overlay takes seconds on a busy machine.
  it(
    'is followed: no glossary term is translated a second way anywhere in the Spanish bank',
    { timeout: 30_000 },
    () => {
      const shipped = loadBankFromDisk(join(root, 'questions'), root);
      const { overlay } = loadSpanishOverlay(join(root, 'questions'), shipped.bank, root);
      const texts = overlayTexts(overlay);
      expect(texts.length).toBeGreaterThan(1000);
      expect(glossaryConflicts(entries, texts)).toEqual([]);
    },
  );

  it('is followed in the Spanish teacher pages too', () => {
    const docs = SPANISH_TEACHER_DOCS.filter((doc) => doc.source !== 'es/glosario.md').map((doc) => ({
      where: `docs/${doc.source}`,
      text: readFileSync(join(root, 'docs', doc.source), 'utf8'),
    }));
    const handout = SPANISH_HANDOUT_MOVES.map((move) => ({
      where: `handout, ${move.skill}`,
      text: [move.name, move.action, ...move.ask, move.practice.task, move.practice.translation ?? ''].join('\n'),
    }));
    expect(docs.length).toBeGreaterThanOrEqual(2);
    expect(glossaryConflicts(entries, [...docs, ...handout])).toEqual([]);
  });

  it('is followed in the Spanish interface: every screen, the host page and the accessible layer', () => {
    const texts = interfaceTexts(join(root, 'src', 'i18n', 'locales', 'es'));
    expect(texts.length).toBeGreaterThan(500);
    expect(glossaryConflicts(entries, texts)).toEqual([]);
  });
});
