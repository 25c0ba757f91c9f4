import { describe, expect, it } from 'vitest';
import type { ClassCheckData, StudentChecks } from '../../src/core/classCheck';
import { PRACTICE_CAVEAT, summariseCheck, type CheckResponse } from '../../src/core/discernment';
import { createRng, type RngState } from '../../src/core/rng';
import {
  checkFiguresRows,
  checkProgressText,
  checkReadings,
  checkSeed,
  delayedCheckText,
  figure,
} from '../../src/host/checkText';
import { simulateAnswers } from '../simulatedStudents';

const DAY = 24 * 60 * 60 * 1000;
const created = Date.UTC(2026, 2, 2, 9);
const ITEMS = Array.from({ length: 12 }, (_, i) => ({ id: `item-${i}`, accurate: i % 2 === 0 }));

/** A class of 20 whose answers before and after are drawn with the given d′ and c. */
function classOf(before: [number, number], after: [number, number], seed: string): ClassCheckData {
  let state: RngState = createRng(seed);
  const students: StudentChecks[] = Array.from({ length: 20 }, (_, i) => {
    let first: CheckResponse[];
    let second: CheckResponse[];
    [first, state] = simulateAnswers(ITEMS, before[0], before[1], state);
    [second, state] = simulateAnswers(ITEMS, after[0], after[1], state);
    return {
      playerId: `player-${i}`,
      nickname: `Student ${i}`,
      firstForm: i % 2 === 0 ? 'A' : 'B',
      answers: { before: first, after: second, delayed: [] },
    };
  });
  return {
    enabled: true,
    delayedOpenedAt: null,
    delayedWindow: { opensAt: created + 7 * DAY, closesAt: created + 28 * DAY },
    expiresAt: created + 30 * DAY,
    students,
  };
}

describe('the host page’s learning-check panel', () => {
  it('shows each check’s figures with their seeded intervals, and "not taken" where nobody has', () => {
    const data = classOf([0.5, 0], [1.5, 0], 'figures');
    const rows = checkFiguresRows(data, 'ABC123');
    expect(rows.map((row) => row.stage)).toEqual(['before', 'after', 'delayed']);
    expect(rows[2]).toEqual({ stage: 'delayed', label: 'Delayed', students: 0 });
    const expected = summariseCheck(
      data.students.map((student) => ({ student: student.playerId, responses: student.answers.after })),
      checkSeed('ABC123', 'after'),
    )!;
    const after = rows[1]!;
    expect(after.students).toBe(20);
    expect(after.figures!.hitRate.value).toBe(`${Math.round(expected.hitRate.value * 100)}%`);
    expect(after.figures!.dPrime.value).toBe(figure(expected.dPrime.value));
    expect(after.figures!.c.interval).toBe(`${figure(expected.c.low)} to ${figure(expected.c.high)}`);
    // The same answers always show the same intervals.
    expect(checkFiguresRows(data, 'ABC123')).toEqual(rows);
  });

  it('tells a class that got better at discerning from one that only got more sceptical, with the caveat', () => {
    const gained = checkReadings(classOf([0.3, 0], [2.2, 0], 'gain'), 'GAIN01');
    expect(gained).toHaveLength(1);
    expect(gained[0]!.label).toBe('Before → after');
    expect(gained[0]!.students).toBe(20);
    expect(gained[0]!.words).toMatch(/^Better at telling true from false/);
    expect(gained[0]!.words).toContain(PRACTICE_CAVEAT);
    expect(gained[0]!.change).toMatch(/^d′ \+\d\.\d\d \(95% interval \+/);
    const sceptical = checkReadings(classOf([0.8, -0.3], [0.8, 1.0], 'sceptic'), 'SCEP01');
    expect(sceptical[0]!.words).toMatch(/^More sceptical of everything, not better/);
    expect(sceptical[0]!.words).toContain(PRACTICE_CAVEAT);
    // No later check taken: nothing to read.
    const only = classOf([1, 0], [1, 0], 'only');
    for (const student of only.students) student.answers.after = [];
    expect(checkReadings(only, 'ONLY01')).toEqual([]);
  });

  it('says when the delayed check can be opened, and once open, until when the class is kept', () => {
    const data = classOf([1, 0], [1, 0], 'delayed');
    const closed = delayedCheckText(data, 'ABC123');
    expect(closed.canOpen).toBe(true);
    expect(closed.text).toContain('from 9 March 2026 to 30 March 2026');
    const opened = delayedCheckText(
      { ...data, delayedOpenedAt: created + 20 * DAY, expiresAt: created + 34 * DAY },
      'ABC123',
    );
    expect(opened.canOpen).toBe(false);
    expect(opened.text).toContain('open since 22 March 2026');
    expect(opened.text).toContain('type ABC123');
    expect(opened.text).toContain('kept until 5 April 2026');
    expect(checkProgressText(data)).toBe('Before the lesson: 20 of 20 finished · After the lesson: 20 of 20 finished');
  });

  it('writes d′ and c with a real minus sign', () => {
    expect(figure(-0.5)).toBe('−0.50');
    expect(figure(0.504, true)).toBe('+0.50');
    expect(figure(-0.001, true)).toBe('±0.00');
  });
});
