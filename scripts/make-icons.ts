/**
 * Draws the app icons (public/icons/*.png) from shapes, so they are reproducible and free of licence
 * questions: a paper clipping with a highlighted line and a check mark, on the game's ink blue.
 * Run: npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgb = [number, number, number];
const INK: Rgb = [0x14, 0x21, 0x3d];
const PAPER: Rgb = [0xfb, 0xf6, 0xe9];
const LINE: Rgb = [0x9a, 0xa3, 0xb5];
const HIGHLIGHT: Rgb = [0xff, 0xe0, 0x66];
const CHECK: Rgb = [0x2f, 0xbf, 0x71];
const WHITE: Rgb = [0xff, 0xff, 0xff];

function inRoundRect(
  x: number,
  y: number,
  left: number,
  top: number,
  right: number,
  bottom: number,
  r: number,
): boolean {
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function nearSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number, width: number): boolean {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - (ax + t * (bx - ax))) ** 2 + (y - (ay + t * (by - ay))) ** 2 <= (width / 2) ** 2;
}

/** The colour at a point of the unit square; `inset` shrinks the drawing for maskable icons' safe zone. */
function colourAt(u: number, v: number, inset: number): Rgb {
  const x = (u - inset) / (1 - 2 * inset);
  const y = (v - inset) / (1 - 2 * inset);
  if (x >= 0.62 && y >= 0.62 && (x - 0.78) ** 2 + (y - 0.78) ** 2 <= 0.17 ** 2) {
    if (nearSegment(x, y, 0.7, 0.79, 0.76, 0.85, 0.045) || nearSegment(x, y, 0.76, 0.85, 0.87, 0.71, 0.045))
      return WHITE;
    return CHECK;
  }
  if (inRoundRect(x, y, 0.2, 0.14, 0.74, 0.86, 0.05)) {
    if (y > 0.27 && y < 0.35 && x > 0.28 && x < 0.66) return HIGHLIGHT;
    for (const lineY of [0.31, 0.45, 0.57, 0.69]) {
      if (Math.abs(y - lineY) < 0.022 && x > 0.3 && x < (lineY === 0.69 ? 0.52 : 0.64)) return LINE;
    }
    return PAPER;
  }
  return INK;
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number, inset: number): Buffer {
  const samples = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py += 1) {
    const row = Buffer.alloc(1 + size * 3);
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, inset);
          for (let c = 0; c < 3; c += 1) sum[c]! += colour[c]!;
        }
      }
      for (let c = 0; c < 3; c += 1) row[1 + px * 3 + c] = Math.round(sum[c]! / (samples * samples));
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const folder = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
mkdirSync(folder, { recursive: true });
for (const [name, size, inset] of [
  ['icon-192.png', 192, 0],
  ['icon-512.png', 512, 0],
  ['maskable-512.png', 512, 0.1],
  ['apple-touch-icon.png', 180, 0],
] as const) {
  writeFileSync(join(folder, name), png(size, inset));
  console.log(`wrote public/icons/${name}`);
}
