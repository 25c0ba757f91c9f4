/**
 * Draws the link preview picture (public/preview.png, 1200×630: the size chat apps and social sites show large)
 * in the game's look: its ink desk, the name with its highlighted underline, the tagline, the app icon and a row of
 * result marks, in the game's own font and palette. Drawn by Chromium on a canvas, so the text is the real font.
 * Run: npx tsx scripts/make-preview-image.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { launchChromium } from '../tests/browser/chromium';
import { PREVIEW_IMAGE_SIZE } from '../src/server/pagePreview';
import { cssColor } from '../src/ui/color';
import { FONT_FACE, STANDARD_PALETTE } from '../src/ui/theme';

const root = join(import.meta.dirname, '..');
const fonts = join(root, 'node_modules', '@fontsource', 'atkinson-hyperlegible', 'files');
const fontData = (weight: number) =>
  readFileSync(join(fonts, `atkinson-hyperlegible-latin-${weight}-normal.woff2`)).toString('base64');
const icon = readFileSync(join(root, 'public', 'icons', 'icon-512.png')).toString('base64');
const { colors, text } = STANDARD_PALETTE;

/** What the page draws with: plain values, handed to the page's script. */
const look = {
  ...PREVIEW_IMAGE_SIZE,
  font: FONT_FACE,
  ink: text.ink,
  paper: text.paper,
  muted: text.muted,
  highlight: cssColor(colors.highlight),
  right: cssColor(colors.correct),
  wrong: cssColor(colors.wrong),
  timeout: cssColor(colors.controlEdge),
  onBright: text.onBright,
};

/** Runs in the page: everything it needs comes in `look`. */
function draw(values: typeof look): string {
  const canvas = document.createElement('canvas');
  canvas.width = values.width;
  canvas.height = values.height;
  const g = canvas.getContext('2d')!;
  g.fillStyle = values.ink;
  g.fillRect(0, 0, values.width, values.height);
  const image = document.getElementById('icon') as HTMLImageElement;
  // The app icon, on the same ink as the desk.
  g.drawImage(image, 850, 150, 300, 300);
  g.fillStyle = values.paper;
  g.font = `bold 92px "${values.font}"`;
  g.fillText('SOURCE CHECK', 64, 190);
  g.fillStyle = values.highlight;
  g.fillRect(64, 214, 560, 12);
  g.fillStyle = values.paper;
  g.font = `bold 46px "${values.font}"`;
  g.fillText('Check the claims.', 64, 310);
  g.fillText('Read the sources.', 64, 370);
  g.fillStyle = values.muted;
  g.font = `34px "${values.font}"`;
  g.fillText('The TikTok ban controversy, 2019–2025', 64, 440);
  // A result row as the share text and the score card show it: marks, never answers.
  const marks = ['right', 'right', 'wrong', 'right', 'timeout', 'right', 'right', 'wrong', 'right', 'right'];
  const size = 58;
  marks.forEach((mark, index) => {
    const x = 64 + index * (size + 14);
    const y = 500;
    g.fillStyle = mark === 'right' ? values.right : mark === 'wrong' ? values.wrong : values.timeout;
    g.beginPath();
    g.roundRect(x, y, size, size, size * 0.18);
    g.fill();
    // The marks the results screen draws: shape as well as colour.
    g.fillStyle = values.onBright;
    g.font = `bold ${size * 0.55}px "${values.font}", "DejaVu Sans", sans-serif`;
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText(mark === 'right' ? '✔' : mark === 'wrong' ? '✘' : '◔', x + size / 2, y + size / 2 + 2);
    g.textAlign = 'left';
    g.textBaseline = 'alphabetic';
  });
  g.fillStyle = values.muted;
  g.font = `28px "${values.font}"`;
  g.fillText('A quiz for media-literacy lessons · plays in the browser', 64, values.height - 22);
  return canvas.toDataURL('image/png');
}

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><style>
    @font-face { font-family: "${FONT_FACE}"; font-weight: 400; src: url(data:font/woff2;base64,${fontData(400)}); }
    @font-face { font-family: "${FONT_FACE}"; font-weight: 700; src: url(data:font/woff2;base64,${fontData(700)}); }
  </style><img id="icon" src="data:image/png;base64,${icon}">`);
  await page.evaluate(async (face) => {
    await Promise.all([document.fonts.load(`400 20px "${face}"`), document.fonts.load(`700 20px "${face}"`)]);
    await (document.getElementById('icon') as HTMLImageElement).decode();
  }, FONT_FACE);
  const dataUrl = await page.evaluate(draw, look);
  // Written again through pngjs at its best compression: the browser's PNG is several times larger.
  const drawn = PNG.sync.read(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
  const out = join(root, 'public', 'preview.png');
  writeFileSync(out, PNG.sync.write(drawn, { deflateLevel: 9 }));
  console.log(`Wrote ${out} (${drawn.width}×${drawn.height})`);
} finally {
  await browser.close();
}
