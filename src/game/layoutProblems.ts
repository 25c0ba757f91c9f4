/**
 * What the layout tests look for on a built screen (loaded only through the test hooks): a text that leaves the
 * screen or its card, a wrapped text that split a word, a scrolling quote that shows part of a line or no cue, a
 * citation under 12 CSS px on a phone, and text drawn over other text or over a button it is not part of.
 */
import type Phaser from 'phaser';
import { LAYOUT_BOX_KEY, SCROLL_WINDOW_KEY } from '../ui/ExcerptCard';
import { MIN_SMALL_TEXT_CSS_PX } from '../ui/renderScale';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface ScrollWindow {
  top: number;
  height: number;
  step: number;
}

/** How far (game pixels) a text may go past an edge before it counts: rounding, anti-aliasing. */
const EDGE = 0.5;
/** How far two texts, or a text and a button, may meet before they count as drawn over each other. */
const OVERLAP = 2;

/** The texts a screen shows: visible, with something in them. */
export function shownTexts(scene: Phaser.Scene): Phaser.GameObjects.Text[] {
  return scene.children.list.filter(
    (object): object is Phaser.GameObjects.Text =>
      object.type === 'Text' &&
      (object as Phaser.GameObjects.Text).visible &&
      (object as Phaser.GameObjects.Text).alpha > 0 &&
      (object as Phaser.GameObjects.Text).text.trim() !== '',
  );
}

/** Where a text shows: its bounds, or its window where it scrolls. */
function shownBox(text: Phaser.GameObjects.Text): Box {
  const bounds = text.getBounds();
  const scroll = text.getData(SCROLL_WINDOW_KEY) as ScrollWindow | undefined;
  return {
    left: bounds.left,
    right: bounds.right,
    top: scroll ? scroll.top : bounds.top,
    bottom: scroll ? scroll.top + scroll.height : bounds.bottom,
  };
}

/** The drawn part of a text: its glyphs, without the empty padding Phaser adds around them. */
function inkBox(text: Phaser.GameObjects.Text): Box {
  const box = shownBox(text);
  const { left = 0, right = 0, top = 0, bottom = 0 } = text.padding;
  return { left: box.left + left, right: box.right - right, top: box.top + top, bottom: box.bottom - bottom };
}

function overlaps(a: Box, b: Box, by: number): boolean {
  return (
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > by &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > by
  );
}

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.left >= outer.left - EDGE &&
    inner.top >= outer.top - EDGE &&
    inner.right <= outer.right + EDGE &&
    inner.bottom <= outer.bottom + EDGE
  );
}

/**
 * Every problem in the layout of `scene` as built, each "where: "text…" problem". `phone` checks the citations'
 * size in CSS pixels as well.
 */
export function layoutProblems(
  scene: Phaser.Scene,
  view: { width: number; height: number },
  cssPerGame: number,
  { where, phone }: { where: string; phone: boolean },
): string[] {
  const problems: string[] = [];
  const texts = shownTexts(scene);
  // The buttons: each one's tap zone. A text wholly inside a zone is that button's own (label, badge, description).
  const buttons = scene.children.list
    .filter((object): object is Phaser.GameObjects.Zone => object.type === 'Zone' && object.input?.enabled === true)
    .map((zone) => zone.getBounds());
  const named = (text: Phaser.GameObjects.Text) => `${where}: "${text.text.slice(0, 40).replace(/\s+/g, ' ')}"`;
  texts.forEach((text, index) => {
    const name = named(text);
    const box = shownBox(text);
    if (!inside(box, { left: 0, top: 0, right: view.width, bottom: view.height })) {
      problems.push(`${name} leaves the screen (${[box.left, box.top, box.right, box.bottom].map(Math.round)})`);
    }
    const card = text.getData(LAYOUT_BOX_KEY) as { x: number; y: number; width: number; height: number } | undefined;
    if (card && !inside(box, { left: card.x, top: card.y, right: card.x + card.width, bottom: card.y + card.height })) {
      problems.push(`${name} leaves its card`);
    }
    const wrapWidth = text.style.wordWrapWidth;
    if (wrapWidth && wrapWidth < text.context.measureText('M').width) {
      problems.push(`${name} wraps at ${Math.round(wrapWidth)} px, narrower than a letter`);
    } else if (wrapWidth) {
      const shown = text.getWrappedText().join(' ').split(/\s+/).filter(Boolean);
      const written = text.text.split(/\s+/).filter(Boolean);
      if (shown.join(' ') !== written.join(' ')) problems.push(`${name} has a word split across lines`);
      if (text.width > wrapWidth + (text.padding.left ?? 0) + (text.padding.right ?? 0) + 1) {
        problems.push(`${name} is wider than its lines (${Math.round(text.width)} > ${wrapWidth})`);
      }
    }
    const scroll = text.getData(SCROLL_WINDOW_KEY) as ScrollWindow | undefined;
    if (scroll) {
      const lines = (scroll.height + text.lineSpacing) / scroll.step;
      if (Math.abs(lines - Math.round(lines)) > 0.01) problems.push(`${name} shows part of a line`);
      // What the texture's crop really shows (in texture pixels): the whole window, no more, no less.
      const crop = (text as unknown as { _crop: { height: number } })._crop;
      const shownHeight = crop.height / text.style.resolution;
      if (Math.abs(shownHeight - scroll.height) > 1) {
        problems.push(`${name} shows ${Math.round(shownHeight)} of its ${Math.round(scroll.height)}-pixel window`);
      }
      const cue = texts.find(
        (other) => other !== text && /[▲▼]/.test(other.text) && other.getData(LAYOUT_BOX_KEY) === card,
      );
      if (!cue) problems.push(`${name} scrolls with no cue`);
    }
    if (phone && text.text.startsWith('— ')) {
      const cssPx = parseFloat(String(text.style.fontSize)) * cssPerGame;
      if (cssPx < MIN_SMALL_TEXT_CSS_PX - 0.01) problems.push(`${name}: a citation at ${cssPx.toFixed(1)} CSS px`);
    }
    const ink = inkBox(text);
    for (const button of buttons) {
      const zone = { left: button.left, top: button.top, right: button.right, bottom: button.bottom };
      if (overlaps(ink, zone, OVERLAP) && !inside(box, zone)) {
        problems.push(`${name} runs under a button (${[zone.left, zone.top].map(Math.round)})`);
      }
    }
    for (const other of texts.slice(index + 1)) {
      if (overlaps(ink, inkBox(other), OVERLAP))
        problems.push(`${name} overlaps ${named(other).slice(where.length + 2)}`);
    }
  });
  return problems;
}
