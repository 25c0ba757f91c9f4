/** What the list screens share (your questions, the round report): the scrolling list with its ▲ ▼ buttons and keys, and notices. */
import type { NoticeTone } from '../game/customBankKit';
import type { Rect } from '../ui/layout';
import { ScrollList, type ScrollItem } from '../ui/ScrollList';
import { type TextColors } from '../ui/theme';
import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import type { SceneKey } from './keys';
import type { Notice } from './sceneData';

/** The lists the screens scroll, named in the buttons' labels (`menu:list.<name>`) and test names. */
type ListName = 'report' | 'figures' | 'problems' | 'list';

/** The ▲ ▼ glyphs' size as a share of their buttons' width. */
const ARROW_SHARE = 0.4;

/** Names, not values: the colour is looked up as the notice is drawn, so it follows the theme in force. */
const NOTICE_COLOR: Record<NoticeTone, keyof TextColors> = { good: 'correct', warning: 'wrong' };

export abstract class ListScreen<K extends SceneKey> extends BaseScene<K> {
  /** The screen's scrolling list, if it has one; the arrow keys scroll it. */
  protected list?: ScrollList;

  /** A list in a panel; when it is longer than the panel, ▲ ▼ buttons (canvas and DOM) scroll it. */
  protected addScrollList(rect: Rect, items: ScrollItem[], what: ListName): ScrollList {
    const list = new ScrollList(this, rect, items, this.frame.type.small);
    this.list = list;
    const controls = list.controls;
    if (controls) {
      const size = controls.width;
      // The arrow must fit its narrow button on one line: large text wrapping it there stops the screen.
      const fontSize = Math.min(this.frame.type.small, Math.floor(size * ARROW_SHARE));
      this.addButton('▲', { x: controls.x, y: controls.y, width: size, height: size }, () => list.scrollBy(-1), {
        fontSize,
        accessibleLabel: this.t(`menu:list.${what}.up`),
        name: `${what}-up`,
      });
      this.addButton(
        '▼',
        { x: controls.x, y: controls.y + controls.height - size, width: size, height: size },
        () => list.scrollBy(1),
        { fontSize, accessibleLabel: this.t(`menu:list.${what}.down`), name: `${what}-down` },
      );
    }
    return list;
  }

  /** Arrow keys, Page Up/Down, Home and End scroll the list; returns whether the key did. */
  protected scrollKey(event: KeyboardEvent): boolean {
    const list = this.list;
    if (!list?.scrolls) return false;
    const page = Math.max(1, list.view.last - list.view.first);
    const steps: Record<string, () => void> = {
      ArrowDown: () => list.scrollBy(1),
      ArrowUp: () => list.scrollBy(-1),
      PageDown: () => list.scrollBy(page),
      PageUp: () => list.scrollBy(-page),
      Home: () => list.scrollTo(0),
      End: () => list.scrollTo(Number.MAX_SAFE_INTEGER),
    };
    const step = steps[event.key];
    step?.();
    return step !== undefined;
  }

  /** A notice line (saved, not saved and why); returns its height. Also said once to screen readers. */
  protected addNotice(notice: Notice, x: number, y: number, width: number): number {
    const size = this.frame.type.small;
    const text = addText(this, x, y, notice.text, {
      size,
      bold: true,
      color: this.textColors[NOTICE_COLOR[notice.tone]],
      wrapWidth: width,
    });
    this.fit(text, size * 4.5, 'notice', 14);
    this.services.a11y.text(notice.text).dataset.name = 'notice';
    return text.height;
  }

  /** The height of the screens' main buttons. */
  protected get buttonHeight(): number {
    return Math.max(56, Math.round(this.frame.type.button * 2.2));
  }

  /** Where content starts, under the heading and the corner buttons. */
  protected get contentTop(): number {
    return this.frame.margin * 0.6 + this.cornerHeight + this.frame.gap * 1.5;
  }
}
