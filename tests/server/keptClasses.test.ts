/**
 * The teacher's classes are kept: the host page asks for the classes it created by code and teacher token, and
 * the results CSV says what a spreadsheet needs (the question's text, "time's up", a total row per player).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rightChoice, startTestServer, type TestServer } from './helpers';

let t: TestServer;

beforeEach(async () => {
  t = await startTestServer();
});

afterEach(async () => {
  await t.close();
});

describe('the classes a device created', () => {
  it('are listed with status, dates and players for their teacher tokens, and no other', async () => {
    const first = (await t.api.createClass({ holdStart: true })).body;
    t.clock.advance(60_000);
    const second = (await t.api.createClass()).body;
    const stranger = (await t.api.createClass()).body;
    await t.api.join(second.class.code, 'Ada');
    await t.api.post(`/api/classes/${second.class.code}/end`, {}, second.teacherToken);

    const kept = await t.api.post('/api/classes/kept', {
      classes: [
        { code: first.class.code, token: first.teacherToken },
        { code: second.class.code, token: second.teacherToken },
        // A token that does not fit its code, and a code that names no class: both left out.
        { code: stranger.class.code, token: first.teacherToken },
        { code: '333333', token: second.teacherToken },
      ],
    });
    expect(kept.status).toBe(200);
    expect(kept.body.classes).toEqual([
      {
        code: first.class.code,
        status: 'lobby',
        questionCount: 5,
        players: 0,
        createdAt: t.clock.time - 60_000,
        startedAt: null,
        endedAt: null,
        expiresAt: first.expiresAt,
      },
      {
        code: second.class.code,
        status: 'ended',
        questionCount: 5,
        players: 1,
        createdAt: t.clock.time,
        startedAt: t.clock.time,
        endedAt: t.clock.time,
        expiresAt: second.expiresAt,
      },
    ]);
  });

  it('refuses a malformed list, and one too long', async () => {
    expect((await t.api.post('/api/classes/kept', { classes: [{ code: 'ABC' }] })).status).toBe(400);
    const many = Array.from({ length: 51 }, () => ({ code: '333333', token: 'a'.repeat(32) }));
    expect((await t.api.post('/api/classes/kept', { classes: many })).status).toBe(400);
  });
});

describe('the results CSV', () => {
  it("writes the question beside its id, a time-out as time's up, and a total row per player at the end", async () => {
    const created = (await t.api.createClass({ questionCount: 2, timeLimitSec: 20 })).body;
    const code = created.class.code;
    const ada = (await t.api.join(code, 'José Núñez')).body;
    const bo = (await t.api.join(code, 'Bo')).body;
    const first = (await t.api.next(code, ada)).body.question;
    t.clock.advance(2000);
    await t.api.answer(code, ada, 0, rightChoice(first));
    await t.api.next(code, bo);
    t.clock.advance(25_000);
    expect((await t.api.next(code, bo)).body.outcome.timedOut).toBe(true);

    const reply = await t.api.request('GET', `/api/classes/${code}/results.csv`, { token: created.teacherToken });
    const bytes = new Uint8Array(
      await (
        await fetch(new URL(`/api/classes/${code}/results.csv`, t.url), {
          headers: { authorization: `Bearer ${created.teacherToken}` },
        })
      ).arrayBuffer(),
    );
    // The byte-order mark that makes Excel read UTF-8 (José Núñez, not JosÃ©).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = reply.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const prompt = first.prompt.replace(/"/g, '""');
    expect(lines[1]).toMatch(
      new RegExp(
        `^"José Núñez","en","${first.questionId}","${prompt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}",".+","yes","2000","\\d+"$`,
      ),
    );
    expect(lines[3]).toMatch(/^"Bo","en","[a-z0-9-]+",".+","time's up","no","20000","0"$/);
    // Bo never reached the second question: nothing chosen, nothing scored.
    expect(lines[4]).toMatch(/^"Bo","en","[a-z0-9-]+",".+","","","",""$/);
    expect(lines.slice(-2)).toEqual([
      expect.stringMatching(/^"José Núñez","en","TOTAL","1 of 2 questions answered","","1","2000","\d+"$/),
      '"Bo","en","TOTAL","1 of 2 questions answered","","0","20000","0"',
    ]);
  });
});
