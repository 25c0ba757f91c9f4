import { describe, expect, it } from 'vitest';
import {
  changeReadingWords,
  classMeasures,
  compareChecks,
  countOutcomes,
  detectionMeasures,
  dPrimeAndC,
  inverseNormalCdf,
  poolOutcomes,
  PRACTICE_CAVEAT,
  summariseCheck,
  summariseConfidence,
  type CheckResponse,
  type Outcomes,
  type StudentCheck,
} from '../../src/core/discernment';
import { createRng, type RngState } from '../../src/core/rng';
import { normalDraw, simulateAnswers } from '../simulatedStudents';

describe('the inverse normal CDF (Wichura AS241)', () => {
  it('matches published z values in the centre and both tails', () => {
    // Reference values: Python's statistics.NormalDist().inv_cdf, itself AS241, and any printed normal table.
    const cases: [number, number][] = [
      [0.5, 0],
      [0.8, 0.8416212335729144],
      [0.975, 1.9599639845400536],
      [0.3, -0.5244005127080407],
      [0.02425, -1.9729610513118845],
      [0.01, -2.3263478740408408],
      [0.001, -3.090232306167813],
      [0.999999, 4.753424308817089],
      [1e-10, -6.361340902404056],
    ];
    for (const [p, z] of cases) expect(inverseNormalCdf(p)).toBeCloseTo(z, 12);
  });

  it('refuses rates of 0 and 1 instead of returning infinity', () => {
    expect(() => inverseNormalCdf(0)).toThrow(/strictly between 0 and 1/);
    expect(() => inverseNormalCdf(1)).toThrow(/strictly between 0 and 1/);
    expect(() => inverseNormalCdf(Number.NaN)).toThrow(/strictly between 0 and 1/);
  });
});

function responses(accurate: [number, number], inaccurate: [number, number]): CheckResponse[] {
  // [judged accurate, judged not accurate] for the accurate items, then for the inaccurate ones.
  const make = (itemAccurate: boolean, saidAccurate: boolean, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      itemId: `${itemAccurate ? 'a' : 'n'}-${saidAccurate ? 'y' : 'n'}-${i}`,
      itemAccurate,
      judgement: saidAccurate ? ('accurate' as const) : ('not-accurate' as const),
      confidence: 'think-so' as const,
    }));
  return [
    ...make(true, true, accurate[0]),
    ...make(true, false, accurate[1]),
    ...make(false, true, inaccurate[0]),
    ...make(false, false, inaccurate[1]),
  ];
}

describe('d′ and c against worked examples', () => {
  it('Stanislaw & Todorov (1999), sample data: 50 of 50 hits and 17 of 25 false alarms', () => {
    // Their yes/no sample data (as also reproduced in the Statistics::SDT documentation, which gives d′ = 1.86):
    // the perfect hit rate replaced by 1 − 1/(2N) = .99; F = 17/25 = .68.
    // d′ = z(.99) − z(.68) = 2.326 − 0.468 = 1.86; c = −(2.326 + 0.468)/2 = −1.40.
    const { dPrime, c } = dPrimeAndC(0.99, 0.68);
    expect(dPrime).toBeCloseTo(1.86, 2);
    expect(c).toBeCloseTo(-1.4, 2);
  });

  it('the same data with the log-linear correction (Hautus 1995, as given in Stanislaw & Todorov 1999)', () => {
    // H = (50 + .5)/(50 + 1) = .9902, F = (17 + .5)/(25 + 1) = .6731: d′ = 1.885, c = −1.391.
    const measures = detectionMeasures(countOutcomes(responses([50, 0], [17, 8])));
    expect(measures.hitRate).toBe(1);
    expect(measures.falseAlarmRate).toBeCloseTo(0.68, 10);
    expect(measures.dPrime).toBeCloseTo(1.8853, 3);
    expect(measures.c).toBeCloseTo(-1.3911, 3);
  });

  it('an unbiased observer, worked from the definitions in Macmillan & Creelman (2005): H = .8, F = .2 give d′ = 1.68, c = 0', () => {
    const { dPrime, c } = dPrimeAndC(0.8, 0.2);
    expect(dPrime).toBeCloseTo(1.683, 3);
    expect(c).toBeCloseTo(0, 10);
  });

  it('the same sensitivity with opposite biases: H = .9, F = .3 and H = .7, F = .1 (z from a normal table)', () => {
    // z(.9) = 1.2816, z(.3) = −0.5244, z(.7) = 0.5244, z(.1) = −1.2816.
    const liberal = dPrimeAndC(0.9, 0.3);
    const conservative = dPrimeAndC(0.7, 0.1);
    expect(liberal.dPrime).toBeCloseTo(1.806, 3);
    expect(conservative.dPrime).toBeCloseTo(1.806, 3);
    expect(liberal.c).toBeCloseTo(-0.379, 3);
    expect(conservative.c).toBeCloseTo(0.379, 3);
  });

  it('corrects perfect rates: all 6 accurate items called accurate and no inaccurate one', () => {
    // H = 6.5/7 = .9286, F = 0.5/7 = .0714: d′ = 2 × 1.4652 = 2.930, c = 0; uncorrected d′ would be infinite.
    const measures = detectionMeasures(countOutcomes(responses([6, 0], [0, 6])));
    expect(measures.hitRate).toBe(1);
    expect(measures.falseAlarmRate).toBe(0);
    expect(measures.dPrime).toBeCloseTo(2.9305, 3);
    expect(measures.c).toBeCloseTo(0, 10);
  });

  it('corrects the reverse perfect case and calling everything accurate', () => {
    expect(detectionMeasures(countOutcomes(responses([0, 6], [6, 0]))).dPrime).toBeCloseTo(-2.9305, 3);
    const yesToAll = detectionMeasures(countOutcomes(responses([6, 0], [6, 0])));
    expect(yesToAll.dPrime).toBeCloseTo(0, 10);
    expect(yesToAll.c).toBeCloseTo(-1.4652, 3);
    const noToAll = detectionMeasures(countOutcomes(responses([0, 6], [0, 6])));
    expect(noToAll.c).toBeCloseTo(1.4652, 3);
  });

  it('applies the correction to every student, not only at 0 and 1: 5 of 6 hits, 1 of 6 false alarms', () => {
    // H = 5.5/7 = .7857, F = 1.5/7 = .2143: d′ = 1.583.
    expect(detectionMeasures(countOutcomes(responses([5, 1], [1, 5]))).dPrime).toBeCloseTo(1.5833, 3);
  });

  it('refuses a set without an accurate or without an inaccurate item, naming the counts', () => {
    expect(() => detectionMeasures(countOutcomes(responses([3, 3], [0, 0])))).toThrow(/0 inaccurate/);
  });
});

describe('confidence ratings', () => {
  it('counts each level and how often it went with a right judgement', () => {
    const answers: CheckResponse[] = [
      { itemId: 'a', itemAccurate: true, judgement: 'accurate', confidence: 'sure' },
      { itemId: 'b', itemAccurate: false, judgement: 'accurate', confidence: 'sure' },
      { itemId: 'c', itemAccurate: false, judgement: 'not-accurate', confidence: 'guessing' },
      { itemId: 'd', itemAccurate: true, judgement: 'accurate', confidence: 'sure' },
    ];
    expect(summariseConfidence(answers)).toEqual([
      { level: 'sure', count: 3, share: 0.75, correct: 2, accuracy: 2 / 3 },
      { level: 'think-so', count: 0, share: 0, correct: 0 },
      { level: 'guessing', count: 1, share: 0.25, correct: 1, accuracy: 1 },
    ]);
  });
});

const ITEMS_PER_KIND = 6;
/** A check of 6 accurate and 6 inaccurate items. */
const ITEMS = Array.from({ length: 2 * ITEMS_PER_KIND }, (_, i) => ({ id: `item-${i}`, accurate: i < ITEMS_PER_KIND }));

/** A student of true discernment d and bias c answers 6 accurate and 6 inaccurate items. */
function simulateStudent(name: string, d: number, c: number, state: RngState): [StudentCheck, RngState] {
  const [responses, next] = simulateAnswers(ITEMS, d, c, state);
  return [{ student: name, responses }, next];
}

/** A student drawn from a class whose discernment and bias vary around the given means. */
function simulateVariedStudent(name: string, state: RngState): [StudentCheck, RngState] {
  const [dNoise, s1] = normalDraw(state);
  const [cNoise, s2] = normalDraw(s1);
  return simulateStudent(name, 1 + 0.5 * dNoise, 0.2 + 0.3 * cNoise, s2);
}

describe('the 95 % bootstrap interval over students', () => {
  it('covers the population’s d′ and c in close to 95 % of 1,000 simulated classes of 25 students', () => {
    // Students vary around d′ = 1 and c = 0.2. The class figure pools its students' answers, so the interval is
    // judged against the same figure for a population of 200,000 such students.
    let state = createRng('population');
    const population: Outcomes[] = [];
    for (let i = 0; i < 200_000; i += 1) {
      let student: StudentCheck;
      [student, state] = simulateVariedStudent(`p${i}`, state);
      population.push(countOutcomes(student.responses));
    }
    const truth = detectionMeasures(poolOutcomes(population));

    const classes = 1000;
    const classSize = 25;
    // 400 resamples per class (the game uses 2,000) keeps the test to a few seconds.
    const resamples = 400;
    const covered = { dPrime: 0, c: 0 };
    let classState = createRng('classes');
    for (let k = 0; k < classes; k += 1) {
      const outcomes: Outcomes[] = [];
      for (let i = 0; i < classSize; i += 1) {
        let student: StudentCheck;
        [student, classState] = simulateVariedStudent(`s${i}`, classState);
        outcomes.push(countOutcomes(student.responses));
      }
      const figures = classMeasures(outcomes, createRng(`bootstrap-${k}`), resamples);
      for (const key of ['dPrime', 'c'] as const) {
        if (figures[key].low <= truth[key] && truth[key] <= figures[key].high) covered[key] += 1;
      }
    }
    // Percentile intervals run slightly narrow on small samples; 1,000 classes put ±1.4 points of noise on top.
    for (const key of ['dPrime', 'c'] as const) {
      expect(covered[key] / classes).toBeGreaterThan(0.92);
      expect(covered[key] / classes).toBeLessThan(0.975);
    }
  }, 20_000);

  it('gives the same interval for the same seed, pools the answers, and refuses an empty class', () => {
    const outcomes = [
      countOutcomes(responses([5, 1], [1, 5])),
      countOutcomes(responses([3, 3], [2, 4])),
      countOutcomes(responses([6, 0], [4, 2])),
    ];
    const figures = classMeasures(outcomes, createRng('x'), 200);
    expect(classMeasures(outcomes, createRng('x'), 200)).toEqual(figures);
    expect(figures.hitRate.value).toBeCloseTo(14 / 18, 10);
    expect(figures.falseAlarmRate.value).toBeCloseTo(7 / 18, 10);
    // Pooled: H = 14.5/19, F = 7.5/19.
    expect(figures.dPrime.value).toBeCloseTo(inverseNormalCdf(14.5 / 19) - inverseNormalCdf(7.5 / 19), 10);
    expect(() => classMeasures([], createRng('x'))).toThrow(/at least one student/);
  });
});

function simulateClass(prefix: string, size: number, d: number, c: number, seed: string, offset = 0): StudentCheck[] {
  let state = createRng(seed);
  const students: StudentCheck[] = [];
  for (let i = 0; i < size; i += 1) {
    let student: StudentCheck;
    [student, state] = simulateStudent(`${prefix}${i + offset}`, d, c, state);
    students.push(student);
  }
  return students;
}

describe('a class summary and a before/after reading', () => {
  it('summarises a class with intervals around each figure, leaving out a student with one kind of item only', () => {
    const students = simulateClass('s', 20, 1.5, 0, 'summary');
    const partial: StudentCheck = { student: 'late', responses: responses([2, 0], [0, 0]) };
    const summary = summariseCheck([...students, partial], 'seed', 500)!;
    expect(summary.students).toBe(20);
    for (const figure of [summary.hitRate, summary.falseAlarmRate, summary.dPrime, summary.c]) {
      expect(figure.low).toBeLessThanOrEqual(figure.value);
      expect(figure.high).toBeGreaterThanOrEqual(figure.value);
    }
    expect(summary.hitRate.value).toBeGreaterThan(summary.falseAlarmRate.value);
    expect(summary.confidence.find((entry) => entry.level === 'sure')!.count).toBe(20 * 12);
    expect(summary.confidence.find((entry) => entry.level === 'think-so')!.count).toBe(0);
    expect(summariseCheck([partial], 'seed')).toBeUndefined();
  });

  it('tells a class that discerns better from one that only became more sceptical', () => {
    const gainBefore = simulateClass('g', 30, 0.5, 0, 'gain-before');
    const gainAfter = simulateClass('g', 30, 2.0, 0, 'gain-after');
    const gain = compareChecks(gainBefore, gainAfter, 'reading')!;
    expect(gain.reading).toBe('better-discernment');
    expect(gain.words).toMatch(/^Better at telling true from false/);
    expect(gain.words).toContain(PRACTICE_CAVEAT);

    const scepticBefore = simulateClass('k', 30, 1.0, 0, 'sceptic-before');
    const scepticAfter = simulateClass('k', 30, 1.0, 1.0, 'sceptic-after');
    const sceptic = compareChecks(scepticBefore, scepticAfter, 'reading')!;
    expect(sceptic.reading).toBe('more-sceptical');
    expect(sceptic.words).toMatch(/^More sceptical of everything/);
    expect(sceptic.words).toContain(PRACTICE_CAVEAT);
    expect(sceptic.words).toBe(`${changeReadingWords('more-sceptical')} ${PRACTICE_CAVEAT}`);
  });

  it('pairs students by name, reads no change when nothing changed, and needs a student in both checks', () => {
    const before = simulateClass('n', 30, 1.0, 0, 'same-1');
    const after = simulateClass('n', 30, 1.0, 0, 'same-2');
    expect(compareChecks(before, after, 'reading')!.reading).toBe('no-clear-change');
    const others = simulateClass('m', 5, 1.0, 0, 'other');
    expect(compareChecks(before, others, 'reading')).toBeUndefined();
    expect(compareChecks(before, [...others, after[0]!], 'reading')!.students).toBe(1);
  });
});
