/**
 * What the game's font files are cut down to: every character it may draw in its own face (make-fonts.ts writes the
 * files; tests/unit/fontSubset.test.ts checks that the shipped files still hold them all).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fontverter from 'fontverter';
import { Blob, Face } from 'harfbuzzjs';

const root = join(import.meta.dirname, '..');

/** Where the drawn text comes from: the interface in every language, the bank and its sources, and the code's own symbols. */
const TEXT_SOURCES: readonly { folder: string; extensions: readonly string[]; skip?: string }[] = [
  { folder: 'src/i18n/locales', extensions: ['.json'] },
  { folder: 'questions', extensions: ['.yaml', '.md'] },
  { folder: 'src', extensions: ['.ts'], skip: 'src/server' },
];

/** Drawn though in no file: printable ASCII (a player's own name, a teacher's questions) and the spaces Intl puts in numbers and dates. */
const ALWAYS = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index)),
  '\u00a0',
  '\u202f',
];

/**
 * Phaser measures every text's ascent and descent by drawing this string (TextStyle's `testString`) in its face: a
 * letter of it missing from the files would be drawn from another font, and every text's height would change.
 */
function phaserTestString(): string {
  const source = readFileSync(
    join(root, 'node_modules', 'phaser', 'src', 'gameobjects', 'text', 'TextStyle.js'),
    'utf8',
  );
  const match = /testString: \[ 'testString', '([^']*)' \]/.exec(source);
  if (!match) throw new Error("Phaser's TextStyle.js no longer sets its testString where fontSubset.ts reads it");
  return match[1]!;
}

export const SHIPPED_FONTS_FOLDER = join(root, 'src', 'ui', 'fonts');

export function shippedFontFile(weight: number): string {
  return join(SHIPPED_FONTS_FOLDER, `atkinson-hyperlegible-latin-${weight}.woff2`);
}

export function originalFontFile(weight: number): string {
  return join(
    root,
    'node_modules',
    '@fontsource',
    'atkinson-hyperlegible',
    'files',
    `atkinson-hyperlegible-latin-${weight}-normal.woff2`,
  );
}

function filesUnder(folder: string, extensions: readonly string[], skip?: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (skip && relative(root, path) === skip) return [];
    if (statSync(path).isDirectory()) return filesUnder(path, extensions, skip);
    return extensions.some((extension) => name.endsWith(extension)) ? [path] : [];
  });
}

/** Every character the game may draw in its own face, with the file each was first found in. */
export function gameCharacters(): Map<string, string> {
  const found = new Map<string, string>(ALWAYS.map((character) => [character, 'always']));
  for (const character of phaserTestString()) found.set(character, "Phaser's text measuring string");
  for (const { folder, extensions, skip } of TEXT_SOURCES) {
    for (const file of filesUnder(join(root, folder), extensions, skip)) {
      for (const character of readFileSync(file, 'utf8')) {
        if (character >= ' ' && !found.has(character)) found.set(character, relative(root, file));
      }
    }
  }
  return found;
}

/** The code points a font file (woff2, as shipped) has glyphs for. */
export async function fontCodePoints(file: string): Promise<Set<number>> {
  const sfnt = await fontverter.convert(readFileSync(file), 'truetype');
  return new Set(new Face(new Blob(sfnt)).collectUnicodes());
}
