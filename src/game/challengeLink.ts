/** Reading a challenge link ("#c=…"): loaded only when the page's address has a fragment. */
import { CHALLENGE_PARAM, decodeChallenge } from '../core/challenge';
import type { IncomingChallenge } from './challenge';

/** Reads "#c=…" from a URL fragment; anything else in the fragment is not a challenge. */
export function readChallenge(hash: string): IncomingChallenge {
  const prefix = `#${CHALLENGE_PARAM}=`;
  if (!hash.startsWith(prefix)) return undefined;
  const decoded = decodeChallenge(hash.slice(prefix.length));
  if ('error' in decoded) return { notice: `This challenge link cannot be played: ${decoded.error}.` };
  return decoded;
}
