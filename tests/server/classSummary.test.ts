/**
 * The class-wide skill and discernment summary on the teacher's dashboard: built from the answers the server
 * stored, counted only for questions every player is past, and read only with the teacher's token.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClassSkillSummary } from '../../src/core/classProtocol';
import { isFalseClaim, isTrueClaim } from '../../src/core/claims';
import { briefPrompt, classSummary, DISCERNMENT_MESSAGES, type LoggedAnswer } from '../../src/core/reports';
import { SKILLS, type Question, type Skill } from '../../src/core/types';
import { readEvents, rightChoice, startTestServer, testBank, type TestServer } from './helpers';

let t: TestServer;

beforeEach(async () => {
  t = await startTestServer();
});

afterEach(async () => {
  await t.close();
});

type Player = { playerId: string; token: string; nickname: string };
type Served = { questionId: string; choices: string[]; position: number; timeLimitMs: number };

async function newClass(questionCount: number) {
  const created = await t.api.createClass({ questionCount, timeLimitSec: 20 });
  expect(created.status).toBe(201);
  return created.body as { class: { code: string }; teacherToken: string };
}

async function join(code: string, nickname: string): Promise<Player> {
  const reply = await t.api.join(code, nickname);
  expect(reply.status).toBe(201);
  return reply.body as Player;
}

async function summaryOf(code: string, teacherToken: string): Promise<ClassSkillSummary> {
  const reply = await t.api.get(`/api/classes/${code}/dashboard`, teacherToken);
  expect(reply.status).toBe(200);
  return reply.body.summary as ClassSkillSummary;
}

function question(id: string): Question {
  return testBank().questions.find((candidate) => candidate.id === id)!;
}

/** Serves a player their next question and answers it right or wrong; returns the question answered. */
async function play(code: string, player: Player, right: boolean): Promise<Served> {
  const served = (await t.api.next(code, player)).body.question as Served;
  const correct = rightChoice(served);
  t.clock.advance(1_000);
  const pick = right ? correct : (correct + 1) % served.choices.length;
  const outcome = await t.api.answer(code, player, served.position, pick);
  expect(outcome.body.correct).toBe(right);
  return served;
}

const noSkills = SKILLS.map((skill) => ({ skill, asked: 0, right: 0, rate: null, missed: 0 }));
const zeroCounts = Object.fromEntries(SKILLS.map((skill) => [skill, 0])) as Record<Skill, number>;

describe("the class's skill summary", () => {
  it('counts what each student answered, right, wrong or out of time, once every player is past a question', async () => {
    const QUESTIONS = 4;
    const { class: info, teacherToken } = await newClass(QUESTIONS);
    const code = info.code;
    const [ada, bo, cy] = [await join(code, 'Ada'), await join(code, 'Bo'), await join(code, 'Cy')];
    // Dee joins and never answers: until she is past a question (or removed), nothing is counted.
    const dee = await join(code, 'Dee');

    // Ada gets everything right; Bo and Cy miss every question of the first question's move; Cy also lets the
    // time run out on the last question. So that move is the class's weakest, 1 right in 3 wherever it is asked.
    const logs = new Map<string, LoggedAnswer[]>([ada, bo, cy].map((player) => [player.playerId, []]));
    let target: Skill | undefined;
    for (let position = 0; position < QUESTIONS; position += 1) {
      for (const player of [ada, bo, cy]) {
        // Dee's game keeps asking where she is: she is there, only slow, so she is not away.
        await t.api.view(code, dee);
        const peek = (await t.api.next(code, player)).body.question as Served;
        target ??= question(peek.questionId).skill;
        const onTarget = question(peek.questionId).skill === target;
        if (player === cy && position === QUESTIONS - 1) {
          t.clock.advance(peek.timeLimitMs + 5_000);
          // Dee's game asked meanwhile: a long question's wait must not make her away.
          await t.api.view(code, dee);
          expect((await t.api.next(code, player)).body.outcome).toMatchObject({ timedOut: true });
          logs.get(player.playerId)!.push({ questionId: peek.questionId, correct: false });
          continue;
        }
        const right = player === ada || !onTarget;
        const served = await play(code, player, right);
        expect(served.questionId).toBe(peek.questionId);
        logs.get(player.playerId)!.push({ questionId: served.questionId, correct: right });
      }
      if (position === 0) {
        // The first question is settled for Ada, Bo and Cy, not for Dee: the room must not learn its answer here.
        const waiting = await summaryOf(code, teacherToken);
        expect(waiting).toMatchObject({ players: 4, questionsCounted: 0, skills: noSkills, weakestSkill: null });
      }
    }
    expect(await summaryOf(code, teacherToken)).toMatchObject({ questionsCounted: 0, skills: noSkills });

    const removed = await t.api.request('DELETE', `/api/classes/${code}/players/${dee.playerId}`, {
      token: teacherToken,
    });
    expect(removed.status).toBe(204);
    const summary = await summaryOf(code, teacherToken);

    // The tallies, counted here from what each student did.
    const answers = [...logs.values()].flat();
    const expected = SKILLS.map((skill) => {
      const mine = answers.filter((entry) => question(entry.questionId).skill === skill);
      const right = mine.filter((entry) => entry.correct).length;
      return { skill, asked: mine.length, right, rate: mine.length === 0 ? null : right / mine.length };
    });
    expect(summary.players).toBe(3);
    expect(summary.questionsCounted).toBe(QUESTIONS);
    expect(summary.skills.map(({ skill, asked, right, rate }) => ({ skill, asked, right, rate }))).toEqual(expected);
    expect(summary.skills.reduce((sum, row) => sum + row.asked, 0)).toBe(3 * QUESTIONS);
    expect(summary.weakestSkill).toBe(target);
    const targetRow = summary.skills.find((row) => row.skill === target)!;
    expect(targetRow.right * 3).toBe(targetRow.asked);

    // The most missed question of that move is the first one (every one of its questions was missed by Bo and
    // Cy, and the earliest wins a tie), missed by 2 of 3.
    const first = logs.get(ada.playerId)![0]!.questionId;
    expect(summary.mostMissed).toEqual({
      questionId: first,
      prompt: briefPrompt(question(first).prompt),
      missed: 2,
      asked: 3,
    });
    expect(summary.tip).toMatch(/\w/);
    expect(summary.weakestSkillCounts[target!]).toBeGreaterThanOrEqual(1);

    // Discernment, counted here too: answers to true claims and to false or misleading ones.
    const sideOf = (pick: (item: Question) => boolean) => {
      const mine = answers.filter((entry) => pick(question(entry.questionId)));
      const right = mine.filter((entry) => entry.correct).length;
      return { asked: mine.length, right, rate: mine.length === 0 ? null : right / mine.length };
    };
    expect(summary.discernment.answers).toEqual({ trueClaims: sideOf(isTrueClaim), falseClaims: sideOf(isFalseClaim) });
    expect(summary.discernment.judgements).toBeNull();
    expect(summary.discernment.message).toBe(DISCERNMENT_MESSAGES[summary.discernment.weaker]);
    expect(Object.values(summary.discernmentCounts).reduce((a, b) => a + b, 0)).toBe(3);
    // No wagers in class mode: the calibration rows are empty.
    expect(summary.calibration.every((row) => row.asked === 0)).toBe(true);

    // The whole summary is the game's own report over these three logs.
    const questions = logs.get(ada.playerId)!.map((entry) => question(entry.questionId));
    expect(summary).toEqual({ ...classSummary(questions, [...logs.values()]), questionsCounted: QUESTIONS });

    // Removing a student who answered takes their answers out.
    await t.api.request('DELETE', `/api/classes/${code}/players/${ada.playerId}`, { token: teacherToken });
    const withoutAda = await summaryOf(code, teacherToken);
    expect(withoutAda.players).toBe(2);
    expect(withoutAda.skills.reduce((sum, row) => sum + row.asked, 0)).toBe(2 * QUESTIONS);
    expect(withoutAda.skills.find((row) => row.skill === target)).toMatchObject({ right: 0 });
  });

  it('counts every answer once the class has ended, and comes on the live stream as questions are settled', async () => {
    const { class: info, teacherToken } = await newClass(3);
    const code = info.code;
    const ada = await join(code, 'Ada');
    const bo = await join(code, 'Bo');
    const first = await play(code, ada, false);
    // Bo's answer settles the first question: the dashboard's stream gets a snapshot that counts both answers.
    const events = await readEvents(
      `${t.url}api/classes/${code}/events`,
      teacherToken,
      (list) => list.some((event) => event.data.summary?.questionsCounted === 1),
      () => play(code, bo, true),
    );
    expect(events[0]!.data.summary).toMatchObject({ questionsCounted: 0, skills: noSkills });
    const settled = events[events.length - 1]!.data.summary as ClassSkillSummary;
    const skill = question(first.questionId).skill;
    expect(settled.skills.find((row) => row.skill === skill)).toMatchObject({ asked: 2, right: 1, missed: 1 });
    expect(settled.weakestSkill).toBe(skill);

    // Ada answers the second question and Bo never does: it counts only once the class has ended.
    const second = await play(code, ada, true);
    expect((await summaryOf(code, teacherToken)).questionsCounted).toBe(1);
    expect((await t.api.post(`/api/classes/${code}/end`, {}, teacherToken)).status).toBe(200);
    const ended = await summaryOf(code, teacherToken);
    expect(ended.questionsCounted).toBe(3);
    expect(ended.skills.reduce((sum, row) => sum + row.asked, 0)).toBe(3);
    expect(ended.skills.reduce((sum, row) => sum + row.right, 0)).toBe(2);
    const logs = [
      [
        { questionId: first.questionId, correct: false },
        { questionId: second.questionId, correct: true },
      ],
      [{ questionId: first.questionId, correct: true }],
    ];
    expect(ended).toEqual({
      ...classSummary([question(first.questionId), question(second.questionId)], logs),
      questionsCounted: 3,
    });
  });

  it('is empty for a class nobody has answered in', async () => {
    const { class: info, teacherToken } = await newClass(3);
    const code = info.code;
    const empty = {
      players: 0,
      questionsCounted: 0,
      skills: noSkills,
      weakestSkill: null,
      tip: null,
      mostMissed: null,
      weakestSkillCounts: zeroCounts,
      discernment: {
        answers: { trueClaims: { asked: 0, right: 0, rate: null }, falseClaims: { asked: 0, right: 0, rate: null } },
        judgements: null,
        basis: 'answers',
        weaker: 'not-enough',
        message: DISCERNMENT_MESSAGES['not-enough'],
      },
      discernmentCounts: { 'true-claims': 0, 'false-claims': 0, even: 0, 'not-enough': 0 },
    };
    expect(await summaryOf(code, teacherToken)).toMatchObject(empty);
    const ada = await join(code, 'Ada');
    await join(code, 'Bo');
    await t.api.next(code, ada);
    // Two players with nothing answered: too few answers to tell either way.
    const twoPlayers = { ...empty, players: 2, discernmentCounts: { ...empty.discernmentCounts, 'not-enough': 2 } };
    expect(await summaryOf(code, teacherToken)).toMatchObject(twoPlayers);
    await t.api.post(`/api/classes/${code}/end`, {}, teacherToken);
    const ended = await summaryOf(code, teacherToken);
    expect(ended).toMatchObject({ ...twoPlayers, questionsCounted: 3 });
    expect(ended.calibration.map((row) => row.asked)).toEqual([0, 0, 0]);
  });

  it("is the teacher's only: a student's token or another class's teacher gets nothing", async () => {
    const { class: info, teacherToken } = await newClass(2);
    const other = await newClass(2);
    const code = info.code;
    const ada = await join(code, 'Ada');
    await join(code, 'Bo');
    await play(code, ada, true);
    for (const path of [`/api/classes/${code}/dashboard`, `/api/classes/${code}/events`]) {
      const asStudent = await t.api.get(path, ada.token);
      expect(asStudent.status).toBe(404);
      expect(asStudent.body).toEqual({ error: 'unknown-class', message: expect.any(String) });
      expect((await t.api.get(path, other.teacherToken)).status).toBe(404);
      expect((await t.api.get(path)).status).toBe(401);
    }
    // Nothing a student reads carries it.
    for (const reply of [await t.api.view(code, ada), await t.api.get(`/api/classes/${code}`)]) {
      expect(reply.status).toBe(200);
      expect(reply.text).not.toContain('weakestSkill');
    }
    expect((await summaryOf(code, teacherToken)).players).toBe(2);
  });
});
