/** The host page's frame: its heading above whatever step is on show, and its messages. */
import { el } from './dom';
import { t } from './hostLanguage';

export interface HostPage {
  root: HTMLElement;
}

/** Shows a step of the page under its heading. */
export function show(page: HostPage, ...children: Node[]): void {
  page.root.replaceChildren(el('h1', { text: t('host:page.heading') }), ...children);
}

export function message(text: string, kind: 'info' | 'error' = 'info'): HTMLElement {
  return el('p', { class: `message ${kind}`, text, attrs: { role: kind === 'error' ? 'alert' : 'status' } });
}
