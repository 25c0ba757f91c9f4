import Phaser from 'phaser';
import { COLORS, CSS, LAYOUT } from './theme';
import { addText, fitTextHeight } from './text';
import type { Rect } from './layout';

export interface ExcerptCardContent {
  label: string;
  quote: string;
  citation: string;
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
      color: CSS.citation,
    });
    const citation = addText(scene, space.x + pad, 0, `— ${content.citation}`, {
      size: Math.max(14, Math.round(fontSize * 0.72)),
      color: CSS.citation,
      wrapWidth: innerWidth,
    });
    fitTextHeight(citation, fontSize * 2.6, 12);
    const quoteTop = label.y + label.height + pad * 0.4;
    const quote = addText(scene, space.x + pad * 1.6, quoteTop, `“${content.quote}”`, {
      size: fontSize,
      color: CSS.paperText,
      wrapWidth: space.width - pad * 2.6,
    });
    // Room left for the quote once label, rule and citation have theirs.
    const chrome = quoteTop - space.y + pad * 0.8 + citation.height + pad * 0.7;
    const maxQuoteHeight = space.height - chrome;
    const fits = fitTextHeight(quote, maxQuoteHeight, Math.max(14, Math.round(fontSize * 0.7)));
    const quoteHeight = Math.min(quote.height, maxQuoteHeight);
    this.height = Math.min(space.height, chrome + quoteHeight);
    const ruleY = quoteTop + quoteHeight + pad * 0.4;
    citation.setY(ruleY + pad * 0.4);

    const g = scene.add.graphics();
    g.fillStyle(0x000000, 0.25);
    g.fillRoundedRect(space.x + 4, space.y + 6, space.width, this.height, LAYOUT.cornerRadius);
    g.fillStyle(COLORS.paper, 1);
    g.fillRoundedRect(space.x, space.y, space.width, this.height, LAYOUT.cornerRadius);
    g.fillStyle(COLORS.highlight, 1);
    g.fillRect(space.x + pad * 0.6, quoteTop, Math.max(6, pad * 0.45), quoteHeight);
    g.lineStyle(1, COLORS.rule, 1);
    g.lineBetween(space.x + pad, ruleY, space.x + space.width - pad, ruleY);
    // The card was drawn last: lift the texts above it.
    for (const text of [label, citation, quote]) text.setDepth(1);

    if (!fits) {
      const overflow = quote.height - quoteHeight;
      let offset = 0;
      const show = () => {
        quote.setCrop(0, offset, quote.width, quoteHeight);
        quote.setY(quoteTop - offset);
      };
      show();
      this.scrollBy = (delta: number) => {
        offset = Phaser.Math.Clamp(offset + delta, 0, overflow);
        show();
      };
      scene.input.on('wheel', (_p: unknown, _o: unknown, _dx: number, dy: number) => this.scrollBy(dy * 0.5));
    }
    this.objects.push(g, label, citation, quote);
  }
}
