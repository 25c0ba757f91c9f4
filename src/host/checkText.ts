/**
 * What the host page's learning-check panel says: the class's figures for each check (hit rate, false-alarm rate,
 * d′ and c, each with its 95 % interval over students), the readings of before → after and before → delayed in plain
 * words, and the delayed check's state. Plain functions of the server's data (no DOM); the intervals are seeded by
 * the class code and the check, so the same answers always show the same figures.
 */
import {
  CHECK_STAGES,
  checkDate,
  DELAYED_CHECK_EARLIEST_DAYS,
  DELAYED_CHECK_LATEST_DAYS,
  STAGE_LABELS,
  type CheckStage,
  type ClassCheckData,
} from '../core/classCheck';
import { ITEMS_PER_FORM } from '../core/checkForms';
import { compareChecks, summariseCheck, type Estimate, type StudentCheck } from '../core/discernment';

/** A figure with its interval, as two strings: the value, and "low to high" (the table's caption says 95 %). */
export interface ShownEstimate {
  value: string;
  interval: string;
}

export interface CheckFiguresRow {
  stage: CheckStage;
  label: string;
  /** Students counted (those who judged both kinds of claim). */
  students: number;
  /** Undefined while no student has taken this check. */
  figures?: { hitRate: ShownEstimate; falseAlarmRate: ShownEstimate; dPrime: ShownEstimate; c: ShownEstimate };
}

export interface CheckReadingLine {
  label: string;
  students: number;
  /** The change in d′ and c, with their intervals. */
  change: string;
  /** The reading in plain words, with the caveat about practice. */
  words: string;
}

/** A rate as a whole percentage. */
function percentOf(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

/** d′ or c to two decimals, with a real minus sign. */
export function figure(value: number, signed = false): string {
  const text = Math.abs(value).toFixed(2);
  if (text === '0.00') return signed ? '±0.00' : '0.00';
  if (value < 0) return `−${text}`;
  return signed ? `+${text}` : text;
}

function shown(estimate: Estimate, format: (value: number) => string): ShownEstimate {
  return {
    value: format(estimate.value),
    interval: `${format(estimate.low)} to ${format(estimate.high)}`,
  };
}

/** Each student's answers to one check, in join order (the order the seed and the CSV use). */
function studentsAt(data: ClassCheckData, stage: CheckStage): StudentCheck[] {
  return data.students.map((student) => ({ student: student.playerId, responses: student.answers[stage] }));
}

/** The seed of a check's bootstrap: the class code and the check, so a reload shows the same intervals. */
export function checkSeed(code: string, stage: CheckStage | `${CheckStage}-${CheckStage}`): string {
  return `${code}:${stage}`;
}

/** One row per check: before, after and delayed. */
export function checkFiguresRows(data: ClassCheckData, code: string): CheckFiguresRow[] {
  return CHECK_STAGES.map((stage) => {
    const summary = summariseCheck(studentsAt(data, stage), checkSeed(code, stage));
    const row: CheckFiguresRow = { stage, label: STAGE_LABELS[stage], students: summary?.students ?? 0 };
    if (!summary) return row;
    return {
      ...row,
      figures: {
        hitRate: shown(summary.hitRate, percentOf),
        falseAlarmRate: shown(summary.falseAlarmRate, percentOf),
        dPrime: shown(summary.dPrime, (value) => figure(value)),
        c: shown(summary.c, (value) => figure(value)),
      },
    };
  });
}

/** Before → after and before → delayed, for the students who took both; none until someone has. */
export function checkReadings(data: ClassCheckData, code: string): CheckReadingLine[] {
  const before = studentsAt(data, 'before');
  return (['after', 'delayed'] as const).flatMap((later) => {
    const change = compareChecks(before, studentsAt(data, later), checkSeed(code, `before-${later}`));
    if (!change) return [];
    const signed = (estimate: Estimate) =>
      `${figure(estimate.value, true)} (95% interval ${figure(estimate.low, true)} to ${figure(estimate.high, true)})`;
    return [
      {
        label: `Before → ${later === 'after' ? 'after' : 'delayed'}`,
        students: change.students,
        change: `d′ ${signed(change.dPrime)}, c ${signed(change.c)}`,
        words: change.words,
      },
    ];
  });
}

/** What the panel says about the delayed check, and whether the button to open it is offered. */
export function delayedCheckText(data: ClassCheckData, code: string): { text: string; canOpen: boolean } {
  if (data.delayedOpenedAt !== null) {
    return {
      text:
        `The delayed check (form C) has been open since ${checkDate(data.delayedOpenedAt)}. Students open the game ` +
        `on the device they played on, choose Class and type ${code}. The class and its answers are kept until ` +
        `${checkDate(data.expiresAt)}.`,
      canOpen: false,
    };
  }
  return {
    text:
      `The delayed check (form C) shows what stayed. Open it ${DELAYED_CHECK_EARLIEST_DAYS} to ` +
      `${DELAYED_CHECK_LATEST_DAYS} days after the lesson: from ${checkDate(data.delayedWindow.opensAt)} to ` +
      `${checkDate(data.delayedWindow.closesAt)}. Opening it keeps the class until two weeks after that day.`,
    canOpen: true,
  };
}

/** How many students have finished each check, for the panel's first line. */
export function checkProgressText(data: ClassCheckData): string {
  const done = (stage: CheckStage) =>
    data.students.filter((student) => student.answers[stage].length >= ITEMS_PER_FORM).length;
  return CHECK_STAGES.filter((stage) => stage !== 'delayed' || data.delayedOpenedAt !== null)
    .map((stage) => `${STAGE_LABELS[stage]}: ${done(stage)} of ${data.students.length} finished`)
    .join(' · ');
}
