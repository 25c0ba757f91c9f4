import { MAX_SAVED_BANKS_CHARS, overBudgetMessage, STORAGE_FULL_MESSAGE } from '../core/customBankLimits';
import {
  bankFromFile,
  newSavedBank,
  normalizeBankName,
  parseSavedBanks,
  serializeSavedBanks,
  type SavedBank,
  type SavedBanksProblem,
} from '../core/customBanks';
import type { ImportFormat } from '../core/import/index';
import type { Question, SourceDoc, Topic } from '../core/types';
import type { KeyValueStore, WriteOutcome } from './SafeStorage';

export const CUSTOM_BANKS_KEY = 'source-check:custom-banks:v1';
/** Where unreadable saved banks are moved, so damaged data is kept for inspection rather than lost. */
export const CUSTOM_BANKS_BACKUP_KEY = 'source-check:custom-banks:unreadable';

/** Storage that says whether a write lasted (SafeStorage). */
export interface CheckedStore extends KeyValueStore {
  readonly persistent: boolean;
  trySetItem(key: string, value: string): WriteOutcome;
}

/** Why a change was refused, as data a screen words in its own language (`reason` is the English). */
export type SaveRefusal =
  { why: 'no-name' } | { why: 'gone' } | { why: 'over-budget'; chars: number; limit: number } | { why: 'full' };

/** What became of a change: kept on the device, kept for this visit only, or refused with the reason why. */
export type SaveResult = { kept: 'device' | 'visit' } | { kept: 'no'; reason: string; refusal: SaveRefusal };

const GONE_REASON = 'That bank is no longer saved.';

export interface ImportedFile {
  fileName: string;
  format: ImportFormat;
  topic: Topic;
  questions: Question[];
}

/** The teacher's saved banks: read and checked once, changed only when the change can be stored. */
export class CustomBankStore {
  private banks: SavedBank[];
  /**
   * Problems found in the stored data when it was read, as codes a screen words (the unreadable part is kept
   * under the backup key).
   */
  readonly problems: readonly SavedBanksProblem[];
  private readonly maxChars: number;

  constructor(
    private readonly store: CheckedStore,
    sources: Record<string, SourceDoc>,
    options: { maxChars?: number } = {},
  ) {
    this.maxChars = options.maxChars ?? MAX_SAVED_BANKS_CHARS;
    const raw = store.getItem(CUSTOM_BANKS_KEY);
    const loaded = parseSavedBanks(raw, sources);
    this.banks = loaded.banks;
    this.problems = loaded.problems;
    if (loaded.problems.length > 0 && raw !== null) {
      store.trySetItem(CUSTOM_BANKS_BACKUP_KEY, raw);
      store.trySetItem(CUSTOM_BANKS_KEY, serializeSavedBanks(this.banks));
    }
  }

  /** Whether saved banks outlive the page. */
  get persistent(): boolean {
    return this.store.persistent;
  }

  list(): readonly SavedBank[] {
    return this.banks;
  }

  get(id: string): SavedBank | undefined {
    return this.banks.find((bank) => bank.id === id);
  }

  /** Characters the saved banks take in storage. */
  usedChars(): number {
    return serializeSavedBanks(this.banks).length;
  }

  get limitChars(): number {
    return this.maxChars;
  }

  /**
   * Saves a file's checked questions as a bank; a file of the same name loaded before is replaced (its name
   * kept if the teacher changed it). Nothing changes when the result is refused.
   */
  add(file: ImportedFile, savedAt: string): { result: SaveResult; bank?: SavedBank; replaced: boolean } {
    const earlier = bankFromFile(this.banks, file.fileName);
    const fresh = newSavedBank(this.banks, file, savedAt);
    const bank: SavedBank = earlier
      ? {
          ...fresh,
          id: earlier.id,
          // A name the teacher chose stays; one taken from the file follows the file.
          name: earlier.name === normalizeBankName(earlier.topic.title) ? fresh.name : earlier.name,
        }
      : fresh;
    const next = earlier ? this.banks.map((item) => (item === earlier ? bank : item)) : [...this.banks, bank];
    const result = this.commit(next);
    return { result, ...(result.kept !== 'no' ? { bank } : {}), replaced: earlier !== undefined };
  }

  /** Gives a bank a new name; an empty name is refused. */
  rename(id: string, name: string): SaveResult {
    const clean = normalizeBankName(name);
    if (clean === '') {
      return {
        kept: 'no',
        reason: 'A bank needs a name: type at least one letter or digit.',
        refusal: { why: 'no-name' },
      };
    }
    if (!this.get(id)) return { kept: 'no', reason: GONE_REASON, refusal: { why: 'gone' } };
    return this.commit(this.banks.map((bank) => (bank.id === id ? { ...bank, name: clean } : bank)));
  }

  remove(id: string): SaveResult {
    if (!this.get(id)) return { kept: 'no', reason: GONE_REASON, refusal: { why: 'gone' } };
    return this.commit(this.banks.filter((bank) => bank.id !== id));
  }

  private commit(next: SavedBank[]): SaveResult {
    const text = serializeSavedBanks(next);
    // Removing always goes through: it only frees room.
    if (text.length > this.maxChars && next.length >= this.banks.length) {
      return {
        kept: 'no',
        reason: overBudgetMessage(text.length, this.maxChars),
        refusal: { why: 'over-budget', chars: text.length, limit: this.maxChars },
      };
    }
    const outcome = this.store.trySetItem(CUSTOM_BANKS_KEY, text);
    if (outcome === 'full') return { kept: 'no', reason: STORAGE_FULL_MESSAGE, refusal: { why: 'full' } };
    this.banks = next;
    return { kept: outcome === 'saved' ? 'device' : 'visit' };
  }
}
