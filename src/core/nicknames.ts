/**
 * Nicknames for class mode: a generated one (adjective + noun from a curated, classroom-safe list) that a
 * student can re-roll, or one they type, which must pass a length check, a character check and a blocklist.
 * The server applies the same check to every join, so a name typed past the game is refused all the same.
 * Names may hold ordinary punctuation: every screen renders them as text, never as markup.
 */
import { nextInt, type RngState } from './rng';

export const NICKNAME_MIN_LENGTH = 2;
export const NICKNAME_MAX_LENGTH = 30;

// prettier-ignore
export const NICKNAME_ADJECTIVES = [
  'Agile', 'Bold', 'Brave', 'Bright', 'Brisk', 'Calm', 'Careful', 'Cheerful', 'Clever', 'Cosmic',
  'Curious', 'Daring', 'Eager', 'Fearless', 'Friendly', 'Gentle', 'Golden', 'Happy', 'Helpful', 'Honest',
  'Humble', 'Jolly', 'Keen', 'Kind', 'Lively', 'Lucky', 'Mellow', 'Mighty', 'Modest', 'Nimble',
  'Noble', 'Patient', 'Plucky', 'Polite', 'Proud', 'Quick', 'Quiet', 'Radiant', 'Rapid', 'Ready',
  'Sharp', 'Shiny', 'Silver', 'Sincere', 'Smart', 'Speedy', 'Steady', 'Sturdy', 'Sunny', 'Swift',
  'Thoughtful', 'Tidy', 'Trusty', 'Upbeat', 'Valiant', 'Vivid', 'Warm', 'Wise', 'Witty', 'Zesty',
] as const;

// prettier-ignore
export const NICKNAME_NOUNS = [
  'Albatross', 'Badger', 'Beaver', 'Bison', 'Cardinal', 'Cheetah', 'Comet', 'Condor', 'Coyote', 'Crane',
  'Dolphin', 'Eagle', 'Falcon', 'Ferret', 'Finch', 'Fox', 'Gazelle', 'Gecko', 'Heron', 'Hedgehog',
  'Ibis', 'Jaguar', 'Kestrel', 'Koala', 'Lark', 'Lemur', 'Lynx', 'Marmot', 'Meteor', 'Moose',
  'Narwhal', 'Nebula', 'Ocelot', 'Orca', 'Osprey', 'Otter', 'Owl', 'Panda', 'Pelican', 'Penguin',
  'Puffin', 'Quasar', 'Quokka', 'Raccoon', 'Raven', 'Robin', 'Salmon', 'Seal', 'Sparrow', 'Squirrel',
  'Starling', 'Tapir', 'Tiger', 'Toucan', 'Turtle', 'Walrus', 'Wombat', 'Wren', 'Yak', 'Zebra',
] as const;

/** A generated nickname and the generator's next state ("Curious Otter"). */
export function generateNickname(rng: RngState): [string, RngState] {
  const [a, afterAdjective] = nextInt(rng, NICKNAME_ADJECTIVES.length);
  const [n, afterNoun] = nextInt(afterAdjective, NICKNAME_NOUNS.length);
  return [`${NICKNAME_ADJECTIVES[a]} ${NICKNAME_NOUNS[n]}`, afterNoun];
}

export type NicknameProblem = 'too-short' | 'too-long' | 'characters' | 'blocked';

export type NicknameCheck = { ok: true; nickname: string } | { ok: false; problem: NicknameProblem; message: string };

export const NICKNAME_MESSAGES: Record<NicknameProblem, string> = {
  'too-short': `A nickname needs at least ${NICKNAME_MIN_LENGTH} letters or digits.`,
  'too-long': `A nickname can be at most ${NICKNAME_MAX_LENGTH} characters long.`,
  characters: 'Use letters, digits, spaces and ordinary punctuation only (no emoji or symbols).',
  blocked: 'Please pick a different nickname.',
};

/**
 * Words refused anywhere inside a name once spacing, case, accents and look-alike digits are taken out
 * ("F.u_C k", "$h1t"). Only words long or rare enough not to hide inside ordinary words belong here.
 */
// prettier-ignore
const BLOCKED_ANYWHERE = [
  'fuck', 'fuk', 'fck', 'shit', 'bitch', 'cunt', 'nigg', 'nigga', 'fagg', 'faggot', 'whore', 'slut',
  'asshole', 'arsehole', 'bastard', 'bollock', 'wanker', 'pussy', 'dildo', 'porn', 'penis', 'vagina',
  'boner', 'blowjob', 'handjob', 'jizz', 'nazi', 'hitler', 'retard', 'tranny', 'molest', 'pedophil',
  'paedo', 'incest', 'killyourself', 'suicide', 'motherf', 'dickhead', 'douche', 'piss', 'cocksuck',
  'kkk', 'terrorist',
];

/** Words refused only as whole words, because they hide inside ordinary ones (class, Sussex, grape, cocoa …). */
// prettier-ignore
const BLOCKED_WORDS = [
  'ass', 'arse', 'sex', 'twat', 'wank', 'dyke', 'rapist', 'pedo', 'sexy', 'rape', 'cock', 'dick', 'cum', 'tit', 'tits', 'boob', 'boobs', 'hoe',
  'hoes', 'fag', 'fags', 'homo', 'spic', 'chink', 'kike', 'gook', 'coon', 'kys', 'stfu', 'wtf', 'milf',
  'crap', 'damn', 'hell', 'butt', 'poop', 'turd', 'nude', 'nudes', 'naked', 'kill', 'die', 'dead',
  'gun', 'drugs', 'weed', 'meth', 'slave', 'ugly', 'stupid', 'idiot', 'loser', 'dumb', 'fat', 'fatso',
  // Names that would pass for the teacher or the game.
  'teacher', 'admin', 'administrator', 'moderator', 'mod', 'host', 'server', 'system', 'staff', 'official',
];

/** Digits and signs people use for letters, read back as the letters. */
// prettier-ignore
const LOOK_ALIKES: Record<string, string> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g',
  '@': 'a', $: 's', '!': 'i', '|': 'i', '+': 't', '€': 'e',
};

/** Lower case, accents off, look-alikes read as letters; everything else left as it was. */
function readAsLetters(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[01345789@$!|+€]/g, (c) => LOOK_ALIKES[c] ?? c);
}

/** "fuuuck" → "fuck": a letter said three times is the same letter once. */
function squeeze(text: string): string {
  return text.replace(/(.)\1+/g, '$1');
}

/** Whether a name holds a blocked word (the class server also asks this of the name with look-alikes folded). */
export function isBlockedNickname(nickname: string): boolean {
  const read = readAsLetters(nickname);
  const joined = read.replace(/[^a-z]/g, '');
  const forms = [joined, squeeze(joined)];
  if (BLOCKED_ANYWHERE.some((word) => forms.some((form) => form.includes(word)))) return true;
  const words = read.split(/[^a-z]+/).filter(Boolean);
  const wordForms = new Set([...words, ...words.map(squeeze), ...forms]);
  // Plurals and stretched words: "idiots", "deaad".
  for (const word of [...wordForms]) if (word.endsWith('s')) wordForms.add(word.slice(0, -1));
  return BLOCKED_WORDS.some((word) => wordForms.has(word));
}

/** Letters (any script), digits, spaces and ASCII punctuation; accents only right after a letter, two at most. */
const ALLOWED = /^(?:[\p{L}\p{N} \x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]|(?<=\p{L}\p{M}?)\p{M})+$/u;

/**
 * Letters that draw nothing: the Hangul fillers, which a name can be made of and show as a blank row, and the
 * Mongolian vowel separator. They are letters to Unicode, so the character check alone lets them through.
 */
const BLANK_LETTERS = /[\u115F\u1160\u3164\uFFA0\u180E]/u;

/** Tidies what was typed (NFC, outer spaces off, runs of spaces made one) and checks it. */
export function checkNickname(typed: string): NicknameCheck {
  const nickname = typed.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const fail = (problem: NicknameProblem): NicknameCheck => ({
    ok: false,
    problem,
    message: NICKNAME_MESSAGES[problem],
  });
  // Tabs and line breaks are folded to spaces above; any other control or invisible character is refused below.
  if ([...nickname].length > NICKNAME_MAX_LENGTH) return fail('too-long');
  if (nickname === '') return fail('too-short');
  if (!ALLOWED.test(nickname) || BLANK_LETTERS.test(nickname) || /[\p{Cc}\p{Cf}]/u.test(typed.replace(/[\t\n\r]/g, '')))
    return fail('characters');
  if ((nickname.match(/[\p{L}\p{N}]/gu) ?? []).length < NICKNAME_MIN_LENGTH) return fail('too-short');
  if (isBlockedNickname(nickname)) return fail('blocked');
  return { ok: true, nickname };
}

/**
 * Whether a nickname is one the game generates (an adjective and a noun from the lists above, as
 * generateNickname spells them): what a class with "generated nicknames only" takes, so no student's own name.
 */
export function isGeneratedNickname(nickname: string): boolean {
  const [adjective, noun, extra] = nickname.split(' ');
  return (
    extra === undefined &&
    (NICKNAME_ADJECTIVES as readonly string[]).includes(adjective ?? '') &&
    (NICKNAME_NOUNS as readonly string[]).includes(noun ?? '')
  );
}
