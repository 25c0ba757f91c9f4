/**
 * Where a challenge link keeps its round: `#c=…` as the game writes it, or `?c=…` as some apps and people rewrite
 * it. A chat app often takes the punctuation after a link into it ("…#c=eyJ2….", "(…#c=eyJ2…)"): the value is
 * base64url, so closing punctuation after its last base64url character is such an addition.
 */
import { fromBase64Url } from './challenge';
import { CHALLENGE_PARAM } from './challengeParam';
import { checkNickname } from './nicknames';

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

/**
 * The challenger's name in a link too damaged to play, when the part that holds it survives (a link cut short
 * loses its end first, and the name comes before the score and the grid); undefined when it cannot be read.
 */
export function senderOf(value: string): string | undefined {
  const encoded = ENCODED.exec(value)![0];
  const bytes = fromBase64Url(encoded.slice(0, encoded.length - (encoded.length % 4)));
  if (!bytes) return undefined;
  const text = new TextDecoder('utf-8').decode(bytes);
  const quoted = /"nm":("(?:[^"\\]|\\.){1,120}")/.exec(text)?.[1];
  if (quoted === undefined) return undefined;
  try {
    const check = checkNickname(JSON.parse(quoted) as string);
    return check.ok ? check.nickname : undefined;
  } catch {
    return undefined;
  }
}
