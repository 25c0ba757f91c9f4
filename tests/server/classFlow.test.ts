import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANSWER_GRACE_MS } from '../../src/core/classRules';
import { scoreAnswer } from '../../src/core/scoring';
import { DAY_MS } from '../../src/server/class/service';
import { dumpDb, readEvents, rightChoice, startTestServer, type TestServer } from './helpers';

let t: TestServer;

beforeEach(async () => {
  t = await startTestServer();
});

afterEach(async () => {
  await t.close();
});

type Player = { playerId: string; token: string; nickname: string };

async function newClass(settings: Parameters<TestServer['api']['createClass']>[0] = {}) {
  const created = await t.api.createClass(settings);
  expect(created.status).toBe(201);
  return created.body as { class: { code: string; status: string }; teacherToken: string; expiresAt: number };
}

async function join(code: string, nickname: string): Promise<Player> {
  const reply = await t.api.join(code, nickname);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as Player;
}

describe('a whole class', () => {
  it('runs from creating the class to the CSV, scoring every answer on the server', async () => {
    const topics = (await t.api.get('/api/topics')).body.topics as { id: string; questions: number }[];
    expect(topics.length).toBeGreaterThan(3);
    const { class: info, teacherToken } = await newClass({ questionCount: 4, holdStart: true });
    expect(info.code).toMatch(/^[34679ACEFGHJKMNPRTWXY]{6}$/);
    expect(info.status).toBe('lobby');
    expect(teacherToken.length).toBeGreaterThanOrEqual(32);
    const code = info.code;

    const publicInfo = await t.api.get(`/api/classes/${code}`);
    expect(publicInfo.body).toMatchObject({ code, status: 'lobby', questionCount: 4, scoring: 'speed' });
    expect(JSON.stringify(publicInfo.body)).not.toContain(teacherToken);

    const ada = await join(code, 'Curious Otter');
    const bo = await join(code, '  Bo   the Brave ');
    expect(bo.nickname).toBe('Bo the Brave');
    const cy = await join(code, 'Cy');
    expect((await t.api.join(code, 'curious otter')).status).toBe(409);

    // Held: the students wait, and cannot be served anything.
    expect((await t.api.next(code, ada)).body.state).toBe('waiting');
    expect((await t.api.answer(code, ada, 0, 0)).status).toBe(409);
    const started = await t.api.post(`/api/classes/${code}/start`, {}, teacherToken);
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('open');

    const limits: number[] = [];
    for (let position = 0; position < 4; position += 1) {
      for (const [index, player] of [ada, bo, cy].entries()) {
        const served = await t.api.next(code, player);
        expect(served.status).toBe(200);
        expect(served.body.state).toBe('question');
        const question = served.body.question;
        expect(question.position).toBe(position);
        expect(question.remainingMs).toBe(question.timeLimitMs);
        if (index === 0) limits.push(question.timeLimitMs);
        // Nothing in the served copy says which choice is right: these fields and no others, choices as bare text.
        const keys = ['position', 'total', 'questionId', 'topic', 'prompt', 'choices', 'timeLimitMs', 'remainingMs'];
        expect(
          Object.keys(question)
            .filter((key) => key !== 'claimQuote')
            .sort(),
        ).toEqual([...keys].sort());
        expect(question.choices.every((choice: unknown) => typeof choice === 'string')).toBe(true);
        // Ada always right and fast, Bo right but slow, Cy always wrong.
        const right = rightChoice(question);
        const pick = index === 2 ? (right + 1) % question.choices.length : right;
        t.clock.advance(index === 1 ? 10_000 : 1_000);
        const outcome = await t.api.answer(code, player, position, pick);
        expect(outcome.status).toBe(200);
        expect(outcome.body.correct).toBe(index !== 2);
        expect(outcome.body.correctChoice).toBe(right);
        expect(outcome.body.evidence.length).toBeGreaterThan(0);
      }
    }
    // The scores are the game's own scoring by the server's clock: 1 s for Ada, 10 s for Bo.
    const expected = (elapsedMs: number) => {
      let total = 0;
      let streak = 0;
      for (const limitMs of limits) {
        const score = scoreAnswer({ correct: true, elapsedMs, limitMs, streakBefore: streak, speedPoints: true });
        total += score.total;
        streak = score.streakAfter;
      }
      return total;
    };
    const dashboard = await t.api.get(`/api/classes/${code}/dashboard`, teacherToken);
    expect(dashboard.status).toBe(200);
    const board = dashboard.body.leaderboard as { nickname: string; score: number; rank: number; verified: boolean }[];
    expect(board.map((entry) => entry.nickname)).toEqual(['Curious Otter', 'Bo the Brave', 'Cy']);
    expect(board.map((entry) => entry.score)).toEqual([expected(1_000), expected(10_000), 0]);
    expect(board.every((entry) => entry.verified)).toBe(true);
    expect(dashboard.body.players).toHaveLength(3);
    expect(dashboard.body.players.every((player: { answered: number }) => player.answered === 4)).toBe(true);
    // Everyone is past every question, so the right answers are marked; the counts add up to three.
    for (const question of dashboard.body.questions) {
      const counts = question.choices.map((choice: { count: number }) => choice.count);
      expect(counts.reduce((a: number, b: number) => a + b, 0)).toBe(3);
      expect(question.choices.filter((choice: { correct: boolean }) => choice.correct)).toHaveLength(1);
    }

    // After the last answer, "next" ends the round with a verified standing.
    const finished = await t.api.next(code, ada);
    expect(finished.body.state).toBe('finished');
    expect(finished.body.standing).toEqual({ rank: 1, players: 3, verified: true });

    const csv = await t.api.get(`/api/classes/${code}/results.csv`, teacherToken);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      '"nickname","language","question_id","question","chosen_answer","correct","time_ms","points"',
    );
    // A row per player per question, then a total row per player.
    expect(lines).toHaveLength(1 + 3 * 4 + 3);
    expect(lines[1]).toMatch(/^"Curious Otter","en","[a-z0-9-]+",".+",".+","yes","1000","\d+"$/);
    expect(
      lines
        .filter((line) => line.startsWith('"Cy",') && !line.includes('"TOTAL"'))
        .every((line) => line.includes('"no","1000","0"')),
    ).toBe(true);
    expect(lines.slice(-3).every((line) => line.includes('"TOTAL","4 of 4 questions answered"'))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/^"Cy","en","TOTAL","4 of 4 questions answered","","0","4000","0"$/);

    const endReply = await t.api.post(`/api/classes/${code}/end`, {}, teacherToken);
    expect(endReply.body.status).toBe('ended');
    // The teacher can still read the results of an ended class.
    expect((await t.api.get(`/api/classes/${code}/dashboard`, teacherToken)).status).toBe(200);
    expect((await t.api.get(`/api/classes/${code}/results.csv`, teacherToken)).status).toBe(200);
  });

  it('rounds down to the questions the chosen topics have, and refuses settings it cannot play', async () => {
    const topics = (await t.api.get('/api/topics')).body.topics as {
      id: string;
      questions: number;
      classOnlyQuestions: number;
    }[];
    const small = topics.reduce((a, b) => (a.questions <= b.questions ? a : b));
    const created = await newClass({ questionCount: 30, topics: [small.id], scoring: 'accuracy' });
    // By default from the class-only pool; from the whole bank when the teacher asks.
    expect(created.class).toMatchObject({ questionCount: Math.min(30, small.classOnlyQuestions), pool: 'class-only' });
    const whole = await newClass({ questionCount: 30, topics: [small.id], scoring: 'accuracy', pool: 'all' });
    expect(whole.class).toMatchObject({
      questionCount: Math.min(30, small.questions),
      scoring: 'accuracy',
      pool: 'all',
    });
    expect((await t.api.createClass({ pool: 'solo' })).status).toBe(400);
    expect((await t.api.createClass({ topics: ['no-such-topic'] })).status).toBe(422);
    expect((await t.api.createClass({ questionCount: 0 })).status).toBe(400);
    expect((await t.api.createClass({ timeLimitSec: 4 })).status).toBe(400);
    expect((await t.api.createClass({ scoring: 'fastest' })).status).toBe(400);
  });

  it('scores accuracy mode flat, and takes an answer with no time limit at any time', async () => {
    const { class: info } = await newClass({ questionCount: 2, timeLimitSec: null, scoring: 'accuracy' });
    const player = await join(info.code, 'Ada');
    const served = await t.api.next(info.code, player);
    expect(served.body.question.timeLimitMs).toBeNull();
    t.clock.advance(15 * 60_000);
    const outcome = await t.api.answer(info.code, player, 0, rightChoice(served.body.question));
    expect(outcome.body).toMatchObject({ correct: true, points: 1000 });
  });

  it('keeps SQL and markup in nicknames as plain text', async () => {
    const { class: info, teacherToken } = await newClass();
    const names = ["x'); DROP TABLE players;--", '<img src=x onerror=alert(1)>', '=HYPERLINK("http://x")'];
    for (const name of names) await join(info.code, name);
    const dashboard = await t.api.get(`/api/classes/${info.code}/dashboard`, teacherToken);
    expect(dashboard.body.players.map((player: { nickname: string }) => player.nickname)).toEqual(names);
    const csv = (await t.api.get(`/api/classes/${info.code}/results.csv`, teacherToken)).text;
    // Formula injection: the value starts with ' and quotes are doubled.
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain('"<img src=x onerror=alert(1)>"');
  });
});

describe('rejoining', () => {
  it('brings a student back to the question they were on, with no extra time', async () => {
    const { class: info } = await newClass({ questionCount: 3 });
    const player = await join(info.code, 'Ada');
    const first = await t.api.next(info.code, player);
    t.clock.advance(7_000);
    // A reload: the saved token shows the same question with 7 s less left, by the server's clock.
    const view = await t.api.view(info.code, player);
    expect(view.body.state).toBe('question');
    expect(view.body.question.questionId).toBe(first.body.question.questionId);
    expect(view.body.question.remainingMs).toBe(first.body.question.timeLimitMs - 7_000);
    // Asking for the next question does not skip it or restart its clock either.
    const again = await t.api.next(info.code, player);
    expect(again.body.question.position).toBe(0);
    expect(again.body.question.remainingMs).toBe(first.body.question.timeLimitMs - 7_000);
    const outcome = await t.api.answer(info.code, player, 0, rightChoice(first.body.question));
    expect(outcome.body.elapsedMs).toBe(7_000);
    // After the answer, a reload shows the same outcome and evidence again.
    const afterAnswer = await t.api.view(info.code, player);
    expect(afterAnswer.body.state).toBe('answered');
    expect(afterAnswer.body.outcome).toEqual(outcome.body);
  });

  it('turns a question whose time ran out while away into a time-out, then moves on', async () => {
    const { class: info } = await newClass({ questionCount: 3 });
    const player = await join(info.code, 'Ada');
    await t.api.next(info.code, player);
    t.clock.advance(120_000);
    const view = await t.api.view(info.code, player);
    expect(view.body.question.remainingMs).toBe(0);
    const timedOut = await t.api.next(info.code, player);
    expect(timedOut.body.state).toBe('answered');
    expect(timedOut.body.outcome).toMatchObject({ timedOut: true, points: 0, picked: null });
    const second = await t.api.next(info.code, player);
    expect(second.body.question.position).toBe(1);
    expect(second.body.question.remainingMs).toBe(second.body.question.timeLimitMs);
  });
});

describe('rejections: a clear 4xx and nothing stored', () => {
  async function expectRejected(
    call: () => Promise<{ status: number; body: { error?: string } }>,
    status: number,
    error: string,
  ) {
    const before = await dumpDb(t.server);
    const reply = await call();
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    expect(reply.body.error).toBe(error);
    expect(await dumpDb(t.server)).toBe(before);
  }

  it('refuses late, repeated, unserved, unknown and foreign answers', async () => {
    const { class: info } = await newClass({ questionCount: 3 });
    const other = await newClass();
    const code = info.code;
    const ada = await join(code, 'Ada');
    const bo = await join(code, 'Bo');
    const stranger = await join(other.class.code, 'Stranger');
    const served = await t.api.next(code, ada);
    const question = served.body.question;

    await expectRejected(() => t.api.answer(code, ada, 1, 0), 409, 'not-served');
    await expectRejected(() => t.api.answer(code, bo, 0, 0), 409, 'not-served');
    await expectRejected(() => t.api.answer(code, ada, 0, question.choices.length), 422, 'unknown-choice');
    await expectRejected(() => t.api.answer(code, ada, 0, 12), 400, 'bad-request');
    // Bo's token on Ada's answers; a token from another class; a token nobody has (each the same 404 as a code
    // that names no class); none at all.
    await expectRejected(
      () => t.api.answer(code, { playerId: ada.playerId, token: bo.token }, 0, 0),
      404,
      'unknown-class',
    );
    await expectRejected(
      () => t.api.answer(code, { playerId: ada.playerId, token: stranger.token }, 0, 0),
      404,
      'unknown-class',
    );
    await expectRejected(
      () => t.api.answer(code, { playerId: ada.playerId, token: 'A'.repeat(32) }, 0, 0),
      404,
      'unknown-class',
    );
    await expectRejected(
      () =>
        t.api.request('POST', `/api/classes/${code}/players/${ada.playerId}/answers`, {
          body: { position: 0, choice: 0 },
        }),
      401,
      'no-token',
    );
    // A teacher's token is not a student's, and a student's is not a teacher's.
    await expectRejected(() => t.api.post(`/api/classes/${code}/end`, {}, ada.token), 404, 'unknown-class');
    await expectRejected(() => t.api.post(`/api/classes/${code}/end`, {}, other.teacherToken), 404, 'unknown-class');

    // Just inside the grace the answer counts (at the limit); one more millisecond past it would not.
    t.clock.advance(question.timeLimitMs + ANSWER_GRACE_MS + 1);
    await expectRejected(() => t.api.answer(code, ada, 0, rightChoice(question)), 409, 'too-late');

    // A fresh question, answered once; the second answer is refused.
    await t.api.next(code, ada); // records the time-out
    const second = await t.api.next(code, ada);
    expect(second.body.question.position).toBe(1);
    expect((await t.api.answer(code, ada, 1, 0)).status).toBe(200);
    await expectRejected(() => t.api.answer(code, ada, 1, 1), 409, 'already-answered');
    await expectRejected(() => t.api.answer(code, ada, 0, 1), 409, 'already-answered');
  });

  it('refuses every request from students to an ended class, and changes by the teacher', async () => {
    const { class: info, teacherToken } = await newClass({ questionCount: 3 });
    const code = info.code;
    const ada = await join(code, 'Ada');
    await t.api.next(code, ada);
    expect((await t.api.post(`/api/classes/${code}/end`, {}, teacherToken)).status).toBe(200);
    await expectRejected(() => t.api.join(code, 'Late Comer'), 410, 'class-ended');
    await expectRejected(() => t.api.next(code, ada), 410, 'class-ended');
    await expectRejected(() => t.api.view(code, ada), 410, 'class-ended');
    await expectRejected(() => t.api.answer(code, ada, 0, 0), 410, 'class-ended');
    await expectRejected(
      () => t.api.get(`/api/classes/${code}/players/${ada.playerId}/events`, ada.token),
      410,
      'class-ended',
    );
    await expectRejected(() => t.api.post(`/api/classes/${code}/start`, {}, teacherToken), 410, 'class-ended');
    await expectRejected(() => t.api.post(`/api/classes/${code}/end`, {}, teacherToken), 410, 'class-ended');
    await expectRejected(
      () => t.api.post(`/api/classes/${code}/hide-scores`, { hideScores: true }, teacherToken),
      410,
      'class-ended',
    );
    await expectRejected(
      () => t.api.request('DELETE', `/api/classes/${code}/players/${ada.playerId}`, { token: teacherToken }),
      410,
      'class-ended',
    );
  });

  it('shuts a removed student out and leaves them off the leaderboard and the CSV', async () => {
    const { class: info, teacherToken } = await newClass({ questionCount: 2 });
    const code = info.code;
    const ada = await join(code, 'Ada');
    const bo = await join(code, 'Bo');
    const removed = await t.api.request('DELETE', `/api/classes/${code}/players/${bo.playerId}`, {
      token: teacherToken,
    });
    expect(removed.status).toBe(204);
    await expectRejected(() => t.api.next(code, bo), 403, 'removed');
    const dashboard = await t.api.get(`/api/classes/${code}/dashboard`, teacherToken);
    expect(dashboard.body.players.map((player: { nickname: string }) => player.nickname)).toEqual(['Ada']);
    const csv = (await t.api.get(`/api/classes/${code}/results.csv`, teacherToken)).text;
    expect(csv).not.toContain('"Bo"');
    expect((await t.api.next(code, ada)).status).toBe(200);
  });

  it('refuses nicknames that fail the checks, unknown codes and malformed requests', async () => {
    const { class: info } = await newClass();
    await expectRejected(() => t.api.join(info.code, 'x'), 422, 'nickname-too-short');
    await expectRejected(() => t.api.join(info.code, 'A'.repeat(31)), 422, 'nickname-too-long');
    await expectRejected(() => t.api.join(info.code, 'Ada 😀'), 422, 'nickname-characters');
    await expectRejected(() => t.api.join(info.code, 'Sh1t Happens'), 422, 'nickname-blocked');
    await expectRejected(() => t.api.join('333333', 'Ada'), 404, 'unknown-class');
    await expectRejected(() => t.api.join('abc', 'Ada'), 400, 'bad-request');
    await expectRejected(
      () => t.api.post(`/api/classes/${info.code}/players`, { nickname: 'Ada', admin: true }),
      400,
      'bad-request',
    );
    await expectRejected(
      () => t.api.request('POST', `/api/classes/${info.code}/players`, { body: '{"nickname":', headers: {} }),
      400,
      'bad-request',
    );
  });
});

describe('the server itself', () => {
  it('serves no CORS, refuses state changes from another origin, and sends security headers', async () => {
    const { class: info } = await newClass();
    const reply = await t.api.request('POST', `/api/classes/${info.code}/players`, {
      body: { nickname: 'Ada' },
      headers: { origin: 'http://evil.example' },
    });
    expect(reply.status).toBe(403);
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
    const health = await t.api.get('/api/health');
    expect(health.body).toEqual({ ok: true });
    expect(health.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await t.api.get('/api/no-such-thing')).status).toBe(404);
  });

  it('deletes a class and everything in it once its time is up', async () => {
    const { class: info, teacherToken } = await newClass();
    const player = await join(info.code, 'Ada');
    await t.api.next(info.code, player);
    t.clock.advance(29 * DAY_MS);
    expect(await t.server.service.sweepExpired()).toBe(0);
    t.clock.advance(1 * DAY_MS);
    expect(await t.server.service.sweepExpired()).toBe(1);
    expect((await t.api.get(`/api/classes/${info.code}`)).status).toBe(404);
    expect((await t.api.get(`/api/classes/${info.code}/dashboard`, teacherToken)).status).toBe(404);
    for (const table of ['classes', 'players', 'turns']) {
      expect(await t.server.store.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
  });

  it('rate-limits joining', async () => {
    const limited = await startTestServer({ limits: { joinPerMinute: 5 } });
    try {
      const { class: info } = (await limited.api.createClass()).body;
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1) statuses.push((await limited.api.join(info.code, `Player ${i}`)).status);
      expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
      expect(statuses.slice(5)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('live streams', () => {
  it('send the dashboard a new snapshot after an answer, and students the start and their removal', async () => {
    const { class: info, teacherToken } = await newClass({ questionCount: 2, holdStart: true });
    const code = info.code;
    const ada = await join(code, 'Ada');
    const bo = await join(code, 'Bo');
    const started = await readEvents(
      `${t.url}api/classes/${code}/players/${ada.playerId}/events`,
      ada.token,
      (events) => events.some((event) => event.name === 'class' && event.data.status === 'open'),
      () => t.api.post(`/api/classes/${code}/start`, {}, teacherToken),
    );
    expect(started[0]).toMatchObject({ name: 'class', data: { status: 'lobby' } });

    const served = await t.api.next(code, ada);
    const snapshots = await readEvents(
      `${t.url}api/classes/${code}/events`,
      teacherToken,
      (events) => events.some((event) => event.data.players?.some((p: { answered: number }) => p.answered === 1)),
      () => t.api.answer(code, ada, 0, rightChoice(served.body.question)),
    );
    expect(snapshots[0]!.name).toBe('snapshot');
    const last = snapshots[snapshots.length - 1]!.data;
    expect(last.version).toBeGreaterThan(snapshots[0]!.data.version);
    // Bo has still to answer: the question is not settled, so the stream says how many answered and nothing more.
    expect(last.questions[0]).toMatchObject({ settled: false, answered: 1, prompt: '', choices: [] });

    const removed = await readEvents(
      `${t.url}api/classes/${code}/players/${bo.playerId}/events`,
      bo.token,
      (events) => events.some((event) => event.name === 'removed'),
      () => t.api.request('DELETE', `/api/classes/${code}/players/${bo.playerId}`, { token: teacherToken }),
    );
    expect(removed.map((event) => event.name)).toEqual(['class', 'removed']);
  });

  it('keep a few streams per dashboard, closing the oldest', async () => {
    const { class: info, teacherToken } = await newClass();
    const controllers: AbortController[] = [];
    const readers: ReadableStreamDefaultReader<string>[] = [];
    for (let i = 0; i < 5; i += 1) {
      const controller = new AbortController();
      controllers.push(controller);
      const response = await fetch(`${t.url}api/classes/${info.code}/events`, {
        headers: { authorization: `Bearer ${teacherToken}` },
        signal: controller.signal,
      });
      readers.push(response.body!.pipeThrough(new TextDecoderStream()).getReader());
    }
    // The first stream was closed by the server when the fifth opened: reading it to its end finishes.
    let text = '';
    for (;;) {
      const { done, value } = await readers[0]!.read();
      if (done) break;
      text += value;
    }
    expect(text).toContain('event: snapshot');
    expect(t.server.hub.openStreams).toBe(4);
    for (const controller of controllers) controller.abort();
  });
});
