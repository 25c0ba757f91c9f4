/**
 * What every screen shares: its frame, its services, buttons mirrored in the accessible layer, keys, and
 * the corner controls (back to the title, sound on and off with M).
 */
import { paletteOf, type CanvasColors, type TextColors } from '../ui/theme';
import { translatorOf } from '../ui/pageLanguage';
import type { Translate, Translator } from '../i18n/translator';
import Phaser from 'phaser';
import { servicesOf, type GameServices } from '../game/services';
import { Button, type ButtonOptions } from '../ui/Button';
import { frameFor, type Frame, type Rect } from '../ui/layout';
import { viewOf, zoomCamera } from '../ui/renderScale';
import { SoundToggle } from '../ui/SoundToggle';
import { minTargetFor } from '../ui/touchTarget';
import { addText, fitTextHeight, fitTextWidth, setTextSize } from '../ui/text';
import { SceneKey } from './keys';
import type { SceneDataArgs, SceneDataMap } from './sceneData';

export interface MirroredButton {
  canvas: Button;
  dom: HTMLButtonElement;
}

/** A screen; `K` is its own key, so its data and `rebuild` are typed by the map in sceneData.ts. */
export abstract class BaseScene<K extends SceneKey = SceneKey> extends Phaser.Scene {
  protected frame!: Frame;
  /** Set once the screen has acted on an input that leaves it, so nothing acts twice. */
  protected leaving = false;
  /** Where the next corner button ends: corner buttons line up leftwards from the top-right corner. */
  protected cornerLeft = 0;
  private soundToggle?: { canvas: SoundToggle; dom: HTMLButtonElement };

  protected get services(): GameServices {
    return servicesOf(this);
  }

  /** The canvas colours of the palette in use (Settings → High contrast switches it). */
  protected get colors(): Readonly<CanvasColors> {
    return paletteOf(this).colors;
  }

  /** The text colours of the palette in use. */
  protected get textColors(): Readonly<TextColors> {
    return paletteOf(this).text;
  }

  /** The language in use (Settings → Language switches it), with its number and date formats. */
  protected get translator(): Translator {
    return translatorOf(this);
  }

  /** The interface's strings in the language in use: `this.t('settings:title')`. */
  protected get t(): Translate {
    return translatorOf(this).t;
  }

  /** Phaser calls this before create() on every visit: a new visit takes input, even before its screen is built. */
  init(): void {
    this.leaving = false;
  }

  /** Call first in create(): resets per-visit state and paints the desk (at the player's text size unless given). */
  protected beginScreen(title: string, textScale = this.services.preferences.get().textScale): void {
    this.leaving = false;
    const view = viewOf(this);
    this.frame = frameFor(view.width, view.height, textScale);
    zoomCamera(this);
    this.cameras.main.setBackgroundColor(this.colors.ink);
    this.services.a11y.beginScreen(title, this.scene.key);
    this.cornerLeft = this.frame.width - this.frame.margin;
    this.soundToggle = undefined;
    this.input.keyboard?.on('keydown', (event: KeyboardEvent) => {
      if (!event.repeat && event.key.toLowerCase() === 'm' && !isTyping(event)) this.toggleMute();
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.input.keyboard?.removeAllListeners();
      this.services.sound.endScreen();
    });
  }

  /**
   * Leaves for another screen once; later calls from the same visit are ignored. A screen that is a download of
   * its own (lazyScreens.ts) starts once it is there; if the download fails, this screen takes input again.
   */
  protected goTo<T extends SceneKey>(key: T, ...data: SceneDataArgs<T>): void {
    if (this.leaving) return;
    this.continueTo(key, ...data);
  }

  /** Leaves for another screen from a visit that has already stopped taking input (its answer is being shown). */
  protected continueTo<T extends SceneKey>(key: T, ...[data]: SceneDataArgs<T>): void {
    this.leaving = true;
    this.services.navigator.goTo(this, key, data as SceneDataMap[T], () => (this.leaving = false));
  }

  /** Builds this screen again from new data of its own (a changed setting, another page, a new step). */
  protected rebuild(...[data]: SceneDataArgs<K>): void {
    this.scene.restart(data ?? {});
  }

  /** A canvas button with its twin in the accessible layer; both run the same action. */
  protected addButton(
    label: string,
    rect: Rect,
    action: () => void,
    options: Partial<ButtonOptions> & {
      parent?: HTMLElement;
      name?: string;
      accessibleLabel?: string;
      pressed?: boolean;
    } = {},
  ): MirroredButton {
    const sound = this.services.sound;
    const press = () => {
      sound.play('press');
      action();
    };
    const canvas = new Button(
      this,
      rect,
      { label, fontSize: this.frame.type.button, onHover: () => sound.play('hover'), ...options },
      press,
    );
    const dom = this.services.a11y.button(options.accessibleLabel ?? label, press, rect, {
      parent: options.parent,
      name: options.name ?? label,
      pressed: options.pressed,
    });
    if (canvas.overflows) this.services.a11y.markOverflow(options.name ?? label);
    return { canvas, dom };
  }

  /** Shrinks a text to its box (not below 70 % or 14 px); a text that still does not fit is reported. */
  protected fit(text: Phaser.GameObjects.Text, maxHeight: number, name: string, minSize?: number): boolean {
    const size = parseInt(String(text.style.fontSize), 10);
    const fits = fitTextHeight(text, maxHeight, minSize ?? Math.max(14, Math.round(size * 0.7)));
    if (!fits) this.services.a11y.markOverflow(name);
    return fits;
  }

  /**
   * Shows the first of `versions` (longest first) that fits `maxHeight` at a readable size; the last is fitted as
   * `fit` does, so only it can count as cut off.
   */
  protected fitFirstThatFits(
    text: Phaser.GameObjects.Text,
    versions: readonly string[],
    maxHeight: number,
    name: string,
  ): boolean {
    const size = parseInt(String(text.style.fontSize), 10);
    const minSize = Math.max(14, Math.round(size * 0.7));
    for (const version of versions.slice(0, -1)) {
      setTextSize(text.setText(version), size);
      if (fitTextHeight(text, maxHeight, minSize)) return true;
    }
    setTextSize(text.setText(versions[versions.length - 1] ?? ''), size);
    return this.fit(text, maxHeight, name, minSize);
  }

  /** Keyboard shortcuts; Enter/Space are left to a focused DOM button so they never act twice. */
  protected onKeys(handler: (event: KeyboardEvent) => void): void {
    this.input.keyboard?.on('keydown', (event: KeyboardEvent) => {
      if (this.leaving || event.repeat || this.services.a11y.ownsKey(event)) return;
      handler(event);
    });
  }

  /** The height of the corner buttons: never below a finger's target. */
  protected get cornerHeight(): number {
    return Math.max(minTargetFor(this.frame), Math.round(Math.max(48, this.frame.type.button * 2) * 0.8));
  }

  /** A small button in the top-right corner, left of the ones already there; `widthRatio` is its width in heights. */
  protected addCornerButton(
    label: string,
    widthRatio: number,
    action: () => void,
    options: { accessibleLabel: string; name: string },
  ): MirroredButton {
    const height = this.cornerHeight;
    const rect = {
      x: this.cornerLeft - height * widthRatio,
      y: this.frame.margin * 0.6,
      width: height * widthRatio,
      height,
    };
    this.cornerLeft = rect.x - this.frame.gap;
    return this.addButton(label, rect, action, { fontSize: this.frame.type.small, ...options });
  }

  /**
   * The question asked before something that cannot be undone, centred just above `bottom` (where the buttons that
   * answer it go), in the warning colour, and said to a screen reader as an alert named `name`.
   */
  protected addConfirmQuestion(question: string, bottom: number, name: string): void {
    const { width, margin, type } = this.frame;
    addText(this, width / 2, bottom, question, {
      size: type.body,
      bold: true,
      align: 'center',
      color: this.textColors.wrong,
      wrapWidth: width - margin * 2,
    })
      .setOrigin(0.5, 1)
      .setDepth(2);
    this.services.a11y.text(question, { role: 'alert' }).dataset.name = name;
  }

  /**
   * The corner control back to the title, on every screen but the title. In a round, `action` asks first (see
   * PauseScene) rather than dropping the round.
   */
  protected addHomeButton(action: () => void = () => this.goTo(SceneKey.Title)): MirroredButton {
    return this.addCornerButton(this.t('common:corner.title'), 2, action, {
      accessibleLabel: this.t('common:corner.titleLabel'),
      name: 'Back to title',
    });
  }

  /** Begins a screen with its corner controls: Back to title (doing `leave`, when given) and the sound switch. */
  protected beginWithCorners(title: string, leave?: () => void, textScale?: number): MirroredButton {
    this.beginScreen(title, textScale);
    const home = this.addHomeButton(leave);
    this.addSoundButton();
    return home;
  }

  /**
   * The answer screens' keys, solo and class alike: Enter, Space or N go on, ↑ ↓ scroll a long excerpt, and Escape
   * asks whether to leave the round.
   */
  protected onAnswerKeys(actions: { next: () => void; scrollBy: (delta: number) => void; leave: () => void }): void {
    this.onKeys((event) => {
      if (event.key === 'Enter' || event.key === ' ' || event.key.toLowerCase() === 'n') actions.next();
      if (event.key === 'ArrowDown') actions.scrollBy(40);
      if (event.key === 'ArrowUp') actions.scrollBy(-40);
      if (event.key === 'Escape') actions.leave();
    });
  }

  /**
   * The top row of a question's screens: "Q n / total" at the left, the corner buttons at the right; `leave` is
   * what the corner's "Back to title" does.
   */
  protected addRoundBar(number: number, total: number, leave?: () => void): { top: number; height: number } {
    const { margin, type } = this.frame;
    const home = this.addHomeButton(leave);
    this.addSoundButton();
    const top = margin * 0.6;
    const height = home.canvas.rect.height;
    addText(this, margin, top + height / 2, this.t('common:questionNumber', { number, total }), {
      size: type.body,
      bold: true,
    }).setOrigin(0, 0.5);
    return { top, height };
  }

  /** Done, centred at the bottom: it and Escape run `action`; focus goes to `focus`, or to Done. */
  protected addDoneButton(height: number, action: () => void, focus?: HTMLButtonElement): MirroredButton {
    const { width, margin } = this.frame;
    const doneWidth = Math.min(320, width - margin * 2);
    const done = this.addButton(
      this.t('common:done'),
      { x: width / 2 - doneWidth / 2, y: this.frame.height - margin - height, width: doneWidth, height },
      action,
      { name: 'Done' },
    );
    this.services.a11y.focus(focus ?? done.dom);
    this.onKeys((event) => {
      if (event.key === 'Escape') action();
    });
    return done;
  }

  /**
   * Buttons of `height` side by side at the bottom, or one above the other on a phone; the first marked primary is
   * highlighted. Returns where the row starts and the accessible buttons, in order.
   */
  protected addBottomButtons(
    buttons: readonly { label: string; action: () => void; name: string; primary?: boolean }[],
    height: number,
  ): { top: number; doms: HTMLButtonElement[] } {
    const { width, margin, gap, portrait } = this.frame;
    const rows = portrait ? buttons.length : 1;
    const columns = portrait ? 1 : buttons.length;
    const room = (width - margin * 2 - gap * (columns - 1)) / columns;
    const buttonWidth = portrait ? room : Math.min(360, room);
    const rowWidth = buttonWidth * columns + gap * (columns - 1);
    const top = this.frame.height - margin - rows * height - (rows - 1) * gap;
    const doms = buttons.map((button, index) => {
      const rect = {
        x: width / 2 - rowWidth / 2 + (index % columns) * (buttonWidth + gap),
        y: top + Math.floor(index / columns) * (height + gap),
        width: buttonWidth,
        height,
      };
      return this.addButton(button.label, rect, button.action, {
        name: button.name,
        fill: button.primary ? this.colors.highlight : this.colors.inkLighter,
        textColor: button.primary ? this.textColors.ink : this.textColors.white,
      }).dom;
    });
    return { top, doms };
  }

  /** The mute switch, on every screen (M does the same). */
  protected addSoundButton(): void {
    const height = this.cornerHeight;
    const rect = { x: this.cornerLeft - height, y: this.frame.margin * 0.6, width: height, height };
    this.cornerLeft = rect.x - this.frame.gap;
    const sound = this.services.sound;
    const toggle = () => this.toggleMute();
    const canvas = new SoundToggle(this, rect, sound.muted, toggle, () => sound.play('hover'));
    const dom = this.services.a11y.button(this.muteLabel(sound.muted), toggle, rect, { name: 'Sound' });
    dom.setAttribute('aria-keyshortcuts', 'M');
    this.soundToggle = { canvas, dom };
  }

  private toggleMute(): void {
    const sound = this.services.sound;
    const muted = sound.toggleMute();
    this.soundToggle?.canvas.setMuted(muted);
    if (this.soundToggle) this.soundToggle.dom.textContent = this.muteLabel(muted);
    this.services.a11y.announce(muted ? this.t('common:sound.off') : this.t('common:sound.on'));
    sound.play('press');
  }

  private muteLabel(muted: boolean): string {
    return muted ? this.t('common:sound.unmute') : this.t('common:sound.mute');
  }

  /**
   * The screen's title, in the row of the corner buttons (add those first), left of them: it shrinks to the room
   * there, down to the small type size, and is reported when it still does not fit.
   */
  protected addScreenTitle(text: string): Phaser.GameObjects.Text {
    const { margin, type } = this.frame;
    const title = addText(this, margin, margin * 0.6 + this.cornerHeight / 2, text, {
      size: type.heading,
      bold: true,
    }).setOrigin(0, 0.5);
    if (!fitTextWidth(title, this.cornerLeft - margin, type.small)) this.services.a11y.markOverflow('screen title');
    return title;
  }

  protected addHeading(text: string, y: number, size = this.frame.type.heading): Phaser.GameObjects.Text {
    return addText(this, this.frame.width / 2, y, text, { size, bold: true, align: 'center' }).setOrigin(0.5, 0);
  }
}

/** An M typed into a text field is a letter, not the mute key. */
function isTyping(event: KeyboardEvent): boolean {
  const target = event.target;
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}
