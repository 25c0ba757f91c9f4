/**
 * Class codes: six characters a class can read off a projector and type on a phone. The alphabet leaves
 * out characters that look alike (0/O/Q/D, 1/I/L, 5/S, 2/Z, 8/B, U/V) so a code is never misread.
 */

export const CLASS_CODE_LENGTH = 6;
export const CLASS_CODE_ALPHABET = '34679ACEFGHJKMNPRTWXY';

/** The pattern of a well-formed code (the server's route schemas use it too). */
export const CLASS_CODE_PATTERN = `^[${CLASS_CODE_ALPHABET}]{${CLASS_CODE_LENGTH}}$`;

/**
 * A code from random integers (one per character, any size): the caller brings the randomness
 * (crypto on the server), so this stays pure. Modulo bias is negligible for 32-bit inputs over 21 symbols.
 */
export function classCodeFrom(randomInts: ArrayLike<number>): string {
  if (randomInts.length < CLASS_CODE_LENGTH) throw new Error(`A class code needs ${CLASS_CODE_LENGTH} random numbers`);
  let code = '';
  for (let i = 0; i < CLASS_CODE_LENGTH; i += 1) {
    code += CLASS_CODE_ALPHABET[Math.abs(Math.floor(randomInts[i]!)) % CLASS_CODE_ALPHABET.length];
  }
  return code;
}

/** What a student typed, tidied: upper case, without spaces or dashes. */
export function normalizeClassCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

export function isClassCode(text: string): boolean {
  return new RegExp(CLASS_CODE_PATTERN).test(text);
}
