/**
 * The learning check played alone ("Check yourself"): which form is due, the checked checks.json the game plays
 * them from, the player's saved answers, and their figures and reading. Form A comes before the first round,
 * form B after five rounds (or whenever the player asks), form C a week after B. docs/learning-check.md explains
 * the measure.
 */
import { ACCURATE_PER_FORM, CHECK_FORMS, isCheckForm, ITEMS_PER_FORM, type CheckForm } from './checkForms';
import type { CheckItem, CheckSet } from './checkItems';
import {
  changeReadingWords,
  compareChecks,
  countOutcomes,
  detectionMeasures,
  isCheckJudgement,
  isConfidence,
  summariseConfidence,
  type ChangeReading,
  type CheckResponse,
  type ConfidenceSummary,
  type DetectionMeasures,
  type Outcomes,
} from './discernment';

/** Rounds played after form A before form B is offered on the title. */
export const ROUNDS_BEFORE_SECOND_CHECK = 5;
/** How long after form B the delayed check (form C) is offered. */
export const DELAYED_CHECK_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/** What each form measures for a player alone: before the rounds, after them, and a week later. */
export const FORM_STAGES: Record<CheckForm, string> = { A: 'Before', B: 'After', C: 'A week later' };

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

function isRecord(value: unknown): value is Record<string, unknown> {
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

function checkItemProblem(raw: unknown): string | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string') return 'has no id';
  if (typeof raw.statement !== 'string' || raw.statement.trim() === '') return `("${raw.id}") has no statement`;
  if (typeof raw.accurate !== 'boolean') return `("${raw.id}") does not say whether it is accurate`;
  if (typeof raw.explanation !== 'string') return `("${raw.id}") has no explanation`;
  const evidence = raw.evidence;
  if (
    !Array.isArray(evidence) ||
    evidence.length === 0 ||
    !evidence.every(
      (excerpt) => isRecord(excerpt) && typeof excerpt.source === 'string' && typeof excerpt.quote === 'string',
    )
  ) {
    return `("${raw.id}") has no evidence`;
  }
  return undefined;
}

/**
 * Checks the downloaded checks.json before the game trusts it (validated at build time, but a proxy, a stale cache
 * or a hand edit can still hand the game something else): every item readable, each form 12 known items, half of
 * them accurate.
 */
export function checkCheckSet(data: unknown): { checks: CheckSet; error?: undefined } | { error: string } {
  if (!isRecord(data) || !Array.isArray(data.items) || !isRecord(data.forms)) {
    return { error: 'checks.json lacks its items or forms' };
  }
  const byId = new Map<string, CheckItem>();
  for (const [index, raw] of data.items.entries()) {
    const problem = checkItemProblem(raw);
    if (problem) return { error: `checks.json, item ${index + 1} ${problem}` };
    byId.set((raw as CheckItem).id, raw as CheckItem);
  }
  const forms = {} as Record<CheckForm, string[]>;
  for (const form of CHECK_FORMS) {
    const ids: unknown = data.forms[form];
    if (
      !Array.isArray(ids) ||
      ids.length !== ITEMS_PER_FORM ||
      !ids.every((id) => typeof id === 'string' && byId.has(id))
    ) {
      return { error: `checks.json, form ${form} is not ${ITEMS_PER_FORM} known items` };
    }
    const accurate = ids.filter((id) => byId.get(id as string)!.accurate).length;
    if (accurate !== ACCURATE_PER_FORM) {
      return { error: `checks.json, form ${form} holds ${accurate} accurate items, not ${ACCURATE_PER_FORM}` };
    }
    forms[form] = ids as string[];
  }
  return { checks: { items: [...byId.values()], forms } };
}

/** One check's figures for the player. */
export interface CheckFigures {
  form: CheckForm;
  outcomes: Outcomes;
  /** Undefined when the answers do not hold both kinds of item (never for a whole form). */
  measures?: DetectionMeasures;
  confidence: ConfidenceSummary[];
}

export function checkFigures(check: SavedCheck): CheckFigures {
  const responses = check.answers;
  const outcomes = countOutcomes(responses);
  const bothKinds = outcomes.hits + outcomes.misses > 0 && outcomes.falseAlarms + outcomes.correctRejections > 0;
  return {
    form: check.form,
    outcomes,
    ...(bothKinds ? { measures: detectionMeasures(outcomes) } : {}),
    confidence: summariseConfidence(responses),
  };
}

export const SMALL_SAMPLE_NOTE =
  'Twelve claims a check is a small sample: one player’s d′ and c move by chance alone, so read this as a hint, not a verdict.';

/** Resampling one player only ever draws that player: one resample gives the same (point) figures as many. */
const ONE_PLAYER_RESAMPLES = 1;

/** The reading of a change from one of the player's checks to a later one, with the small-sample caveat. */
export function readPlayerChange(
  earlier: SavedCheck,
  later: SavedCheck,
): { reading: ChangeReading; dPrime: number; c: number; words: string } | undefined {
  const player = (check: SavedCheck) => [{ student: 'you', responses: check.answers }];
  const change = compareChecks(player(earlier), player(later), 'you', ONE_PLAYER_RESAMPLES);
  if (!change) return undefined;
  return {
    reading: change.reading,
    dPrime: change.dPrime.value,
    c: change.c.value,
    words: `${changeReadingWords(change.reading)} ${SMALL_SAMPLE_NOTE}`,
  };
}
