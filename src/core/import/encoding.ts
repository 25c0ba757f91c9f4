/**
 * The bytes of a teacher's file as text. Excel's plain "CSV" and Notepad's "ANSI" save Windows-1252, not UTF-8:
 * such a file is read as Windows-1252 when every byte means something there, and the reader is told so; anything
 * else is refused with how to save the file as UTF-8. Pure, so that `npm run import` and the game read alike.
 */

/** How a file's bytes were read, with a notice for the teacher when it was not UTF-8 (worded by notes.ts). */
export type DecodedFile =
  | { text: string; encoding: 'utf-8' | 'utf-16' | 'windows-1252'; notice?: 'not-utf8' }
  | { error: 'unreadable-encoding' };

const UNREADABLE = { error: 'unreadable-encoding' } as const;

/**
 * Windows-1252's bytes 0x80–0x9F (every other byte means the same code point as in Latin-1). Written out because
 * Node 20's TextDecoder reads the "windows-1252" label as Latin-1, turning ’ into a control character. Bytes
 * Windows-1252 leaves undefined are absent.
 */
const WINDOWS_1252_HIGH: Record<number, number> = {
  0x80: 0x20ac,
  0x82: 0x201a,
  0x83: 0x0192,
  0x84: 0x201e,
  0x85: 0x2026,
  0x86: 0x2020,
  0x87: 0x2021,
  0x88: 0x02c6,
  0x89: 0x2030,
  0x8a: 0x0160,
  0x8b: 0x2039,
  0x8c: 0x0152,
  0x8e: 0x017d,
  0x91: 0x2018,
  0x92: 0x2019,
  0x93: 0x201c,
  0x94: 0x201d,
  0x95: 0x2022,
  0x96: 0x2013,
  0x97: 0x2014,
  0x98: 0x02dc,
  0x99: 0x2122,
  0x9a: 0x0161,
  0x9b: 0x203a,
  0x9c: 0x0153,
  0x9e: 0x017e,
  0x9f: 0x0178,
};

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const FIRST_PRINTABLE = 0x20;
const DELETE = 0x7f;
const FIRST_HIGH = 0x80;
const AFTER_HIGH = 0xa0;

/** A text file has no control characters but tabs and line breaks: a NUL or a bell byte says it is something else. */
function isTextByte(byte: number): boolean {
  return byte >= FIRST_PRINTABLE ? byte !== DELETE : byte === TAB || byte === LINE_FEED || byte === CARRIAGE_RETURN;
}

/** Windows-1252 text when every byte is a character there (no undefined byte, no control character); else undefined. */
function decodeWindows1252(bytes: Uint8Array): string | undefined {
  const chars: string[] = [];
  for (const byte of bytes) {
    if (byte >= FIRST_HIGH && byte < AFTER_HIGH) {
      const code = WINDOWS_1252_HIGH[byte];
      if (code === undefined) return undefined;
      chars.push(String.fromCharCode(code));
    } else if (byte < FIRST_HIGH && !isTextByte(byte)) {
      return undefined;
    } else {
      chars.push(String.fromCharCode(byte));
    }
  }
  return chars.join('');
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

const UTF16_LE_BOM = [0xff, 0xfe];
const UTF16_BE_BOM = [0xfe, 0xff];

/** Reads a file's bytes as UTF-8 (with or without a byte order mark), UTF-16 with a mark, or Windows-1252. */
export function decodeFileBytes(bytes: Uint8Array): DecodedFile {
  // Excel's "Unicode Text" and some editors write UTF-16, always with a byte order mark.
  for (const [bom, label] of [
    [UTF16_LE_BOM, 'utf-16le'],
    [UTF16_BE_BOM, 'utf-16be'],
  ] as const) {
    if (!startsWith(bytes, bom)) continue;
    try {
      return { text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding: 'utf-16' };
    } catch {
      return UNREADABLE;
    }
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    for (const byte of bytes) if (!isTextByte(byte) && byte < FIRST_PRINTABLE) return UNREADABLE;
    return { text, encoding: 'utf-8' };
  } catch {
    const text = decodeWindows1252(bytes);
    return text === undefined ? UNREADABLE : { text, encoding: 'windows-1252', notice: 'not-utf8' };
  }
}
