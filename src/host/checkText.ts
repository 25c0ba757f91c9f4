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
  type CheckStage,
  type ClassCheckData,
} from '../core/classCheck';
import { ITEMS_PER_FORM } from '../core/checkForms';
import { compareChecks, summariseCheck, type Estimate, type StudentCheck } from '../core/discernment';
import { hostTranslator, t } from './hostLanguage';

/** A check by the name its row in the table has. */
export function stageLabel(stage: CheckStage): string {
  return t(`host:checks.stage.${stage}`);
}

/** A day in the delayed check's sentences: "6 December 2026", "6 de diciembre de 2026". */
function checkDay(time: number): string {
  const translator = hostTranslator();
  // English keeps the day-first date the page has always shown.
  return translator.language === 'en' ? checkDate(time) : translator.formatDate(new Date(time));
}

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
  return hostTranslator().formatNumber(rate, { style: 'percent', maximumFractionDigits: 0 });
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
    interval: t('host:checks.interval', { low: format(estimate.low), high: format(estimate.high) }),
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
    const row: CheckFiguresRow = { stage, label: stageLabel(stage), students: summary?.students ?? 0 };
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
      t('host:checks.signed', {
        value: figure(estimate.value, true),
        low: figure(estimate.low, true),
        high: figure(estimate.high, true),
      });
    return [
      {
        label: t(`host:checks.comparison.${later}`),
        students: change.students,
        change: t('host:checks.change', { dPrime: signed(change.dPrime), c: signed(change.c) }),
        // The reading is core's; its words are the page's language.
        words: `${t(`host:checks.reading.${change.reading}`)} ${t('host:checks.practiceCaveat')}`,
      },
    ];
  });
}

/** What the panel says about the delayed check, and whether the button to open it is offered. */
export function delayedCheckText(data: ClassCheckData, code: string): { text: string; canOpen: boolean } {
  if (data.delayedOpenedAt !== null) {
    return {
      text: t('host:checks.delayedOpen', {
        since: checkDay(data.delayedOpenedAt),
        code,
        until: checkDay(data.expiresAt),
      }),
      canOpen: false,
    };
  }
  return {
    text: t('host:checks.delayedClosed', {
      earliest: DELAYED_CHECK_EARLIEST_DAYS,
      latest: DELAYED_CHECK_LATEST_DAYS,
      from: checkDay(data.delayedWindow.opensAt),
      to: checkDay(data.delayedWindow.closesAt),
    }),
    canOpen: true,
  };
}

/** How many students have finished each check, for the panel's first line. */
export function checkProgressText(data: ClassCheckData): string {
  const done = (stage: CheckStage) =>
    data.students.filter((student) => student.answers[stage].length >= ITEMS_PER_FORM).length;
  return CHECK_STAGES.filter((stage) => stage !== 'delayed' || data.delayedOpenedAt !== null)
    .map((stage) =>
      t('host:checks.progress', { stage: stageLabel(stage), done: done(stage), students: data.students.length }),
    )
    .join(' · ');
}
