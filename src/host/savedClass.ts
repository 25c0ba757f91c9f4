/** The class this browser hosts, kept so a reload returns to its dashboard. */
import type { KeyValueStore } from '../storage/SafeStorage';

const SAVED_KEY = 'source-check:host:v1';

export interface SavedClass {
  code: string;
  token: string;
}

export function loadSavedClass(storage: KeyValueStore): SavedClass | undefined {
  try {
    const data = JSON.parse(storage.getItem(SAVED_KEY) ?? 'null') as Partial<SavedClass> | null;
    if (data && typeof data.code === 'string' && typeof data.token === 'string') {
      return { code: data.code, token: data.token };
    }
  } catch {
    // Not ours or damaged: start afresh.
  }
  return undefined;
}

export function saveClass(storage: KeyValueStore, saved: SavedClass): void {
  storage.setItem(SAVED_KEY, JSON.stringify(saved));
}

export function forgetClass(storage: KeyValueStore): void {
  storage.removeItem(SAVED_KEY);
}
