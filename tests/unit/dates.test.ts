import { describe, expect, it } from 'vitest';
import { asOfNote, asOfShortNote } from '../../src/core/dates';

describe('the as-of note of a reveal', () => {
  it('names the date a fact holds as of, in the words the reveal shows', () => {
    expect(asOfNote({ asOf: '2025-09-25' })).toBe('As of 25 September 2025: later documents may have changed this.');
  });

  it('says nothing for a question without a date, or with one that is not a date', () => {
    expect(asOfNote({})).toBeUndefined();
    expect(asOfNote({ asOf: '2025-02-30' })).toBeUndefined();
  });
});

describe('the short as-of note', () => {
  it('gives the date alone, for a screen with no room for the whole note', () => {
    expect(asOfShortNote({ asOf: '2025-09-25' })).toBe('As of 25 September 2025.');
    expect(asOfShortNote({})).toBeUndefined();
    expect(asOfShortNote({ asOf: 'soon' })).toBeUndefined();
  });
});
