/** Reading a challenge link ("#c=…" or "?c=…"): loaded only when the page's address may hold one. */
import { decodeChallenge } from '../core/challenge';
import { challengeValueOf, senderOf } from '../core/challengeLinkText';
import type { IncomingChallenge } from './challenge';

/** Reads the challenge of a page address's fragment or query; anything else there is not a challenge. */
export function readChallenge(hash: string, search = ''): IncomingChallenge {
  const value = challengeValueOf(hash, search);
  if (value === undefined) return undefined;
  const decoded = decodeChallenge(value);
  if ('error' in decoded) {
    // Who sent it, if that part of the link survived: the player knows whom to ask.
    const sender = senderOf(value);
    const { problem, field } = decoded;
    return {
      notice: { kind: 'broken', problem, ...(field === undefined ? {} : { field }), ...(sender ? { sender } : {}) },
    };
  }
  return decoded;
}
