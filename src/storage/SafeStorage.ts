/**
 * Key-value storage that never throws: localStorage when it works, memory when it is missing,
 * blocked or full (the 2048 pattern).
 */

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Where a checked write went: lasting storage, memory only (storage blocked), or nowhere (storage full). */
export type WriteOutcome = 'saved' | 'memory' | 'full';

/** The browsers' names for "this write would go over the site's storage quota". */
function isQuotaError(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

export class MemoryStore implements KeyValueStore {
  private readonly values = new Map<string, string>();
  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.values.set(key, value);
  }
  removeItem(key: string): void {
    this.values.delete(key);
  }
}

export class SafeStorage implements KeyValueStore {
  private readonly memory = new MemoryStore();
  /** Whether saved data will outlive the page. */
  persistent: boolean;
  /** Why lasting storage was given up, once it was: full, or blocked (memory only). */
  private givenUp: Exclude<WriteOutcome, 'saved'> = 'memory';

  constructor(private readonly backing: KeyValueStore | undefined) {
    this.persistent = backing !== undefined && SafeStorage.works(backing);
  }

  static fromWindow(): SafeStorage {
    try {
      return new SafeStorage(globalThis.localStorage);
    } catch {
      // Accessing localStorage itself throws when cookies are blocked.
      return new SafeStorage(undefined);
    }
  }

  private static works(store: KeyValueStore): boolean {
    const probe = '__source-check-probe__';
    try {
      store.setItem(probe, probe);
      store.removeItem(probe);
      return true;
    } catch {
      return false;
    }
  }

  getItem(key: string): string | null {
    if (this.persistent) {
      try {
        return this.backing!.getItem(key);
      } catch {
        this.persistent = false;
      }
    }
    return this.memory.getItem(key);
  }

  setItem(key: string, value: string): void {
    this.memory.setItem(key, value);
    if (!this.persistent) return;
    try {
      this.backing!.setItem(key, value);
    } catch (error) {
      // Full or revoked: keep playing from memory for the rest of the visit.
      this.persistent = false;
      if (isQuotaError(error)) this.givenUp = 'full';
    }
  }

  /**
   * Writes a value and says where it went. Unlike setItem, a full store is not given up: the write is refused
   * (the old value stays, here and in memory) and later, smaller writes still reach lasting storage.
   */
  trySetItem(key: string, value: string): WriteOutcome {
    if (this.persistent) {
      try {
        this.backing!.setItem(key, value);
      } catch (error) {
        if (isQuotaError(error)) return 'full';
        this.persistent = false;
      }
    }
    this.memory.setItem(key, value);
    return this.persistent ? 'saved' : this.givenUp;
  }

  removeItem(key: string): void {
    this.memory.removeItem(key);
    if (!this.persistent) return;
    try {
      this.backing!.removeItem(key);
    } catch {
      this.persistent = false;
    }
  }
}

/**
 * Writes a value and says where it went, on any store: a SafeStorage tells lasting storage from memory; a plain
 * store's write either works or throws.
 */
export function writeChecked(store: KeyValueStore, key: string, value: string): WriteOutcome {
  if (store instanceof SafeStorage) return store.trySetItem(key, value);
  try {
    store.setItem(key, value);
    return 'saved';
  } catch (error) {
    return isQuotaError(error) ? 'full' : 'memory';
  }
}
