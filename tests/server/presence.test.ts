/* eslint-disable @typescript-eslint/no-explicit-any -- replies are read field by field */
/**
 * A self-paced class that gives nothing away and never stalls: counts only once a question is settled, each
 * student's own order of the choices (mapped back by the server), away players who hold nothing back and count
 * again when they come back, and a student who leaves by their own choice.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AWAY_MARGIN_MS } from '../../src/core/classPresence';
import { rightChoice, startTestServer, testBank, type TestServer } from './helpers';

let t: TestServer;

beforeEach(async () => {
  t = await startTestServer();
});

afterEach(async () => {
  await t.close();
});

type Player = { playerId: string; token: string };
const LIMIT_MS = 20_000;

async function newClass(settings: Record<string, unknown> = {}) {
  const created = await t.api.createClass({
    questionCount: 3,
    timeLimitSec: LIMIT_MS / 1000,
    pool: 'all',
    ...settings,
  });
  expect(created.status).toBe(201);
  return { code: created.body.class.code as string, teacher: created.body.teacherToken as string };
}

async function join(code: string, nickname: string): Promise<Player> {
  const reply = await t.api.join(code, nickname);
  expect(reply.status).toBe(201);
  return reply.body;
}

async function dashboard(code: string, teacher: string) {
  const reply = await t.api.get(`/api/classes/${code}/dashboard`, teacher);
  expect(reply.status).toBe(200);
  return reply.body;
}

/** Serves the player's next question and answers it right; returns the served question. */
async function answerRight(code: string, player: Player) {
  const served = (await t.api.next(code, player)).body.question;
  t.clock.advance(1000);
  const reply = await t.api.answer(code, player, served.position, rightChoice(served));
  expect(reply.status).toBe(200);
  return served;
}

describe('a question is settled before anything of it shows', () => {
  it('says only how many answered until every active player is past it, then its prompt, choices and counts', async () => {
    const { code, teacher } = await newClass();
    const ada = await join(code, 'Ada');
    const bo = await join(code, 'Bo');
    const lobby = await dashboard(code, teacher);
    expect(lobby.questions.every((q: any) => !q.settled && q.prompt === '' && q.choices.length === 0)).toBe(true);

    const served = await answerRight(code, ada);
    const waiting = await dashboard(code, teacher);
    expect(waiting.questions[0]).toEqual({
      position: 0,
      settled: false,
      questionId: '',
      prompt: '',
      choices: [],
      answered: 1,
      timedOut: 0,
    });
    expect(JSON.stringify(waiting)).not.toContain(served.prompt);

    await answerRight(code, bo);
    const settled = (await dashboard(code, teacher)).questions[0];
    expect(settled).toMatchObject({ settled: true, questionId: served.questionId, prompt: served.prompt });
    expect(settled.choices.reduce((sum: number, choice: any) => sum + choice.count, 0)).toBe(2);
    expect(settled.choices.filter((choice: any) => choice.correct)).toHaveLength(1);
    expect(settled.choices.find((choice: any) => choice.correct).count).toBe(2);
  });
});

describe('each student has an order of the choices of their own', () => {
  it('serves orders that differ between students, the same on every request, and maps each pick back', async () => {
    const { code } = await newClass({ questionCount: 10 });
    // Twelve students: even a true-or-false first question gives all twelve one order only 2 times in 4,096.
    const names = ['Ada', 'Bo', 'Cy', 'Di', 'Ed', 'Flo', 'Gus', 'Hal', 'Ivy', 'Jo', 'Kit', 'Lou'];
    const players = await Promise.all(names.map((name) => join(code, name)));
    const orders: string[][] = [];
    const questionIds: string[] = [];
    for (const player of players) {
      const served = (await t.api.next(code, player)).body.question;
      // Asked again (a reload): the same order.
      expect((await t.api.view(code, player)).body.question.choices).toEqual(served.choices);
      orders.push(served.choices);
      questionIds.push(served.questionId);
    }
    expect(new Set(questionIds).size).toBe(1);
    // Same question, same choices, not all in the same order.
    expect(new Set(orders.map((order) => [...order].sort().join('|'))).size).toBe(1);
    expect(new Set(orders.map((order) => order.join('|'))).size).toBeGreaterThan(1);

    // Each student's pick by position in their own order is judged as the choice they saw there.
    for (const [index, player] of players.entries()) {
      const order = orders[index]!;
      const question = testBank().questions.find((q) => q.id === questionIds[index])!;
      const wrong = order.findIndex((text) => !question.choices.find((c) => c.text === text)!.correct);
      const picked = index % 2 === 0 ? rightChoice({ questionId: question.id, choices: order }) : wrong;
      const outcome = (await t.api.answer(code, player, 0, picked)).body;
      expect(outcome.picked).toBe(picked);
      expect(outcome.choices).toEqual(order);
      expect(outcome.correct).toBe(index % 2 === 0);
      expect(order[outcome.correctChoice]).toBe(question.choices.find((c) => c.correct)!.text);
    }
  });
});

describe('away players', () => {
  it('hold back nothing once silent past the time and the margin, and count again when they come back', async () => {
    const { code, teacher } = await newClass({ answerReveal: 'settled' });
    const ada = await join(code, 'Ada');
    const bo = await join(code, 'Bo');
    const cy = await join(code, 'Cy');
    // Cy opens the game and then closes the tab: silent from here on. (A question may have a limit of its own.)
    const limitMs = (await t.api.next(code, cy)).body.question.timeLimitMs as number;

    await answerRight(code, ada);
    await answerRight(code, bo);
    // Cy is still within her time: the question waits for her, and Ada's verdict is held back.
    expect((await dashboard(code, teacher)).questions[0].settled).toBe(false);
    expect((await t.api.view(code, ada)).body.state).toBe('pending');

    t.clock.advance(limitMs + AWAY_MARGIN_MS - 1000);
    await t.api.view(code, ada);
    await t.api.view(code, bo);
    t.clock.advance(1000);
    // Cy has been silent for her time plus the margin: away. Ada and Bo are there.
    const board = await dashboard(code, teacher);
    const awayOf = (name: string) => board.players.find((p: any) => p.nickname === name).away;
    expect([awayOf('Ada'), awayOf('Bo'), awayOf('Cy')]).toEqual([false, false, true]);
    expect(board.questions[0].settled).toBe(true);
    expect(board.summary.questionsCounted).toBe(1);
    expect(board.summary.skills.reduce((sum: number, row: any) => sum + row.asked, 0)).toBe(2);
    // The verdict held back for the class comes now.
    expect((await t.api.view(code, ada)).body.state).toBe('answered');

    // The server looks every second by itself, and tells the dashboard's stream (here called by hand).
    await t.server.service.checkAway();

    // Cy comes back: active again, on her question (timed out by now), and the next question waits for her too.
    const back = await t.api.next(code, cy);
    expect(back.body.state).toBe('answered');
    expect(back.body.outcome.timedOut).toBe(true);
    const again = await dashboard(code, teacher);
    expect(again.players.find((p: any) => p.nickname === 'Cy').away).toBe(false);
    // What was settled stays settled.
    expect(again.questions[0].settled).toBe(true);
    await answerRight(code, ada);
    await answerRight(code, bo);
    expect((await dashboard(code, teacher)).questions[1].settled).toBe(false);
    await answerRight(code, cy);
    expect((await dashboard(code, teacher)).questions[1].settled).toBe(true);
  });

  it('keeps a player with an open live stream present however long since their last request', async () => {
    const { code, teacher } = await newClass();
    const ada = await join(code, 'Ada');
    const bo = await join(code, 'Bo');
    const controller = new AbortController();
    const stream = await fetch(`${t.url}api/classes/${code}/players/${bo.playerId}/events`, {
      headers: { authorization: `Bearer ${bo.token}` },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    try {
      await answerRight(code, ada);
      t.clock.advance(10 * (LIMIT_MS + AWAY_MARGIN_MS));
      await t.api.view(code, ada);
      const board = await dashboard(code, teacher);
      expect(board.players.find((p: any) => p.nickname === 'Bo').away).toBe(false);
      expect(board.questions[0].settled).toBe(false);
    } finally {
      controller.abort();
    }
  });
});

describe('leaving the class', () => {
  it('removes the player, settles what they held back, and leaves their nickname free', async () => {
    const { code, teacher } = await newClass();
    const ada = await join(code, 'Ada');
    const bo = await join(code, 'Bo');
    await answerRight(code, ada);
    expect((await dashboard(code, teacher)).questions[0].settled).toBe(false);

    const left = await t.api.request('DELETE', `/api/classes/${code}/players/${bo.playerId}/seat`, { token: bo.token });
    expect(left.status).toBe(204);
    const board = await dashboard(code, teacher);
    expect(board.players.map((p: any) => p.nickname)).toEqual(['Ada']);
    expect(board.questions[0].settled).toBe(true);
    expect((await t.api.view(code, bo)).status).toBe(403);
    // Another student's token cannot make someone leave.
    const foreign = await t.api.request('DELETE', `/api/classes/${code}/players/${ada.playerId}/seat`, {
      token: bo.token,
    });
    expect(foreign.status).toBe(404);
    // Leaving is not a removal by the teacher: the name may join again.
    expect((await t.api.join(code, 'Bo')).status).toBe(201);
  });
});
