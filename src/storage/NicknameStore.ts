import { checkNickname, generateNickname, type NicknameProblem } from '../core/nicknames';
import { createRng } from '../core/rng';
import type { KeyValueStore } from './SafeStorage';

export const NICKNAME_KEY = 'source-check:nickname:v1';
/** Set once the player has chosen their name (typed it, or kept the one offered): scores are then saved unasked. */
export const NICKNAME_CHOSEN_KEY = 'source-check:nickname-chosen:v1';

/** The player's nickname: generated at first, re-rolled or typed later, remembered on the device. */
export class NicknameStore {
  private current: string | undefined;

  constructor(
    private readonly store: KeyValueStore,
    private readonly entropy: () => number,
  ) {
    const saved = store.getItem(NICKNAME_KEY);
    const checked = saved === null ? undefined : checkNickname(saved);
    // A saved name that no longer passes the rules (edited storage, a longer blocklist) is replaced.
    this.current = checked?.ok ? checked.nickname : undefined;
    // A replaced name was not the player's choice: they are asked again.
    if (saved !== null && !checked?.ok) store.removeItem(NICKNAME_CHOSEN_KEY);
  }

  /** Whether the player has chosen their name on this device; until then, the first saved score asks for one. */
  chosen(): boolean {
    return this.store.getItem(NICKNAME_CHOSEN_KEY) !== null;
  }

  get(): string {
    if (this.current === undefined) this.reroll();
    return this.current!;
  }

  /** A new generated name (adjective + noun from the classroom-safe lists). */
  reroll(): string {
    const [name] = generateNickname(createRng(this.entropy()));
    this.current = name;
    this.store.setItem(NICKNAME_KEY, name);
    return name;
  }

  /**
   * Keeps a typed name (or the offered one, confirmed) if it passes the checks, as the player's choice; otherwise
   * says why not and keeps the old one.
   */
  type(typed: string): { ok: true; nickname: string } | { ok: false; problem: NicknameProblem; message: string } {
    const checked = checkNickname(typed);
    if (!checked.ok) return { ok: false, problem: checked.problem, message: checked.message };
    this.current = checked.nickname;
    this.store.setItem(NICKNAME_KEY, checked.nickname);
    this.store.setItem(NICKNAME_CHOSEN_KEY, '1');
    return checked;
  }
}
