/** What every screen shares: its frame, its services, buttons mirrored in the accessible layer, keys. */
import Phaser from 'phaser';
import { servicesOf, type GameServices } from '../game/services';
import { Button, type ButtonOptions } from '../ui/Button';
import { frameFor, type Frame, type Rect } from '../ui/layout';
import { COLORS } from '../ui/theme';
import { addText, fitTextHeight } from '../ui/text';
import { SceneKey } from './keys';

export interface MirroredButton {
  canvas: Button;
  dom: HTMLButtonElement;
}

export abstract class BaseScene extends Phaser.Scene {
  protected frame!: Frame;
  /** Set once the screen has acted on an input that leaves it, so nothing acts twice. */
  protected leaving = false;

  protected get services(): GameServices {
    return servicesOf(this);
  }

  /** Call first in create(): resets per-visit state and paints the desk. */
  protected beginScreen(title: string): void {
    this.leaving = false;
    this.frame = frameFor(this.scale.width, this.scale.height, this.services.preferences.get().textScale);
    this.cameras.main.setBackgroundColor(COLORS.ink);
    this.services.a11y.beginScreen(title, this.scene.key);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.input.keyboard?.removeAllListeners());
  }

  /** Leaves for another screen once; later calls from the same visit are ignored. */
  protected goTo(key: SceneKey, data?: object): void {
    if (this.leaving) return;
    this.leaving = true;
    this.scene.start(key, data);
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
    const canvas = new Button(this, rect, { label, fontSize: this.frame.type.button, ...options }, action);
    const dom = this.services.a11y.button(options.accessibleLabel ?? label, action, rect, {
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

  /** Keyboard shortcuts; Enter/Space are left to a focused DOM button so they never act twice. */
  protected onKeys(handler: (event: KeyboardEvent) => void): void {
    this.input.keyboard?.on('keydown', (event: KeyboardEvent) => {
      if (this.leaving || event.repeat || this.services.a11y.ownsKey(event)) return;
      handler(event);
    });
  }

  /** The corner control back to the title, on every screen but the title. */
  protected addHomeButton(): MirroredButton {
    const size = Math.max(48, Math.round(this.frame.type.button * 2));
    const rect = {
      x: this.frame.width - this.frame.margin - size * 1.6,
      y: this.frame.margin * 0.6,
      width: size * 1.6,
      height: size * 0.8,
    };
    return this.addButton('⌂ Title', rect, () => this.goTo(SceneKey.Title), {
      fontSize: this.frame.type.small,
      accessibleLabel: 'Back to title',
      name: 'Back to title',
    });
  }

  protected addHeading(text: string, y: number, size = this.frame.type.heading): Phaser.GameObjects.Text {
    return addText(this, this.frame.width / 2, y, text, { size, bold: true, align: 'center' }).setOrigin(0.5, 0);
  }
}
