/**
 * The server killed mid-question and started again 20 s later, in both modes: the students' answers, sent while
 * it was down and again once it is back, count with the time they had left; a student who lets that time run out
 * gets a time-out, as if the server had never gone.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_ALIVE_INTERVAL_MS } from '../../src/server/class/downtime';
import { exited, startApiProcess } from './apiProcess';
import { Api, rightChoice, testDatabase } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'source-check-downtime-'));
const dbPath = join(dir, 'classes.db');
const children: ChildProcess[] = [];
/** How long the server stays down. */
const DOWN_MS = 20_000;
/** How long the question has been open when the server is killed. */
const BEFORE_KILL_MS = 2000;

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the server down mid-question', () => {
  it('gives every open turn back its downtime, in a self-paced class and a live one', async () => {
    const first = await startApiProcess(dbPath, children, await testDatabase(dbPath));
    const api = new Api(first.url);

    // A self-paced class: two students on their first question.
    const self = (await api.createClass({ questionCount: 2, timeLimitSec: 10 })).body;
    const selfCode = self.class.code as string;
    const [answering, idle] = [(await api.join(selfCode, 'Ana')).body, (await api.join(selfCode, 'Ben')).body];
    const question = (await api.next(selfCode, answering)).body.question;
    await api.next(selfCode, idle);

    // A live class: two students, the first question open for both.
    const live = (await api.createClass({ questionCount: 2, timeLimitSec: 10, pace: 'live' })).body;
    const liveCode = live.class.code as string;
    const [liveAnswering, liveIdle] = [(await api.join(liveCode, 'Cy')).body, (await api.join(liveCode, 'Di')).body];
    const board = (await api.live(liveCode, live.teacherToken, 'next')).body;
    expect(board.phase).toBe('question');
    const liveQuestion = (await api.view(liveCode, liveAnswering)).body.question;

    await sleep(BEFORE_KILL_MS);
    first.child.kill('SIGKILL');
    await exited(first.child);
    // Answers given while the server is down do not arrive.
    await expect(api.answer(selfCode, answering, 0, rightChoice(question))).rejects.toThrow();
    await sleep(DOWN_MS);

    const second = await startApiProcess(dbPath, children, await testDatabase(dbPath));
    const again = new Api(second.url);
    const startedAt = Date.now();

    // Each open question has about the time it had left when the server went down.
    for (const [code, student, limit] of [
      [selfCode, answering, question.timeLimitMs],
      [liveCode, liveAnswering, liveQuestion.timeLimitMs],
    ] as const) {
      const view = (await again.view(code, student)).body;
      expect(view.state).toBe('question');
      expect(view.question.remainingMs).toBeGreaterThan(limit - BEFORE_KILL_MS - 3000);
      // Up to one alive interval more: the last second before the kill is given back too.
      expect(view.question.remainingMs).toBeLessThanOrEqual(limit - BEFORE_KILL_MS + DEFAULT_ALIVE_INTERVAL_MS);
    }
    const liveBoard = (await again.get(`/api/classes/${liveCode}/dashboard`, live.teacherToken)).body.live;
    expect(liveBoard).toMatchObject({ phase: 'question', position: 0 });
    expect(liveBoard.remainingMs).toBeGreaterThan(liveQuestion.timeLimitMs - BEFORE_KILL_MS - 3000);

    // The answers sent again now are taken and scored, with the time the students really took.
    const selfAnswer = await again.answer(selfCode, answering, 0, rightChoice(question));
    expect(selfAnswer.status).toBe(200);
    expect(selfAnswer.body).toMatchObject({ correct: true, timedOut: false });
    expect(selfAnswer.body.points).toBeGreaterThan(500);
    expect(selfAnswer.body.elapsedMs).toBeLessThan(question.timeLimitMs - 2000);
    const liveAnswer = await again.answer(liveCode, liveAnswering, 0, rightChoice(liveQuestion));
    expect(liveAnswer.status).toBe(200);
    expect(liveAnswer.body).toMatchObject({ pending: true });

    // The students who did not answer run out of the time they had left, not sooner and not later.
    const waitLeft = Math.max(question.timeLimitMs, liveQuestion.timeLimitMs) - BEFORE_KILL_MS;
    await sleep(waitLeft - (Date.now() - startedAt) + 1500);
    const timedOut = (await again.next(selfCode, idle)).body;
    expect(timedOut).toMatchObject({ state: 'answered', outcome: { timedOut: true } });
    const closed = (await again.view(liveCode, liveIdle)).body;
    expect(closed).toMatchObject({ state: 'answered', outcome: { timedOut: true } });
    const verdict = (await again.view(liveCode, liveAnswering)).body;
    expect(verdict).toMatchObject({ state: 'answered', outcome: { correct: true, timedOut: false } });

    // The CSVs hold the answers given across the outage.
    const right = (code: string, q: { questionId: string; choices: string[] }) =>
      again
        .get(`/api/classes/${code}/results.csv`, code === selfCode ? self.teacherToken : live.teacherToken)
        .then((reply) =>
          reply.text.split(/\r?\n/).find((line) => line.includes(q.questionId) && /^"?(Ana|Cy)/.test(line)),
        );
    const selfRow = await right(selfCode, question);
    expect(selfRow).toContain(question.choices[rightChoice(question)]);
    expect(selfRow).toMatch(new RegExp(`\\b${selfAnswer.body.points}"?$`));
    const liveRow = await right(liveCode, liveQuestion);
    expect(liveRow).toContain(liveQuestion.choices[rightChoice(liveQuestion)]);
    expect(liveRow).toMatch(new RegExp(`\\b${verdict.outcome.points}"?$`));

    second.child.kill('SIGTERM');
    await exited(second.child);
  });
});
