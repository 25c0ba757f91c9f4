/**
 * The host page's confirmations: a modal <dialog> with a heading that labels it, what will happen in words, and
 * the safe choice (keep things as they are) focused first, so Enter or Escape never deletes or ends anything.
 */
import { button, el } from './dom';

export interface DialogChoice {
  label: string;
  /** Stable name for the choice, as `confirm` resolves it and tests find its button. */
  name: string;
  danger?: boolean;
}

let dialogs = 0;

/**
 * Asks, and resolves with the name of the chosen action, or undefined for the safe choice (its button or Escape).
 * The dialog is removed once answered.
 */
export function confirm(options: {
  heading: string;
  text: string[];
  choices: DialogChoice[];
  safeLabel: string;
  name: string;
}): Promise<string | undefined> {
  dialogs += 1;
  const headingId = `dialog-heading-${dialogs}`;
  const dialog = el('dialog', {
    class: 'confirm-dialog',
    data: { name: options.name },
    attrs: { 'aria-labelledby': headingId },
  });
  return new Promise((resolve) => {
    let chosen: string | undefined;
    const close = (name: string | undefined) => {
      chosen = name;
      dialog.close();
    };
    const safe = button(options.safeLabel, () => close(undefined), { data: { name: 'safe' } });
    dialog.append(
      el('h2', { text: options.heading, attrs: { id: headingId } }),
      ...options.text.map((text) => el('p', { text })),
      el(
        'div',
        { class: 'controls' },
        safe,
        ...options.choices.map((choice) =>
          button(choice.label, () => close(choice.name), {
            class: choice.danger ? 'danger' : '',
            data: { name: choice.name },
          }),
        ),
      ),
    );
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(chosen);
    });
    document.body.append(dialog);
    dialog.showModal();
    safe.focus();
  });
}
