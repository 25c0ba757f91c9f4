/**
 * The learning check in class: when each of a student's three checks (before, after, delayed) is open, which form
 * each one deals, the window in which the teacher may open the delayed check, and the messages the server, the
 * game and the host page share. Pure rules; the measure itself is in discernment.ts, docs/learning-check.md
 * explains it to a teacher.
 */
import type { CheckForm } from './checkForms';
import { formOrderForJoin } from './checkItems';
import type { CheckJudgement, CheckResponse, Confidence } from './discernment';
import type { Excerpt } from './types';

export const CHECK_STAGES = ['before', 'after', 'delayed'] as const;
export type CheckStage = (typeof CHECK_STAGES)[number];

export function isCheckStage(value: unknown): value is CheckStage {
  return (CHECK_STAGES as readonly unknown[]).includes(value);
}

/** What each check is called on the host page, the student's screens and in the CSV. */
export const STAGE_LABELS: Record<CheckStage, string> = {
  before: 'Before the lesson',
  after: 'After the lesson',
  delayed: 'Delayed',
};

/** Each check in a sentence ("… is done"). */
export const STAGE_NAMES: Record<CheckStage, string> = {
  before: 'the check before the lesson',
  after: 'the check after the lesson',
  delayed: 'the delayed check',
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** The delayed check can be opened from one week after the class was created… */
export const DELAYED_CHECK_EARLIEST_DAYS = 7;
/** …to four weeks after: later, what it measures is no longer this lesson's trace. */
export const DELAYED_CHECK_LATEST_DAYS = 28;
/**
 * Opening the delayed check keeps the class at least this long from then: a week for the students to take it, and
 * a week for the teacher to read and export the results.
 */
export const DELAYED_CHECK_KEEP_DAYS = 14;

/** The form a student takes at each stage: the one they took first (A or B, by join order), the other, then C. */
export function formForStage(firstForm: CheckForm, stage: CheckStage): CheckForm {
  if (stage === 'delayed') return 'C';
  if (stage === 'before') return firstForm;
  return firstForm === 'A' ? 'B' : 'A';
}

/** The first form of the student who joins in position `joinIndex` (0 for the first), counterbalanced A/B. */
export function firstFormForJoin(joinIndex: number): CheckForm {
  return formOrderForJoin(joinIndex).before;
}

/** Where the student is in the lesson, as the server knows it. */
export interface StudentLessonState {
  /** Whether any question of the round has been served to them. */
  started: boolean;
  /** Whether they are past the last question, or the class has ended. */
  lessonOver: boolean;
  /** When the teacher opened the delayed check, or null. */
  delayedOpenedAt: number | null;
}

/** Why a check is not open to a student, or undefined when it is. */
export function stageClosedReason(stage: CheckStage, state: StudentLessonState): string | undefined {
  if (stage === 'before') {
    if (state.started) return 'The before check closes once your first question is served.';
    if (state.delayedOpenedAt !== null) return 'The before check is over: the delayed check is open now.';
    return undefined;
  }
  if (stage === 'after') {
    if (state.delayedOpenedAt !== null) return 'The after check closed when the teacher opened the delayed check.';
    if (!state.lessonOver) return 'The after check opens once you have answered the last question.';
    return undefined;
  }
  if (state.delayedOpenedAt === null) return 'The teacher has not opened the delayed check.';
  return undefined;
}

/** The check a student should take now: the first open one they have not finished, or undefined. */
export function dueStage(state: StudentLessonState, finished: ReadonlySet<CheckStage>): CheckStage | undefined {
  return CHECK_STAGES.find((stage) => !finished.has(stage) && stageClosedReason(stage, state) === undefined);
}

/** When the delayed check may first and last be opened, for a class created at `createdAt`. */
export function delayedCheckWindow(createdAt: number): { opensAt: number; closesAt: number } {
  return {
    opensAt: createdAt + DELAYED_CHECK_EARLIEST_DAYS * DAY_MS,
    closesAt: createdAt + DELAYED_CHECK_LATEST_DAYS * DAY_MS,
  };
}

/** The date of a time as a reader meets it ("9 March 2026", in UTC, the server's clock). */
export function checkDate(time: number): string {
  return new Date(time).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export type DelayedCheckRefusalCode = 'delayed-too-early' | 'delayed-too-late';

/** Why the delayed check cannot be opened now, with a code for programs, or undefined when it can. */
export function delayedCheckRefusal(
  createdAt: number,
  now: number,
): { code: DelayedCheckRefusalCode; message: string } | undefined {
  const { opensAt, closesAt } = delayedCheckWindow(createdAt);
  if (now < opensAt) {
    return {
      code: 'delayed-too-early',
      message:
        `The delayed check can be opened from ${DELAYED_CHECK_EARLIEST_DAYS} days after the lesson, on ` +
        `${checkDate(opensAt)}: a check the next day measures memory of the lesson, not what stayed.`,
    };
  }
  if (now > closesAt) {
    return {
      code: 'delayed-too-late',
      message:
        `The delayed check could be opened until ${DELAYED_CHECK_LATEST_DAYS} days after the lesson (${checkDate(closesAt)}); ` +
        'this class is older.',
    };
  }
  return undefined;
}

/** The class's new expiry once the delayed check is opened at `now`: never earlier than it was. */
export function expiryWithDelayedCheck(expiresAt: number, now: number): number {
  return Math.max(expiresAt, now + DELAYED_CHECK_KEEP_DAYS * DAY_MS);
}

// ——— What the server sends ———

/** A claim as a student meets it during a check: no truth, no evidence. */
export interface CheckItemShown {
  id: string;
  statement: string;
}

/** One claim of a finished check, with the student's answer and its evidence. */
export interface CheckItemResult {
  itemId: string;
  statement: string;
  accurate: boolean;
  judgement: CheckJudgement;
  confidence: Confidence;
  evidence: Excerpt[];
  explanation: string;
}

/** A check the student has finished. */
export interface TakenCheck {
  stage: CheckStage;
  form: CheckForm;
  results: CheckItemResult[];
}

/** The student's learning check in a class: the check open to them now (if any), and the ones they finished. */
export interface PlayerCheckView {
  /** False when the class was created without a check: nothing else is sent. */
  enabled: boolean;
  /** The check to take now, its form and claims, and which claims are already answered. */
  due?: { stage: CheckStage; form: CheckForm; items: CheckItemShown[]; answered: string[] };
  taken: TakenCheck[];
}

/** The reply to one check answer: how far the check is, and its results once the last claim is in. */
export interface CheckAnswerReply {
  stage: CheckStage;
  answered: number;
  total: number;
  /** Only once every claim of the check is answered. */
  taken?: TakenCheck;
}

/** One student's answers, for the host page (which computes the class's figures from them). */
export interface StudentChecks {
  playerId: string;
  nickname: string;
  /** The form they took (or take) before the lesson. */
  firstForm: CheckForm;
  answers: Record<CheckStage, CheckResponse[]>;
}

/** The class's learning check for its teacher. */
export interface ClassCheckData {
  enabled: boolean;
  /** When the delayed check was opened, or null. */
  delayedOpenedAt: number | null;
  /** When the delayed check may be opened (from creation: 7 to 28 days). */
  delayedWindow: { opensAt: number; closesAt: number };
  /** When the class and its answers are deleted. */
  expiresAt: number;
  /** In join order: the order the CSV and the bootstrap's seed use. */
  students: StudentChecks[];
}

/** How many students have finished each check, in the dashboard's snapshot (the host page fetches the rest). */
export type CheckProgress = Record<CheckStage, number> & { answers: number; delayedOpenedAt: number | null };
