/**
 * The details that differ between an article's claim and the source that settles it, for the reveal that shows
 * them side by side. The two are rarely parallel sentences (a feature's paraphrase against an order's legal
 * text), so marking every word one lacks would mark most of both. What a fact-checker compares are the
 * checkable details: dates, numbers and their units, names, and the words that bend a claim ("early", "only",
 * "all"). One of those differs when the other text does not have it anywhere; order is not compared.
 */

export interface MarkedWord {
  /** The word as written, with its punctuation. */
  text: string;
  differs: boolean;
}

export interface WordComparison {
  claim: MarkedWord[];
  source: MarkedWord[];
}

const MONTHS = new Set(
  'january february march april may june july august september october november december'.split(' '),
);
/** Words that follow a number and belong to it ("45 days"). */
const UNITS = new Set('day days week weeks month months year years percent million billion hours'.split(' '));
/** Words that change how much or when a claim says, the kind a retelling drifts on. */
const QUALIFIERS = new Set(
  'early late mid only all every everyone everybody nobody none never always first last total entire immediately before after'.split(
    ' ',
  ),
);
/** Capitalised words that are not names, when they start a sentence or a quote. */
const COMMON_CAPITALS = new Set('the a an in on at by for of and but it its this that these those as to'.split(' '));

/**
 * How a word is compared: lower case, curly quotes straightened, surrounding punctuation dropped, a plural or
 * possessive "s" taken off ("orders" and "order's" meet "order"). Empty for a token that is only punctuation.
 */
export function comparableWord(token: string): string {
  const word = token
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/'s$/, '')
    // "U.S." and "US" are one word.
    .replace(/\.(?=\p{L})/gu, '');
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/**
 * Whether a word is a checkable detail: a number, a date, a name, a unit after a number, or a qualifier. A
 * capital that only starts a sentence makes no name ("Given", "There"); one inside a word or a whole word in
 * capitals does ("TikTok", "CFIUS").
 */
export function isDetail(token: string, previous: string | undefined): boolean {
  const word = comparableWord(token);
  if (word === '') return false;
  const bare = token.replace(/^[^\p{L}\p{N}]+/u, '');
  const capitalised = /^\p{Lu}/u.test(bare);
  if (/\p{N}/u.test(word) || QUALIFIERS.has(word) || (MONTHS.has(word) && capitalised)) return true;
  if (previous !== undefined && /\p{N}/u.test(previous) && UNITS.has(word)) return true;
  if (!capitalised || COMMON_CAPITALS.has(word) || word.length < 2) return false;
  const startsSentence = previous === undefined || /[.!?:;]["”’)]*$/.test(previous);
  return !startsSentence || /\p{Lu}/u.test(bare.slice(1));
}

function markAgainst(tokens: readonly string[], other: ReadonlySet<string>): MarkedWord[] {
  return tokens.map((text, index) => ({
    text,
    differs: isDetail(text, tokens[index - 1]) && !other.has(comparableWord(text)),
  }));
}

function tokensOf(text: string): string[] {
  return text.split(/\s+/).filter((token) => token !== '');
}

/** Each text's words, marked where the other text does not have them. */
export function compareWords(claim: string, source: string): WordComparison {
  const claimTokens = tokensOf(claim);
  const sourceTokens = tokensOf(source);
  const claimWords = new Set(claimTokens.map(comparableWord));
  const sourceWords = new Set(sourceTokens.map(comparableWord));
  return { claim: markAgainst(claimTokens, sourceWords), source: markAgainst(sourceTokens, claimWords) };
}

/** The marked words of one side, joined into phrases where they run together ("early July"). */
export function differingPhrases(words: readonly MarkedWord[]): string[] {
  const phrases: string[] = [];
  let current: string[] = [];
  for (const word of words) {
    if (word.differs) current.push(word.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
    else if (current.length > 0) {
      phrases.push(current.join(' '));
      current = [];
    }
  }
  if (current.length > 0) phrases.push(current.join(' '));
  return phrases.filter((phrase) => phrase !== '');
}
