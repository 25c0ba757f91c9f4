/** Which visits may open on the title before the question bank has arrived (src/game/titleBeforeBank.ts). */
import { describe, expect, it } from 'vitest';
import { SAVED_ROUND_KEY } from '../../src/game/keptRound';
import { titleCanOpenBeforeBank, type FirstVisitState } from '../../src/game/titleBeforeBank';

const plain: FirstVisitState = {
  location: { search: '', pathname: '/' },
  storage: { getItem: () => null },
  incoming: undefined,
};

describe('the title before the bank', () => {
  it('opens first on a plain visit, whatever else the address holds', () => {
    expect(titleCanOpenBeforeBank(plain)).toBe(true);
    expect(titleCanOpenBeforeBank({ ...plain, location: { search: '?lang=es', pathname: '/game/' } })).toBe(true);
  });

  it('waits for the bank when the title needs it at once', () => {
    const saved = { getItem: (key: string) => (key === SAVED_ROUND_KEY ? '{}' : null) };
    expect(titleCanOpenBeforeBank({ ...plain, storage: saved })).toBe(false);
    expect(titleCanOpenBeforeBank({ ...plain, incoming: { notice: { kind: 'noReader' } } })).toBe(false);
    expect(titleCanOpenBeforeBank({ ...plain, location: { search: '?class=ABC123', pathname: '/' } })).toBe(false);
    expect(titleCanOpenBeforeBank({ ...plain, location: { search: '', pathname: '/c/ACEFGH' } })).toBe(false);
  });
});
