import Phaser from 'phaser';
import { LAYOUT, paletteOf } from './theme';
import { addText } from './text';
import type { Rect } from './layout';
import type { MarkedWord } from '../core/wordDiff';

export interface ExcerptCardContent {
  label: string;
  quote: string;
  citation: string;
  /** The quote's words, those that differ from the text it is compared with underlined. */
  marks?: readonly MarkedWord[];
}

/**
 * A source excerpt as a clipping on the desk: a paper card, the quoted words beside a highlighter
 * bar, the citation under a thin rule. The card is as tall as its text needs, up to the space it is
 * given; text shrinks to fit, and a quote too long even then scrolls (wheel, arrow keys).
 */
export class ExcerptCard {
  readonly objects: Phaser.GameObjects.GameObject[] = [];
  /** The height the card took. */
  readonly height: number;
  /** Scrolls an overflowing quote; does nothing when the quote fits. */
  scrollBy: (delta: number) => void = () => {};

  constructor(scene: Phaser.Scene, space: Rect, content: ExcerptCardContent, fontSize: number) {
    const pad = Math.round(fontSize * 0.7);
    const innerWidth = space.width - pad * 2;
    const label = addText(scene, space.x + pad, space.y + pad * 0.7, content.label.toUpperCase(), {
      size: Math.max(14, Math.round(fontSize * 0.7)),
      bold: true,
      color: paletteOf(scene).text.citation,
    });
    const citation = addText(scene, space.x + pad, 0, `— ${content.citation}`, {
      size: Math.max(14, Math.round(fontSize * 0.72)),
      color: paletteOf(scene).text.citation,
      wrapWidth: innerWidth,
      fit: { maxHeight: fontSize * 2.6, minSize: 12 },
    });
    const quoteTop = label.y + label.height + pad * 0.4;
    // Room left for the quote once label, rule and citation have theirs.
    const chrome = quoteTop - space.y + pad * 0.8 + citation.height + pad * 0.7;
    const maxQuoteHeight = space.height - chrome;
    const quote = addText(scene, space.x + pad * 1.6, quoteTop, `“${content.quote}”`, {
      size: fontSize,
      color: paletteOf(scene).text.paperText,
      wrapWidth: space.width - pad * 2.6,
      fit: { maxHeight: maxQuoteHeight, minSize: Math.max(14, Math.round(fontSize * 0.7)) },
    });
    const fits = quote.height <= maxQuoteHeight;
    const quoteHeight = Math.min(quote.height, maxQuoteHeight);
    this.height = Math.min(space.height, chrome + quoteHeight);
    const ruleY = quoteTop + quoteHeight + pad * 0.4;
    citation.setY(ruleY + pad * 0.4);

    const g = scene.add.graphics();
    g.fillStyle(0x000000, 0.25);
    g.fillRoundedRect(space.x + 4, space.y + 6, space.width, this.height, LAYOUT.cornerRadius);
    g.fillStyle(paletteOf(scene).colors.paper, 1);
    g.fillRoundedRect(space.x, space.y, space.width, this.height, LAYOUT.cornerRadius);
    g.fillStyle(paletteOf(scene).colors.highlight, 1);
    g.fillRect(space.x + pad * 0.6, quoteTop, Math.max(6, pad * 0.45), quoteHeight);
    g.lineStyle(1, paletteOf(scene).colors.rule, 1);
    g.lineBetween(space.x + pad, ruleY, space.x + space.width - pad, ruleY);
    // The card was drawn last: lift the texts above it.
    for (const text of [label, citation, quote]) text.setDepth(1);

    const underlines = content.marks?.some((mark) => mark.differs) ? scene.add.graphics().setDepth(1) : undefined;
    const underline = () => {
      if (underlines && content.marks) drawUnderlines(underlines, quote, content.marks, quoteTop, quoteHeight);
    };
    underline();

    if (!fits) {
      const overflow = quote.height - quoteHeight;
      let offset = 0;
      const show = () => {
        quote.setCrop(0, offset, quote.width, quoteHeight);
        quote.setY(quoteTop - offset);
        underline();
      };
      show();
      this.scrollBy = (delta: number) => {
        offset = Phaser.Math.Clamp(offset + delta, 0, overflow);
        show();
      };
      scene.input.on('wheel', (_p: unknown, _o: unknown, _dx: number, dy: number) => this.scrollBy(dy * 0.5));
    }
    this.objects.push(g, label, citation, quote, ...(underlines ? [underlines] : []));
  }
}

/**
 * Underlines the marked words where the quote's wrapping put them, inside the visible window only (the quote
 * may be scrolled). The quote wraps at spaces, so its lines hold the words in order; the curly quotes added
 * around it stay attached to the first and last word.
 */
function drawUnderlines(
  graphics: Phaser.GameObjects.Graphics,
  quote: Phaser.GameObjects.Text,
  marks: readonly MarkedWord[],
  windowTop: number,
  windowHeight: number,
): void {
  graphics.clear();
  const lines = quote.getWrappedText();
  const context = quote.context;
  quote.style.syncFont(quote.canvas, context);
  const fontSize = parseInt(String(quote.style.fontSize), 10);
  const lineHeight = quote.height / Math.max(1, lines.length);
  const thickness = Math.max(2, Math.round(fontSize / 9));
  graphics.fillStyle(paletteOf(quote.scene).colors.tiles[1], 1);
  let wordIndex = 0;
  lines.forEach((line, lineIndex) => {
    const y = quote.y + lineIndex * lineHeight + fontSize * 1.12;
    let searchFrom = 0;
    for (const token of line.split(/\s+/).filter((part) => part !== '')) {
      const mark = marks[wordIndex];
      wordIndex += 1;
      const start = line.indexOf(token, searchFrom);
      searchFrom = start + token.length;
      if (!mark?.differs || y < windowTop || y > windowTop + windowHeight) continue;
      // The added curly quotes are not part of the word: the line starts after “ and stops before ”.
      const lead = token.startsWith('“') && lineIndex === 0 && wordIndex === 1 ? 1 : 0;
      const trail = token.endsWith('”') && wordIndex === marks.length ? 1 : 0;
      const x = quote.x + context.measureText(line.slice(0, start + lead)).width;
      const width = context.measureText(token.slice(lead, token.length - trail)).width;
      graphics.fillRect(x, y, width, thickness);
    }
  });
}
