/**
 * Challenge links: a round's seed and settings plus the challenger's name and result, carried in the
 * URL fragment. Decoding trusts nothing: every field is checked, and anything wrong gives a reason.
 */
import { DIFFICULTY_ORDERS, type DifficultyOrder } from './roundSettings';
import { QUESTION_COUNTS, TIME_CHOICES, type TimeChoice } from './preferences';
import { checkNickname } from './nicknames';
import { isModeId, MODES, type ModeId } from './modes';
import { maxScore } from './possibleScores';
import { QUESTION_KINDS, type QuestionKind } from './types';

export const CHALLENGE_VERSION = 1;
const MAX_ENCODED_LENGTH = 2048;
const SEED_PATTERN = /^[a-z0-9-]{1,40}$/;
const TOPIC_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const RESULT_MARKS = ['right', 'wrong', 'timeout'] as const;
export type ResultMark = (typeof RESULT_MARKS)[number];
const MARK_CODES: Record<ResultMark, string> = { right: 'r', wrong: 'w', timeout: 't' };

export interface Challenge {
  seed: string;
  questionCount: number;
  time: TimeChoice;
  topics: string[];
  /** Kinds of question the round drew from; absent (or empty) means every kind, as in links made before kinds. */
  kinds?: QuestionKind[];
  difficulty: DifficultyOrder;
  speedPoints: boolean;
  /** The mode's rules (links made before there were modes are Classic). */
  mode: ModeId;
  /** Whether answers were marked by a confidence wager. */
  wager: boolean;
  /** The bank the challenger played; another bank cannot give the same questions. */
  bankVersion: string;
  name: string;
  score: number;
  /** One mark per question, in order: the spoiler-free result grid. */
  marks: ResultMark[];
}

/** What can be wrong with a challenge link, and how the English notice says it (the game words it by its code). */
const LINK_PROBLEMS = {
  empty: 'the link holds no challenge',
  tooLong: 'the link is too long to be a challenge',
  notBase64: 'the link is damaged (it is not valid base64url)',
  unreadable: 'the link is damaged (its contents are not readable)',
  damaged: 'the link is damaged',
  otherVersion: 'the link was made by another version of the game',
  roundCode: 'the link has an invalid round code',
  questionCount: 'the link has an invalid number of questions',
  time: 'the link has an invalid time setting',
  topics: 'the link has invalid topics',
  kinds: 'the link has invalid kinds of question',
  difficulty: 'the link has an invalid difficulty',
  scoring: 'the link has an invalid scoring setting',
  mode: 'the link has an unknown game mode',
  wager: 'the link has an invalid wager setting',
  wagerMode: 'the link has a wager in a mode that has none',
  bankVersion: 'the link has an invalid bank version',
  name: "the link has an invalid challenger's name",
  grid: 'the link has an invalid result grid',
  score: 'the link has a score that this round cannot give',
  unknownField: 'the link has an unknown field',
} as const;

export type LinkProblem = keyof typeof LINK_PROBLEMS;

/** A link refused: the code the game's notice words in the player's language, and the English sentence. */
export interface RefusedChallenge {
  error: string;
  problem: LinkProblem;
  /** The unknown field's name, for `unknownField`. */
  field?: string;
}

export type DecodedChallenge = { challenge: Challenge } | RefusedChallenge;

function refused(problem: LinkProblem, field?: string): RefusedChallenge {
  const error = field === undefined ? LINK_PROBLEMS[problem] : `${LINK_PROBLEMS[problem]} "${field}"`;
  return { error, problem, ...(field === undefined ? {} : { field }) };
}

function toBase64Url(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [18, 12, 6, 0].map((shift) => alphabet[(n >> shift) & 63]);
    out += chars.slice(0, Math.ceil((Math.min(3, bytes.length - i) * 8) / 6)).join('');
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    const n = [...chunk.padEnd(4, 'A')].reduce((acc, char) => (acc << 6) | alphabet.indexOf(char), 0);
    const count = Math.floor((chunk.length * 6) / 8);
    for (let j = 0; j < count; j += 1) bytes.push((n >> (16 - 8 * j)) & 255);
  }
  return Uint8Array.from(bytes);
}

/** The most points a round of this length can score: the rule lives with the other limits of a round. */
export { maxScore };

export function encodeChallenge(challenge: Challenge): string {
  const compact = {
    v: CHALLENGE_VERSION,
    s: challenge.seed,
    n: challenge.questionCount,
    t: challenge.time,
    tp: challenge.topics,
    ...(challenge.kinds && challenge.kinds.length > 0 ? { k: challenge.kinds } : {}),
    d: challenge.difficulty,
    sp: challenge.speedPoints ? 1 : 0,
    // Classic without a wager is written as links were before modes, so those links stay short.
    ...(challenge.mode === 'classic' ? {} : { md: challenge.mode }),
    ...(challenge.wager ? { w: 1 } : {}),
    b: challenge.bankVersion,
    nm: challenge.name,
    sc: challenge.score,
    m: challenge.marks.map((mark) => MARK_CODES[mark]).join(''),
  };
  return toBase64Url(new TextEncoder().encode(JSON.stringify(compact)));
}

/** Reads a fragment value (#c=…); every failure names what is wrong, for the notice on the title. */
export function decodeChallenge(encoded: string): DecodedChallenge {
  if (encoded.length === 0) return refused('empty');
  if (encoded.length > MAX_ENCODED_LENGTH) return refused('tooLong');
  const bytes = fromBase64Url(encoded);
  if (!bytes) return refused('notBase64');
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return refused('unreadable');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return refused('damaged');
  const raw = data as Record<string, unknown>;
  const allowed = ['v', 's', 'n', 't', 'tp', 'k', 'd', 'sp', 'md', 'w', 'b', 'nm', 'sc', 'm'];
  const unknown = Object.keys(raw).find((key) => !allowed.includes(key));
  if (unknown !== undefined) return refused('unknownField', unknown);
  if (raw.v !== CHALLENGE_VERSION) return refused('otherVersion');
  if (typeof raw.s !== 'string' || !SEED_PATTERN.test(raw.s)) return refused('roundCode');
  if (!(QUESTION_COUNTS as readonly unknown[]).includes(raw.n)) return refused('questionCount');
  if (!(TIME_CHOICES as readonly unknown[]).includes(raw.t)) return refused('time');
  if (
    !Array.isArray(raw.tp) ||
    raw.tp.length > 20 ||
    !raw.tp.every((t) => typeof t === 'string' && TOPIC_PATTERN.test(t))
  ) {
    return refused('topics');
  }
  if (
    raw.k !== undefined &&
    (!Array.isArray(raw.k) ||
      raw.k.length === 0 ||
      !raw.k.every((kind) => (QUESTION_KINDS as readonly unknown[]).includes(kind)))
  ) {
    return refused('kinds');
  }
  if (!(DIFFICULTY_ORDERS as readonly unknown[]).includes(raw.d)) return refused('difficulty');
  if (raw.sp !== 0 && raw.sp !== 1) return refused('scoring');
  const mode = raw.md === undefined ? 'classic' : raw.md;
  if (!isModeId(mode)) return refused('mode');
  if (raw.w !== undefined && raw.w !== 1) return refused('wager');
  const wager = raw.w === 1;
  if (wager && !MODES[mode].wagerAllowed) return refused('wagerMode');
  if (typeof raw.b !== 'string' || !/^[a-z0-9]{1,16}$/.test(raw.b)) return refused('bankVersion');
  // The same rules as a name typed in the game: length, characters and the classroom blocklist.
  const name = typeof raw.nm === 'string' ? checkNickname(raw.nm) : undefined;
  if (!name?.ok || name.nickname !== raw.nm) return refused('name');
  const count = raw.n as number;
  if (typeof raw.m !== 'string' || raw.m.length !== count || !/^[rwt]*$/.test(raw.m)) {
    return refused('grid');
  }
  const marks = [...raw.m].map((code) => RESULT_MARKS.find((mark) => MARK_CODES[mark] === code)!);
  const right = marks.filter((mark) => mark === 'right').length;
  if (typeof raw.sc !== 'number' || !Number.isInteger(raw.sc) || raw.sc < 0 || raw.sc > maxScore(right, wager)) {
    return refused('score');
  }
  // Without a wager every right answer earns at least half its points; a lost wager can take any of that back.
  if (!wager && right > 0 && raw.sc < right * 500) return refused('score');
  return {
    challenge: {
      seed: raw.s,
      questionCount: count,
      time: raw.t as TimeChoice,
      topics: raw.tp as string[],
      ...(raw.k === undefined ? {} : { kinds: raw.k as QuestionKind[] }),
      difficulty: raw.d as DifficultyOrder,
      speedPoints: raw.sp === 1,
      mode,
      wager,
      bankVersion: raw.b,
      name: raw.nm,
      score: raw.sc,
      marks,
    },
  };
}
