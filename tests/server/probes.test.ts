/**
 * Probing a class server from the network: an expired class is gone at once, a dead code and a token that does not
 * fit get one and the same 404 and probing is slowed, and a DNS-rebinding page cannot create or join classes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers';
import { CLASS_CODE_ALPHABET } from '../../src/core/classCode';
import { DAY_MS } from '../../src/server/class/service';

/** The i-th of many codes, different from each other (one of them could be a live class: one in 86 million). */
function probeCode(i: number): string {
  let code = '';
  for (let n = i + 1000, k = 0; k < 6; k += 1, n = Math.floor(n / CLASS_CODE_ALPHABET.length)) {
    code += CLASS_CODE_ALPHABET[n % CLASS_CODE_ALPHABET.length];
  }
  return code;
}

let t: TestServer | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('probing', () => {
  it('refuses an expired class at once, before the sweep deletes it', async () => {
    t = await startTestServer({ retentionMs: DAY_MS });
    const created = (await t.api.createClass()).body;
    const code = created.class.code as string;
    const player = (await t.api.join(code, 'Ada')).body;
    t.clock.advance(DAY_MS);
    // Still in the database: the hourly sweep has not run.
    expect(await t.server.store.prepare('SELECT COUNT(*) AS n FROM classes').get()).toEqual({ n: 1 });
    for (const reply of [
      await t.api.get(`/api/classes/${code}`),
      await t.api.join(code, 'Bo'),
      await t.api.next(code, player),
      await t.api.get(`/api/classes/${code}/dashboard`, created.teacherToken),
      await t.api.get(`/api/classes/${code}/results.csv`, created.teacherToken),
    ]) {
      expect(reply.status).toBe(404);
      expect(reply.body.error).toBe('unknown-class');
    }
  });

  it('answers a dead code and a live code with a wrong token alike, and slows probing to a few dozen a minute', async () => {
    t = await startTestServer({ lookupLimit: { max: 30, windowMs: 60_000 } });
    const created = (await t.api.createClass()).body;
    const code = created.class.code as string;
    const dead = await t.api.get(`/api/classes/${probeCode(0)}/dashboard`, created.teacherToken);
    const wrongToken = await t.api.get(`/api/classes/${code}/dashboard`, 'B'.repeat(32));
    expect(dead.status).toBe(404);
    expect(wrongToken.status).toBe(404);
    expect(wrongToken.body).toEqual(dead.body);
    for (const path of ['events', 'results.csv']) {
      expect((await t.api.get(`/api/classes/${code}/${path}`, 'B'.repeat(32))).body).toEqual(dead.body);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      statuses.push((await t.api.get(`/api/classes/${probeCode(i + 1)}/dashboard`, created.teacherToken)).status);
    }
    // 4 failures above and 26 here reach the limit; the rest are refused without a lookup.
    expect(statuses.filter((status) => status === 404)).toHaveLength(26);
    expect(statuses.slice(26).every((status) => status === 429)).toBe(true);
    const refused = await t.api.get(`/api/classes/${code}/dashboard`, created.teacherToken);
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/Too many lookups of classes that are not there: try again in \d+ s\./);
    // The game's own files and the health check are not class lookups.
    expect((await t.api.get('/api/health')).status).toBe(200);
  });

  it('refuses a page from another name (DNS rebinding) even when its Host header matches, and takes its own', async () => {
    t = await startTestServer({ publicOrigins: ['https://quiz.school.example'] });
    const settings = { questionCount: 3, timeLimitSec: 20, topics: [], scoring: 'speed' };
    const rebound = await t.api.request('POST', '/api/classes', {
      body: settings,
      headers: { origin: 'http://attacker.example:8080', host: 'attacker.example:8080' },
    });
    expect(rebound.status).toBe(403);
    expect(rebound.body.error).toBe('cross-origin');
    const own = new URL(t.url).origin;
    for (const origin of [own, 'https://quiz.school.example', 'http://localhost:5173']) {
      const reply = await t.api.request('POST', '/api/classes', { body: settings, headers: { origin } });
      expect(reply.status, origin).toBe(201);
    }
    expect((await t.api.request('POST', '/api/classes', { body: settings, headers: { origin: 'null' } })).status).toBe(
      403,
    );
  });
});
