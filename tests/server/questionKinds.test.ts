/** A class created with kinds of question draws its round from those kinds only, and /api/topics counts each kind. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindCounts } from '../../src/core/round';
import type { QuestionKind } from '../../src/core/types';
import { startTestServer, testBank, type TestServer } from './helpers';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});

afterAll(async () => {
  await t.close();
});

/** The kinds of the questions a class drew, from its dashboard. */
async function drawnKinds(code: string, token: string): Promise<(QuestionKind | undefined)[]> {
  const kindOf = new Map(testBank().questions.map((question) => [question.id, question.kind]));
  // The dashboard names a question once it is settled: ending the class settles every one.
  expect((await t.api.post(`/api/classes/${code}/end`, {}, token)).status).toBe(200);
  const dashboard = await t.api.get(`/api/classes/${code}/dashboard`, token);
  expect(dashboard.status).toBe(200);
  return (dashboard.body.questions as { questionId: string }[]).map((question) => kindOf.get(question.questionId));
}

describe('kinds of question', () => {
  it('draws only the chosen kinds, and says which in the class info', async () => {
    const wanted: QuestionKind[] = ['who-speaks', 'source-choice'];
    const created = await t.api.createClass({ questionCount: 8, pool: 'all', kinds: wanted });
    expect(created.status).toBe(201);
    expect(created.body.class.kinds).toEqual(wanted);
    const kinds = await drawnKinds(created.body.class.code, created.body.teacherToken);
    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of kinds) expect(wanted).toContain(kind);
  });

  it('draws from every kind when none is chosen', async () => {
    const created = await t.api.createClass({ questionCount: 30, pool: 'all' });
    expect(created.body.class.kinds).toEqual([]);
    const kinds = new Set(await drawnKinds(created.body.class.code, created.body.teacherToken));
    expect(kinds.size).toBeGreaterThan(2);
  });

  it('refuses a kind it does not know, naming the field', async () => {
    const refused = await t.api.createClass({ kinds: ['gossip'] });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('kinds');
  });

  it('lists how many questions of each kind the bank and its class-only part hold', async () => {
    const reply = await t.api.get('/api/topics');
    const listed = reply.body.kinds as { kind: QuestionKind; questions: number; classOnlyQuestions: number }[];
    expect(listed.map(({ kind, questions }) => ({ kind, count: questions }))).toEqual(kindCounts(testBank().questions));
    for (const entry of listed) expect(entry.classOnlyQuestions).toBeLessThanOrEqual(entry.questions);
    expect(listed.some((entry) => entry.classOnlyQuestions > 0)).toBe(true);
  });
});
