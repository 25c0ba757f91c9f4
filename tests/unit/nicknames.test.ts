import { describe, expect, it } from 'vitest';
import {
  checkNickname,
  generateNickname,
  NICKNAME_ADJECTIVES,
  NICKNAME_MAX_LENGTH,
  NICKNAME_NOUNS,
} from '../../src/core/nicknames';
import { createRng } from '../../src/core/rng';

describe('generated nicknames', () => {
  it('are an adjective and a noun, the same for the same seed, different when re-rolled', () => {
    const [first, next] = generateNickname(createRng('seed'));
    expect(generateNickname(createRng('seed'))[0]).toBe(first);
    const [adjective, noun] = first.split(' ');
    expect(NICKNAME_ADJECTIVES).toContain(adjective);
    expect(NICKNAME_NOUNS).toContain(noun);
    let rng = next;
    const names = new Set([first]);
    for (let i = 0; i < 20; i += 1) {
      let name: string;
      [name, rng] = generateNickname(rng);
      names.add(name);
    }
    expect(names.size).toBeGreaterThan(15);
  });

  it('every combination passes the checks a typed name must pass', () => {
    for (const adjective of NICKNAME_ADJECTIVES) {
      for (const noun of NICKNAME_NOUNS) {
        const name = `${adjective} ${noun}`;
        expect(checkNickname(name), name).toEqual({ ok: true, nickname: name });
      }
    }
    expect(new Set(NICKNAME_ADJECTIVES).size).toBe(NICKNAME_ADJECTIVES.length);
    expect(new Set(NICKNAME_NOUNS).size).toBe(NICKNAME_NOUNS.length);
  });
});

describe('typed nicknames', () => {
  it('are tidied: outer spaces off, inner runs of spaces made one, composed accents', () => {
    expect(checkNickname('  Ada   Lovelace ')).toEqual({ ok: true, nickname: 'Ada Lovelace' });
    expect(checkNickname('Zoe\u0301')).toEqual({ ok: true, nickname: 'Zoé' });
    expect(checkNickname('Ана Ли')).toMatchObject({ ok: true });
    expect(checkNickname('李小龍')).toMatchObject({ ok: true });
    expect(checkNickname("O'Brien-Smith Jr.")).toMatchObject({ ok: true });
  });

  it('must have a length from 2 letters or digits to the maximum', () => {
    expect(checkNickname('')).toMatchObject({ ok: false, problem: 'too-short' });
    expect(checkNickname('   ')).toMatchObject({ ok: false, problem: 'too-short' });
    expect(checkNickname('A')).toMatchObject({ ok: false, problem: 'too-short' });
    expect(checkNickname('!?!')).toMatchObject({ ok: false, problem: 'too-short' });
    expect(checkNickname('Al')).toMatchObject({ ok: true });
    expect(checkNickname('a'.repeat(NICKNAME_MAX_LENGTH))).toMatchObject({ ok: true });
    expect(checkNickname('a'.repeat(NICKNAME_MAX_LENGTH + 1))).toMatchObject({ ok: false, problem: 'too-long' });
  });

  it('refuse emoji, symbols, control and invisible characters', () => {
    for (const name of [
      'Ada 😀',
      'Ada ♥',
      'Ada\u0000',
      'A\u200bda',
      'Ada\u202eevil',
      'Ada\u0007',
      'Z\u0301\u0301\u0301\u0301oe',
    ]) {
      expect(checkNickname(name), JSON.stringify(name)).toMatchObject({ ok: false, problem: 'characters' });
    }
  });

  it('allow ordinary punctuation, which every screen shows as text', () => {
    expect(checkNickname('<img src=x onerror=alert(1)>')).toMatchObject({ ok: true });
    expect(checkNickname('=1+1')).toMatchObject({ ok: true });
  });

  it('refuse blocked words, however they are spelled out', () => {
    for (const name of [
      'Fuck',
      'f.u.c.k',
      'FuUuCk Yeah',
      'Sh1t Happens',
      '$HIT',
      'big ass',
      'A S S',
      'b1tch',
      'Mr Teacher',
      'admin',
      'Nazi Cat',
      'idiots',
    ]) {
      expect(checkNickname(name), name).toMatchObject({ ok: false, problem: 'blocked' });
    }
  });

  it('do not refuse ordinary words that hold a blocked one (the Scunthorpe problem)', () => {
    for (const name of [
      'Classy Bass',
      'Sussex Grape',
      'Cocoa Button',
      'Hello Shell',
      'Assassin Creed',
      'Therapist Tom',
      'Torpedo',
      'Dickens Fan',
      'Swank Atwater',
    ]) {
      expect(checkNickname(name), name).toMatchObject({ ok: true });
    }
  });
});
