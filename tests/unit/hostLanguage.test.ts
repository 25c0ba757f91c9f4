/** The host page's language: which one the teacher gets, and what the page's words become in Spanish. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ClassCheckData } from '../../src/core/classCheck';
import type { DashboardSnapshot } from '../../src/core/classProtocol';
import { createTranslator, loadTranslator } from '../../src/i18n/translator';
import { delayedCheckText } from '../../src/host/checkText';
import { lastClassText, percent, scoreText, settingsLines, statusLine } from '../../src/host/dashboardText';
import { hostTranslator, savedLanguageChoice, startHostLanguage, useHostTranslator } from '../../src/host/hostLanguage';
import { goneClassesText, keptClassStatus } from '../../src/host/keptClassText';
import { answeredText, countdownText, phaseHeading } from '../../src/host/liveText';
import { ownQuestionsNote } from '../../src/host/ownQuestions';
import { nameList, waitingForText } from '../../src/host/presenceText';
import { MemoryStore } from '../../src/storage/SafeStorage';

const LANGUAGE_KEY = 'source-check:host:language';

afterEach(() => useHostTranslator(createTranslator('en')));

async function inSpanish(): Promise<void> {
  useHostTranslator(await loadTranslator('es'));
}

describe('the host page’s language', () => {
  it('is the teacher’s saved choice, else the first browser language the page speaks, else English', async () => {
    const storage = new MemoryStore();
    expect(savedLanguageChoice(storage)).toBe('auto');
    await startHostLanguage(storage, ['fr-FR', 'es-MX', 'en-US']);
    expect(hostTranslator().language).toBe('es');
    await startHostLanguage(storage, ['fr-FR']);
    expect(hostTranslator().language).toBe('en');
    storage.setItem(LANGUAGE_KEY, 'en');
    await startHostLanguage(storage, ['es-MX']);
    expect(hostTranslator().language).toBe('en');
    storage.setItem(LANGUAGE_KEY, 'klingon');
    expect(savedLanguageChoice(storage)).toBe('auto');
  });
});

describe('the host page in Spanish', () => {
  function snapshot(status: 'lobby' | 'open' | 'ended', finished: boolean[]): DashboardSnapshot {
    return {
      class: { status, questionCount: 1, timeLimitSec: 20 },
      players: finished.map((done) => ({ finished: done })),
    } as unknown as DashboardSnapshot;
  }

  it('counts players, questions and classes by Spanish plural rules', async () => {
    await inSpanish();
    expect(statusLine(snapshot('open', [true]))).toBe(
      'Jugando · 1 jugador · 1 terminaron · 1 pregunta · 20 s cada una',
    );
    expect(statusLine(snapshot('ended', [true, false]))).toBe('Terminada · 2 jugadores · 1 pregunta · 20 s cada una');
    expect(answeredText({ answered: 0, players: 1 })).toBe('0 de 1 jugador respondieron');
    expect(keptClassStatus({ status: 'lobby', endedAt: null, players: 0, questionCount: 10 })).toBe(
      'Esperando para empezar · 0 jugadores · 10 preguntas',
    );
    expect(goneClassesText(['AAAAAA'])).toMatch(/^La clase AAAAAA ya no está/);
    expect(goneClassesText(['AAAAAA', 'BBBBBB'])).toMatch(/^Las clases AAAAAA, BBBBBB ya no están/);
    expect(ownQuestionsNote(1)).toMatch(/^La clase jugará esta pregunta/);
    expect(ownQuestionsNote(12)).toMatch(/^La clase jugará estas 12 preguntas/);
  });

  it('names who the class waits for in a Spanish sentence, singular or plural', async () => {
    await inSpanish();
    const waiting = (names: string[]) =>
      waitingForText({
        class: { status: 'open' },
        questions: [{ settled: false }],
        players: names.map((nickname) => ({ nickname, answered: 0, away: false, finished: false })),
      } as unknown as DashboardSnapshot);
    expect(nameList(['Ana', 'Beto', 'Caro'])).toBe('Ana, Beto y Caro');
    expect(waiting(['Ana'])).toBe('La pregunta 1 muestra sus respuestas cuando Ana la pase.');
    expect(waiting(['Ana', 'Beto'])).toBe('La pregunta 1 muestra sus respuestas cuando Ana y Beto la pasen.');
  });

  it('writes numbers and dates the US Spanish way', async () => {
    await inSpanish();
    expect(scoreText(12345, false)).toBe('12,345');
    expect(percent(0.666)).toBe('67%');
    expect(lastClassText('ABC234', Date.UTC(2026, 11, 6, 12))).toBe(
      'Mostrar la última clase (ABC234, terminó el 6 dic 2026)',
    );
    const day = Date.UTC(2026, 11, 13, 12);
    const data = {
      delayedOpenedAt: null,
      delayedWindow: { opensAt: day, closesAt: day + 21 * 86_400_000 },
    } as unknown as ClassCheckData;
    expect(delayedCheckText(data, 'ABC234').text).toContain('del 13 de diciembre de 2026 al 3 de enero de 2027');
  });

  it('speaks the projector’s and the settings’ words in Spanish', async () => {
    await inSpanish();
    const board = { position: 0, total: 10, skipped: false };
    expect(phaseHeading({ ...board, phase: 'evidence' })).toBe('Pregunta 1 de 10: qué dice la fuente');
    expect(countdownText({ paused: true, timeLimitMs: 20_000 }, 12_000)).toBe('En pausa · quedan 12 s');
    expect(
      settingsLines({
        pool: 'all',
        kinds: ['compare'],
        answerReveal: 'settled',
        generatedNicknamesOnly: true,
      } as never),
    ).toEqual([
      'Preguntas: todas',
      'Tipos de pregunta: Comparar dos descripciones lado a lado',
      'Los estudiantes ven la respuesta: cuando todos los que siguen en la clase han respondido',
      'Apodos: solo apodos generados',
    ]);
  });
});
