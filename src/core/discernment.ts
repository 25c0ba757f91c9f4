/**
 * The learning check's measure: how well a class tells accurate claims from inaccurate ones (discernment d′) apart
 * from how readily it calls claims accurate at all (response bias c), with 95 % bootstrap intervals over students.
 *
 * "Signal" is an accurate item and a "yes" is judging an item accurate: a hit is calling an accurate item accurate,
 * a false alarm is calling an inaccurate item accurate. Formulas as in Stanislaw & Todorov (1999):
 * d′ = z(H) − z(F) and c = −(z(H) + z(F)) / 2, so a positive c leans towards "not accurate" (sceptical).
 * docs/learning-check.md explains the measure to a teacher.
 */
import { createRng, nextInt, type RngState } from './rng.ts';
import { CONFIDENCE_LEVELS, type Confidence } from './wager.ts';
import type { CheckJudgement } from './checkForms.ts';

/** The coefficients of Wichura's algorithm AS241 (PPND16), highest power first. */
const AS241_CENTRAL_NUM = [
  2509.0809287301227, 33430.57558358813, 67265.7709270087, 45921.95393154987, 13731.69376550946, 1971.5909503065513,
  133.14166789178438, 3.3871328727963665,
];
const AS241_CENTRAL_DEN = [
  5226.495278852854, 28729.085735721943, 39307.89580009271, 21213.794301586597, 5394.196021424751, 687.1870074920579,
  42.31333070160091, 1,
];
const AS241_NEAR_NUM = [
  0.0007745450142783414, 0.022723844989269184, 0.2417807251774506, 1.2704582524523684, 3.6478483247632045,
  5.769497221460691, 4.630337846156546, 1.4234371107496835,
];
const AS241_NEAR_DEN = [
  1.0507500716444169e-9, 0.0005475938084995345, 0.015198666563616457, 0.14810397642748008, 0.6897673349851,
  1.6763848301838038, 2.053191626637759, 1,
];
const AS241_TAIL_NUM = [
  2.0103343992922881e-7, 0.000027115555687434876, 0.0012426609473880784, 0.026532189526576124, 0.29656057182850487,
  1.7848265399172913, 5.463784911164114, 6.657904643501103,
];
const AS241_TAIL_DEN = [
  2.0442631033899397e-15, 1.421511758316446e-7, 0.000018463183175100548, 0.0007868691311456133, 0.014875361290850615,
  0.1369298809227358, 0.599832206555888, 1,
];

function polynomial(coefficients: readonly number[], x: number): number {
  return coefficients.reduce((sum, coefficient) => sum * x + coefficient, 0);
}

/**
 * The inverse of the standard normal CDF (the z score of a probability), by Wichura's algorithm AS241
 * (Applied Statistics 37, 1988), accurate to about 1e-16. Throws for p outside (0, 1): a rate of 0 or 1 must be
 * corrected first.
 */
export function inverseNormalCdf(p: number): number {
  if (!(p > 0 && p < 1))
    throw new RangeError(`inverseNormalCdf needs a probability strictly between 0 and 1, found ${p}`);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(AS241_CENTRAL_NUM, r)) / polynomial(AS241_CENTRAL_DEN, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = polynomial(AS241_NEAR_NUM, r) / polynomial(AS241_NEAR_DEN, r);
  } else {
    r -= 5;
    x = polynomial(AS241_TAIL_NUM, r) / polynomial(AS241_TAIL_DEN, r);
  }
  return q < 0 ? -x : x;
}

// How a student judged one check item: with the forms, so a saved check is read without these rules.
export { CHECK_JUDGEMENTS, isCheckJudgement, type CheckJudgement } from './checkForms.ts';

// How sure the student was, asked after each judgement: the same three levels as the game's confidence wager.
export { CONFIDENCE_LABELS, CONFIDENCE_LEVELS, isConfidence, type Confidence } from './wager.ts';

/** One answer to one check item, with the item's truth. */
export interface CheckResponse {
  itemId: string;
  /** Whether the item's claim is accurate (from the item data, not from the student). */
  itemAccurate: boolean;
  judgement: CheckJudgement;
  confidence: Confidence;
}

/** The four outcomes of a set of judgements. */
export interface Outcomes {
  hits: number;
  misses: number;
  falseAlarms: number;
  correctRejections: number;
}

export function countOutcomes(responses: readonly CheckResponse[]): Outcomes {
  const outcomes: Outcomes = { hits: 0, misses: 0, falseAlarms: 0, correctRejections: 0 };
  for (const response of responses) {
    const saidAccurate = response.judgement === 'accurate';
    if (response.itemAccurate) {
      if (saidAccurate) outcomes.hits += 1;
      else outcomes.misses += 1;
    } else if (saidAccurate) outcomes.falseAlarms += 1;
    else outcomes.correctRejections += 1;
  }
  return outcomes;
}

/** Added to a count and (twice) to its total by the log-linear correction (Hautus 1995; Stanislaw & Todorov 1999). */
const LOG_LINEAR_ADD = 0.5;

/** The figures of one student's (or one pooled set of) judgements. */
export interface DetectionMeasures {
  /** Hits over accurate items, uncorrected (what a teacher reads). */
  hitRate: number;
  /** False alarms over inaccurate items, uncorrected. */
  falseAlarmRate: number;
  /** z(H) − z(F) on log-linear corrected rates: 0 is chance, higher tells true from false better. */
  dPrime: number;
  /** −(z(H) + z(F)) / 2 on the same rates: above 0 leans to "not accurate" (sceptical), below 0 to "accurate". */
  c: number;
}

/**
 * d′ and c with the log-linear correction: 0.5 added to the hits and false alarms and 1 to each total, for every
 * student alike (applying it to all, not only to rates of 0 and 1, keeps students comparable and every rate finite).
 * Throws when there is no accurate or no inaccurate item: the rates are then undefined.
 */
export function detectionMeasures(outcomes: Outcomes): DetectionMeasures {
  const accurateItems = outcomes.hits + outcomes.misses;
  const inaccurateItems = outcomes.falseAlarms + outcomes.correctRejections;
  if (accurateItems === 0 || inaccurateItems === 0) {
    throw new RangeError(
      `d′ needs at least one accurate and one inaccurate item, found ${accurateItems} accurate and ${inaccurateItems} inaccurate`,
    );
  }
  const correctedHit = (outcomes.hits + LOG_LINEAR_ADD) / (accurateItems + 2 * LOG_LINEAR_ADD);
  const correctedFalseAlarm = (outcomes.falseAlarms + LOG_LINEAR_ADD) / (inaccurateItems + 2 * LOG_LINEAR_ADD);
  return {
    hitRate: outcomes.hits / accurateItems,
    falseAlarmRate: outcomes.falseAlarms / inaccurateItems,
    ...dPrimeAndC(correctedHit, correctedFalseAlarm),
  };
}

/** d′ and c of a hit rate and a false-alarm rate, both strictly between 0 and 1 (correct them first). */
export function dPrimeAndC(hitRate: number, falseAlarmRate: number): { dPrime: number; c: number } {
  const zHit = inverseNormalCdf(hitRate);
  const zFalseAlarm = inverseNormalCdf(falseAlarmRate);
  return { dPrime: zHit - zFalseAlarm, c: -(zHit + zFalseAlarm) / 2 };
}

/** A class figure with its 95 % percentile bootstrap interval over students. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

/** How often a confidence level was chosen, and how often the judgement given with it was right. */
export interface ConfidenceSummary {
  level: Confidence;
  count: number;
  share: number;
  correct: number;
  /** Share of these judgements that were right; undefined when the level was never chosen. */
  accuracy?: number;
}

export function summariseConfidence(responses: readonly CheckResponse[]): ConfidenceSummary[] {
  return CONFIDENCE_LEVELS.map((level) => {
    const chosen = responses.filter((response) => response.confidence === level);
    const correct = chosen.filter((response) => (response.judgement === 'accurate') === response.itemAccurate).length;
    return {
      level,
      count: chosen.length,
      share: responses.length === 0 ? 0 : chosen.length / responses.length,
      correct,
      ...(chosen.length > 0 ? { accuracy: correct / chosen.length } : {}),
    };
  });
}

/** One student's answers to one check (before, after or delayed). */
export interface StudentCheck {
  student: string;
  responses: readonly CheckResponse[];
}

/** Resamples per interval: enough for stable 2.5 % and 97.5 % percentiles on a class. */
export const BOOTSTRAP_RESAMPLES = 2000;
export const INTERVAL_LEVEL = 0.95;

/** The value at fraction `at` of sorted values, interpolating between neighbours. */
function percentile(sorted: readonly number[], at: number): number {
  const position = at * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

const NO_OUTCOMES: Outcomes = { hits: 0, misses: 0, falseAlarms: 0, correctRejections: 0 };

export function poolOutcomes(list: readonly Outcomes[]): Outcomes {
  return list.reduce(
    (sum, next) => ({
      hits: sum.hits + next.hits,
      misses: sum.misses + next.misses,
      falseAlarms: sum.falseAlarms + next.falseAlarms,
      correctRejections: sum.correctRejections + next.correctRejections,
    }),
    NO_OUTCOMES,
  );
}

const MEASURE_KEYS = ['hitRate', 'falseAlarmRate', 'dPrime', 'c'] as const;
export type ClassMeasures = Record<(typeof MEASURE_KEYS)[number], Estimate>;

/**
 * A class's figures from its students' pooled answers, with 95 % percentile bootstrap intervals: students are drawn
 * with replacement `resamples` times from the seeded RNG (the same answers always give the same intervals). Each
 * figure of a sample comes from `measure`, given the drawn students' indices; pooling before computing d′ and c keeps
 * the log-linear correction small, where an average of 12-item students' d′ would shrink as bias grows.
 */
function bootstrapStudents(
  students: number,
  measure: (picked: readonly number[]) => DetectionMeasures,
  rng: RngState,
  resamples: number,
): ClassMeasures {
  if (students === 0) throw new RangeError('a class figure needs at least one student');
  let state = rng;
  const samples = MEASURE_KEYS.map(() => new Array<number>(resamples));
  const picked = new Array<number>(students);
  for (let r = 0; r < resamples; r += 1) {
    for (let i = 0; i < students; i += 1) [picked[i], state] = nextInt(state, students);
    const measures = measure(picked);
    MEASURE_KEYS.forEach((key, k) => (samples[k]![r] = measures[key]));
  }
  const everyone = measure(Array.from({ length: students }, (_, i) => i));
  const tail = (1 - INTERVAL_LEVEL) / 2;
  return Object.fromEntries(
    MEASURE_KEYS.map((key, k) => {
      const sorted = samples[k]!.sort((a, b) => a - b);
      return [key, { value: everyone[key], low: percentile(sorted, tail), high: percentile(sorted, 1 - tail) }];
    }),
  ) as ClassMeasures;
}

/** The figures of a class's pooled outcomes, each with its 95 % interval over students. */
export function classMeasures(
  outcomes: readonly Outcomes[],
  rng: RngState,
  resamples = BOOTSTRAP_RESAMPLES,
): ClassMeasures {
  return bootstrapStudents(
    outcomes.length,
    (picked) => detectionMeasures(poolOutcomes(picked.map((i) => outcomes[i]!))),
    rng,
    resamples,
  );
}

/** A class's figures for one check. */
export interface CheckSummary extends ClassMeasures {
  /** Students counted: those who have answered at least one accurate and one inaccurate item. */
  students: number;
  confidence: ConfidenceSummary[];
}

/** Each student's own figures (for a summary row per student); students without both kinds of item are left out. */
export function studentMeasures(students: readonly StudentCheck[]): { student: string; measures: DetectionMeasures }[] {
  return students.flatMap((entry) => {
    const outcomes = countOutcomes(entry.responses);
    if (outcomes.hits + outcomes.misses === 0 || outcomes.falseAlarms + outcomes.correctRejections === 0) return [];
    return [{ student: entry.student, measures: detectionMeasures(outcomes) }];
  });
}

function hasBothKinds(outcomes: Outcomes): boolean {
  return outcomes.hits + outcomes.misses > 0 && outcomes.falseAlarms + outcomes.correctRejections > 0;
}

/**
 * The class's figures for one check, from its students' answers pooled, with 95 % intervals over students. A student
 * counts once they have judged at least one accurate and one inaccurate item; undefined until one has.
 */
export function summariseCheck(
  students: readonly StudentCheck[],
  seed: string | number,
  resamples = BOOTSTRAP_RESAMPLES,
): CheckSummary | undefined {
  const answered = students.filter((entry) => hasBothKinds(countOutcomes(entry.responses)));
  const outcomes = answered.map((entry) => countOutcomes(entry.responses));
  if (answered.length === 0) return undefined;
  return {
    students: answered.length,
    ...classMeasures(outcomes, createRng(seed), resamples),
    confidence: summariseConfidence(answered.flatMap((entry) => entry.responses)),
  };
}

/** What changed between two checks, in the terms a teacher reads. */
export type ChangeReading =
  'better-discernment' | 'worse-discernment' | 'more-sceptical' | 'more-trusting' | 'no-clear-change';

export interface CheckChange {
  /** Students who took both checks. */
  students: number;
  /** The change in the class's d′ (later minus earlier), with its 95 % interval. */
  dPrime: Estimate;
  /** The change in the class's c, with its 95 % interval. */
  c: Estimate;
  reading: ChangeReading;
  /** The reading and its caveat in plain words, for the host page and the player's report. */
  words: string;
}

export const PRACTICE_CAVEAT =
  'Without a comparison class that took the same checks without the lesson, any gain also includes practice: ' +
  'having seen one check already, and simply thinking about the topic again.';

const READING_WORDS: Record<ChangeReading, string> = {
  'better-discernment':
    'Better at telling true from false: students called accurate claims accurate and inaccurate claims inaccurate more often.',
  'worse-discernment': 'Worse at telling true from false than before.',
  'more-sceptical':
    'More sceptical of everything, not better at telling true from false: students called more claims inaccurate, the accurate ones included.',
  'more-trusting':
    'More trusting of everything, not better at telling true from false: students called more claims accurate, the inaccurate ones included.',
  'no-clear-change': 'No clear change: the differences are within what chance alone could give.',
};

/**
 * Compares two checks of the same students (before → after, or before → delayed), by the change in the class's
 * pooled d′ and c, resampling the students who took both. A change counts only when its 95 % interval leaves out
 * zero; a change in d′ comes first, since a class that discerns better may also shift its bias.
 */
export function compareChecks(
  earlier: readonly StudentCheck[],
  later: readonly StudentCheck[],
  seed: string | number,
  resamples = BOOTSTRAP_RESAMPLES,
): CheckChange | undefined {
  const before = new Map(earlier.map((entry) => [entry.student, countOutcomes(entry.responses)]));
  const pairs = later.flatMap((entry) => {
    const first = before.get(entry.student);
    const second = countOutcomes(entry.responses);
    return first && hasBothKinds(first) && hasBothKinds(second) ? [{ first, second }] : [];
  });
  if (pairs.length === 0) return undefined;
  const change = bootstrapStudents(
    pairs.length,
    (picked) => {
      const first = detectionMeasures(poolOutcomes(picked.map((i) => pairs[i]!.first)));
      const second = detectionMeasures(poolOutcomes(picked.map((i) => pairs[i]!.second)));
      return {
        hitRate: second.hitRate - first.hitRate,
        falseAlarmRate: second.falseAlarmRate - first.falseAlarmRate,
        dPrime: second.dPrime - first.dPrime,
        c: second.c - first.c,
      };
    },
    createRng(seed),
    resamples,
  );
  const reading = readChange(change.dPrime, change.c);
  return {
    students: pairs.length,
    dPrime: change.dPrime,
    c: change.c,
    reading,
    words: `${READING_WORDS[reading]} ${PRACTICE_CAVEAT}`,
  };
}

function readChange(dPrime: Estimate, c: Estimate): ChangeReading {
  if (dPrime.low > 0) return 'better-discernment';
  if (dPrime.high < 0) return 'worse-discernment';
  if (c.low > 0) return 'more-sceptical';
  if (c.high < 0) return 'more-trusting';
  return 'no-clear-change';
}

/** The words for a reading, without the caveat (for a legend or a short label). */
export function changeReadingWords(reading: ChangeReading): string {
  return READING_WORDS[reading];
}
