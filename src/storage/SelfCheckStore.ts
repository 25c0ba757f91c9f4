import { parseSelfChecks, takenForm, type SavedAnswer, type SavedCheck, type SelfCheckData } from '../core/savedChecks';
import type { CheckForm } from '../core/checkForms';
import type { KeyValueStore } from './SafeStorage';

export const SELF_CHECKS_KEY = 'source-check:self-checks:v1';
/** Where unreadable saved checks are moved, so they are kept for inspection rather than lost. */
export const SELF_CHECKS_BACKUP_KEY = 'source-check:self-checks:unreadable';

/** The player's "Check yourself" answers and rounds count, kept on the device with their scores and settings. */
export class SelfCheckStore {
  private data: SelfCheckData;
  /** What could not be read from the saved checks (and was dropped), for a notice. */
  readonly problems: string[];

  constructor(private readonly store: KeyValueStore) {
    const raw = store.getItem(SELF_CHECKS_KEY);
    const loaded = parseSelfChecks(raw);
    this.data = loaded.data;
    this.problems = loaded.problems;
    if (loaded.problems.length > 0 && raw !== null) {
      store.setItem(SELF_CHECKS_BACKUP_KEY, raw);
      this.save();
    }
  }

  get(): SelfCheckData {
    return this.data;
  }

  /** A finished check; a form already taken is kept as first answered (a check is taken once). */
  record(form: CheckForm, answers: readonly SavedAnswer[], takenAt: number): SavedCheck {
    const existing = takenForm(this.data, form);
    if (existing) return existing;
    const check: SavedCheck = { form, takenAt, roundsBefore: this.data.roundsFinished, answers: [...answers] };
    this.data = { ...this.data, taken: [...this.data.taken, check] };
    this.save();
    return check;
  }

  roundFinished(): void {
    this.data = { ...this.data, roundsFinished: this.data.roundsFinished + 1 };
    this.save();
  }

  skipBefore(): void {
    this.data = { ...this.data, skippedBefore: true };
    this.save();
  }

  private save(): void {
    this.store.setItem(SELF_CHECKS_KEY, JSON.stringify(this.data));
  }
}

const stores = new WeakMap<KeyValueStore, SelfCheckStore>();

/** The player's saved checks, read from the device once per page. */
export function selfCheckStore(storage: KeyValueStore): SelfCheckStore {
  let store = stores.get(storage);
  if (!store) {
    store = new SelfCheckStore(storage);
    stores.set(storage, store);
  }
  return store;
}
