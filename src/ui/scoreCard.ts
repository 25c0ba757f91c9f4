/**
 * The score card: a PNG of a finished round (name, score, result grid, date, game name) to download
 * or share. Drawn on its own 2D canvas, so it does not depend on what the game canvas shows.
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
}

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

/** Drawn in the palette the player sees the game in, so the card matches the screen it came from. */
export function drawScoreCard(
  canvas: HTMLCanvasElement,
  facts: ScoreCardFacts,
  palette: Palette,
  translator: Translator,
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
  g.fillText(facts.label, 60, 185);
  g.fillStyle = text.paper;
  g.font = `bold 40px ${FONT_FAMILY}`;
  g.fillText(facts.name, 60, 260);
  g.font = `bold 96px ${FONT_FAMILY}`;
  g.fillText(t('share:card.points', { points: translator.formatNumber(facts.score) }), 60, 370);
  g.fillStyle = text.muted;
  g.font = `32px ${FONT_FAMILY}`;
  g.fillText(t('share:card.correct', { correct: facts.correct, total: facts.total }), 60, 420);
  const size = Math.min(72, (width - 120 - (facts.marks.length - 1) * 12) / Math.max(1, facts.marks.length));
  facts.marks.forEach((mark, index) => drawMark(g, palette, mark, 60 + index * (size + 12), 460, size));
  g.fillStyle = text.muted;
  g.font = `24px ${FONT_FAMILY}`;
  g.fillText(t('share:card.footer', { date: facts.date }), 60, height - 40);
}

export function scoreCardBlob(facts: ScoreCardFacts, palette: Palette, translator: Translator): Promise<Blob> {
  const canvas = document.createElement('canvas');
  drawScoreCard(canvas, facts, palette, translator);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The score card could not be made'))),
      'image/png',
    ),
  );
}
