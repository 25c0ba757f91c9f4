import { describe, expect, it } from 'vitest';
import { canvasSizeOf, MAX_RENDER_SCALE, renderScaleFor } from '../../src/ui/renderScale';

const PHONE_GAME = { width: 480, height: 1039 };
const LAPTOP_GAME = { width: 1280, height: 720 };

describe('the canvas pixels drawn per game pixel', () => {
  it('follow the device pixel ratio on a phone, up to the cap', () => {
    // 390 CSS pixels show 480 game pixels: 0.81 CSS pixels each.
    expect(renderScaleFor({ width: 390, height: 844 }, PHONE_GAME, 1)).toBe(1);
    expect(renderScaleFor({ width: 390, height: 844 }, PHONE_GAME, 2)).toBe(1.5);
    expect(renderScaleFor({ width: 390, height: 844 }, PHONE_GAME, 3)).toBe(MAX_RENDER_SCALE);
  });

  it('follow the size the canvas is shown at on a large screen', () => {
    expect(renderScaleFor({ width: 1366, height: 768 }, LAPTOP_GAME, 1)).toBe(1.0);
    expect(renderScaleFor({ width: 1920, height: 1080 }, LAPTOP_GAME, 1)).toBe(1.5);
    expect(renderScaleFor({ width: 1920, height: 1080 }, LAPTOP_GAME, 2)).toBe(MAX_RENDER_SCALE);
  });

  it('are never below 1, whatever the page reports', () => {
    expect(renderScaleFor({ width: 200, height: 300 }, PHONE_GAME, 1)).toBe(1);
    expect(renderScaleFor({ width: 0, height: 0 }, PHONE_GAME, 3)).toBe(1);
    expect(renderScaleFor({ width: 390, height: 844 }, PHONE_GAME, Number.NaN)).toBe(1);
  });

  it('make a canvas of whole pixels', () => {
    expect(canvasSizeOf({ ...PHONE_GAME, renderScale: 1.625 })).toEqual({ width: 780, height: 1688 });
  });
});
