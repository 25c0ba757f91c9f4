import { describe, expect, it } from 'vitest';
import { importQuestions, importReportList } from '../../src/core/import/index';
import { importReportColor, importReportTitle } from '../../src/ui/importReport';
import { HIGH_CONTRAST_PALETTE, STANDARD_PALETTE } from '../../src/ui/theme';

const CSS = STANDARD_PALETTE.text;

const changed = 'Changed: Line 3, question "Cat": picture not shown: a cat';
const skipped = 'Skipped: Line 8, question "No right answer", answers: no answer is marked correct';

describe('an import report on screen', () => {
  it('is titled for what it holds', () => {
    expect(importReportTitle([changed, skipped], 'quiz.gift')).toBe('What was changed or skipped in quiz.gift');
    expect(importReportTitle([changed], 'quiz.gift')).toBe('What was changed in quiz.gift');
    expect(importReportTitle([skipped], 'quiz.gift')).toBe('What was skipped in quiz.gift');
    expect(importReportTitle(['bank 2 could not be read'], 'the saved banks')).toBe('Problems in the saved banks');
  });

  it('colours skipped questions as problems and changes as notes', () => {
    expect(importReportColor(skipped, CSS)).toBe(CSS.wrong);
    expect(importReportColor(changed, CSS)).toBe(CSS.muted);
    expect(importReportColor('bank 2 could not be read', CSS)).toBe(CSS.wrong);
    // In the palette it is given: high contrast has its own colours for both.
    expect(importReportColor(skipped, HIGH_CONTRAST_PALETTE.text)).toBe(HIGH_CONTRAST_PALETTE.text.wrong);
    expect(importReportColor(changed, HIGH_CONTRAST_PALETTE.text)).toBe(HIGH_CONTRAST_PALETTE.text.muted);
  });

  it('reads the lines the importer writes', () => {
    const text = [
      '::Cat:: [html]What animal is this?<img src="cat.jpg" alt="a cat">{=cat ~dog}',
      '',
      '::No right answer:: Who owns TikTok? {~ByteDance ~Microsoft}',
      '',
    ].join('\n');
    const lines = importReportList(importQuestions({ path: 'quiz.gift', text }, { sources: {} }));
    expect(lines.map((line) => line.split(':')[0])).toEqual(['Changed', 'Skipped']);
    expect(importReportTitle(lines, 'quiz.gift')).toBe('What was changed or skipped in quiz.gift');
    expect(lines.map((line) => importReportColor(line, CSS))).toEqual([CSS.muted, CSS.wrong]);
  });
});
