import { describe, expect, it } from 'vitest';
import { forgetChallengeAddress, type PageAddress } from '../../src/game/challengeAddress';
import { challengeNoticeText } from '../../src/game/challengeNotice';
import { RoundFlow } from '../../src/game/roundFlow';
import { createTranslator } from '../../src/i18n/translator';
import type { BankBundle } from '../../src/core/types';
import { dailyChallenge } from './helpers';

function address(search: string, hash: string): PageAddress & { written: string[] } {
  const written: string[] = [];
  return {
    location: { pathname: '/play/', search, hash },
    history: {
      replaceState: (_data: unknown, _unused: string, url?: string | URL | null) => written.push(String(url)),
    },
    written,
  };
}

describe('the challenge link in the address', () => {
  it('is taken out of the fragment or the query, leaving the rest of the address', () => {
    const fromHash = address('?lang=en', '#c=eyJ2IjoxfQ');
    forgetChallengeAddress(fromHash);
    expect(fromHash.written).toEqual(['/play/?lang=en']);
    const fromQuery = address('?c=eyJ2IjoxfQ.&lang=en', '#top');
    forgetChallengeAddress(fromQuery);
    expect(fromQuery.written).toEqual(['/play/?lang=en#top']);
    const none = address('?lang=en', '#top');
    forgetChallengeAddress(none);
    expect(none.written).toEqual([]);
  });

  it('stays while the challenge is on offer and in play, and goes once it is set aside, cannot be played or ends', () => {
    const bank = { version: 'v1', questions: [], topics: [], sources: {} } as unknown as BankBundle;
    let forgotten = 0;
    const rounds = new RoundFlow(
      () => bank,
      () => (forgotten += 1),
    );
    rounds.receiveLink({ challenge: dailyChallenge('2026-03-14', 'v1') });
    rounds.titleOffer();
    expect(forgotten).toBe(0);
    rounds.declineChallenge();
    expect(forgotten).toBe(1);
    rounds.receiveLink({ challenge: dailyChallenge('2026-03-14', 'v0') });
    expect(challengeNoticeText(rounds.titleOffer().notice!, createTranslator('en').t)).toMatch(/another version/);
    expect(forgotten).toBe(2);

    const challenge = dailyChallenge('2026-03-14', 'v1');
    rounds.receiveLink({ challenge });
    rounds.titleOffer();
    rounds.takeChallenge();
    const session = { plan: { seed: challenge.seed } } as Parameters<RoundFlow['begin']>[0];
    rounds.begin(session, { challenge: true });
    expect(forgotten).toBe(2);
    expect(rounds.end(session)).toBe(true);
    expect(forgotten).toBe(3);
  });
});
