/** Puts a theme in force on the canvas's palette and on the page around it (its CSS, the browser's bar). */
import type Phaser from 'phaser';
import { paletteFor, usePalette, type Palette } from './theme';

/** The share of the focus ring's dark halo that is opaque, as a hex alpha (0xd9 = 85 %). */
const HALO_ALPHA = 'd9';

/** The game's palette (once there is a game) and the page's colours, switched together. */
export function applyPageTheme(highContrast: boolean, game?: Phaser.Game, page: Document = document): Palette {
  const palette = game ? usePalette(game, highContrast) : paletteFor(highContrast);
  const text = palette.text;
  // Read by the page's CSS before and after the game draws, and by the browser tests.
  page.body.dataset.theme = palette.name;
  const root = page.documentElement.style;
  root.setProperty('--desk', text.ink);
  root.setProperty('--text', text.paper);
  root.setProperty('--focus', text.focus);
  root.setProperty('--focus-halo', `${text.ink}${HALO_ALPHA}`);
  page.querySelector('meta[name="theme-color"]')?.setAttribute('content', text.ink);
  return palette;
}
