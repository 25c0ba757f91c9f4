/**
 * The accessible DOM layer: an HTML mirror of the current screen for screen readers and keyboards,
 * kept beside the canvas. Buttons sit exactly over their canvas twins (so the focus ring circles the
 * button a sighted keyboard user sees) and let mouse input pass through to the canvas.
 */
import type { Rect } from '../ui/layout';

export interface GeometrySource {
  /** The canvas element the game draws in. */
  canvas: HTMLCanvasElement;
  /** The game's own width and height in game pixels. */
  gameSize(): { width: number; height: number };
}

interface PlacedButton {
  element: HTMLButtonElement;
  rect: Rect;
}

export class AccessibleLayer {
  private readonly screen: HTMLElement;
  private readonly status: HTMLElement;
  private placed: PlacedButton[] = [];
  private measured: { canvasBox: DOMRect; rootBox: DOMRect } | undefined;
  private geometry?: GeometrySource;

  constructor(private readonly root: HTMLElement) {
    root.classList.add('a11y-layer');
    this.screen = document.createElement('main');
    this.screen.className = 'a11y-screen';
    this.status = document.createElement('div');
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.status.className = 'sr-only';
    root.append(this.screen, this.status);
  }

  attach(geometry: GeometrySource): void {
    this.geometry = geometry;
  }

  /** Starts a new screen: clears the old one and names this one with a heading. */
  beginScreen(title: string, screenId: string): void {
    this.placed = [];
    this.screen.replaceChildren();
    this.screen.dataset.screen = screenId;
    this.root.dataset.screen = screenId;
    delete this.root.dataset.overflow;
    // What the last screen said is not this screen's news.
    this.status.textContent = '';
    const heading = document.createElement('h1');
    heading.className = 'sr-only';
    heading.textContent = title;
    this.screen.append(heading);
  }

  heading(text: string, level: 2 | 3 = 2, parent: HTMLElement = this.screen): HTMLElement {
    const element = document.createElement(`h${level}`);
    element.className = 'sr-only';
    element.textContent = text;
    parent.append(element);
    return element;
  }

  text(text: string, options: { role?: string; label?: string; parent?: HTMLElement } = {}): HTMLElement {
    const element = document.createElement('p');
    element.className = 'sr-only';
    element.textContent = text;
    if (options.role) element.setAttribute('role', options.role);
    if (options.label) element.setAttribute('aria-label', options.label);
    (options.parent ?? this.screen).append(element);
    return element;
  }

  /** A named container: role "group" for answers, "region" for the source. */
  section(label: string, role: 'group' | 'region' | 'list', parent: HTMLElement = this.screen): HTMLElement {
    const element = document.createElement(role === 'list' ? 'ul' : role === 'region' ? 'section' : 'div');
    if (role !== 'list' && role !== 'region') element.setAttribute('role', role);
    element.setAttribute('aria-label', label);
    element.className = 'a11y-section';
    parent.append(element);
    return element;
  }

  /**
   * A screen's summary as a heading that takes focus at once, so a screen reader reads it before anything else
   * (the score and place on a results screen, rather than its first button).
   */
  focusSummary(text: string): HTMLElement {
    const element = this.heading(text, 2);
    element.tabIndex = -1;
    element.dataset.name = 'summary';
    element.focus({ preventScroll: true });
    return element;
  }

  listItem(text: string, list: HTMLElement): HTMLElement {
    const item = document.createElement('li');
    item.className = 'sr-only';
    item.textContent = text;
    list.append(item);
    return item;
  }

  /** A real button that does exactly what its canvas twin does. */
  button(
    label: string,
    onActivate: () => void,
    rect: Rect,
    options: { parent?: HTMLElement; description?: string; name?: string; pressed?: boolean } = {},
  ): HTMLButtonElement {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = 'a11y-button';
    element.textContent = label;
    if (options.name) element.dataset.name = options.name;
    if (options.description) element.title = options.description;
    if (options.pressed !== undefined) element.setAttribute('aria-pressed', String(options.pressed));
    element.addEventListener('click', (event) => {
      event.preventDefault();
      onActivate();
    });
    (options.parent ?? this.screen).append(element);
    this.placed.push({ element, rect });
    this.place({ element, rect });
    return element;
  }

  /**
   * Records that a piece of text did not fit its box even at its smallest size, so a layout problem
   * shows up in the page (the browser tests read data-overflow) instead of passing unseen.
   */
  markOverflow(name: string): void {
    const names = new Set((this.root.dataset.overflow ?? '').split(',').filter(Boolean));
    names.add(name);
    this.root.dataset.overflow = [...names].join(',');
  }

  /** Says something once through the live region (outcome of an answer, time's up). */
  announce(message: string): void {
    // Clearing first makes screen readers repeat a message equal to the previous one.
    this.status.textContent = '';
    this.status.textContent = message;
  }

  focus(element: HTMLElement | undefined): void {
    element?.focus({ preventScroll: true });
  }

  /** True when the key will already act through a focused DOM button (so the scene must not act too). */
  ownsKey(event: KeyboardEvent): boolean {
    const active = document.activeElement;
    return (
      (event.key === 'Enter' || event.key === ' ') && active instanceof HTMLButtonElement && this.root.contains(active)
    );
  }

  /** Re-places every button after the canvas moved or was resized. */
  /**
   * Where the canvas and this layer are on the page, measured once per task: a screen places a dozen buttons
   * in one go, and measuring after each one's styles were written forced the page's layout every time.
   */
  private boxes(canvas: HTMLCanvasElement): { canvasBox: DOMRect; rootBox: DOMRect } {
    if (!this.measured) {
      this.measured = { canvasBox: canvas.getBoundingClientRect(), rootBox: this.root.getBoundingClientRect() };
      queueMicrotask(() => (this.measured = undefined));
    }
    return this.measured;
  }

  relayout(): void {
    this.measured = undefined;
    for (const button of this.placed) this.place(button);
  }

  private place({ element, rect }: PlacedButton): void {
    if (!this.geometry) return;
    const { canvasBox, rootBox } = this.boxes(this.geometry.canvas);
    const { width } = this.geometry.gameSize();
    const scale = canvasBox.width / width;
    element.style.left = `${canvasBox.left - rootBox.left + rect.x * scale}px`;
    element.style.top = `${canvasBox.top - rootBox.top + rect.y * scale}px`;
    element.style.width = `${rect.width * scale}px`;
    element.style.height = `${rect.height * scale}px`;
  }
}
