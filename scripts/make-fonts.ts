/**
 * `npm run fonts`: the game's two font files cut down to the characters it draws (fontSubset.ts), from @fontsource's
 * latin files into src/ui/fonts/: they are on the way to the first screen. tests/unit/fontSubset.test.ts fails when
 * a string of the interface, the bank or the sources uses a character the face has and the shipped files lack: run
 * this again then. A character outside the files (a teacher's own question in another script) is drawn by the
 * browser from a system font, glyph by glyph.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import subsetFont from 'subset-font';
import { FONT_WEIGHTS } from '../src/ui/theme';
import { gameCharacters, originalFontFile, shippedFontFile } from './fontSubset';

const text = [...gameCharacters().keys()].join('');
/**
 * Without the face's hinting (its TrueType instructions): 40 % of each file, on the way to the first screen, for
 * glyph fitting that only some renderers apply, at small sizes on low-resolution screens. (subset-font's
 * `noHinting`, in its README, is newer than its published types.)
 */
const SUBSET_OPTIONS: Parameters<typeof subsetFont>[2] & { noHinting: boolean } = {
  targetFormat: 'woff2',
  noHinting: true,
};
for (const weight of FONT_WEIGHTS) {
  const original = readFileSync(originalFontFile(weight));
  const subset = await subsetFont(original, text, SUBSET_OPTIONS);
  writeFileSync(shippedFontFile(weight), subset);
  console.log(`${relative(process.cwd(), shippedFontFile(weight))}: ${original.length} → ${subset.length} bytes`);
}
