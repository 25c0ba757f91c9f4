/**
 * The name a challenge goes by in a page's address, apart from the link's rules (challenge.ts): the page looks for
 * it on every visit, and downloads the rules only when it is there.
 */

/** The fragment key: #c=… (also read as the query parameter ?c=…). */
export const CHALLENGE_PARAM = 'c';
