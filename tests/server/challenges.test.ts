/* eslint-disable @typescript-eslint/no-explicit-any -- replies are read field by field in the tests */
/**
 * Challenges over real HTTP: made with a short code, joined and played through the class rules, the board with
 * first tries and practice, the deadline, the creator's close and removal, forged scores refused, and the limits.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classOnlyIds } from '../../src/core/classPool';
import { DAY_MS } from '../../src/server/class/service';
import {
  readEvents,
  requestFrom,
  playSeat,
  rightChoice,
  someLoopbackAddress,
  startTestServer,
  testBank,
  type TestServer,
} from './helpers';

let t: TestServer;

beforeEach(async () => {
  t = await startTestServer();
});

afterEach(async () => {
  await t.close();
});

type Seat = { code: string; playerId: string; token: string; nickname: string; attempt: number };

async function create(body: Record<string, unknown> = {}) {
  return t.api.post('/api/challenges', { nickname: 'Brave Heron', ...body });
}

/** Plays a seat's whole round, answering right the first `right` questions and wrong the rest. */
function playRound(seat: Seat, right: number): Promise<number> {
  return playSeat(t, seat, right);
}

describe('making a challenge', () => {
  it('gives a short code in the class alphabet, a 7-day deadline, the title, a creator token and a seat', async () => {
    const created = await create({ title: 'Period 3 homework' });
    expect(created.status).toBe(201);
    const { board, creatorToken, seat } = created.body;
    expect(board.code).toMatch(/^[34679ACEFGHJKMNPRTWXY]{6}$/);
    expect(board.title).toBe('Period 3 homework');
    expect(board.closesAt - board.createdAt).toBe(7 * DAY_MS);
    expect(board.status).toBe('open');
    expect(board.creator).toBe('Brave Heron');
    expect(board.entries).toEqual([expect.objectContaining({ nickname: 'Brave Heron', creator: true, attempt: 1 })]);
    expect(creatorToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(seat).toMatchObject({ code: board.code, nickname: 'Brave Heron', attempt: 1 });
    // The creator's token is the class's teacher token: the class report and its CSV are theirs.
    expect((await t.api.get(`/api/classes/${board.code}/dashboard`, creatorToken)).status).toBe(200);
    const csv = await t.api.get(`/api/classes/${board.code}/results.csv`, creatorToken);
    expect(csv.status).toBe(200);
  });

  it('draws the round from the class-only pool', async () => {
    const { seat } = (await create()).body;
    const classOnly = classOnlyIds(testBank().questions);
    let view = (await t.api.next(seat.code, seat)).body;
    const seen: string[] = [];
    while (view.state === 'question') {
      seen.push(view.question.questionId);
      await t.api.answer(seat.code, seat, view.question.position, 0);
      view = (await t.api.next(seat.code, seat)).body;
    }
    expect(seen).toHaveLength(10);
    for (const id of seen) expect(classOnly.has(id)).toBe(true);
  });

  it('takes a deadline in days, and refuses one out of range, a bad title or a bad nickname', async () => {
    const short = await create({ days: 2 });
    expect(short.body.board.closesAt - short.body.board.createdAt).toBe(2 * DAY_MS);
    expect((await create({ days: 0 })).status).toBe(400);
    expect((await create({ days: 31 })).status).toBe(400);
    const rude = await create({ title: 'shit quiz' });
    expect(rude.status).toBe(422);
    expect(rude.body.error).toBe('bad-title');
    const name = await create({ nickname: 'ꜰᴜᴄᴋ' });
    expect(name.status).toBe(422);
    expect(name.body.error).toBe('nickname-blocked');
  });

  it('refuses a score, an answer log or any other field it does not take', async () => {
    for (const forged of [{ score: 13500 }, { answers: [{ position: 0, choice: 1, points: 1000 }] }]) {
      const reply = await create(forged);
      expect(reply.status).toBe(400);
      expect(reply.body.message).toContain('must NOT have additional properties');
    }
    const { board } = (await create()).body;
    const join = await t.api.post(`/api/challenges/${board.code}/players`, { nickname: 'Sly Fox', score: 13500 });
    expect(join.status).toBe(400);
    expect((await t.api.get(`/api/challenges/${board.code}`)).body.entries).toHaveLength(1);
  });
});

describe('playing and the board', () => {
  it('scores on the server, ranks first tries, and shows later tries from the same device as practice', async () => {
    const { board, seat: creator } = (await create()).body;
    const code = board.code as string;
    const creatorScore = await playRound(creator, 5);
    expect((await t.api.get(`/api/challenges/${code}`)).body.scoreToBeat).toBe(creatorScore);

    const friend: Seat = (await t.api.post(`/api/challenges/${code}/players`, { nickname: 'Quiet Otter' })).body;
    expect(friend.attempt).toBe(1);
    const friendScore = await playRound(friend, 8);
    expect(friendScore).toBeGreaterThan(creatorScore);

    // The same device again (it holds its earlier seat's token): a second try, practice.
    const again = await t.api.request('POST', `/api/challenges/${code}/players`, {
      body: { nickname: 'Anything' },
      token: friend.token,
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ nickname: 'Quiet Otter', attempt: 2 });
    const practiceScore = await playRound(again.body, 10);
    expect(practiceScore).toBeGreaterThan(friendScore);

    const shown = (await t.api.get(`/api/challenges/${code}`)).body;
    expect(shown.entries.map((entry: any) => [entry.nickname, entry.score, entry.finished])).toEqual([
      ['Quiet Otter', friendScore, true],
      ['Brave Heron', creatorScore, true],
    ]);
    expect(shown.practice).toEqual([
      expect.objectContaining({ nickname: 'Quiet Otter', score: practiceScore, attempt: 2 }),
    ]);
    expect(shown.scoreToBeat).toBe(creatorScore);
  });

  it('follows the class nickname rules: a name on the board is taken, look-alikes too', async () => {
    const { board } = (await create()).body;
    const code = board.code as string;
    const taken = await t.api.post(`/api/challenges/${code}/players`, { nickname: 'brave heron' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toBe('nickname-taken');
    const lookAlike = await t.api.post(`/api/challenges/${code}/players`, { nickname: 'Вrаve Неrоn' });
    expect(lookAlike.status).toBe(409);
    const blocked = await t.api.post(`/api/challenges/${code}/players`, { nickname: 'sh1t' });
    expect(blocked.status).toBe(422);
  });

  it('refuses answers the server did not serve, and a second answer to one question', async () => {
    const { seat } = (await create()).body;
    const ahead = await t.api.answer(seat.code, seat, 3, 0);
    expect(ahead.status).toBeGreaterThanOrEqual(400);
    const view = (await t.api.next(seat.code, seat)).body;
    expect((await t.api.answer(seat.code, seat, 0, rightChoice(view.question))).status).toBe(200);
    const twice = await t.api.answer(seat.code, seat, 0, rightChoice(view.question));
    expect(twice.status).toBeGreaterThanOrEqual(400);
    const forged = await t.api.post(
      `/api/classes/${seat.code}/players/${seat.playerId}/answers`,
      { position: 1, choice: 0, points: 1000, elapsedMs: 1 },
      seat.token,
    );
    expect(forged.status).toBe(400);
    expect((await t.api.get(`/api/challenges/${seat.code}`)).body.entries[0].score).toBeLessThanOrEqual(1000);
  });

  it('sends the board live when someone answers', async () => {
    const { board } = (await create()).body;
    const code = board.code as string;
    const friend: Seat = (await t.api.post(`/api/challenges/${code}/players`, { nickname: 'Quiet Otter' })).body;
    const events = await readEvents(
      new URL(`/api/challenges/${code}/events`, t.url).href,
      friend.token,
      (seen) => seen.some((event) => event.data.entries?.some((entry: any) => entry.score > 0)),
      async () => {
        const view = (await t.api.next(code, friend)).body;
        await t.api.answer(code, friend, 0, rightChoice(view.question));
      },
    );
    expect(events[0]!.name).toBe('board');
    expect(events.at(-1)!.data.entries.find((entry: any) => entry.nickname === 'Quiet Otter').score).toBeGreaterThan(0);
  });

  it('is unknown for a code that names no challenge, even one that names a class', async () => {
    const classCode = (await t.api.createClass()).body.class.code;
    for (const code of [classCode, 'AAAAAA']) {
      const reply = await t.api.get(`/api/challenges/${code}`);
      expect(reply.status).toBe(404);
      expect(reply.body.error).toBe('unknown-challenge');
    }
    expect((await t.api.get('/api/challenges/nope')).status).toBe(400);
  });
});

describe('the creator, and the deadline', () => {
  it('closes the challenge: no one joins, no answer is taken, the board stays', async () => {
    const { board, creatorToken, seat } = (await create()).body;
    const code = board.code as string;
    expect((await t.api.post(`/api/challenges/${code}/close`, {}, 'x'.repeat(32))).status).toBe(404);
    expect((await t.api.post(`/api/challenges/${code}/close`, {}, seat.token)).status).toBe(404);
    const closed = await t.api.post(`/api/challenges/${code}/close`, {}, creatorToken);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const late = await t.api.post(`/api/challenges/${code}/players`, { nickname: 'Late Lark' });
    expect(late.status).toBe(410);
    expect(late.body.error).toBe('challenge-closed');
    expect((await t.api.next(code, seat)).status).toBe(410);
    expect((await t.api.get(`/api/challenges/${code}`)).body.entries).toHaveLength(1);
  });

  it('removes an entry at the creator’s word only', async () => {
    const { board, creatorToken } = (await create()).body;
    const code = board.code as string;
    const friend: Seat = (await t.api.post(`/api/challenges/${code}/players`, { nickname: 'Quiet Otter' })).body;
    const path = `/api/challenges/${code}/entries/${friend.playerId}`;
    expect((await t.api.request('DELETE', path, { token: friend.token })).status).toBe(404);
    const removed = await t.api.request('DELETE', path, { token: creatorToken });
    expect(removed.status).toBe(200);
    expect(removed.body.entries.map((entry: any) => entry.nickname)).toEqual(['Brave Heron']);
    expect((await t.api.next(code, friend)).status).toBe(403);
  });

  it('closes itself at its deadline', async () => {
    const { board, seat } = (await create({ days: 1 })).body;
    const code = board.code as string;
    await t.api.next(code, seat);
    t.clock.advance(DAY_MS + 1);
    // The class request itself finds the deadline passed: no answer after it is taken.
    expect((await t.api.answer(code, seat, 0, 0)).status).toBe(410);
    expect((await t.api.get(`/api/challenges/${code}`)).body.status).toBe('closed');
    expect((await t.api.post(`/api/challenges/${code}/players`, { nickname: 'Late Lark' })).status).toBe(410);
  });
});

describe('limits', () => {
  it('holds back a flood of challenges from one address, and not the next address', async () => {
    await t.close();
    t = await startTestServer({ challengeFlood: { burst: 3, perHour: 1 } });
    const flooder = someLoopbackAddress();
    const made = [];
    for (let i = 0; i < 4; i += 1) {
      made.push(await requestFrom(flooder, t.url, 'POST', '/api/challenges', { nickname: `Swift Crow ${i}` }));
    }
    expect(made.map((reply) => reply.status)).toEqual([201, 201, 201, 429]);
    expect(made[3]!.body.error).toBe('challenge-flood');
    expect(made[3]!.body.message).toMatch(/try again in \d+ min/);
    const other = await requestFrom(someLoopbackAddress(), t.url, 'POST', '/api/challenges', { nickname: 'Kind Owl' });
    expect(other.status).toBe(201);
    t.clock.advance(60 * 60 * 1000);
    expect((await requestFrom(flooder, t.url, 'POST', '/api/challenges', { nickname: 'Swift Crow' })).status).toBe(201);
  });

  it('rate-limits making and joining per address', async () => {
    await t.close();
    t = await startTestServer({ challengeLimits: { createPerMinute: 2, joinPerMinute: 2 } });
    const address = someLoopbackAddress();
    const made = [];
    for (let i = 0; i < 3; i += 1) {
      made.push(await requestFrom(address, t.url, 'POST', '/api/challenges', { nickname: `Kind Owl ${i}` }));
    }
    expect(made.map((reply) => reply.status)).toEqual([201, 201, 429]);
    const code = made[0]!.body.board.code;
    const joins = [];
    for (let i = 0; i < 3; i += 1) {
      joins.push(
        await requestFrom(address, t.url, 'POST', `/api/challenges/${code}/players`, { nickname: `Calm Seal ${i}` }),
      );
    }
    expect(joins.map((reply) => reply.status)).toEqual([201, 201, 429]);
  });
});
