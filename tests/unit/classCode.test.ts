import { describe, expect, it } from 'vitest';
import { CLASS_CODE_ALPHABET, classCodeFrom, isClassCode, normalizeClassCode } from '../../src/core/classCode';

describe('class codes', () => {
  it('use an alphabet without characters that look alike', () => {
    for (const lookAlike of '0O1IL5S2Z8BUVQD') expect(CLASS_CODE_ALPHABET).not.toContain(lookAlike);
    expect(new Set(CLASS_CODE_ALPHABET).size).toBe(CLASS_CODE_ALPHABET.length);
  });

  it('are six characters from it, made from the random numbers given', () => {
    const code = classCodeFrom([0, 1, 2, 3, 4, 2 ** 31 - 1]);
    expect(code).toHaveLength(6);
    expect(isClassCode(code)).toBe(true);
    expect(classCodeFrom([0, 0, 0, 0, 0, 0])).toBe(CLASS_CODE_ALPHABET[0]!.repeat(6));
    expect(() => classCodeFrom([1, 2])).toThrow();
  });

  it('are read the way students type them', () => {
    expect(normalizeClassCode(' 3k x-a49 ')).toBe('3KXA49');
    expect(isClassCode('3KXA49')).toBe(true);
    expect(isClassCode('3KXA4')).toBe(false);
    expect(isClassCode('3KXA40')).toBe(false);
    expect(isClassCode("3KXA4' OR 1=1")).toBe(false);
  });
});
