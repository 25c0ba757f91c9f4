/**
 * Students whose check answers are drawn with a known discernment d′ and bias c (equal-variance signal detection):
 * for the unit tests of the measure, and for any test that plays scripted students through a real check.
 */
import type { CheckResponse, Confidence } from '../src/core/discernment';
import { nextFloat, type RngState } from '../src/core/rng';

/** The standard normal CDF (Abramowitz & Stegun 7.1.26, error below 1.5e-7): enough to simulate answers. */
export function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** A standard normal draw (Box–Muller) from the seeded RNG. */
export function normalDraw(state: RngState): [number, RngState] {
  const [u1, s1] = nextFloat(state);
  const [u2, s2] = nextFloat(s1);
  return [Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2), s2];
}

/** The chance of calling an accurate item accurate (a hit) and an inaccurate one accurate (a false alarm). */
export function answerChances(dPrime: number, c: number): { hit: number; falseAlarm: number } {
  return { hit: normalCdf(dPrime / 2 - c), falseAlarm: normalCdf(-dPrime / 2 - c) };
}

/** One student's answers to the given items (id and truth), drawn with discernment dPrime and bias c. */
export function simulateAnswers(
  items: readonly { id: string; accurate: boolean }[],
  dPrime: number,
  c: number,
  state: RngState,
  confidence: Confidence = 'sure',
): [CheckResponse[], RngState] {
  const { hit, falseAlarm } = answerChances(dPrime, c);
  let current = state;
  const answers = items.map((item): CheckResponse => {
    let u: number;
    [u, current] = nextFloat(current);
    const saidAccurate = u < (item.accurate ? hit : falseAlarm);
    return {
      itemId: item.id,
      itemAccurate: item.accurate,
      judgement: saidAccurate ? 'accurate' : 'not-accurate',
      confidence,
    };
  });
  return [answers, current];
}
