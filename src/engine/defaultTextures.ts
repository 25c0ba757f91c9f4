import Phaser from 'phaser';

/**
 * Phaser's three default textures made at once from their pixels, instead of decoded from the base64 images in its
 * config: an image decodes asynchronously, and Phaser starts no scene until all three have, so the first screen's
 * build waited a task and a frame for three tiny pictures (about 30 ms of a first visit on a laptop). The textures
 * are the same sizes and pixels as Phaser's own images.
 *
 * Phaser is started with `DEFAULT_TEXTURES_MADE_HERE` as its `images` config (so it decodes none of them);
 * `makeDefaultTextures` must run once Phaser has booted, before anything else waits for its READY event.
 */
export const DEFAULT_TEXTURES_MADE_HERE = { default: null, missing: null, white: null } as const;

const DEFAULT_SIZE = 32;
const WHITE_SIZE = 4;

/** Adds `__DEFAULT` (32×32 clear), `__MISSING` (32×32 black, a green border and diagonal) and `__WHITE` (4×4). */
export function makeDefaultTextures(game: Phaser.Game): void {
  const textures = game.textures;
  const add = (key: string, pixels: Uint8Array, size: number) => {
    const texture = textures.addUint8Array(key, pixels, size, size);
    // The texture manager counts these three loads before it lets the game start its scenes.
    textures.emit(Phaser.Textures.Events.LOAD, key, texture);
  };
  add('__DEFAULT', new Uint8Array(DEFAULT_SIZE * DEFAULT_SIZE * 4), DEFAULT_SIZE);
  add('__MISSING', missingPixels(), DEFAULT_SIZE);
  add('__WHITE', new Uint8Array(WHITE_SIZE * WHITE_SIZE * 4).fill(255), WHITE_SIZE);
}

/** What Phaser shows for a texture that is not there: black, a green border, a green line corner to corner. */
function missingPixels(): Uint8Array {
  const pixels = new Uint8Array(DEFAULT_SIZE * DEFAULT_SIZE * 4);
  const last = DEFAULT_SIZE - 1;
  for (let y = 0; y < DEFAULT_SIZE; y++) {
    for (let x = 0; x < DEFAULT_SIZE; x++) {
      const at = (y * DEFAULT_SIZE + x) * 4;
      const green = x === 0 || y === 0 || x === last || y === last || x === y;
      pixels[at + 1] = green ? 255 : 0;
      pixels[at + 3] = 255;
    }
  }
  return pixels;
}
