import { describe, expect, it } from 'vitest';
import { challengeValueOf, trimLinkValue } from '../../src/core/challengeLinkText';

describe('reading where a challenge link keeps its round', () => {
  it('drops the punctuation a chat app adds after a link, and nothing else', () => {
    for (const tail of ['.', ')', ').', '!', '"', '”', '…', ' ', ',', ']'])
      expect(trimLinkValue(`eyJ2Ij_-1${tail}`)).toBe('eyJ2Ij_-1');
    // Damage inside the value stays, to be reported as damage.
    expect(trimLinkValue('eyJ2%Ij')).toBe('eyJ2%Ij');
    expect(trimLinkValue('eyJ2.Ij')).toBe('eyJ2.Ij');
  });

  it('takes #c= and ?c=, the fragment first', () => {
    expect(challengeValueOf('#c=abc).', '')).toBe('abc');
    expect(challengeValueOf('', '?c=abc.')).toBe('abc');
    expect(challengeValueOf('#c=frag', '?c=query')).toBe('frag');
    expect(challengeValueOf('#top', '?class=X')).toBeUndefined();
    expect(challengeValueOf('', '')).toBeUndefined();
  });
});
