/**
 * The score card: a PNG of a finished round (name, score, result grid, date, game name) to download
 * or share. Drawn on its own 2D canvas, so it does not depend on what the game canvas shows. A server challenge's
 * card also carries its short link, written out and as a QR code, so a picture posted alone still leads to it.
 */
import type { ResultMark } from '../core/challenge';
import type { Translator } from '../i18n/translator';
import { cssColor } from './color';
import { FONT_FAMILY, type Palette } from './theme';

export const SCORE_CARD_SIZE = { width: 1200, height: 630 } as const;

/** A mark's fill and the colour of its icon: the pairs the game itself draws, so the palette's measured contrast holds. */
function markColors(mark: ResultMark, { colors, text }: Palette): [fill: string, icon: string] {
  if (mark === 'right') return [cssColor(colors.correct), text.onBright];
  if (mark === 'wrong') return [cssColor(colors.wrong), text.onBright];
  return [cssColor(colors.controlEdge), text.ink];
}

export interface ScoreCardFacts {
  name: string;
  label: string;
  score: number;
  correct: number;
  total: number;
  marks: readonly ResultMark[];
  date: string;
  /** A server challenge's short link (`…/c/CODE`): written on the card and drawn as a QR code. */
  link?: string;
}

/** A QR code's modules: `size` by `size`, each dark or light. */
export interface QrModules {
  size: number;
  isDark(row: number, column: number): boolean;
}

/** Where the QR code sits on the card: the right-hand side, clear of the name and the score. */
export const QR_BOX = { x: 880, y: 150, size: 260 } as const;
/** The light margin around the modules, in modules (scanners want a quiet zone). */
export const QR_QUIET_MODULES = 2;

function drawMark(
  g: CanvasRenderingContext2D,
  palette: Palette,
  mark: ResultMark,
  x: number,
  y: number,
  size: number,
): void {
  const [fill, icon] = markColors(mark, palette);
  g.fillStyle = fill;
  g.beginPath();
  g.roundRect(x, y, size, size, size * 0.18);
  g.fill();
  g.strokeStyle = icon;
  g.lineWidth = size * 0.12;
  g.lineCap = 'round';
  g.lineJoin = 'round';
  g.beginPath();
  const c = size / 2;
  if (mark === 'right') {
    g.moveTo(x + size * 0.27, y + c);
    g.lineTo(x + size * 0.44, y + size * 0.68);
    g.lineTo(x + size * 0.74, y + size * 0.32);
  } else if (mark === 'wrong') {
    g.moveTo(x + size * 0.3, y + size * 0.3);
    g.lineTo(x + size * 0.7, y + size * 0.7);
    g.moveTo(x + size * 0.7, y + size * 0.3);
    g.lineTo(x + size * 0.3, y + size * 0.7);
  } else {
    g.arc(x + c, y + c, size * 0.28, 0, Math.PI * 2);
    g.moveTo(x + c, y + c);
    g.lineTo(x + c, y + size * 0.32);
    g.moveTo(x + c, y + c);
    g.lineTo(x + size * 0.66, y + c);
  }
  g.stroke();
}

/** The QR code on a light square, the link written under it. */
function drawLink(g: CanvasRenderingContext2D, palette: Palette, link: string, qr: QrModules, scanLine: string): void {
  const { x, y, size } = QR_BOX;
  g.fillStyle = '#ffffff';
  g.beginPath();
  g.roundRect(x, y, size, size, 12);
  g.fill();
  const module = Math.floor(size / (qr.size + QR_QUIET_MODULES * 2));
  const offset = (size - module * qr.size) / 2;
  g.fillStyle = palette.text.ink;
  for (let row = 0; row < qr.size; row += 1) {
    for (let column = 0; column < qr.size; column += 1) {
      if (qr.isDark(row, column)) g.fillRect(x + offset + column * module, y + offset + row * module, module, module);
    }
  }
  g.fillStyle = palette.text.paper;
  g.font = `bold 24px ${FONT_FAMILY}`;
  g.textAlign = 'center';
  g.fillText(link.replace(/^https?:\/\//, ''), x + size / 2, y + size + 40, SCORE_CARD_SIZE.width - x - 20);
  g.fillStyle = palette.text.muted;
  g.font = `22px ${FONT_FAMILY}`;
  g.fillText(scanLine, x + size / 2, y + size + 72, SCORE_CARD_SIZE.width - x - 20);
  g.textAlign = 'left';
}

/** Drawn in the palette the player sees the game in, so the card matches the screen it came from. */
export function drawScoreCard(
  canvas: HTMLCanvasElement,
  facts: ScoreCardFacts,
  palette: Palette,
  translator: Translator,
  qr?: QrModules,
): void {
  const { t } = translator;
  const { colors, text } = palette;
  const { width, height } = SCORE_CARD_SIZE;
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('This browser cannot draw the score card');
  g.fillStyle = text.ink;
  g.fillRect(0, 0, width, height);
  g.fillStyle = text.paper;
  g.textBaseline = 'alphabetic';
  g.font = `bold 64px ${FONT_FAMILY}`;
  g.fillText('SOURCE CHECK', 60, 110);
  g.fillStyle = cssColor(colors.highlight);
  g.fillRect(60, 128, 470, 8);
  g.fillStyle = text.muted;
  g.font = `28px ${FONT_FAMILY}`;
  // With a QR code beside them, the lines stop short of it.
  const textWidth = (qr ? QR_BOX.x : width) - 100;
  g.fillText(facts.label, 60, 185, textWidth);
  g.fillStyle = text.paper;
  g.font = `bold 40px ${FONT_FAMILY}`;
  g.fillText(facts.name, 60, 260, textWidth);
  g.font = `bold 96px ${FONT_FAMILY}`;
  g.fillText(t('share:card.points', { points: translator.formatNumber(facts.score) }), 60, 370, textWidth);
  g.fillStyle = text.muted;
  g.font = `32px ${FONT_FAMILY}`;
  g.fillText(t('share:card.correct', { correct: facts.correct, total: facts.total }), 60, 420);
  const gridWidth = (qr ? QR_BOX.x - 40 : width) - 120;
  const size = Math.min(72, (gridWidth - (facts.marks.length - 1) * 12) / Math.max(1, facts.marks.length));
  facts.marks.forEach((mark, index) => drawMark(g, palette, mark, 60 + index * (size + 12), 460, size));
  if (facts.link && qr) drawLink(g, palette, facts.link, qr, t('share:card.scan'));
  g.fillStyle = text.muted;
  g.font = `24px ${FONT_FAMILY}`;
  g.fillText(t('share:card.footer', { date: facts.date }), 60, height - 40);
}

/** The QR code of a link (the encoder is downloaded only for a card that carries one). */
export async function qrModulesOf(link: string): Promise<QrModules> {
  const { default: QRCode } = await import('qrcode');
  const { modules } = QRCode.create(link, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (row, column) => Boolean(modules.get(row, column)) };
}

export async function scoreCardBlob(facts: ScoreCardFacts, palette: Palette, translator: Translator): Promise<Blob> {
  const canvas = document.createElement('canvas');
  drawScoreCard(canvas, facts, palette, translator, facts.link ? await qrModulesOf(facts.link) : undefined);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The score card could not be made'))),
      'image/png',
    ),
  );
}
