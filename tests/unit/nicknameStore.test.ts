import { describe, expect, it } from 'vitest';
import { NicknameStore, NICKNAME_CHOSEN_KEY, NICKNAME_KEY } from '../../src/storage/NicknameStore';
import { MemoryStore } from '../../src/storage/SafeStorage';

describe('nickname store', () => {
  it('generates a two-word name once and remembers it', () => {
    const store = new MemoryStore();
    const name = new NicknameStore(store, () => 7).get();
    expect(name.split(' ')).toHaveLength(2);
    expect(new NicknameStore(store, () => 99).get()).toBe(name);
  });

  it('re-rolls to another name', () => {
    let n = 1;
    const nicknames = new NicknameStore(new MemoryStore(), () => (n += 1));
    const names = new Set([nicknames.get(), nicknames.reroll(), nicknames.reroll(), nicknames.reroll()]);
    expect(names.size).toBeGreaterThan(1);
  });

  it('keeps a typed name that passes the checks and refuses one that does not', () => {
    const store = new MemoryStore();
    const nicknames = new NicknameStore(store, () => 3);
    expect(nicknames.type('  Ada   Lovelace ')).toEqual({ ok: true, nickname: 'Ada Lovelace' });
    const refused = nicknames.type('x');
    expect(refused.ok).toBe(false);
    expect(nicknames.get()).toBe('Ada Lovelace');
    expect(store.getItem(NICKNAME_KEY)).toBe('Ada Lovelace');
  });

  it('replaces a saved name that breaks the rules', () => {
    const store = new MemoryStore();
    store.setItem(NICKNAME_KEY, '\u0000\u0001');
    const name = new NicknameStore(store, () => 5).get();
    expect(name).not.toContain('\u0000');
    expect(name.split(' ')).toHaveLength(2);
  });

  it('counts a name as chosen once typed or confirmed, not when generated or re-rolled, and remembers it', () => {
    const store = new MemoryStore();
    const nicknames = new NicknameStore(store, () => 11);
    const offered = nicknames.get();
    nicknames.reroll();
    expect(nicknames.chosen()).toBe(false);
    expect(nicknames.type('x').ok).toBe(false);
    expect(nicknames.chosen()).toBe(false);
    expect(nicknames.type(offered)).toEqual({ ok: true, nickname: offered });
    expect(nicknames.chosen()).toBe(true);
    expect(new NicknameStore(store, () => 12).chosen()).toBe(true);
    // A saved name that breaks the rules is replaced, and the player is asked again.
    store.setItem(NICKNAME_KEY, '\u0000');
    const repaired = new NicknameStore(store, () => 13);
    expect(repaired.chosen()).toBe(false);
    expect(store.getItem(NICKNAME_CHOSEN_KEY)).toBeNull();
  });
});
