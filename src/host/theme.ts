/**
 * The host page's two themes: the standard desk, and the game's high contrast (its Settings → High contrast), for
 * a washed-out projector. The choice is kept on this browser; with none kept, the device's "more contrast" decides.
 */
import type { KeyValueStore } from '../storage/SafeStorage';
import { button } from './dom';
import { t } from './hostLanguage';

const THEME_KEY = 'source-check:host:high-contrast';

function isHighContrast(storage: KeyValueStore): boolean {
  const kept = storage.getItem(THEME_KEY);
  if (kept !== null) return kept === 'true';
  return typeof matchMedia === 'function' && matchMedia('(prefers-contrast: more)').matches;
}

function apply(on: boolean): void {
  if (on) document.body.dataset.theme = 'high-contrast';
  else delete document.body.dataset.theme;
}

/** Applies the kept theme and returns the button that switches it. */
export function themeToggle(storage: KeyValueStore): HTMLButtonElement {
  let on = isHighContrast(storage);
  apply(on);
  const toggle = button(
    t('host:page.highContrast'),
    () => {
      on = !on;
      storage.setItem(THEME_KEY, String(on));
      apply(on);
      toggle.setAttribute('aria-pressed', String(on));
    },
    { class: 'small', data: { name: 'high-contrast' }, attrs: { 'aria-pressed': String(on) } },
  );
  return toggle;
}
