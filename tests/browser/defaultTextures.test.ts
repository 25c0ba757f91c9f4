/**
 * Phaser's default textures are made from their pixels as it boots (src/engine/defaultTextures.ts), not decoded from
 * images, so the title's build does not wait for three image decodes. They must still be there, with Phaser's sizes
 * and pixels: a game object without a texture draws `__DEFAULT`, tinted and filled shapes draw with `__WHITE`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openGame, pageErrors, PHONE } from './game';
import { useChromium } from './sharedChromium';

const url = inject('appUrl');
const chromium = useChromium();
let page: Page;

beforeAll(async () => {
  page = await openGame(chromium.browser, `${url}?test-hooks`, PHONE);
});
afterAll(async () => {
  await page?.context().close();
});

interface DefaultTexture {
  key: string;
  width: number;
  height: number;
  /** Whether the source is pixels made at boot (not an image element that had to decode). */
  fromPixels: boolean;
  /** RGBA of the pixels at (0,0), (1,0), (1,1) and (5,9) (the last only where the texture is that large). */
  samples: number[][];
}

async function defaultTextures(): Promise<DefaultTexture[]> {
  return page.evaluate(() => {
    const game = window.sourceCheckTest!.game;
    return ['__DEFAULT', '__MISSING', '__WHITE'].map((key) => {
      const source = game.textures.get(key).source[0]!;
      const pixels = source.image as unknown;
      const fromPixels = pixels instanceof Uint8Array;
      const at = (x: number, y: number) =>
        fromPixels ? [...(pixels as Uint8Array).slice((y * source.width + x) * 4, (y * source.width + x) * 4 + 4)] : [];
      const points: [number, number][] = [
        [0, 0],
        [1, 0],
        [1, 1],
        [5, 9],
      ];
      return {
        key,
        width: source.width,
        height: source.height,
        fromPixels,
        samples: points.filter(([x, y]) => x < source.width && y < source.height).map(([x, y]) => at(x, y)),
      };
    });
  });
}

describe('Phaser’s default textures', () => {
  it('are made from pixels at boot, at Phaser’s sizes and with its pixels', async () => {
    const [blank, missing, white] = await defaultTextures();
    expect(blank).toEqual({
      key: '__DEFAULT',
      width: 32,
      height: 32,
      fromPixels: true,
      samples: [Array(4).fill(0), Array(4).fill(0), Array(4).fill(0), Array(4).fill(0)],
    });
    // Black, with a green border and a green line from corner to corner.
    expect(missing).toEqual({
      key: '__MISSING',
      width: 32,
      height: 32,
      fromPixels: true,
      samples: [
        [0, 255, 0, 255],
        [0, 255, 0, 255],
        [0, 255, 0, 255],
        [0, 0, 0, 255],
      ],
    });
    expect(white).toEqual({
      key: '__WHITE',
      width: 4,
      height: 4,
      fromPixels: true,
      samples: [Array(4).fill(255), Array(4).fill(255), Array(4).fill(255)],
    });
  });

  it('leave the title drawn and the page without errors', async () => {
    expect(await page.evaluate(() => document.body.dataset.screen)).toBe('title');
    expect(pageErrors(page)).toEqual([]);
  });
});
