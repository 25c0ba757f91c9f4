/**
 * Where a challenge link keeps its round: `#c=…` as the game writes it, or `?c=…` as some apps and people rewrite
 * it. A chat app often takes the punctuation after a link into it ("…#c=eyJ2….", "(…#c=eyJ2…)"): the value is
 * base64url, so closing punctuation after its last base64url character is such an addition.
 */
import { CHALLENGE_PARAM } from './challenge';

const ENCODED = /^[A-Za-z0-9_-]*/;
/** What a chat app may take into a link from the sentence around it: closing punctuation, quotes and spaces. */
const TRAILING = /^[\s.,;:!?)\]}>'"’”»…]*$/u;

/** The value as written, without the punctuation a chat app added after it. */
export function trimLinkValue(value: string): string {
  const encoded = ENCODED.exec(value)![0];
  return encoded !== '' && TRAILING.test(value.slice(encoded.length)) ? encoded : value;
}

/** The encoded challenge of a page address's fragment or query, or undefined when it has none. */
export function challengeValueOf(hash: string, search: string): string | undefined {
  const prefix = `#${CHALLENGE_PARAM}=`;
  if (hash.startsWith(prefix)) return trimLinkValue(hash.slice(prefix.length));
  const fromQuery = new URLSearchParams(search).get(CHALLENGE_PARAM);
  return fromQuery === null ? undefined : trimLinkValue(fromQuery);
}
