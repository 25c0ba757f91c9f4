/**
 * Which kind of input the player used last, on the accessible layer's root as `data-input` ("pointer" or
 * "keyboard"): the focus ring is the keyboard's, and style.css hides it after a tap or a click. Chromium keeps
 * `:focus-visible` on every focus a screen moves in script while the last focus was moved in script, and a tap on the
 * canvas moves no focus, so on a phone the ring stayed on the first tile of each screen whatever was tapped.
 */
export const INPUT_ATTRIBUTE = 'input';

export function trackInputModality(root: HTMLElement, page: Window = window): void {
  const set = (kind: 'pointer' | 'keyboard') => {
    if (root.dataset[INPUT_ATTRIBUTE] !== kind) root.dataset[INPUT_ATTRIBUTE] = kind;
  };
  // Captured first, so a screen built in answer to the same input already has the right look.
  page.addEventListener('pointerdown', () => set('pointer'), { capture: true, passive: true });
  page.addEventListener(
    'keydown',
    (event) => {
      // A modifier alone (a screenshot shortcut, Shift before a click) is no keyboard use.
      if (!['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) set('keyboard');
    },
    { capture: true, passive: true },
  );
}
