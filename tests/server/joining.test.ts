/**
 * Who may take a seat in a class: a per-class join rate and a per-address cap hold back a script, the teacher can
 * lock joining, a removed name cannot come back, and names that only look alike count as the same name.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { requestFrom, someLoopbackAddress, startTestServer, type TestServer } from './helpers';

let t: TestServer | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('joining a class', () => {
  it('holds back 200 bot joins from two addresses while a student on a third joins at once', async () => {
    t = await startTestServer({ limits: { joinPerMinute: 1000 } });
    const created = await t.api.createClass();
    const code = created.body.class.code as string;
    const bots = [someLoopbackAddress(), someLoopbackAddress()];
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        requestFrom(bots[i % 2]!, t!.url, 'POST', `/api/classes/${code}/players`, { nickname: `Bot ${i}` }),
      ),
    );
    const seated = replies.filter((reply) => reply.status === 201).length;
    const refused = replies.filter((reply) => reply.status === 429);
    expect(seated + refused.length).toBe(200);
    // The class's burst (40) and each address's first player, and no more.
    expect(seated).toBeLessThanOrEqual(43);
    for (const reply of refused) {
      expect(['join-rate', 'address-full']).toContain(reply.body.error);
      expect(reply.body.message).toMatch(/joining this class right now|from your network address/);
    }
    const student = await requestFrom(someLoopbackAddress(), t.url, 'POST', `/api/classes/${code}/players`, {
      nickname: 'Curious Otter',
    });
    expect(student.status).toBe(201);
  });

  it('caps the players one address may seat in a class, with a message saying so', async () => {
    t = await startTestServer({ joinLimits: { perAddress: 3 } });
    const code = (await t.api.createClass()).body.class.code as string;
    const address = someLoopbackAddress();
    const join = (from: string, nickname: string) =>
      requestFrom(from, t!.url, 'POST', `/api/classes/${code}/players`, { nickname });
    for (let i = 0; i < 3; i += 1) expect((await join(address, `Seat ${i}`)).status).toBe(201);
    const fourth = await join(address, 'Seat 3');
    expect(fourth.status).toBe(429);
    expect(fourth.body.error).toBe('address-full');
    expect(fourth.body.message).toContain('3 players have already joined this class from your network address');
    expect((await join(someLoopbackAddress(), 'Seat 3')).status).toBe(201);
  });

  it('lets the teacher lock joining: new players are refused, those in the class play on', async () => {
    t = await startTestServer();
    const created = await t.api.createClass();
    const code = created.body.class.code as string;
    const teacher = created.body.teacherToken as string;
    const inside = (await t.api.join(code, 'Early Bird')).body;
    const lock = (locked: boolean, token = teacher) =>
      t!.api.post(`/api/classes/${code}/lock-joining`, { locked }, token);

    expect((await lock(true, inside.token)).status).toBe(404);
    const locked = await lock(true);
    expect(locked.status).toBe(200);
    expect(locked.body.joiningLocked).toBe(true);
    expect((await t.api.get(`/api/classes/${code}`)).body.joiningLocked).toBe(true);
    const refused = await t.api.join(code, 'Late Comer');
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      error: 'joining-locked',
      message: 'The teacher has locked this class: no one new can join now.',
    });
    expect((await t.api.next(code, inside)).body.state).toBe('question');

    expect((await lock(false)).body.joiningLocked).toBe(false);
    expect((await t.api.join(code, 'Late Comer')).status).toBe(201);
  });

  it('refuses a removed name, and names that only look like it, when they try to join again', async () => {
    t = await startTestServer();
    const created = await t.api.createClass();
    const code = created.body.class.code as string;
    const bot = (await t.api.join(code, 'Spam Bot')).body;
    const removed = await t.api.request('DELETE', `/api/classes/${code}/players/${bot.playerId}`, {
      token: created.body.teacherToken,
    });
    expect(removed.status).toBe(204);
    for (const nickname of ['Spam Bot', 'spam  bot', 'Ѕраm Вот']) {
      const again = await t.api.join(code, nickname);
      expect(again.status, nickname).toBe(409);
      expect(again.body.error, nickname).toBe('nickname-removed');
      expect(again.body.message).toBe('The teacher removed a player of that name: pick another nickname.');
    }
    expect((await t.api.join(code, 'Spam Filter')).status).toBe(201);
  });

  it('counts a name written with look-alike letters as the same name', async () => {
    t = await startTestServer();
    const code = (await t.api.createClass()).body.class.code as string;
    expect((await t.api.join(code, 'Olga')).status).toBe(201);
    for (const nickname of ['Оlga', 'OLGA', 'Ｏｌｇａ', 'Ólga']) {
      const twin = await t.api.join(code, nickname);
      expect(twin.status, nickname).toBe(409);
      expect(twin.body.error, nickname).toBe('nickname-taken');
    }
  });
});
