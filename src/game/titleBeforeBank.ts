/**
 * On a slow connection the title opens before the question bank has arrived: it shows nothing of the bank but the
 * count in its footer, and what needs the bank waits for it (TitleScene). Visits whose first screen depends on the
 * bank keep the loading screen: a round kept before a reload, a challenge link (or word of one that cannot be read),
 * a class's join link and a server challenge's short link.
 */
import { challengeCodeFromPath } from '../core/challengeProtocol';
import type { IncomingChallenge } from './challenge';
import type { PageServices } from './pageServices';
import { holdsSavedRound } from './keptRound';

export interface FirstVisitState {
  location: Pick<Location, 'search' | 'pathname'>;
  storage: Pick<PageServices['storage'], 'getItem'>;
  incoming: IncomingChallenge;
}

/** Whether the title can be the first screen while the bank is still on its way. */
export function titleCanOpenBeforeBank({ location, storage, incoming }: FirstVisitState): boolean {
  if (incoming !== undefined) return false;
  if (holdsSavedRound(storage)) return false;
  if (new URLSearchParams(location.search).has('class')) return false;
  return challengeCodeFromPath(location.pathname) === undefined;
}

/** Keeps the checked bank in the services the moment it arrives, before any screen hears of it. */
export function keepBankOnArrival(services: Pick<PageServices, 'bank' | 'bankRequest'>): void {
  void services.bankRequest.result.then((result) => {
    if ('bundle' in result) services.bank ??= result.bundle;
  });
}
