import { describe, expect, it } from 'vitest';
import type { CheckResponse } from '../../src/core/discernment';
import { readPlayerChange, SMALL_SAMPLE_NOTE } from '../../src/core/selfCheck';
import type { SavedCheck } from '../../src/core/savedChecks';
import { changeReadingWords } from '../../src/core/discernment';
import { checkReportLines, checksLoadMessage } from '../../src/game/selfChecks';
import { createTranslator, loadTranslator } from '../../src/i18n/translator';

/** Twelve answers: six accurate claims and six not, the first `hits` accurate ones and `alarms` others called accurate. */
function answers(hits: number, alarms: number): CheckResponse[] {
  return Array.from({ length: 12 }, (_, index) => {
    const accurate = index < 6;
    const saidAccurate = accurate ? index < hits : index - 6 < alarms;
    return {
      itemId: `item-${index}`,
      itemAccurate: accurate,
      judgement: saidAccurate ? 'accurate' : 'not-accurate',
      confidence: index % 2 === 0 ? 'sure' : 'guessing',
    };
  });
}

const AUGUST_6_2020 = Date.UTC(2020, 7, 6, 12);
const checks: SavedCheck[] = [
  { form: 'A', takenAt: AUGUST_6_2020, roundsBefore: 0, answers: answers(3, 3) },
  { form: 'B', takenAt: AUGUST_6_2020, roundsBefore: 2, answers: answers(6, 0) },
];

describe('the learning check’s figures in words', () => {
  it('read in Spanish, with a Spanish date and the change read in Spanish', async () => {
    const lines = checkReportLines(
      { taken: checks, roundsFinished: 2, skippedBefore: false },
      await loadTranslator('es'),
    ).map((line) => line.text);
    expect(lines[0]).toBe('Prueba A · Antes · 6 de agosto de 2020');
    expect(lines[1]).toBe('Afirmaciones exactas que dijiste que eran exactas (aciertos): 3 de 6.');
    expect(lines[2]).toBe('Afirmaciones inexactas que dijiste que eran exactas (falsas alarmas): 3 de 6.');
    expect(lines).toContain('Antes → después');
    expect(lines.some((line) => line.includes('Seguro: ') && line.startsWith('Qué tan seguro estabas'))).toBe(true);
    expect(lines.at(-1)).toContain('Mejor para distinguir lo verdadero de lo falso');
    expect(lines.join('\n')).not.toMatch(/\b(Check|claims|Before|sure)\b/);
  });

  it('read in English as the core words them', () => {
    const lines = checkReportLines(
      { taken: checks, roundsFinished: 2, skippedBefore: false },
      createTranslator('en'),
    ).map((line) => line.text);
    expect(lines[0]).toBe('Check A · Before · August 6, 2020');
    const change = readPlayerChange(checks[0]!, checks[1]!)!;
    expect(lines.at(-1)).toContain(`${changeReadingWords(change.reading)} ${SMALL_SAMPLE_NOTE}`);
  });

  it('say why the check did not load: the English detail in English, the kind of fault in Spanish', async () => {
    const failed = {
      error: 'The check (checks.json) could not be downloaded: the server answered 503.',
      problem: 'download',
    } as const;
    expect(checksLoadMessage(failed, createTranslator('en'))).toBe(failed.error);
    expect(checksLoadMessage(failed, await loadTranslator('es'))).toBe(
      'No se pudo descargar la prueba. Revisa la conexión y vuelve a intentarlo.',
    );
    expect(checksLoadMessage({ error: 'x', problem: 'damaged' }, await loadTranslator('es'))).toBe(
      'La prueba de este servidor está dañada: avísale a tu maestro.',
    );
  });
});
