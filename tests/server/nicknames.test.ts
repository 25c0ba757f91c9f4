/**
 * The class server's nickname check against the lists in tests/fixtures/nicknames: every refused name is refused
 * (through the API too), every ordinary name and every name the game generates is taken.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NICKNAME_ADJECTIVES, NICKNAME_NOUNS } from '../../src/core/nicknames';
import { checkClassNickname, foldLookAlikes } from '../../src/server/class/nicknameGuard';
import { startTestServer, type TestServer } from './helpers';

function fixture(name: string): string[] {
  return readFileSync(join(import.meta.dirname, '..', 'fixtures', 'nicknames', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

const refused = fixture('refused.txt');
const allowed = fixture('allowed.txt');

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ joinLimits: { burst: 1000, perAddress: 1000 }, limits: { joinPerMinute: 1000 } });
});
afterAll(async () => {
  await t.close();
});

describe('class nicknames', () => {
  it('reads look-alike letters as the letters they imitate', () => {
    expect(foldLookAlikes('ѕhit Happens')).toBe('shit Happens');
    expect(foldLookAlikes('ΝΑΖΙ')).toBe('NAZI');
    expect(foldLookAlikes('ꜰᴜᴄᴋ')).toBe('fuck');
    expect(foldLookAlikes('Оlga')).toBe('Olga');
  });

  it.each(refused)('refuses %s', (nickname) => {
    expect(checkClassNickname(nickname).ok).toBe(false);
  });

  it.each(allowed)('takes %s', (nickname) => {
    expect(checkClassNickname(nickname)).toEqual({ ok: true, nickname: nickname.normalize('NFC') });
  });

  it('takes every nickname the game generates', () => {
    const refusedGenerated = NICKNAME_ADJECTIVES.flatMap((adjective) =>
      NICKNAME_NOUNS.map((noun) => `${adjective} ${noun}`),
    ).filter((nickname) => !checkClassNickname(nickname).ok);
    expect(refusedGenerated).toEqual([]);
  });

  it('refuses every name on the list through the API, with a message, and stores none', async () => {
    const code = (await t.api.createClass()).body.class.code as string;
    for (const nickname of refused) {
      const reply = await t.api.join(code, nickname);
      expect(reply.status, nickname).toBe(422);
      expect(reply.body.error, nickname).toMatch(/^nickname-(blocked|characters|too-short)$/);
      expect(reply.body.message.length).toBeGreaterThan(10);
    }
    expect(await t.server.store.prepare('SELECT COUNT(*) AS n FROM players').get()).toEqual({ n: 0 });
  });
});
