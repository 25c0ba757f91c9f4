/** Reading a challenge link ("#c=…" or "?c=…"): loaded only when the page's address may hold one. */
import { decodeChallenge } from '../core/challenge';
import { challengeValueOf } from '../core/challengeLinkText';
import type { IncomingChallenge } from './challenge';

/** Reads the challenge of a page address's fragment or query; anything else there is not a challenge. */
export function readChallenge(hash: string, search = ''): IncomingChallenge {
  const value = challengeValueOf(hash, search);
  if (value === undefined) return undefined;
  const decoded = decodeChallenge(value);
  if ('error' in decoded) return { notice: `This challenge link cannot be played: ${decoded.error}.` };
  return decoded;
}
