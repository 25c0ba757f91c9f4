import { parsePreferences, type Preferences } from '../core/preferences';
import type { KeyValueStore } from './SafeStorage';

export const PREFERENCES_KEY = 'source-check:settings:v1';

export class PreferencesStore {
  private current: Preferences;
  readonly problems: string[];

  constructor(private readonly store: KeyValueStore) {
    const loaded = parsePreferences(store.getItem(PREFERENCES_KEY));
    this.current = loaded.preferences;
    this.problems = loaded.problems;
  }

  get(): Preferences {
    return this.current;
  }

  set(preferences: Preferences): void {
    this.current = preferences;
    this.store.setItem(PREFERENCES_KEY, JSON.stringify(preferences));
  }
}
