/**
 * A live lesson with a student on ×2 time, over real HTTP: once the class's time is up the question stays open for
 * them until their own time is up (the projector's board says for how many, never who), their answer is taken and
 * scored over their own time, and the teacher's Show answer closes it at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANSWER_GRACE_MS } from '../../src/core/classRules';
import { rightChoice, startTestServer, type TestServer } from './helpers';

let t: TestServer;

beforeEach(async () => {
  t = await startTestServer();
});

afterEach(async () => {
  await t.close();
});

type Player = { playerId: string; token: string };

async function liveClassWithDoubleTime() {
  const created = await t.api.createClass({ questionCount: 3, timeLimitSec: 20, pace: 'live' });
  expect(created.status).toBe(201);
  const code = created.body.class.code as string;
  const teacher = created.body.teacherToken as string;
  const standard = (await t.api.join(code, 'Standard Sam')).body as Player;
  const doubled = (await t.api.join(code, 'Double Dana')).body as Player;
  const set = await t.api.post(
    `/api/classes/${code}/players/${doubled.playerId}/time`,
    { accommodation: 'double' },
    teacher,
  );
  expect(set.status).toBe(204);
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
