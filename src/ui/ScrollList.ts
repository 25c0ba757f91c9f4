import Phaser from 'phaser';
import type { Rect } from './layout';
import { pointerInGame } from './renderScale';
import { addText, fitTextHeight } from './text';
import { LAYOUT, paletteOf } from './theme';

export interface ScrollItem {
  text: string;
  color?: string;
  bold?: boolean;
  /** Starts a section: bold, with more space above it (except at the top of the view). */
  heading?: boolean;
}

/** Room on the right for the scroll bar and the ▲ ▼ buttons when a list is longer than its panel. */
const CONTROLS_WIDTH = 52;
/** Pixels of finger travel that scroll a touch list by one item. */
const DRAG_STEP_PX = 36;
/** The smallest a single long item's text may shrink to so that it fits the panel on its own. */
const MIN_ITEM_FONT = 13;

/**
 * A list of wrapped texts in a panel, scrolled item by item: wheel, finger drag, keys (the scene passes them
 * on) and ▲ ▼ buttons the scene places in `controls`. Only the items on view are drawn; the scroll bar says
 * where the view is. Whole items only, so no text is ever cut through the middle.
 */
export class ScrollList {
  /** Where the scene puts its scroll buttons, when the list needs them. */
  readonly controls?: Rect;
  private readonly heights: number[];
  private readonly gap: number;
  private readonly pad: number;
  private readonly textWidth: number;
  private first = 0;
  private readonly lastFirst: number;
  private shown: Phaser.GameObjects.Text[] = [];
  private readonly bar: Phaser.GameObjects.Graphics;
  private dragFrom?: number;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly rect: Rect,
    private readonly items: readonly ScrollItem[],
    private readonly fontSize: number,
  ) {
    this.pad = Math.round(fontSize * 0.6);
    this.gap = Math.round(fontSize * 0.5);
    const panel = scene.add.graphics();
    panel
      .fillStyle(paletteOf(scene).colors.inkLight, 1)
      .fillRoundedRect(rect.x, rect.y, rect.width, rect.height, LAYOUT.cornerRadius);
    this.bar = scene.add.graphics();
    let textWidth = rect.width - this.pad * 2;
    let heights = this.measure(textWidth);
    if (this.totalHeight(heights, 0) > this.innerHeight) {
      textWidth -= CONTROLS_WIDTH;
      heights = this.measure(textWidth);
      this.controls = {
        x: rect.x + rect.width - CONTROLS_WIDTH - this.pad / 2,
        y: rect.y + this.pad / 2,
        width: CONTROLS_WIDTH,
        height: rect.height - this.pad,
      };
    }
    this.textWidth = textWidth;
    this.heights = heights;
    // The first item from which every later one fits: scrolling stops there, with no empty space below.
    let lastFirst = items.length - 1;
    while (lastFirst > 0 && this.totalHeight(heights, lastFirst - 1) <= this.innerHeight) lastFirst -= 1;
    this.lastFirst = Math.max(0, lastFirst);
    this.render();

    const inside = (pointer: Phaser.Input.Pointer) => {
      const { x, y } = pointerInGame(scene, pointer);
      return x >= rect.x && x <= rect.x + rect.width && y >= rect.y && y <= rect.y + rect.height;
    };
    scene.input.on('wheel', (pointer: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number) => {
      if (inside(pointer) && dy !== 0) this.scrollBy(Math.sign(dy));
    });
    scene.input.on('pointerdown', (pointer: Phaser.Input.Pointer) => {
      this.dragFrom = inside(pointer) ? pointerInGame(scene, pointer).y : undefined;
    });
    scene.input.on('pointermove', (pointer: Phaser.Input.Pointer) => {
      if (this.dragFrom === undefined || !pointer.isDown) return;
      const steps = Math.trunc((this.dragFrom - pointerInGame(scene, pointer).y) / DRAG_STEP_PX);
      if (steps === 0) return;
      this.dragFrom -= steps * DRAG_STEP_PX;
      this.scrollBy(steps);
    });
    scene.input.on('pointerup', () => (this.dragFrom = undefined));
  }

  /** Whether some items are out of view (the scene then adds the scroll buttons in `controls`). */
  get scrolls(): boolean {
    return this.controls !== undefined;
  }

  /** Which items are on view, 0-based and inclusive. */
  get view(): { first: number; last: number } {
    return { first: this.first, last: this.first + this.shown.length - 1 };
  }

  scrollBy(items: number): void {
    this.scrollTo(this.first + items);
  }

  scrollTo(index: number): void {
    const next = Phaser.Math.Clamp(Math.round(index), 0, this.lastFirst);
    if (next === this.first) return;
    this.first = next;
    this.render();
  }

  private get innerHeight(): number {
    return this.rect.height - this.pad * 2;
  }

  /** The space above an item when the view starts at `from`: a gap, doubled before a heading. */
  private spaceAbove(index: number, from: number): number {
    if (index === from) return 0;
    return this.items[index]!.heading ? this.gap * 2 : this.gap;
  }

  private totalHeight(heights: readonly number[], from: number): number {
    let total = 0;
    for (let index = from; index < heights.length; index += 1) total += this.spaceAbove(index, from) + heights[index]!;
    return total;
  }

  private style(item: ScrollItem, size: number, wrapWidth: number) {
    return {
      size,
      wrapWidth,
      bold: (item.bold ?? false) || (item.heading ?? false),
      color: item.color ?? paletteOf(this.scene).text.paper,
    };
  }

  /** Each item's height at this width, with one probe text rather than a texture per item. */
  private measure(wrapWidth: number): number[] {
    const probe = addText(this.scene, 0, 0, '', { size: this.fontSize, wrapWidth });
    const heights = this.items.map((item) => {
      probe.setFontStyle(item.bold || item.heading ? 'bold' : 'normal').setText(item.text);
      return Math.min(probe.height, this.innerHeight);
    });
    probe.destroy();
    return heights;
  }

  private render(): void {
    for (const text of this.shown) text.destroy();
    this.shown = [];
    let y = this.rect.y + this.pad;
    const bottom = this.rect.y + this.rect.height - this.pad;
    for (let index = this.first; index < this.items.length; index += 1) {
      const item = this.items[index]!;
      y += this.spaceAbove(index, this.first);
      if (this.shown.length > 0 && y + this.heights[index]! > bottom + 0.5) break;
      const text = addText(
        this.scene,
        this.rect.x + this.pad,
        y,
        item.text,
        this.style(item, this.fontSize, this.textWidth),
      );
      // Only an item taller than the whole panel gets here without fitting; it shrinks to fit alone.
      if (text.height > this.innerHeight) fitTextHeight(text, this.innerHeight, MIN_ITEM_FONT);
      this.shown.push(text);
      y += text.height;
    }
    this.drawBar();
  }

  private drawBar(): void {
    this.bar.clear();
    if (!this.controls) return;
    const track = {
      x: this.controls.x + this.controls.width / 2 - 3,
      y: this.controls.y + this.controls.width + 6,
      height: this.controls.height - this.controls.width * 2 - 12,
    };
    const count = this.items.length;
    const thumbHeight = Math.max(16, (track.height * this.shown.length) / count);
    const thumbY = track.y + ((track.height - thumbHeight) * this.first) / Math.max(1, this.lastFirst);
    this.bar.fillStyle(paletteOf(this.scene).colors.ink, 1).fillRoundedRect(track.x, track.y, 6, track.height, 3);
    this.bar.fillStyle(paletteOf(this.scene).colors.controlEdge, 1).fillRoundedRect(track.x, thumbY, 6, thumbHeight, 3);
  }
}
