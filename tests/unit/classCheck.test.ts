import { describe, expect, it } from 'vitest';
import {
  delayedCheckRefusal,
  dueStage,
  expiryWithDelayedCheck,
  firstFormForJoin,
  formForStage,
  stageClosedReason,
  type CheckStage,
} from '../../src/core/classCheck';

const DAY = 24 * 60 * 60 * 1000;
const created = Date.UTC(2026, 2, 2, 9);
const lesson = { started: false, lessonOver: false, delayedOpenedAt: null };

describe('the learning check in class: its rules', () => {
  it('deals the first form by join order, the other after, and C delayed', () => {
    expect([0, 1, 2, 3].map(firstFormForJoin)).toEqual(['A', 'B', 'A', 'B']);
    expect((['before', 'after', 'delayed'] as const).map((stage) => formForStage('B', stage))).toEqual(['B', 'A', 'C']);
    expect(formForStage('A', 'after')).toBe('B');
  });

  it('opens the before check until the first question, the after check once the round is over, the delayed once opened', () => {
    const none = new Set<CheckStage>();
    expect(dueStage(lesson, none)).toBe('before');
    expect(stageClosedReason('after', lesson)).toMatch(/last question/);
    expect(stageClosedReason('delayed', lesson)).toMatch(/not opened/);
    const playing = { ...lesson, started: true };
    expect(dueStage(playing, none)).toBeUndefined();
    expect(stageClosedReason('before', playing)).toMatch(/first question/);
    const over = { ...playing, lessonOver: true };
    expect(dueStage(over, none)).toBe('after');
    expect(dueStage(over, new Set<CheckStage>(['after']))).toBeUndefined();
    const weeksLater = { ...over, delayedOpenedAt: created + 10 * DAY };
    expect(dueStage(weeksLater, new Set<CheckStage>(['before', 'after']))).toBe('delayed');
    expect(stageClosedReason('after', weeksLater)).toMatch(/opened the delayed check/);
    expect(dueStage(weeksLater, new Set<CheckStage>(['delayed']))).toBeUndefined();
  });

  it('lets the delayed check open from day 7 to day 28, saying when', () => {
    expect(delayedCheckRefusal(created, created + 7 * DAY - 1)).toMatchObject({ code: 'delayed-too-early' });
    expect(delayedCheckRefusal(created, created + 6 * DAY)?.message).toContain('9 March 2026');
    expect(delayedCheckRefusal(created, created + 7 * DAY)).toBeUndefined();
    expect(delayedCheckRefusal(created, created + 28 * DAY)).toBeUndefined();
    const late = delayedCheckRefusal(created, created + 28 * DAY + 1);
    expect(late).toMatchObject({ code: 'delayed-too-late' });
    expect(late?.message).toContain('30 March 2026');
  });

  it('keeps the class two weeks past the day the delayed check opens, never shorter than it was', () => {
    expect(expiryWithDelayedCheck(created + 30 * DAY, created + 20 * DAY)).toBe(created + 34 * DAY);
    expect(expiryWithDelayedCheck(created + 60 * DAY, created + 20 * DAY)).toBe(created + 60 * DAY);
  });
});
