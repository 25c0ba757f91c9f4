/**
 * The shipped font files are the face cut down to the characters the game draws (npm run fonts): a character added
 * to the interface, the bank or a source that the face has but the shipped files lack would be drawn in a system
 * font, so it fails here, naming the character and where it is.
 */
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontCodePoints, gameCharacters, originalFontFile, shippedFontFile } from '../../scripts/fontSubset';
import { FONT_WEIGHTS } from '../../src/ui/theme';

describe.each(FONT_WEIGHTS)('the shipped font at weight %i', (weight) => {
  it('has every character of the game that the face has', async () => {
    const original = await fontCodePoints(originalFontFile(weight));
    const shipped = await fontCodePoints(shippedFontFile(weight));
    const missing = [...gameCharacters()]
      .filter(([character]) => original.has(character.codePointAt(0)!) && !shipped.has(character.codePointAt(0)!))
      .map(([character, file]) => `"${character}" (U+${character.codePointAt(0)!.toString(16)}) in ${file}`);
    expect(missing, 'run npm run fonts').toEqual([]);
  });

  it('is smaller than the face it was cut from', () => {
    expect(statSync(shippedFontFile(weight)).size).toBeLessThan(statSync(originalFontFile(weight)).size * 0.8);
  });
});
