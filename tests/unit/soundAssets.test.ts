import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SOUNDS = join(import.meta.dirname, '..', '..', 'assets', 'sounds');
/** The budget for every sound file together. */
const BUDGET_BYTES = 150_000;
const SPRITE_FILES = ['effects', 'music'];
const FORMATS = ['webm', 'mp3'];

function sprite(name: string): Record<string, (number | boolean)[]> {
  return JSON.parse(readFileSync(join(SOUNDS, `${name}.json`), 'utf8'));
}

describe('the sound files', () => {
  it('come in two formats each and stay within 150 KB together', () => {
    const sizes = SPRITE_FILES.flatMap((name) =>
      FORMATS.map((format) => statSync(join(SOUNDS, `${name}.${format}`)).size),
    );
    for (const size of sizes) expect(size).toBeGreaterThan(1_000);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('are real Opus-in-WebM and MP3 files', () => {
    for (const name of SPRITE_FILES) {
      const webm = readFileSync(join(SOUNDS, `${name}.webm`));
      expect(webm.subarray(0, 4)).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
      expect(webm.includes('A_OPUS')).toBe(true);
      const mp3 = readFileSync(join(SOUNDS, `${name}.mp3`));
      // An MPEG audio frame sync: eleven set bits.
      expect(mp3[0]).toBe(0xff);
      expect(mp3[1]! & 0xe0).toBe(0xe0);
    }
  });

  it('lay out the effects one after another, with room between them', () => {
    const spans = Object.values(sprite('effects')).map(([start, length]) => [Number(start), Number(length)]);
    spans.forEach(([start, length], i) => {
      expect(length).toBeGreaterThan(0);
      const next = spans[i + 1];
      if (next) expect(start! + length!).toBeLessThan(next[0]!);
    });
  });

  it('loop the music', () => {
    expect(sprite('music').loop?.[2]).toBe(true);
  });
});
