/**
 * The shipped font files are the face cut down to the characters the game draws (npm run fonts): a character added
 * to the interface, the bank or a source that the face has but the shipped files lack would be drawn in a system
 * font, so it fails here, naming the character and where it is.
 */
import { readFileSync, statSync } from 'node:fs';
import fontverter from 'fontverter';
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

  it('carries no hinting: its instructions were 40 % of the file, on the way to the first screen', async () => {
    const tables = await fontTableTags(shippedFontFile(weight));
    expect(tables).toContain('glyf');
    expect(tables.filter((tag) => HINTING_TABLES.includes(tag))).toEqual([]);
    expect(await glyphInstructionBytes(shippedFontFile(weight))).toBe(0);
  });

  it('is smaller than the face it was cut from', () => {
    expect(statSync(shippedFontFile(weight)).size).toBeLessThan(statSync(originalFontFile(weight)).size * 0.8);
  });
});

/** The tables a face's hinting lives in, besides the instructions inside each glyph. */
const HINTING_TABLES = ['fpgm', 'prep', 'cvt ', 'hdmx', 'VDMX', 'LTSH'];

async function sfntOf(file: string): Promise<Buffer> {
  return Buffer.from(await fontverter.convert(readFileSync(file), 'truetype'));
}

/** The table tags of a font file, from its table directory. */
async function fontTableTags(file: string): Promise<string[]> {
  const sfnt = await sfntOf(file);
  const count = sfnt.readUInt16BE(4);
  return Array.from({ length: count }, (_, i) => sfnt.toString('latin1', 12 + i * 16, 16 + i * 16));
}

/** The bytes of TrueType instructions in all of a font's glyphs (each glyph's own hinting). */
async function glyphInstructionBytes(file: string): Promise<number> {
  const sfnt = await sfntOf(file);
  const table = (tag: string) => {
    const count = sfnt.readUInt16BE(4);
    for (let i = 0; i < count; i += 1) {
      const record = 12 + i * 16;
      if (sfnt.toString('latin1', record, record + 4) === tag) return sfnt.readUInt32BE(record + 8);
    }
    throw new Error(`no ${tag} table`);
  };
  const glyf = table('glyf');
  const loca = table('loca');
  const head = table('head');
  const longOffsets = sfnt.readInt16BE(head + 50) === 1;
  const glyphs = sfnt.readUInt16BE(table('maxp') + 4);
  const offset = (i: number) => (longOffsets ? sfnt.readUInt32BE(loca + i * 4) : sfnt.readUInt16BE(loca + i * 2) * 2);
  let total = 0;
  for (let i = 0; i < glyphs; i += 1) {
    const start = offset(i);
    if (offset(i + 1) === start) continue;
    const glyph = glyf + start;
    const contours = sfnt.readInt16BE(glyph);
    // A simple glyph's instructions follow its contours' end points; a composite's follow its last component.
    if (contours >= 0) {
      total += sfnt.readUInt16BE(glyph + 10 + contours * 2);
      continue;
    }
    let at = glyph + 10;
    let flags: number;
    do {
      flags = sfnt.readUInt16BE(at);
      at += 4 + (flags & 0x0001 ? 4 : 2);
      if (flags & 0x0008) at += 2;
      else if (flags & 0x0040) at += 4;
      else if (flags & 0x0080) at += 8;
    } while (flags & 0x0020);
    if (flags & 0x0100) total += sfnt.readUInt16BE(at);
  }
  return total;
}
