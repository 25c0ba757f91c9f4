/**
 * A small DOM builder for the host page. Text always goes in as textContent, never as HTML, so a nickname
 * such as "<img src=x onerror=…>" shows as the characters it is.
 */

type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  text?: string;
  data?: Record<string, string>;
  attrs?: Record<string, string>;
  hidden?: boolean;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  if (props.text !== undefined) element.textContent = props.text;
  for (const [key, value] of Object.entries(props.data ?? {})) element.dataset[key] = value;
  for (const [key, value] of Object.entries(props.attrs ?? {})) element.setAttribute(key, value);
  if (props.hidden) element.hidden = true;
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

export function button(label: string, onClick: () => void, props: Props = {}): HTMLButtonElement {
  const element = el('button', { ...props, text: label });
  element.type = 'button';
  element.addEventListener('click', onClick);
  return element;
}
