import { describe, expect, it } from 'vitest';
import { buildRound, DEFAULT_ROUND_SETTINGS } from '../../src/core/round';
import { restoreRound, savedRoundOf } from '../../src/core/savedRound';
import { remainingMs } from '../../src/core/countdown';
import { advance, answer, startSession } from '../../src/core/session';
import { makeQuestions } from './helpers';

const bank = makeQuestions(['alpha', 'beta'], 6);
const settings = { ...DEFAULT_ROUND_SETTINGS, timeLimitSec: 20 };

/** A round on its second question, 5 s into its clock, stored and read back as JSON. */
function storedRound(): { stored: unknown; before: ReturnType<typeof startSession> } {
  let state = startSession(buildRound(bank, settings, 'saved'), bank, 0);
  state = advance(answer(state, 0, 2000), 3000);
  const record = savedRoundOf(state, 8000);
  return { stored: JSON.parse(JSON.stringify(record)), before: state };
}

describe('a round saved on the device', () => {
  it('comes back at the same question and score, its clock stopped at the time it had used', () => {
    const { stored, before } = storedRound();
    const restored = restoreRound(stored, bank, 100);
    if (!('session' in restored)) throw new Error(restored.problem);
    const { session } = restored;
    expect(session.index).toBe(1);
    expect(session.phase).toBe(before.phase);
    expect(session.score).toBe(before.score);
    expect(session.log).toEqual(before.log);
    expect(session.countdown.pausedAt).toBe(100);
    // 5 s used of 20, however long the page was away.
    expect(remainingMs(session.countdown, 100_000)).toBe(15_000);
  });

  it('refuses a record that does not make a round, saying what is wrong', () => {
    const { stored } = storedRound();
    const base = stored as Record<string, unknown>;
    const cases: [unknown, RegExp][] = [
      [null, /not a record/],
      [{ ...base, version: 99 }, /version 99/],
      [{ ...base, plan: 'x' }, /no plan/],
      [{ ...base, index: 40 }, /no current question/],
      [{ ...base, phase: 'finished' }, /no screen/],
      [{ ...base, log: [{ questionId: 'a' }] }, /answer 1 .* no choice/],
      [{ ...base, score: 'lots' }, /no score/],
      [{ ...base, timeLimits: [1] }, /time limits/],
      [
        {
          ...base,
          plan: {
            ...(base.plan as object),
            questions: (base.plan as { questions: object[] }).questions.map((planned) => ({
              ...planned,
              questionId: 'gone',
            })),
          },
        },
        /no longer in the bank/,
      ],
    ];
    for (const [raw, problem] of cases) {
      const restored = restoreRound(raw, bank, 0);
      expect('problem' in restored && restored.problem).toMatch(problem);
    }
  });
});
