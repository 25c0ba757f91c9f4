/**
 * The classes this browser hosts: the one open now (a reload returns to its dashboard) and every class it
 * created, each with its teacher token, so the host page can list them, reopen any and export its results.
 */
import type { KeyValueStore } from '../storage/SafeStorage';

const SAVED_KEY = 'source-check:host:v1';
const KEPT_KEY = 'source-check:host:classes:v1';
/** The most classes kept on one device (the server answers for as many at once: MAX_KEPT_CLASSES). */
export const MAX_KEPT_ON_DEVICE = 50;

export interface SavedClass {
  code: string;
  token: string;
}

function parseClass(data: unknown): SavedClass | undefined {
  const candidate = data as Partial<SavedClass> | null;
  if (candidate && typeof candidate.code === 'string' && typeof candidate.token === 'string') {
    return { code: candidate.code, token: candidate.token };
  }
  return undefined;
}

export function loadSavedClass(storage: KeyValueStore): SavedClass | undefined {
  try {
    return parseClass(JSON.parse(storage.getItem(SAVED_KEY) ?? 'null'));
  } catch {
    // Not ours or damaged: start afresh.
  }
  return undefined;
}

/** Every class this browser created, newest first (the open one included, also when saved before the list). */
export function loadKeptClasses(storage: KeyValueStore): SavedClass[] {
  let kept: SavedClass[] = [];
  try {
    const data: unknown = JSON.parse(storage.getItem(KEPT_KEY) ?? '[]');
    if (Array.isArray(data)) kept = data.map(parseClass).filter((item) => item !== undefined);
  } catch {
    // Damaged: the list starts again from the open class.
  }
  const current = loadSavedClass(storage);
  if (current && !kept.some((item) => item.code === current.code)) kept.unshift(current);
  return kept;
}

function storeKept(storage: KeyValueStore, kept: readonly SavedClass[]): void {
  storage.setItem(KEPT_KEY, JSON.stringify(kept.slice(0, MAX_KEPT_ON_DEVICE)));
}

/** Makes the class the one open on this browser, and keeps it in the list of its classes. */
export function saveClass(storage: KeyValueStore, saved: SavedClass): void {
  storage.setItem(SAVED_KEY, JSON.stringify(saved));
  storeKept(storage, [saved, ...loadKeptClasses(storage).filter((item) => item.code !== saved.code)]);
}

/** No class is open on this browser any more ("Host a new class"); the list keeps it. */
export function forgetClass(storage: KeyValueStore): void {
  storage.removeItem(SAVED_KEY);
}

/** Drops classes from the list (and from being the open one): removed, deleted, or gone from the server. */
export function dropKeptClasses(storage: KeyValueStore, codes: readonly string[]): void {
  const current = loadSavedClass(storage);
  if (current && codes.includes(current.code)) forgetClass(storage);
  storeKept(
    storage,
    loadKeptClasses(storage).filter((item) => !codes.includes(item.code)),
  );
}
