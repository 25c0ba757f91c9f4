/* eslint-disable @typescript-eslint/no-explicit-any -- replies are read field by field */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANSWER_GRACE_MS } from '../../src/core/classRules';
import { scoreAnswer } from '../../src/core/scoring';
import { rightChoice, startTestServer, type TestServer } from './helpers';

let t: TestServer;

beforeEach(async () => {
  t = await startTestServer();
});

afterEach(async () => {
  await t.close();
});

type Player = { playerId: string; token: string };

async function newClass(settings: Parameters<TestServer['api']['createClass']>[0] = {}) {
  const created = await t.api.createClass(settings);
  expect(created.status).toBe(201);
  return { code: created.body.class.code as string, teacherToken: created.body.teacherToken as string };
}

async function join(code: string, nickname: string, asksForMoreTime?: boolean): Promise<Player> {
  const body = asksForMoreTime === undefined ? { nickname } : { nickname, asksForMoreTime };
  const reply = await t.api.post(`/api/classes/${code}/players`, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as Player;
}

function setTime(code: string, teacherToken: string, playerId: string, accommodation: unknown) {
  return t.api.post(`/api/classes/${code}/players/${playerId}/time`, { accommodation }, teacherToken);
}

async function rosterEntry(code: string, teacherToken: string, playerId: string) {
  const dashboard = await t.api.get(`/api/classes/${code}/dashboard`, teacherToken);
  return (dashboard.body.players as any[]).find((player) => player.playerId === playerId);
}

describe('time accommodations in a class', () => {
  it("accepts and scores the ×2 student's answer at 30 s of a 20 s question; the same answer is too late at ×1", async () => {
    const { code, teacherToken } = await newClass({ questionCount: 30, pool: 'all' });
    const standard = await join(code, 'Standard Sam');
    const doubled = await join(code, 'Double Dana');
    expect((await setTime(code, teacherToken, doubled.playerId, 'double')).status).toBe(204);

    // Questions may carry their own time: answer at once until one has the class's 20 s.
    for (let position = 0; ; position += 1) {
      const shown = (await t.api.next(code, standard)).body.question;
      const shownDoubled = (await t.api.next(code, doubled)).body.question;
      expect(shownDoubled.timeLimitMs).toBe(shown.timeLimitMs * 2);
      expect(shownDoubled.remainingMs).toBe(shown.timeLimitMs * 2);
      if (shown.timeLimitMs !== 20_000) {
        expect(position).toBeLessThan(29);
        expect((await t.api.answer(code, standard, position, 0)).status).toBe(200);
        expect((await t.api.answer(code, doubled, position, 0)).status).toBe(200);
        continue;
      }
      const right = rightChoice(shownDoubled);
      const before = (await t.api.view(code, doubled)).body.player.score as number;
      t.clock.advance(30_000);
      // Still answering: the ×2 student's question has 10 s left by the server's clock.
      expect((await t.api.view(code, doubled)).body.question.remainingMs).toBe(10_000);
      const late = await t.api.answer(code, standard, position, rightChoice(shown));
      expect(late.status).toBe(409);
      expect(late.body.error).toBe('too-late');
      const timedOut = await t.api.next(code, standard);
      expect(timedOut.body.outcome).toMatchObject({ timedOut: true, points: 0 });

      const answered = await t.api.answer(code, doubled, position, right);
      expect(answered.status).toBe(200);
      const expected = scoreAnswer({
        correct: true,
        elapsedMs: 30_000,
        limitMs: 40_000,
        streakBefore: answered.body.streak - 1,
        speedPoints: true,
      });
      expect(answered.body).toMatchObject({ correct: true, timedOut: false, elapsedMs: 30_000 });
      expect(answered.body.points).toBe(expected.total);
      expect(answered.body.points).toBeGreaterThan(0);
      expect(answered.body.score).toBe(before + expected.total);
      break;
    }
  });

  it('lets a student ask for more time when joining; one word from the teacher grants it and clears the request', async () => {
    const { code, teacherToken } = await newClass({ holdStart: true });
    const asking = await join(code, 'Asking Ari', true);
    const quiet = await join(code, 'Quiet Quinn');
    expect(await rosterEntry(code, teacherToken, asking.playerId)).toMatchObject({
      asksForMoreTime: true,
      timeAccommodation: 'standard',
    });
    expect(await rosterEntry(code, teacherToken, quiet.playerId)).toMatchObject({
      asksForMoreTime: false,
      timeAccommodation: 'standard',
    });

    expect((await setTime(code, teacherToken, asking.playerId, 'half-more')).status).toBe(204);
    expect(await rosterEntry(code, teacherToken, asking.playerId)).toMatchObject({
      asksForMoreTime: false,
      timeAccommodation: 'half-more',
    });
    expect((await t.api.view(code, asking)).body.player.timeAccommodation).toBe('half-more');
    expect((await t.api.view(code, quiet)).body.player.timeAccommodation).toBe('standard');
    // Kept in the database, not only in the server's memory.
    const stored = await t.server.store
      .prepare('SELECT nickname, time_accommodation, time_requested FROM players ORDER BY id')
      .all();
    expect(stored).toEqual([
      { nickname: 'Asking Ari', time_accommodation: 'half-more', time_requested: 0 },
      { nickname: 'Quiet Quinn', time_accommodation: 'standard', time_requested: 0 },
    ]);
  });

  it('gives a student with no time limit a question without a countdown, answerable much later', async () => {
    const { code, teacherToken } = await newClass({ questionCount: 1 });
    const player = await join(code, 'Unhurried Uma');
    expect((await setTime(code, teacherToken, player.playerId, 'no-limit')).status).toBe(204);
    const question = (await t.api.next(code, player)).body.question;
    expect(question).toMatchObject({ timeLimitMs: null, remainingMs: null });
    t.clock.advance(10 * 60_000);
    expect((await t.api.next(code, player)).body.state).toBe('question');
    const answered = await t.api.answer(code, player, 0, rightChoice(question));
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ correct: true, timedOut: false });
  });

  it('refuses an unknown accommodation, a stranger, an unknown player and an ended class, storing nothing', async () => {
    const { code, teacherToken } = await newClass();
    const player = await join(code, 'Plain Pat');
    const other = await newClass();
    const bad = await setTime(code, teacherToken, player.playerId, 'triple');
    expect(bad.status).toBe(400);
    expect((await setTime(code, other.teacherToken, player.playerId, 'double')).status).toBe(404);
    const unknown = await setTime(code, teacherToken, 'AAAAAAAAAAAA', 'double');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('unknown-player');
    expect((await t.api.post(`/api/classes/${code}/end`, {}, teacherToken)).status).toBe(200);
    expect((await setTime(code, teacherToken, player.playerId, 'double')).status).toBe(410);
    expect((await rosterEntry(code, teacherToken, player.playerId)).timeAccommodation).toBe('standard');
  });
});

/**
 * A live lesson with a student on ×2 time: once the class's time is up the question stays open for them until their
 * own time is up (the projector's board says for how many, never who), their answer is taken and scored over their
 * own time, and the teacher's Show answer closes it at once.
 */
async function liveClassWithDoubleTime() {
  const created = await t.api.createClass({ questionCount: 3, timeLimitSec: 20, pace: 'live' });
  expect(created.status).toBe(201);
  const code = created.body.class.code as string;
  const teacher = created.body.teacherToken as string;
  const standard = await join(code, 'Standard Sam');
  const doubled = await join(code, 'Double Dana');
  expect((await setTime(code, teacher, doubled.playerId, 'double')).status).toBe(204);
  return { code, teacher, standard, doubled };
}

const board = async (code: string, teacher: string) =>
  (await t.api.get(`/api/classes/${code}/dashboard`, teacher)).body.live;

describe('a live question with a student on ×2 time', () => {
  it('stays open for them after the class’s time, takes their answer at 1.5× and then closes', async () => {
    const { code, teacher, standard, doubled } = await liveClassWithDoubleTime();
    const opened = (await t.api.live(code, teacher, 'next')).body;
    // A question may carry its own time: the class's time is the board's.
    const limit = opened.timeLimitMs as number;
    expect(opened).toMatchObject({ phase: 'question', extendedTimeLeftMs: [2 * limit] });
    const question = (await t.api.next(code, doubled)).body.question;
    expect(question).toMatchObject({ timeLimitMs: 2 * limit, remainingMs: 2 * limit });

    t.clock.advance(limit + ANSWER_GRACE_MS + 1);
    // The class's time is up: the standard student has nothing left to answer; the question waits for the other.
    expect((await t.api.view(code, standard)).body.state).toBe('watch');
    expect((await t.api.answer(code, standard, 0, 0)).body.error).toBe('question-closed');
    expect(await board(code, teacher)).toMatchObject({
      phase: 'question',
      remainingMs: 0,
      extendedTimeLeftMs: [limit - ANSWER_GRACE_MS - 1],
    });
    expect((await t.api.view(code, doubled)).body.question.remainingMs).toBe(limit - ANSWER_GRACE_MS - 1);

    t.clock.advance(limit / 2 - ANSWER_GRACE_MS - 1);
    const answered = await t.api.answer(code, doubled, 0, rightChoice(question));
    expect(answered.status).toBe(200);
    // Nobody is left to wait for: the question closes (at the next request or tick of the server's clock), and the
    // answer is scored over the student's own time.
    const outcome = (await t.api.view(code, doubled)).body.outcome;
    expect((await board(code, teacher)).phase).toBe('answer');
    expect(outcome).toMatchObject({ correct: true, timedOut: false, elapsedMs: 1.5 * limit });
    expect(outcome.points).toBeGreaterThan(0);
    expect((await t.api.view(code, standard)).body.outcome).toMatchObject({ timedOut: true, points: 0 });
  });

  it('closes at their own time and the grace, or at once when the teacher shows the answer', async () => {
    const { code, teacher, doubled } = await liveClassWithDoubleTime();
    const limit = (await t.api.live(code, teacher, 'next')).body.timeLimitMs as number;
    t.clock.advance(2 * limit + ANSWER_GRACE_MS);
    expect((await board(code, teacher)).extendedTimeLeftMs).toEqual([0]);
    t.clock.advance(1);
    expect((await t.api.view(code, doubled)).body.outcome).toMatchObject({ timedOut: true });
    expect(await board(code, teacher)).toMatchObject({ phase: 'answer', extendedTimeLeftMs: [] });

    for (const command of ['next', 'next']) expect((await t.api.live(code, teacher, command)).status).toBe(200);
    const second = (await t.api.live(code, teacher, 'next')).body;
    expect(second).toMatchObject({ phase: 'question', position: 1 });
    t.clock.advance(second.timeLimitMs + 5000);
    expect((await t.api.view(code, doubled)).body.state).toBe('question');
    expect((await board(code, teacher)).phase).toBe('question');
    expect((await t.api.live(code, teacher, 'show-answer')).body.phase).toBe('answer');
    expect((await t.api.view(code, doubled)).body.outcome).toMatchObject({ position: 1, timedOut: true });
  });
});
