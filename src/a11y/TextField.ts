/**
 * A real text box laid over the canvas where the screen draws its frame: the one place the game asks for typing
 * (a bank's name). Being a real input, it brings the device's keyboard, selection, paste and screen-reader support.
 */
import type Phaser from 'phaser';
import type { Rect } from '../ui/layout';
import { viewOf } from '../ui/renderScale';
import { FONT_FAMILY, paletteOf } from '../ui/theme';

export interface TextFieldOptions {
  /** The field's accessible name. */
  label: string;
  value: string;
  maxLength: number;
  /** In game pixels; scaled with the canvas. */
  fontSize: number;
  onSubmit: (value: string) => void;
  onCancel: () => void;
}

export class TextField {
  readonly input: HTMLInputElement;
  private readonly onResize = () => this.place();

  constructor(
    private readonly scene: Phaser.Scene,
    parent: HTMLElement,
    private readonly rect: Rect,
    private readonly options: TextFieldOptions,
  ) {
    const input = document.createElement('input');
    input.type = 'text';
    input.value = options.value;
    input.maxLength = options.maxLength;
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.setAttribute('aria-label', options.label);
    input.dataset.name = options.label;
    Object.assign(input.style, {
      position: 'absolute',
      boxSizing: 'border-box',
      margin: '0',
      padding: '0 0.5em',
      border: `3px solid ${paletteOf(scene).text.ink}`,
      borderRadius: '10px',
      outline: `4px solid ${paletteOf(scene).text.focus}`,
      background: paletteOf(scene).text.paper,
      color: paletteOf(scene).text.paperText,
      fontFamily: FONT_FAMILY,
      pointerEvents: 'auto',
    });
    // Typing is for the field alone: the game's own keys (M for sound, Escape, Enter) must not act on it.
    input.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Enter') {
        event.preventDefault();
        options.onSubmit(input.value);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        options.onCancel();
      }
    });
    input.addEventListener('keyup', (event) => event.stopPropagation());
    parent.append(input);
    this.input = input;
    this.place();
    window.addEventListener('resize', this.onResize);
  }

  get value(): string {
    return this.input.value;
  }

  focus(): void {
    this.input.focus({ preventScroll: true });
    this.input.select();
  }

  destroy(): void {
    window.removeEventListener('resize', this.onResize);
    this.input.remove();
  }

  /** Over its rectangle of the canvas, however the canvas is scaled and centred. */
  private place(): void {
    const canvas = this.scene.game.canvas.getBoundingClientRect();
    const root = (this.input.offsetParent ?? document.body).getBoundingClientRect();
    const scale = canvas.width / viewOf(this.scene).width;
    Object.assign(this.input.style, {
      left: `${canvas.left - root.left + this.rect.x * scale}px`,
      top: `${canvas.top - root.top + this.rect.y * scale}px`,
      width: `${this.rect.width * scale}px`,
      height: `${this.rect.height * scale}px`,
      fontSize: `${Math.round(this.options.fontSize * scale)}px`,
    });
  }
}
