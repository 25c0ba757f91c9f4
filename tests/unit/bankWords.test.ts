import { describe, expect, it } from 'vitest';
import { formatSize } from '../../src/core/customBankLimits';
import { importSummaryText, refusalText, reportLines, reportTitle, sizeText } from '../../src/game/bankWords';
import type { ImportProblem } from '../../src/core/import/index';
import { createTranslator } from '../../src/i18n/translator';
import { SPANISH_RESOURCES } from '../../src/i18n/spanishResources';

const english = createTranslator('en');
const spanish = createTranslator('es', SPANISH_RESOURCES);
/** Enough of an import result to word: the counts are all that matter. */
const result = (questions: number, changes: number, problems: number) =>
  ({
    questions: Array.from({ length: questions }),
    changes: Array.from({ length: changes }),
    problems: Array.from({ length: problems }),
  }) as unknown as Parameters<typeof importSummaryText>[0];

describe('the words of Your questions', () => {
  it.each([0, 512, 999, 1000, 23_456, 999_499, 1_000_000, 1_234_567])(
    'writes %i characters as the importer does in English',
    (chars) => {
      expect(sizeText(chars, english)).toBe(formatSize(chars));
    },
  );

  it('writes sizes and summaries in Spanish, plurals by Spanish rules', () => {
    expect(sizeText(1_234_567, spanish)).toBe('1.2 MB');
    expect(importSummaryText(result(1, 2, 1), spanish.t)).toBe(
      '1 pregunta lista para jugar. 2 cambios hechos al leer el archivo, en la lista de abajo. ' +
        '1 problema: una pregunta con un problema queda fuera hasta que se corrija.',
    );
    expect(importSummaryText(result(0, 0, 3), spanish.t)).toBe(
      'Aún no se puede jugar ninguna pregunta: hay 3 problemas que corregir. Corrige el archivo y cárgalo otra vez.',
    );
    expect(importSummaryText(result(0, 0, 0), english.t)).toBe('No question could be read.');
  });

  it('says why a change was refused, sizes included', () => {
    expect(refusalText({ why: 'over-budget', chars: 1_500_000, limit: 1_000_000 }, spanish)).toMatch(
      /^No se guardó: tus bancos guardados ocuparían 1.5 MB, más de los 1 MB que el juego guarda/,
    );
    expect(refusalText({ why: 'gone' }, english)).toBe('That bank is no longer saved.');
  });

  it('labels each line of a report and titles the list by what it holds', () => {
    const report: { changed: ImportProblem[]; skipped: ImportProblem[] } = {
      changed: [
        { line: 1, field: { kind: 'answer', number: 2 }, note: { code: 'picture-described', description: 'a map' } },
      ],
      skipped: [{ line: 4, question: 'Owner', note: { code: 'no-correct', format: 'gift', lastAnswer: 6 } }],
    };
    expect(reportLines(report, spanish)).toEqual([
      { text: 'Cambiada: Línea 1, respuesta 2: la imagen no se muestra: a map', changed: true },
      {
        text: 'Omitida: Línea 4, pregunta “Owner”: ninguna respuesta está marcada como correcta; empieza la respuesta correcta con "="',
        changed: false,
      },
    ]);
    expect(reportLines(report, english).map((line) => line.text)).toEqual([
      'Changed: Line 1, answer 2: picture not shown: a map',
      'Skipped: Line 4, question "Owner": no answer is marked correct; start the right answer with "="',
    ]);
    expect(reportTitle(report, 'quiz.gift', spanish.t)).toBe('Qué se cambió u omitió en quiz.gift');
    expect(reportTitle({ changed: [], skipped: report.skipped }, 'quiz.gift', english.t)).toBe(
      'What was skipped in quiz.gift',
    );
  });
});
