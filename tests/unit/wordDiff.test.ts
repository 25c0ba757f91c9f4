import { describe, expect, it } from 'vitest';
import { comparableWord, compareWords, differingPhrases, isDetail } from '../../src/core/wordDiff';

const marked = (words: { text: string; differs: boolean }[]) => words.filter((w) => w.differs).map((w) => w.text);

describe('the details that differ between a claim and its source', () => {
  it('marks the date one side has and the other lacks, and leaves shared words alone', () => {
    const result = compareWords(
      'In early July, the Donald Trump administration gave TikTok an ultimatum',
      'THE WHITE HOUSE, August 6, 2020.',
    );
    expect(marked(result.claim)).toEqual(['early', 'July,', 'Donald', 'Trump', 'TikTok']);
    expect(differingPhrases(result.claim)).toEqual(['early July', 'Donald Trump', 'TikTok']);
    expect(differingPhrases(result.source)).toEqual(['WHITE HOUSE August 6 2020']);
  });

  it('marks nothing when the claim quotes the source word for word', () => {
    const text = 'wants to buy only the American, New Zealander and Australian assets of TikTok';
    expect(marked(compareWords(text, text).claim)).toEqual([]);
    expect(marked(compareWords(text, `The Seattle-based giant ${text}`).source)).toEqual(['Seattle-based']);
  });

  it('keeps a number with its unit, and tells different numbers apart', () => {
    const result = compareWords('within 45 days', 'not later than 90 days after the date');
    expect(differingPhrases(result.claim)).toEqual(['45']);
    expect(differingPhrases(result.source)).toEqual(['90', 'after']);
    expect(isDetail('days', '45')).toBe(true);
    expect(isDetail('days', 'many')).toBe(false);
  });

  it('reads U.S. and US, plurals and possessives as the same word', () => {
    expect(comparableWord('U.S.')).toBe(comparableWord('US'));
    expect(comparableWord('orders')).toBe('order');
    expect(comparableWord('TikTok’s')).toBe('tiktok');
    expect(comparableWord('Congress')).toBe('congress');
    expect(marked(compareWords('the U.S. government', 'US officials said').claim)).toEqual([]);
  });

  it('does not take a capital that starts a sentence for a name, nor "may" for a month', () => {
    expect(isDetail('Given', undefined)).toBe(false);
    expect(isDetail('There', 'review.')).toBe(false);
    expect(isDetail('Secretary', 'the')).toBe(true);
    expect(isDetail('CFIUS', undefined)).toBe(true);
    expect(isDetail('TikTok', undefined)).toBe(true);
    expect(isDetail('may', 'CFIUS')).toBe(false);
    expect(isDetail('May', 'in')).toBe(true);
  });

  it('keeps every token, punctuation included, so the marked text reads as written', () => {
    const claim = '“by September 15,” it said.';
    expect(
      compareWords(claim, 'x')
        .claim.map((w) => w.text)
        .join(' '),
    ).toBe(claim);
  });
});
