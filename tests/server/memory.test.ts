/**
 * The class server keeps each class's roster and its summary parts in memory and updates them on every write,
 * so that a dashboard snapshot reads no rows. These tests hold it to the database: after every step of many
 * classes played at random (joins, answers, time-outs, finishes, removals, the end), the dashboard the running
 * service gives equals the one a fresh service reading only the database gives.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRng, nextInt, type RngState } from '../../src/core/rng';
import { ClassService } from '../../src/server/class/service';
import { rightChoice, startTestServer, testBank, type TestServer } from './helpers';

let t: TestServer;

beforeEach(async () => {
  t = await startTestServer();
});

afterEach(async () => {
  await t.close();
});

interface Seat {
  code: string;
  playerId: string;
  token: string;
  position?: number;
  questionId?: string;
  choices?: string[];
}

describe('what the class server keeps in memory', () => {
  it('matches a fresh read of the database after every step of random classes', async () => {
    const service = t.server.service;
    let rng: RngState = createRng('memory-matches-database');
    const pick = (n: number) => {
      const [value, next] = nextInt(rng, n);
      rng = next;
      return value;
    };
    const classes = [];
    for (let i = 0; i < 3; i += 1) {
      classes.push(
        await service.createClass(
          { questionCount: 4, timeLimitSec: 20, topics: [], scoring: i === 0 ? 'speed' : 'accuracy' },
          false,
        ),
      );
    }
    const seats: Seat[] = [];
    const rowIdOf = async (playerId: string) =>
      (await t.server.store
        .prepare<[string], { id: number }>('SELECT id FROM players WHERE public_id = ?')
        .get(playerId))!.id;
    let joined = 0;
    let checks = 0;
    const check = async (code: string, teacherToken: string) => {
      const fresh = new ClassService(t.server.store, testBank(), { now: t.clock.now });
      const teacher = await service.auth.teacher(code, teacherToken);
      expect(await await service.dashboard(teacher)).toEqual(await fresh.dashboard(teacher));
      checks += 1;
    };
    for (let step = 0; step < 400; step += 1) {
      const created = classes[pick(classes.length)]!;
      const { code } = created.class;
      const mine = seats.filter((seat) => seat.code === code);
      const roll = pick(100);
      if (roll < 15 || mine.length === 0) {
        const player = await service.join(code, `Player ${String(joined++).padStart(3, '0')}`);
        // Each player's game holds its live stream open: nobody falls away, which a fresh service could not know.
        service.followStream(await rowIdOf(player.playerId), { once: () => undefined });
        seats.push({ code, playerId: player.playerId, token: player.token });
      } else if (roll < 18) {
        const seat = mine[pick(mine.length)]!;
        await service.removePlayer(await service.auth.teacher(code, created.teacherToken), seat.playerId);
        seats.splice(seats.indexOf(seat), 1);
      } else if (roll < 22) {
        // Long enough for any open question to run out of time: the next call records a time-out.
        t.clock.advance(21_000);
      } else {
        const seat = mine[pick(mine.length)]!;
        if (seat.position === undefined) {
          const view = await service.next(await service.auth.player(code, seat.playerId, seat.token));
          if (view.state === 'question') {
            seat.position = view.question.position;
            seat.questionId = view.question.questionId;
            seat.choices = view.question.choices;
          }
        } else {
          t.clock.advance(500);
          const right = rightChoice({ questionId: seat.questionId!, choices: seat.choices! });
          const choice = pick(2) === 0 ? right : (right + 1) % seat.choices!.length;
          try {
            await service.answer(await service.auth.player(code, seat.playerId, seat.token), seat.position, choice);
          } catch (error) {
            // Its time ran out on an earlier step: the refusal changes nothing.
            expect((error as { code?: string }).code).toBe('too-late');
          }
          seat.position = undefined;
        }
      }
      await check(code, created.teacherToken);
    }
    const last = classes[0]!;
    await service.end(await service.auth.teacher(last.class.code, last.teacherToken));
    await check(last.class.code, last.teacherToken);
    expect(checks).toBe(401);
    // The classes were really played: players finished, answered and timed out.
    const board = await service.dashboard(await service.auth.teacher(last.class.code, last.teacherToken));
    expect(board.players.some((player) => player.finished)).toBe(true);
    expect(board.questions.some((question) => question.timedOut > 0)).toBe(true);
    expect(board.summary.questionsCounted).toBe(4);
  });
});
