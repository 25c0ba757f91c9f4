import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/core/csv';

describe('CSV export', () => {
  it('quotes every field and doubles quotes inside', () => {
    expect(csvField('plain')).toBe('"plain"');
    expect(csvField('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(42)).toBe('"42"');
    expect(csvField(null)).toBe('""');
  });

  it('makes text that a spreadsheet would run as a formula inert', () => {
    for (const value of ['=SUM(A1)', '+1', '-1+1', '@cmd', '\tx', '\rx']) {
      expect(csvField(value)).toBe(`"'${value}"`);
    }
    expect(csvField('a=b')).toBe('"a=b"');
    // Our own numbers are not text from anyone: a count stays a number.
    expect(csvField(-3)).toBe('"-3"');
  });

  it('ends every row with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['c', 1],
      ]),
    ).toBe('"a","b"\r\n"c","1"\r\n');
  });
});
