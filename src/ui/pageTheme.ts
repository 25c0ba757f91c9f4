/** Puts a theme in force on the canvas's palette and on the page around it (its CSS, the browser's bar). */
import { applyTheme, CSS } from './theme';

/** The share of the focus ring's dark halo that is opaque, as a hex alpha (0xd9 = 85 %). */
const HALO_ALPHA = 'd9';

export function applyPageTheme(highContrast: boolean, page: Document = document): void {
  const palette = applyTheme(highContrast);
  // Read by the page's CSS before and after the game draws, and by the browser tests.
  page.body.dataset.theme = palette.name;
  const root = page.documentElement.style;
  root.setProperty('--desk', CSS.ink);
  root.setProperty('--text', CSS.paper);
  root.setProperty('--focus', CSS.focus);
  root.setProperty('--focus-halo', `${CSS.ink}${HALO_ALPHA}`);
  page.querySelector('meta[name="theme-color"]')?.setAttribute('content', CSS.ink);
}
