import { describe, expect, it } from 'vitest';
import { resultSnapshot } from '../../src/core/resultSnapshot';
import { createTranslator, loadTranslator } from '../../src/i18n/translator';

const english = createTranslator('en');

describe('the results to screenshot', () => {
  it('names the mode and the day, the score and the pattern, and nothing of the questions', () => {
    const snapshot = resultSnapshot(
      {
        mode: 'classic',
        seed: 'k3j9x2a',
        score: 4_250,
        correct: 3,
        total: 5,
        marks: ['right', 'wrong', 'right', 'timeout', 'right'],
        today: '2026-12-06',
        replay: false,
      },
      english,
    );
    expect(snapshot).toEqual({
      round: 'Classic',
      day: '6 December 2026',
      score: '4,250 points',
      correct: '3 of 5 right',
      marks: ['right', 'wrong', 'right', 'timeout', 'right'],
      pattern: "Question by question: right, wrong, right, time's up, right.",
    });
  });

  it("names a daily round's own day, and a replay as one", () => {
    const snapshot = resultSnapshot(
      {
        mode: 'daily',
        seed: 'daily-2026-03-14-v1',
        score: 0,
        correct: 0,
        total: 1,
        marks: ['wrong'],
        today: '2026-03-15',
        replay: true,
      },
      english,
    );
    expect(snapshot.round).toBe('Daily · replay, not a first try');
    expect(snapshot.day).toBe('14 March 2026');
  });

  it('speaks the player’s language', async () => {
    const snapshot = resultSnapshot(
      {
        mode: 'fact-check',
        seed: 'k3j9x2a',
        score: 1_500,
        correct: 2,
        total: 3,
        marks: ['right', 'timeout', 'right'],
        today: '2026-12-06',
        replay: false,
      },
      await loadTranslator('es'),
    );
    expect(snapshot.round).toBe('Verificación de datos');
    expect(snapshot.day).toBe('6 de diciembre de 2026');
    expect(snapshot.correct).toBe('2 de 3 correctas');
    expect(snapshot.pattern).toBe('Pregunta por pregunta: correcta, se acabó el tiempo, correcta.');
  });
});
