/**
 * The game's typeface, self-hosted: @fontsource's latin files of the two weights the game draws with, cut down to
 * the characters it draws (scripts/make-fonts.ts), their @font-face rules bundled with the page's CSS.
 */
import './fonts/atkinson-hyperlegible.css';
import { FONT_FACE, FONT_TIMEOUT_MS, FONT_WEIGHTS } from './theme';

/**
 * Waits until the font is ready, because canvas text is measured and drawn once: text drawn in a
 * fallback would keep the fallback's shapes and widths. Resolves true when every weight loaded, false
 * when the browser cannot load fonts, one failed, or it took longer than the timeout — the game then
 * starts in the fallback font rather than not at all. Never rejects.
 */
export async function loadFonts(timeoutMs: number = FONT_TIMEOUT_MS): Promise<boolean> {
  const fonts = document.fonts as FontFaceSet | undefined;
  if (!fonts?.load) return false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const loads = Promise.all(FONT_WEIGHTS.map((weight) => fonts.load(`${weight} 16px "${FONT_FACE}"`))).then(
    (faces) => faces.every((matched) => matched.length > 0),
    () => false,
  );
  try {
    const loaded = await Promise.race([loads, timeout]);
    if (loaded) warmCanvasText();
    return loaded;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sets the typeface up for canvas text now, while the game still waits for its question bank: the first text
 * measured in a newly loaded face took about 7 ms, and otherwise that first text is on the title screen.
 */
function warmCanvasText(): void {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return;
  for (const weight of FONT_WEIGHTS) {
    context.font = `${weight} 20px "${FONT_FACE}"`;
    context.measureText('Source Check');
  }
}
