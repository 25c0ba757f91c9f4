/**
 * The learning check played alone ("Check yourself"): the checked checks.json the game plays the forms from, and the
 * player's figures and reading. Which form is due and the saved answers are in savedChecks.ts.
 * Form A comes before the first round, form B after five rounds (or whenever the player asks), form C a week after
 * B. docs/learning-check.md explains the measure.
 */
import { ACCURATE_PER_FORM, CHECK_FORMS, ITEMS_PER_FORM, type CheckForm } from './checkForms';
import type { CheckItem, CheckSet } from './checkItems';
import {
  changeReadingWords,
  compareChecks,
  countOutcomes,
  detectionMeasures,
  summariseConfidence,
  type ChangeReading,
  type ConfidenceSummary,
  type DetectionMeasures,
  type Outcomes,
} from './discernment';
import { isRecord, type SavedCheck } from './savedChecks';

/** What each form measures for a player alone: before the rounds, after them, and a week later. */
export const FORM_STAGES: Record<CheckForm, string> = { A: 'Before', B: 'After', C: 'A week later' };

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
