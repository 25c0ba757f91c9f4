import Phaser from 'phaser';
import { LAYOUT, paletteOf } from './theme';
import { gamePixelsForCss, MIN_SMALL_TEXT_CSS_PX } from './renderScale';
import { addText } from './text';
import { translatorOf } from './pageLanguage';
import type { Rect } from './layout';
import type { MarkedWord } from '../core/wordDiff';

export interface ExcerptCardContent {
  label: string;
  quote: string;
  citation: string;
  /** The quote's words, those that differ from the text it is compared with underlined. */
  marks?: readonly MarkedWord[];
  /** A rendering of the quote in the interface's language, shown under it with the label that says it is unofficial. */
  translation?: { label: string; text: string };
}

/** The data key of the box a card's text must stay inside, and of a scrolling quote's window. */
export const LAYOUT_BOX_KEY = 'layoutBox';
export const SCROLL_WINDOW_KEY = 'scrollWindow';

/** The fewest lines of a quote a card shows, and a line's height for its font size (with the line spacing). */
const MIN_QUOTE_LINES = 2;
const QUOTE_LINE_STEP = 1.45;

/**
 * A source excerpt as a clipping on the desk: a paper card, the quoted words beside a highlighter
 * bar, the citation under a thin rule. The card is as tall as its text needs, up to the space it is
 * given; text shrinks to fit, and a quote too long even then scrolls by whole lines (wheel, arrow keys), with a cue.
 */
export class ExcerptCard {
  readonly objects: Phaser.GameObjects.GameObject[] = [];
  /** The height the card took. */
  readonly height: number;
  /** Scrolls an overflowing quote; does nothing when the quote fits. */
  scrollBy: (delta: number) => void = () => {};

  /** `minFontSize`: the smallest the quote may be set (70 % of `fontSize` unless given). */
  constructor(scene: Phaser.Scene, space: Rect, content: ExcerptCardContent, fontSize: number, minFontSize?: number) {
    // The label and the citation stay readable however small the canvas is shown (a phone shows 480 game
    // pixels in 360–430 CSS pixels).
    const smallest = Math.max(12, gamePixelsForCss(scene, MIN_SMALL_TEXT_CSS_PX));
    const quoteMinSize = Math.max(14, Math.min(fontSize, minFontSize ?? Math.round(fontSize * 0.7)));
    // The card's own type steps down until its label, rule and citation leave room for MIN_QUOTE_LINES of the quote
    // (large text in a short space), so the quote never has less than that to scroll in.
    let size = fontSize;
    let pad: number;
    let label: Phaser.GameObjects.Text;
    let citation: Phaser.GameObjects.Text;
    let quoteTop: number;
    let chrome: number;
    for (;;) {
      pad = Math.round(size * 0.7);
      label = addText(scene, space.x + pad, space.y + pad * 0.7, content.label.toUpperCase(), {
        size: Math.max(14, smallest, Math.round(size * 0.7)),
        bold: true,
        color: paletteOf(scene).text.citation,
      });
      citation = addText(scene, space.x + pad, 0, `— ${content.citation}`, {
        size: Math.max(14, smallest, Math.round(size * 0.72)),
        color: paletteOf(scene).text.citation,
        wrapWidth: space.width - pad * 2,
        fit: { maxHeight: size * 2.6, minSize: smallest },
      });
      quoteTop = label.y + label.height + pad * 0.4;
      // Room left for the quote once label, rule and citation have theirs.
      chrome = quoteTop - space.y + pad * 0.8 + citation.height + pad * 0.7;
      const roomForQuote = space.height - chrome;
      if (roomForQuote >= MIN_QUOTE_LINES * quoteMinSize * QUOTE_LINE_STEP || size <= quoteMinSize) break;
      label.destroy();
      citation.destroy();
      size = Math.max(quoteMinSize, size - 2);
    }
    const maxQuoteHeight = space.height - chrome;
    // The quote as published; a rendering goes under it, in the same scrolling text so it is never cut apart.
    const translation = content.translation
      ? `\n\n${content.translation.label.toUpperCase()}: «${content.translation.text}»`
      : '';
    const quote = addText(scene, space.x + pad * 1.6, quoteTop, `“${content.quote}”${translation}`, {
      size,
      color: paletteOf(scene).text.paperText,
      wrapWidth: space.width - pad * 2.6,
      fit: { maxHeight: maxQuoteHeight, minSize: quoteMinSize },
    });
    const fits = quote.height <= maxQuoteHeight;
    const { t } = translatorOf(scene);
    // The cue under a quote that scrolls: where it stands, and the keys that move it.
    const scrollCue = { more: t('play:excerpt.more'), both: t('play:excerpt.both'), end: t('play:excerpt.end') };
    // A quote too long even at its smallest size scrolls by whole lines, in a window of whole lines, with a cue
    // under it that says so: a window cut anywhere else stopped the quote mid-line, with nothing to say it went on.
    const lines = Math.max(1, quote.getWrappedText().length);
    const step = (quote.height + quote.lineSpacing) / lines;
    const cue = fits
      ? undefined
      : addText(scene, space.x + space.width - pad, 0, scrollCue.more, {
          size: Math.max(14, smallest),
          bold: true,
          color: paletteOf(scene).text.citation,
        }).setOrigin(1, 0);
    const cueHeight = cue ? cue.height + pad * 0.2 : 0;
    const shownLines = fits ? lines : Math.max(1, Math.floor((maxQuoteHeight - cueHeight + quote.lineSpacing) / step));
    const quoteHeight = fits ? quote.height : shownLines * step - quote.lineSpacing;
    // The card grows past its space rather than cut its citation: what follows it is placed by its real height.
    this.height = chrome + quoteHeight + cueHeight;
    const ruleY = quoteTop + quoteHeight + cueHeight + pad * 0.4;
    citation.setY(ruleY + pad * 0.4);
    cue?.setY(quoteTop + quoteHeight + pad * 0.2);

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
    const texts = [label, citation, quote, ...(cue ? [cue] : [])];
    for (const text of texts) text.setDepth(1);
    // Where each text must stay (read by the layout test, which walks every reveal).
    const box = { x: space.x, y: space.y, width: space.width, height: this.height };
    for (const text of texts) text.setData(LAYOUT_BOX_KEY, box);

    const underlines = content.marks?.some((mark) => mark.differs) ? scene.add.graphics().setDepth(1) : undefined;
    const underline = () => {
      if (underlines && content.marks) drawUnderlines(underlines, quote, content.marks, quoteTop, quoteHeight);
    };
    underline();

    if (cue) {
      const lastFirstLine = lines - shownLines;
      let firstLine = 0;
      const show = () => {
        const offset = firstLine * step;
        // A text's crop is in its texture's pixels, which are `resolution` times its game pixels.
        const resolution = quote.style.resolution;
        quote.setCrop(0, offset * resolution, quote.width * resolution, quoteHeight * resolution);
        quote.setY(quoteTop - offset);
        quote.setData(SCROLL_WINDOW_KEY, { top: quoteTop, height: quoteHeight, step, firstLine, shownLines, lines });
        cue.setText(firstLine >= lastFirstLine ? scrollCue.end : firstLine === 0 ? scrollCue.more : scrollCue.both);
        underline();
      };
      show();
      this.scrollBy = (delta: number) => {
        if (delta === 0) return;
        const byLines = Math.sign(delta) * Math.max(1, Math.round(Math.abs(delta) / step));
        firstLine = Phaser.Math.Clamp(firstLine + byLines, 0, lastFirstLine);
        show();
      };
      scene.input.on('wheel', (_p: unknown, _o: unknown, _dx: number, dy: number) => this.scrollBy(dy * 0.5));
    }
    this.objects.push(g, ...texts, ...(underlines ? [underlines] : []));
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
