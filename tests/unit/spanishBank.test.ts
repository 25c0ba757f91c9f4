import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBank } from '../../src/core/bank';
import {
  parseSpanishOverlay,
  spanishQuestionView,
  strayEnglish,
  UNOFFICIAL_TRANSLATION_LABEL,
} from '../../src/core/spanishBank';
import { formatBankError, type BankFile } from '../../src/core/types';
import { loadBankFromDisk, readSourceFiles } from '../../src/server/bankFiles';
import { loadSpanishOverlay } from '../../scripts/spanishBankFiles';

const root = join(import.meta.dirname, '..', '..');
const fixture = join(root, 'tests', 'fixtures', 'spanish');

function file(path: string): BankFile {
  return { path: `es/${path}`, text: readFileSync(join(fixture, 'es', path), 'utf8') };
}

// The fixture's English bank, by the question rules only: two questions cannot spread over the four SIFT moves.
const english = parseBank(readSourceFiles(join(fixture, 'sources'), fixture), [
  { path: 'orders.yaml', text: readFileSync(join(fixture, 'orders.yaml'), 'utf8') },
]);

/** The fixture's overlay with one edit to the topic file's text, and the problems it then has. */
function problemsWith(edit: (text: string) => string, sourcesEdit: (text: string) => string = (text) => text) {
  const topic = file('orders.yaml');
  const sources = file('sources.yaml');
  const { errors } = parseSpanishOverlay(
    {
      topicFiles: [{ ...topic, text: edit(topic.text) }],
      sourcesFile: { ...sources, text: sourcesEdit(sources.text) },
      folder: 'es',
    },
    english.bank,
  );
  return errors.map(formatBankError);
}

describe('the Spanish overlay', () => {
  it('accepts a complete overlay and keeps every question', () => {
    expect(english.errors).toEqual([]);
    const { overlay, errors } = loadSpanishOverlay(fixture, english.bank, fixture);
    expect(errors).toEqual([]);
    expect(Object.keys(overlay.questions).sort()).toEqual(['sale-days', 'signed-when']);
    expect(overlay.topics).toEqual({ orders: 'Las órdenes' });
  });

  it('names a question the English has and the Spanish lacks, and one the English does not have', () => {
    const problems = problemsWith((text) => text.replace('id: sale-days', 'id: sale-dayz'));
    expect(problems).toContain(
      'es/orders.yaml, question "sale-dayz", field "id": no English question in topic "orders" has this id',
    );
    expect(problems).toContain('es/orders.yaml, question "sale-days": has no Spanish translation in this file');
  });

  it('names a missing field that the English has, and an extra one it does not', () => {
    const missing = problemsWith((text) => text.replace('    explanation: "El memorando dice 90."\n', ''));
    expect(missing).toEqual([
      'es/orders.yaml, question "sale-days", field "explanation": is missing: the English has this text, so the Spanish must too',
    ]);
    const extra = problemsWith((text) =>
      text.replace('      - text: "45"\n', '      - text: "45"\n        feedback: "No."\n'),
    );
    expect(extra).toEqual([
      'es/orders.yaml, question "sale-days", field "choices[2].feedback": the English question has no such text, so its Spanish must go',
    ]);
  });

  it('asks for one rendering per English excerpt and one choice per English choice', () => {
    const problems = problemsWith((text) =>
      text.replace('    evidence:\n      - "La orden', '    evidence:\n      - "Otra."\n      - "La orden'),
    );
    expect(problems).toEqual([
      'es/orders.yaml, question "signed-when", field "evidence": must be a list of 1 Spanish rendering(s), one per English excerpt, in order',
    ]);
  });

  it('flags English left untranslated, but not inside quotes', () => {
    const problems = problemsWith((text) => text.replace('El memorando da la fecha.', 'The memo is one of the best.'));
    expect(problems).toEqual([
      'es/orders.yaml, question "signed-when", field "explanation": looks untranslated: "is one of the" is 4+ English words in a row outside quotes',
    ]);
    expect(
      problemsWith((text) => text.replace('El memorando da la fecha.', 'El memorando «is one of the best».')),
    ).toEqual([]);
  });

  it('flags two choices that read the same in Spanish', () => {
    const problems = problemsWith((text) => text.replace('"Principios de julio de 2020"', '"6 de Agosto de 2020"'));
    expect(problems).toEqual([
      'es/orders.yaml, question "signed-when", field "choices[2].text": repeats another choice: "6 de Agosto de 2020"',
    ]);
  });

  it('holds the longest-answer rule in Spanish, per topic and bank-wide', () => {
    const problems = problemsWith((text) => text.replace('- text: "90"', '- text: "90 días en total"'));
    expect(
      problems.some((p) => p.startsWith('es/orders.yaml: in Spanish, the right answer is the uniquely longest')),
    ).toBe(true);
    expect(problems.some((p) => p.startsWith('es: in Spanish, the right answer is the uniquely longest'))).toBe(true);
  });

  it('needs every source cited in Spanish and every topic file', () => {
    expect(
      problemsWith(
        (text) => text,
        (text) => text.replace('    author: "La Oficina"\n', ''),
      ),
    ).toEqual([
      'es/sources.yaml, field "sources.memo.author": is missing: the English has this text, so the Spanish must too',
    ]);
    const { errors } = parseSpanishOverlay({ topicFiles: [], folder: 'es' }, english.bank);
    expect(errors.map(formatBankError)).toEqual([
      'es/orders.yaml: is missing: topic "orders" has no Spanish',
      'es/sources.yaml: is missing: every source needs its citation in Spanish',
    ]);
  });

  it('reports bad YAML with its file instead of throwing', () => {
    expect(problemsWith(() => 'topic: [')[0]).toMatch(/^es\/orders\.yaml: invalid YAML/);
  });
});

describe('the stray-English rule', () => {
  it('finds four common English words in a row and no fewer', () => {
    expect(strayEnglish('the order was signed')).toBe('the order was signed');
    expect(strayEnglish('the order was firmada')).toBeUndefined();
    expect(strayEnglish('La Corte Suprema dijo que no')).toBeUndefined();
    expect(strayEnglish('Protecting Americans from Foreign Adversary Controlled Applications Act')).toBeUndefined();
  });
});

describe('the Spanish view of a question', () => {
  const { overlay } = loadSpanishOverlay(fixture, english.bank, fixture);
  const question = english.bank.questions.find((q) => q.id === 'signed-when')!;

  it('gives the Spanish texts, the English right answer, and each quote verbatim with its unofficial rendering', () => {
    const view = spanishQuestionView(question, overlay, english.bank.sources)!;
    expect(view.prompt).toBe('¿Cuándo se firmó la orden?');
    expect(view.topicTitle).toBe('Las órdenes');
    expect(view.choices).toEqual([
      { text: '6 de agosto de 2020', correct: true },
      { text: 'Principios de julio de 2020', correct: false, feedback: 'Eso es lo que dice el artículo.' },
    ]);
    expect(view.explanation).toBe('El memorando da la fecha.');
    expect(view.evidence[0]).toEqual({
      source: 'memo',
      quote: 'The order was signed on August 6, 2020.',
      translation: 'La orden se firmó el 6 de agosto de 2020.',
      translationLabel: UNOFFICIAL_TRANSLATION_LABEL,
      citation: {
        title: 'Un memorando sobre aplicaciones',
        originalTitle: 'A Memo on Apps',
        author: 'La Oficina',
        publisher: 'El Registro',
        date: '2020-08-06',
      },
    });
    expect(view.claim?.quote).toBe('The app must be sold within 90 days.');
    expect(view.claim?.translation).toBe('La aplicación debe venderse en un plazo de 90 días.');
  });

  it('gives nothing for a question the overlay does not translate, so the caller shows the English', () => {
    expect(spanishQuestionView({ ...question, id: 'a-teachers-own' }, overlay, english.bank.sources)).toBeUndefined();
  });
});

describe('the shipped bank in Spanish', () => {
  it('is complete and passes every rule', () => {
    const shipped = loadBankFromDisk(join(root, 'questions'), root);
    const { overlay, errors } = loadSpanishOverlay(join(root, 'questions'), shipped.bank, root);
    expect(errors.map(formatBankError)).toEqual([]);
    expect(Object.keys(overlay.questions)).toHaveLength(shipped.bank.questions.length);
    // Every question has its Spanish view, every quote as published with a rendering and a Spanish citation.
    for (const question of shipped.bank.questions) {
      const view = spanishQuestionView(question, overlay, shipped.bank.sources)!;
      expect(view, question.id).toBeDefined();
      expect(view.topicTitle, question.id).toBeDefined();
      expect(view.choices.map((choice) => choice.correct)).toEqual(question.choices.map((choice) => choice.correct));
      const quotes = [...view.evidence, ...(view.claim ? [view.claim] : [])];
      expect(quotes.map((quote) => quote.quote)).toEqual(
        [...question.evidence, ...(question.claim ? [question.claim] : [])].map((excerpt) => excerpt.quote),
      );
      for (const quote of quotes) {
        expect(quote.translation.trim(), question.id).not.toBe('');
        expect(quote.citation?.originalTitle, question.id).toBe(shipped.bank.sources[quote.source]!.title);
      }
    }
  });
});
