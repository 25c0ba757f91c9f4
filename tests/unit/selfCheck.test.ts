import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBankFromDisk } from '../../src/server/bankFiles';
import { loadChecksFromDisk } from '../../src/checks/checkFiles';
import { formItems } from '../../src/core/checkItems';
import { detectionMeasures } from '../../src/core/discernment';
import { checkCheckSet, checkFigures, readPlayerChange, SMALL_SAMPLE_NOTE } from '../../src/core/selfCheck';
import {
  checkIsDue,
  DELAYED_CHECK_AFTER_MS,
  EMPTY_SELF_CHECKS,
  nextForm,
  offerBeforeFirstRound,
  parseSelfChecks,
  ROUNDS_BEFORE_SECOND_CHECK,
  type SavedAnswer,
  type SavedCheck,
} from '../../src/core/savedChecks';
import type { CheckForm } from '../../src/core/checkForms';
import { MemoryStore } from '../../src/storage/SafeStorage';
import { SELF_CHECKS_BACKUP_KEY, SELF_CHECKS_KEY, SelfCheckStore } from '../../src/storage/SelfCheckStore';

const root = join(import.meta.dirname, '..', '..');
const { bank } = loadBankFromDisk(join(root, 'questions'), root);
// What the build ships as checks.json, read back as the browser reads it.
const shipped = JSON.parse(JSON.stringify(loadChecksFromDisk(join(root, 'questions'), bank, root).checks)) as unknown;
const checked = checkCheckSet(shipped);
if (checked.error !== undefined) throw new Error(checked.error);
const checks = checked.checks;

/** Answers a form: `hits` of its accurate items called accurate, `falseAlarms` of its inaccurate ones. */
function answer(form: CheckForm, hits: number, falseAlarms: number): SavedAnswer[] {
  let accurateSeen = 0;
  let inaccurateSeen = 0;
  return formItems(checks, form).map((item) => {
    const saysAccurate = item.accurate ? accurateSeen++ < hits : inaccurateSeen++ < falseAlarms;
    return {
      itemId: item.id,
      itemAccurate: item.accurate,
      judgement: saysAccurate ? 'accurate' : 'not-accurate',
      confidence: 'think-so',
    };
  });
}

function taken(form: CheckForm, takenAt: number, roundsBefore: number, answers = answer(form, 3, 3)): SavedCheck {
  return { form, takenAt, roundsBefore, answers };
}

describe('checks.json in the browser', () => {
  it('accepts the shipped check set', () => {
    expect(checks.forms.A).toHaveLength(12);
  });

  it('refuses a form that is not balanced, or names an unknown item, or an item without evidence', () => {
    const copy = () =>
      JSON.parse(JSON.stringify(shipped)) as {
        items: { id: string; evidence: unknown; accurate: boolean }[];
        forms: Record<string, string[]>;
      };
    const unbalanced = copy();
    const firstInaccurate = unbalanced.items.find((item) => unbalanced.forms.A!.includes(item.id) && !item.accurate)!;
    firstInaccurate.accurate = true;
    expect(checkCheckSet(unbalanced).error).toBe('checks.json, form A holds 7 accurate items, not 6');
    const unknown = copy();
    unknown.forms.B![0] = 'no-such-item';
    expect(checkCheckSet(unknown).error).toBe('checks.json, form B is not 12 known items');
    const bare = copy();
    bare.items[0]!.evidence = [];
    expect(checkCheckSet(bare).error).toMatch(/^checks\.json, item 1 \(".+"\) has no evidence$/);
    expect(checkCheckSet([]).error).toBe('checks.json lacks its items or forms');
  });
});

describe('which check is due', () => {
  const day = 24 * 60 * 60 * 1000;

  it('offers form A before the first round, unless declined or already taken', () => {
    expect(offerBeforeFirstRound(EMPTY_SELF_CHECKS)).toBe(true);
    expect(offerBeforeFirstRound({ ...EMPTY_SELF_CHECKS, skippedBefore: true })).toBe(false);
    expect(offerBeforeFirstRound({ ...EMPTY_SELF_CHECKS, roundsFinished: 1 })).toBe(false);
    expect(offerBeforeFirstRound({ ...EMPTY_SELF_CHECKS, taken: [taken('A', 0, 0)] })).toBe(false);
    expect(nextForm(EMPTY_SELF_CHECKS, 0)).toBe('A');
  });

  it('opens form B on request at once, and says it is due after five rounds since form A', () => {
    const data = {
      ...EMPTY_SELF_CHECKS,
      taken: [taken('A', 0, 2)],
      roundsFinished: 2 + ROUNDS_BEFORE_SECOND_CHECK - 1,
    };
    expect(nextForm(data, 1)).toBe('B');
    expect(checkIsDue(data, 1)).toBe(false);
    expect(checkIsDue({ ...data, roundsFinished: 2 + ROUNDS_BEFORE_SECOND_CHECK }, 1)).toBe(true);
  });

  it('opens form C a week after form B, by the clock passed in', () => {
    const data = { ...EMPTY_SELF_CHECKS, taken: [taken('A', 0, 0), taken('B', 10 * day, 5)], roundsFinished: 5 };
    expect(nextForm(data, 10 * day + DELAYED_CHECK_AFTER_MS - 1)).toBeUndefined();
    expect(checkIsDue(data, 10 * day + DELAYED_CHECK_AFTER_MS - 1)).toBe(false);
    expect(nextForm(data, 10 * day + DELAYED_CHECK_AFTER_MS)).toBe('C');
    expect(checkIsDue(data, 10 * day + DELAYED_CHECK_AFTER_MS)).toBe(true);
    const all = { ...data, taken: [...data.taken, taken('C', 20 * day, 5)] };
    expect(nextForm(all, 100 * day)).toBeUndefined();
  });
});

describe("the player's figures", () => {
  it('counts hits and false alarms and computes d′ and c with the log-linear correction', () => {
    const figures = checkFigures(taken('A', 0, 0, answer('A', 5, 2)));
    expect(figures.outcomes).toEqual({ hits: 5, misses: 1, falseAlarms: 2, correctRejections: 4 });
    // (5 + 0.5) / 7 and (2 + 0.5) / 7: z = 0.7916 and −0.3661.
    expect(figures.measures!.dPrime).toBeCloseTo(1.1577, 3);
    expect(figures.measures!.c).toBeCloseTo(-0.2127, 3);
    expect(figures.confidence.find((level) => level.level === 'think-so')!.count).toBe(12);
  });

  it('reads a gain in discernment, and a shift to scepticism, with the small-sample note', () => {
    const before = taken('A', 0, 0, answer('A', 4, 3));
    const better = readPlayerChange(before, taken('B', 1, 5, answer('B', 6, 1)))!;
    expect(better.reading).toBe('better-discernment');
    const expected =
      detectionMeasures({ hits: 6, misses: 0, falseAlarms: 1, correctRejections: 5 }).dPrime -
      detectionMeasures({ hits: 4, misses: 2, falseAlarms: 3, correctRejections: 3 }).dPrime;
    expect(better.dPrime).toBeCloseTo(expected, 10);
    expect(better.words).toContain(SMALL_SAMPLE_NOTE);
    // Mirror images: (5 hits, 3 false alarms) and (3, 1) have the same d′; c rises from −0.40 to +0.40.
    const sceptical = readPlayerChange(taken('A', 0, 0, answer('A', 5, 3)), taken('B', 1, 5, answer('B', 3, 1)))!;
    expect(sceptical.dPrime).toBeCloseTo(0, 12);
    expect(sceptical.c).toBeCloseTo(0.7916, 3);
    expect(sceptical.reading).toBe('more-sceptical');
    const level = readPlayerChange(before, taken('B', 1, 5, answer('B', 4, 3)))!;
    expect(level.reading).toBe('no-clear-change');
  });
});

describe('saved checks', () => {
  it('keeps a finished check and the rounds count across visits', () => {
    const storage = new MemoryStore();
    const store = new SelfCheckStore(storage);
    store.roundFinished();
    store.record('A', answer('A', 3, 3), 1234);
    store.record('A', answer('A', 6, 0), 9999);
    const again = new SelfCheckStore(storage);
    expect(again.problems).toEqual([]);
    expect(again.get().roundsFinished).toBe(1);
    expect(again.get().taken).toEqual([taken('A', 1234, 1)]);
  });

  it('drops damaged saved data with a notice, keeping what can be read and a backup', () => {
    const storage = new MemoryStore();
    const good = taken('A', 5, 0);
    const raw = JSON.stringify({
      taken: [good, { ...taken('B', 6, 1), answers: [{ itemId: 'x', judgement: 'maybe', confidence: 'sure' }] }],
      roundsFinished: -3,
    });
    storage.setItem(SELF_CHECKS_KEY, raw);
    const store = new SelfCheckStore(storage);
    expect(store.problems).toEqual([
      'saved check 2 must hold 12 answers',
      'the saved count of rounds is not a whole number',
    ]);
    expect(store.get().taken).toEqual([good]);
    expect(storage.getItem(SELF_CHECKS_BACKUP_KEY)).toBe(raw);
    expect(new SelfCheckStore(storage).problems).toEqual([]);
  });

  it('starts afresh from saved data that is not JSON, or not a list of checks, without throwing', () => {
    expect(parseSelfChecks('{not json').problems).toEqual(['the saved checks are not valid JSON']);
    expect(parseSelfChecks('"a string"').problems).toEqual(['the saved checks have no list of checks taken']);
    const badAnswer = {
      ...taken('A', 1, 0),
      answers: answer('A', 3, 3).map((a, i) => (i === 4 ? { ...a, confidence: 'very' } : a)),
    };
    expect(parseSelfChecks(JSON.stringify({ taken: [badAnswer], roundsFinished: 0 })).problems).toEqual([
      'saved check 1 answer 5 is not an item id with its truth, a judgement and a confidence',
    ]);
    expect(
      parseSelfChecks(JSON.stringify({ taken: [taken('A', 1, 0), taken('A', 2, 0)], roundsFinished: 0 })).problems,
    ).toEqual(['saved check 2 repeats form A']);
  });
});
