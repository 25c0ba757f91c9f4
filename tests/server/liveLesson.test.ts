/* eslint-disable @typescript-eslint/no-explicit-any -- replies are read field by field in the tests */
/**
 * A live (teacher-paced) class over real HTTP: the teacher's commands move every student together, answers are
 * taken only while the question is open, the projector's board shows each part only in its phase, and the state
 * survives a restart of the server on the same database.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ANSWER_GRACE_MS } from '../../src/core/classRules';
import { readEvents, rightChoice, startTestServer, type TestServer } from './helpers';

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function liveClass(t: TestServer, students = 2, settings: Record<string, unknown> = {}) {
  const created = await t.api.createClass({ questionCount: 3, timeLimitSec: 20, pace: 'live', ...settings });
  expect(created.status).toBe(201);
  const code = created.body.class.code as string;
  const teacher = created.body.teacherToken as string;
  const players: { playerId: string; token: string }[] = [];
  for (let i = 0; i < students; i += 1) players.push((await t.api.join(code, `Student ${i + 1}`)).body);
  return { code, teacher, players, info: created.body.class };
}

describe('a live lesson', () => {
  it('runs lobby → question → answer → evidence → leaderboard → … → podium for everyone at once', async () => {
    const t = (server = await startTestServer());
    const { code, teacher, players, info } = await liveClass(t);
    expect(info).toMatchObject({ pace: 'live', status: 'lobby' });
    const [first, second] = players as [(typeof players)[0], (typeof players)[0]];

    // The lobby: no question anywhere, and no answer taken.
    let board = (await t.api.get(`/api/classes/${code}/dashboard`, teacher)).body.live;
    expect(board).toMatchObject({ phase: 'lobby', position: -1, players: 2, commands: ['next', 'end'] });
    expect(board.question).toBeUndefined();
    expect((await t.api.view(code, first)).body).toMatchObject({ state: 'waiting', live: { phase: 'lobby' } });
    expect((await t.api.answer(code, first, 0, 0)).body.error).toBe('not-started');

    // Next opens question 1 for everyone, with the same clock.
    board = (await t.api.live(code, teacher, 'next')).body;
    expect(board).toMatchObject({ phase: 'question', position: 0, remainingMs: 20_000, answered: 0 });
    expect(board.question.choices.length).toBeGreaterThan(1);
    t.clock.advance(4000);
    const served = [(await t.api.next(code, first)).body, (await t.api.view(code, second)).body];
    for (const view of served) {
      expect(view).toMatchObject({ state: 'question', question: { position: 0, remainingMs: 16_000 } });
    }
    // The same question at the same moment; each student has the choices in an order of their own.
    const { choices: firstChoices, ...firstQuestion } = served[0].question;
    const { choices: secondChoices, ...secondQuestion } = served[1].question;
    expect(firstQuestion).toEqual(secondQuestion);
    expect([...firstChoices].sort()).toEqual([...secondChoices].sort());

    // One answer: held back, counted on the board (how many, never what).
    const question = served[0].question;
    const right = rightChoice(question);
    const pending = await t.api.answer(code, first, 0, right);
    expect(pending.body).toMatchObject({ pending: true, position: 0 });
    const dashboard = (await t.api.get(`/api/classes/${code}/dashboard`, teacher)).body;
    expect(dashboard.live).toMatchObject({ phase: 'question', answered: 1 });
    expect(dashboard.live.distribution).toBeUndefined();
    expect(dashboard.questions[0].choices.every((choice: any) => choice.count === 0 && choice.correct === null)).toBe(
      true,
    );
    expect((await t.api.view(code, first)).body.state).toBe('pending');
    expect((await t.api.answer(code, first, 0, right)).body.error).toBe('already-answered');
    expect((await t.api.live(code, teacher, 'next')).body.error).toBe('question-open');

    // The last answer closes the question: its verdict comes at once, with a rank.
    t.clock.advance(2000);
    const wrongForSecond = (rightChoice(served[1].question) + 1) % question.choices.length;
    const last = await t.api.answer(code, second, 0, wrongForSecond);
    expect(last.body).toMatchObject({ correct: false, position: 0 });
    const shown = (await t.api.view(code, first)).body;
    expect(shown).toMatchObject({ state: 'answered', outcome: { correct: true, elapsedMs: 4000 } });
    expect(shown.live).toMatchObject({ phase: 'answer', rank: 1, players: 2 });
    expect((await t.api.view(code, second)).body.live.rank).toBe(2);
    board = (await t.api.get(`/api/classes/${code}/dashboard`, teacher)).body.live;
    expect(board.phase).toBe('answer');
    // The projector's distribution is in the class's order: the right choice got one answer, a wrong one the other.
    const counted = board.distribution.choices as { text: string; count: number; correct: boolean }[];
    expect(counted.find((choice) => choice.correct)).toMatchObject({ count: 1, text: question.choices[right] });
    expect(counted.filter((choice) => !choice.correct).map((choice) => choice.count)).toContain(1);
    expect(board.evidence).toBeUndefined();

    // Evidence, then the leaderboard.
    board = (await t.api.live(code, teacher, 'next')).body;
    expect(board.phase).toBe('evidence');
    expect(board.evidence.excerpts[0].quote.length).toBeGreaterThan(10);
    expect(board.evidence.excerpts[0].citation).toMatch(/\(/);
    board = (await t.api.live(code, teacher, 'next')).body;
    expect(board.phase).toBe('leaderboard');
    expect(board.leaderboard.map((entry: any) => entry.nickname)).toEqual(['Student 1', 'Student 2']);

    // Question 2: time runs out; a late answer is refused and both get time's up.
    board = (await t.api.live(code, teacher, 'next')).body;
    // A question may have a longer limit of its own than the class's.
    expect(board).toMatchObject({ phase: 'question', position: 1 });
    expect(board.timeLimitMs).toBeGreaterThanOrEqual(20_000);
    t.clock.advance(board.timeLimitMs + ANSWER_GRACE_MS + 1);
    expect((await t.api.answer(code, first, 1, 0)).body.error).toBe('question-closed');
    expect((await t.api.view(code, second)).body).toMatchObject({ state: 'answered', outcome: { timedOut: true } });

    // Question 3: paused, an answer is refused; resumed with the time that was left; then the lesson ends.
    await t.api.live(code, teacher, 'next');
    await t.api.live(code, teacher, 'next');
    board = (await t.api.live(code, teacher, 'next')).body;
    expect(board).toMatchObject({ phase: 'question', position: 2 });
    const left = board.timeLimitMs - 5000;
    t.clock.advance(5000);
    board = (await t.api.live(code, teacher, 'pause')).body;
    expect(board).toMatchObject({
      paused: true,
      remainingMs: left,
      commands: ['show-answer', 'resume', 'skip', 'end'],
    });
    t.clock.advance(60_000);
    expect((await t.api.answer(code, first, 2, 0)).body.error).toBe('question-paused');
    expect((await t.api.view(code, first)).body.question.remainingMs).toBe(left);
    board = (await t.api.live(code, teacher, 'resume')).body;
    expect(board).toMatchObject({ paused: false, remainingMs: left });
    t.clock.advance(1000);
    const third = (await t.api.view(code, first)).body.question;
    expect((await t.api.answer(code, first, 2, rightChoice(third))).body).toMatchObject({ pending: true });
    board = (await t.api.live(code, teacher, 'end')).body;
    expect(board.phase).toBe('podium');
    expect(board.leaderboard.length).toBe(2);
    expect(board.question).toBeUndefined();

    // The podium: each student's final place; the answer to question 3 was scored with the paused time left out.
    const final = (await t.api.view(code, first)).body;
    expect(final).toMatchObject({ state: 'finished', standing: { rank: 1, players: 2 } });
    expect(final.outcome).toMatchObject({ position: 2, correct: true, elapsedMs: 6000 });
    expect((await t.api.live(code, teacher, 'next')).body.error).toBe('lesson-over');
    const csv = (await t.api.get(`/api/classes/${code}/results.csv`, teacher)).text;
    // Three questions and the student's total row.
    expect(csv.split(/\r?\n/).filter((line) => line.includes('Student 1')).length).toBe(4);
  });

  it('skips a question straight to the next one, its answer not shown', async () => {
    const t = (server = await startTestServer());
    const { code, teacher, players } = await liveClass(t, 1);
    await t.api.live(code, teacher, 'next');
    const board = (await t.api.live(code, teacher, 'skip')).body;
    expect(board).toMatchObject({ phase: 'question', position: 1, skipped: false });
    expect((await t.api.answer(code, players[0]!, 0, 0)).body.error).toBe('question-closed');
    expect((await t.api.view(code, players[0]!)).body).toMatchObject({ state: 'question', question: { position: 1 } });
  });

  it('refuses what does not fit, with a code and a sentence', async () => {
    const t = (server = await startTestServer());
    const { code, teacher, players } = await liveClass(t, 1);
    const refusals: [string, number, string][] = [];
    const note = async (reply: Promise<any>, expected: string) => {
      const { status, body } = await reply;
      refusals.push([expected, status, body.error]);
      expect(body.message.length).toBeGreaterThan(5);
    };
    await note(t.api.live(code, teacher, 'show-answer'), 'no-open-question');
    await note(t.api.live(code, teacher, 'pause'), 'no-open-question');
    await note(t.api.live(code, teacher, 'resume'), 'not-paused');
    await note(t.api.live(code, teacher, 'skip'), 'not-started');
    await note(t.api.live(code, players[0]!.token, 'next'), 'unknown-class');
    await note(t.api.live(code, teacher, 'dance'), 'bad-request');
    await note(t.api.answer(code, players[0]!, 1, 0), 'not-started');
    await t.api.live(code, teacher, 'next');
    await note(t.api.answer(code, players[0]!, 1, 0), 'not-served');
    await note(t.api.answer(code, players[0]!, 0, 9), 'unknown-choice');
    const self = await t.api.createClass({ questionCount: 3 });
    await note(t.api.live(self.body.class.code, self.body.teacherToken, 'next'), 'not-live');
    await t.api.post(`/api/classes/${code}/end`, {}, teacher);
    await note(t.api.live(code, teacher, 'next'), 'class-ended');
    for (const [expected, status, error] of refusals) {
      expect(error, expected).toBe(expected);
      expect(status).toBeGreaterThanOrEqual(400);
    }
  });

  it('a class created without a pace is self-paced, as before', async () => {
    const t = (server = await startTestServer());
    const created = await t.api.createClass({ questionCount: 3 });
    expect(created.body.class).toMatchObject({ pace: 'self', status: 'open' });
    const dashboard = (await t.api.get(`/api/classes/${created.body.class.code}/dashboard`, created.body.teacherToken))
      .body;
    expect(dashboard.live).toBeUndefined();
  });

  it('closes a question when its time is up with no request, and tells the phones', async () => {
    const t = (server = await startTestServer());
    const { code, teacher, players } = await liveClass(t, 1);
    const { timeLimitMs } = (await t.api.live(code, teacher, 'next')).body;
    const url = new URL(`/api/classes/${code}/players/${players[0]!.playerId}/events`, t.url).href;
    const events = await readEvents(
      url,
      players[0]!.token,
      (seen) => seen.some((event) => event.name === 'live' && event.data.phase === 'answer'),
      async () => t.clock.advance(timeLimitMs + ANSWER_GRACE_MS + 1),
    );
    expect(events.find((event) => event.name === 'live')?.data).toMatchObject({ phase: 'answer', position: 0 });
    const csv = (await t.api.get(`/api/classes/${code}/results.csv`, teacher)).text;
    expect(csv).toContain('Student 1');
  });

  it('keeps its state through a restart, and gives the open question back the time the server was down', async () => {
    const t = (server = await startTestServer({ aliveIntervalMs: 20 }));
    const { code, teacher, players } = await liveClass(t, 1);
    const { timeLimitMs } = (await t.api.live(code, teacher, 'next')).body;
    t.clock.advance(5000);
    // Let the server write that it is alive at this moment, then stop it.
    await new Promise((resolve) => setTimeout(resolve, 120));
    await t.server.close();
    t.clock.advance(30_000);
    const { startClassServer } = await import('../../src/server/class/start');
    const { testBank, testDatabase, Api } = await import('./helpers');
    const again = await startClassServer({
      bank: testBank(),
      dbPath: t.dbPath,
      ...(await testDatabase(t.dbPath)),
      port: 0,
      host: '127.0.0.1',
      now: t.clock.now,
    });
    try {
      const api = new Api(again.url);
      const view = (await api.view(code, players[0]!)).body;
      expect(view).toMatchObject({ state: 'question', question: { position: 0, remainingMs: timeLimitMs - 5000 } });
      const board = (await api.get(`/api/classes/${code}/dashboard`, teacher)).body.live;
      expect(board).toMatchObject({ phase: 'question', remainingMs: timeLimitMs - 5000 });
      t.clock.advance(timeLimitMs - 6000);
      const answered = await api.answer(code, players[0]!, 0, rightChoice(view.question));
      expect(answered.body).toMatchObject({ correct: true, elapsedMs: timeLimitMs - 1000 });
    } finally {
      await again.close();
    }
  });
});
