/**
 * The player's saved learning checks as the device keeps them, and which form is open or due: the title reads
 * these on its first frame, so they stand apart from the check's figures and its checks.json (selfCheck.ts).
 */
import { isCheckForm, isCheckJudgement, ITEMS_PER_FORM, type CheckForm } from './checkForms';
import type { CheckResponse } from './discernment';
import { isConfidence } from './wager';

/** Rounds played after form A before form B is offered on the title. */
export const ROUNDS_BEFORE_SECOND_CHECK = 5;
/** How long after form B the delayed check (form C) is offered. */
export const DELAYED_CHECK_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/** One answer as saved: with the item's truth at the time, so the figures never depend on a later checks.json. */
export type SavedAnswer = CheckResponse;

/** One check the player finished. */
export interface SavedCheck {
  form: CheckForm;
  /** When it was finished (ms since 1970, from the wall clock). */
  takenAt: number;
  /** Rounds the player had finished by then (form B is offered five rounds after form A). */
  roundsBefore: number;
  answers: SavedAnswer[];
}

/** Everything the device keeps about the player's checks. */
export interface SelfCheckData {
  taken: SavedCheck[];
  /** Rounds finished on this device, counted from the first visit with checks. */
  roundsFinished: number;
  /** The player declined form A before their first round (it stays open on the title). */
  skippedBefore: boolean;
}

export const EMPTY_SELF_CHECKS: SelfCheckData = { taken: [], roundsFinished: 0, skippedBefore: false };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Why a saved check cannot be read, or undefined when it can. */
function savedCheckProblem(raw: unknown): string | undefined {
  if (!isRecord(raw)) return 'is not a mapping';
  if (!isCheckForm(raw.form)) return `has no form A, B or C (found ${JSON.stringify(raw.form)})`;
  if (typeof raw.takenAt !== 'number' || !Number.isFinite(raw.takenAt)) return 'has no time it was taken';
  if (!isCount(raw.roundsBefore)) return 'has no count of rounds before it';
  if (!Array.isArray(raw.answers) || raw.answers.length !== ITEMS_PER_FORM) {
    return `must hold ${ITEMS_PER_FORM} answers`;
  }
  const bad = raw.answers.findIndex(
    (answer) =>
      !isRecord(answer) ||
      typeof answer.itemId !== 'string' ||
      typeof answer.itemAccurate !== 'boolean' ||
      !isCheckJudgement(answer.judgement) ||
      !isConfidence(answer.confidence),
  );
  return bad >= 0 ? `answer ${bad + 1} is not an item id with its truth, a judgement and a confidence` : undefined;
}

/**
 * Reads the saved checks; whatever cannot be read is dropped and named in `problems` (never thrown), so a damaged
 * save costs that check, not the game.
 */
export function parseSelfChecks(raw: string | null): { data: SelfCheckData; problems: string[] } {
  if (raw === null) return { data: { ...EMPTY_SELF_CHECKS, taken: [] }, problems: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { data: { ...EMPTY_SELF_CHECKS, taken: [] }, problems: ['the saved checks are not valid JSON'] };
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.taken)) {
    return { data: { ...EMPTY_SELF_CHECKS, taken: [] }, problems: ['the saved checks have no list of checks taken'] };
  }
  const problems: string[] = [];
  const taken: SavedCheck[] = [];
  parsed.taken.forEach((entry, index) => {
    const problem = savedCheckProblem(entry);
    if (problem) return problems.push(`saved check ${index + 1} ${problem}`);
    const check = entry as SavedCheck;
    if (taken.some((other) => other.form === check.form)) {
      return problems.push(`saved check ${index + 1} repeats form ${check.form}`);
    }
    taken.push({
      form: check.form,
      takenAt: check.takenAt,
      roundsBefore: check.roundsBefore,
      answers: check.answers.map(({ itemId, itemAccurate, judgement, confidence }) => ({
        itemId,
        itemAccurate,
        judgement,
        confidence,
      })),
    });
  });
  let roundsFinished = 0;
  if (isCount(parsed.roundsFinished)) roundsFinished = parsed.roundsFinished;
  else problems.push('the saved count of rounds is not a whole number');
  const skippedBefore = parsed.skippedBefore === true;
  return { data: { taken, roundsFinished, skippedBefore }, problems };
}

export function takenForm(data: SelfCheckData, form: CheckForm): SavedCheck | undefined {
  return data.taken.find((check) => check.form === form);
}

/** Whether to offer form A as the player starts a round: before their first, unless they declined it. */
export function offerBeforeFirstRound(data: SelfCheckData): boolean {
  return data.roundsFinished === 0 && !data.skippedBefore && !takenForm(data, 'A');
}

/**
 * The form the player can take next, in order A, B, C: B whenever they ask once A is done, C once a week has passed
 * since B. Undefined when every form is done, or C is not yet open.
 */
export function nextForm(data: SelfCheckData, now: number): CheckForm | undefined {
  if (!takenForm(data, 'A')) return 'A';
  const after = takenForm(data, 'B');
  if (!after) return 'B';
  if (!takenForm(data, 'C') && now - after.takenAt >= DELAYED_CHECK_AFTER_MS) return 'C';
  return undefined;
}

/**
 * Whether the title should say a check is due (not merely open): form B after five rounds since A, form C a week
 * after B. Form A is offered as the first round starts instead.
 */
export function checkIsDue(data: SelfCheckData, now: number): boolean {
  const form = nextForm(data, now);
  if (form === 'C') return true;
  const before = takenForm(data, 'A');
  return (
    form === 'B' && before !== undefined && data.roundsFinished - before.roundsBefore >= ROUNDS_BEFORE_SECOND_CHECK
  );
}

/** When form C opens (ms), once B is taken. */
export function delayedCheckOpensAt(data: SelfCheckData): number | undefined {
  const after = takenForm(data, 'B');
  return after && !takenForm(data, 'C') ? after.takenAt + DELAYED_CHECK_AFTER_MS : undefined;
}
