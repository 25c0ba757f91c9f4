/**
 * Authentication once per request (routes/auth.ts): a token is checked against the path's class and player before
 * any handler runs, and every token that does not fit — a wrong one, a student's on a teacher's route, a teacher's
 * on a student's, another class's — gets the same 404 as a code that names no class, counted by the lookup limit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CLASS_CODE_ALPHABET, CLASS_CODE_LENGTH } from '../../src/core/classCode';
import { startTestServer, type Reply, type TestServer } from './helpers';

let t: TestServer | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('authentication once per request', () => {
  it('answers every token that does not fit like a dead code, changes nothing, and counts each as a failed lookup', async () => {
    const failures = 14;
    t = await startTestServer({ lookupLimit: { max: failures, windowMs: 60_000 } });
    const api = t.api;
    const a = (await api.createClass({ learningCheck: true })).body;
    const b = (await api.createClass()).body;
    const code = a.class.code as string;
    const ada = (await api.join(code, 'Ada')).body;
    const bo = (await api.join(code, 'Bo')).body;
    const cy = (await api.join(b.class.code, 'Cy')).body;
    const teacher = a.teacherToken as string;

    // The right tokens pass.
    expect((await api.get(`/api/classes/${code}/dashboard`, teacher)).status).toBe(200);
    expect((await api.get(`/api/classes/${code}/checks`, teacher)).status).toBe(200);
    expect((await api.view(code, ada)).status).toBe(200);
    expect((await api.get(`/api/classes/${code}/players/${ada.playerId}/check`, ada.token)).status).toBe(200);
    // No token at all is a malformed request, not a lookup.
    const bare = await api.get(`/api/classes/${code}/dashboard`);
    expect([bare.status, bare.body.error]).toEqual([401, 'no-token']);

    // A code no class has (both are drawn at random: the odds of one being this are one in hundreds of millions).
    const deadCode = CLASS_CODE_ALPHABET[0]!.repeat(CLASS_CODE_LENGTH);
    expect([code, b.class.code]).not.toContain(deadCode);
    const dead = await api.get(`/api/classes/${deadCode}/dashboard`, teacher);
    expect(dead.status).toBe(404);
    expect(dead.body.error).toBe('unknown-class');
    const refused: [string, Reply][] = [
      ['a wrong token', await api.get(`/api/classes/${code}/dashboard`, 'B'.repeat(32))],
      ['a student on the dashboard', await api.get(`/api/classes/${code}/dashboard`, ada.token)],
      ['a student ending the class', await api.post(`/api/classes/${code}/end`, {}, ada.token)],
      ['a student on the teacher’s checks', await api.get(`/api/classes/${code}/checks`, ada.token)],
      [
        'a student removing another',
        await api.request('DELETE', `/api/classes/${code}/players/${bo.playerId}`, { token: ada.token }),
      ],
      ['another class’s teacher', await api.post(`/api/classes/${code}/end`, {}, b.teacherToken)],
      ['the teacher as a student', await api.view(code, { playerId: ada.playerId, token: teacher })],
      ['the teacher answering', await api.answer(code, { playerId: ada.playerId, token: teacher }, 0, 0)],
      ['the teacher on a check', await api.get(`/api/classes/${code}/players/${ada.playerId}/check`, teacher)],
      ['a student as another', await api.next(code, { playerId: bo.playerId, token: ada.token })],
      [
        'a student leaving for another',
        await api.request('DELETE', `/api/classes/${code}/players/${bo.playerId}/seat`, { token: ada.token }),
      ],
      ['a student of another class', await api.view(code, cy)],
      ['a wrong student token', await api.view(code, { playerId: ada.playerId, token: 'C'.repeat(32) })],
    ];
    for (const [what, reply] of refused) {
      expect(reply.status, what).toBe(404);
      expect(reply.body, what).toEqual(dead.body);
    }
    expect(refused.length + 1).toBe(failures);
    // Nothing was changed by them.
    const stored = t.server.store.prepare<[string], { status: string }>('SELECT status FROM classes WHERE code = ?');
    expect((await stored.get(code))!.status).not.toBe('ended');
    const seats = t.server.store.prepare<[], { n: number }>(
      'SELECT COUNT(*) AS n FROM players WHERE removed_at IS NULL',
    );
    expect((await seats.get())!.n).toBe(3);

    // Each was a failed lookup: the address has used up its limit, right tokens included.
    const after = await api.get(`/api/classes/${code}/dashboard`, teacher);
    expect(after.status).toBe(429);
    expect(after.body.error).toBe('rate-limited');
  });
});
