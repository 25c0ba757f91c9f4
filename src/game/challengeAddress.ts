/**
 * A challenge link in the page's address (`#c=…` or `?c=…`). It stays there while the challenge is on offer, so a
 * reload before playing brings it back, and is taken out once the challenge is played, set aside or cannot be
 * played (Play again is then a round of one's own, and a reload does not offer it again). A link pasted into a tab
 * where the game is already open changes only the fragment: that arrives as `hashchange`. Light on purpose: the
 * reader itself (challengeLink.ts) is downloaded only when the address may hold a challenge.
 */
import { CHALLENGE_PARAM } from '../core/challengeParam';
import type { IncomingChallenge } from './challenge';

/** Where the address is read and rewritten: the page's `window`, or a stand-in in the unit tests. */
export interface PageAddress {
  location: Pick<Location, 'hash' | 'search' | 'pathname'>;
  history: Pick<History, 'replaceState'>;
}

/** Whether the address may hold a challenge, before its reader is downloaded. */
function mayHoldChallenge({ hash, search }: PageAddress['location']): boolean {
  return hash.startsWith(`#${CHALLENGE_PARAM}=`) || new URLSearchParams(search).has(CHALLENGE_PARAM);
}

/** Reads the challenge of the page's address, leaving the address as it is; undefined when it has none. */
export async function readChallengeAddress(page: PageAddress): Promise<IncomingChallenge> {
  if (!mayHoldChallenge(page.location)) return undefined;
  const { hash, search } = page.location;
  try {
    return (await import('./challengeLink')).readChallenge(hash, search);
  } catch {
    return { notice: { kind: 'noReader' } };
  }
}

/** Takes the challenge out of the address (its fragment and its `c` query parameter), keeping everything else. */
export function forgetChallengeAddress(page: PageAddress): void {
  const { hash, search, pathname } = page.location;
  if (!mayHoldChallenge(page.location)) return;
  const query = new URLSearchParams(search);
  query.delete(CHALLENGE_PARAM);
  const rest = query.toString();
  const keptHash = hash.startsWith(`#${CHALLENGE_PARAM}=`) ? '' : hash;
  page.history.replaceState(null, '', pathname + (rest ? `?${rest}` : '') + keptHash);
}

/** Calls `arrived` with each challenge link pasted into the open tab (the fragment changed to a challenge). */
export function watchPastedLinks(
  target: Pick<Window, 'addEventListener'> & PageAddress,
  arrived: (incoming: IncomingChallenge) => void,
): void {
  target.addEventListener('hashchange', () => {
    if (!target.location.hash.startsWith(`#${CHALLENGE_PARAM}=`)) return;
    void readChallengeAddress(target).then((incoming) => {
      if (incoming) arrived(incoming);
    });
  });
}
