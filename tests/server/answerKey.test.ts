/**
 * Scores that cannot be topped by looking answers up: a class round drawn from the class-only pool has no
 * question a script can find in the game's bank.json, and a class that reveals answers once settled tells a scout
 * device nothing before the whole class has answered.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleBank, loadBankFromDisk, soloBank } from '../../src/server/bankFiles';
import { readEvents, rightChoice, startTestServer, type TestServer } from './helpers';
import { join } from 'node:path';

let t: TestServer;

beforeEach(async () => {
  t = await startTestServer();
});

afterEach(async () => {
  await t.close();
});

/** What the game ships as bank.json, made by the build's own function. */
function shippedBank() {
  const root = join(import.meta.dirname, '..', '..');
  return bundleBank(soloBank(loadBankFromDisk(join(root, 'questions'), root).bank));
}

describe('the answer key', () => {
  it('gives a script holding bank.json no better than chance on a class from the class-only pool', async () => {
    const shipped = shippedBank();
    const byId = new Map(shipped.questions.map((question) => [question.id, question]));
    const byPrompt = new Map(shipped.questions.map((question) => [question.prompt, question]));
    const created = await t.api.createClass({ questionCount: 30, timeLimitSec: null, scoring: 'accuracy' });
    expect(created.body.class.pool).toBe('class-only');
    const code = created.body.class.code as string;
    const script = (await t.api.join(code, 'Look Up')).body;
    let found = 0;
    let correct = 0;
    let chance = 0;
    let variance = 0;
    for (let position = 0; position < 30; position += 1) {
      const served = (await t.api.next(code, script)).body;
      expect(served.state).toBe('question');
      const question = served.question as { questionId: string; prompt: string; choices: string[] };
      const known = byId.get(question.questionId) ?? byPrompt.get(question.prompt);
      let choice = 0;
      if (known) {
        found += 1;
        choice = question.choices.indexOf(known.choices.find((candidate) => candidate.correct)!.text);
      }
      const p = 1 / question.choices.length;
      chance += p;
      variance += p * (1 - p);
      const outcome = (await t.api.answer(code, script, position, choice)).body;
      if (outcome.correct) correct += 1;
    }
    expect(found).toBe(0);
    // A blind guess: within four standard deviations of what chance gives (about 9 of 30 here).
    expect(correct).toBeLessThanOrEqual(Math.ceil(chance + 4 * Math.sqrt(variance)));
  });

  it('draws from the whole bank when the teacher chooses it, and says which pool a class uses', async () => {
    const created = await t.api.createClass({ questionCount: 30, pool: 'all' });
    expect(created.status).toBe(201);
    expect(created.body.class.pool).toBe('all');
    expect((await t.api.get(`/api/classes/${created.body.class.code}`)).body.pool).toBe('all');
  });
});

describe('answers revealed once the question is settled for the class', () => {
  it('tells a scout nothing until every player has answered, then tells everyone', async () => {
    const created = await t.api.createClass({ questionCount: 3, answerReveal: 'settled' });
    expect(created.body.class.answerReveal).toBe('settled');
    const code = created.body.class.code as string;
    const scout = (await t.api.join(code, 'Scout')).body;
    const student = (await t.api.join(code, 'Student')).body;
    const question = (await t.api.next(code, scout)).body.question;
    const right = rightChoice(question);
    const wrong = (right + 1) % question.choices.length;

    const early = await t.api.answer(code, scout, 0, right);
    expect(early.status).toBe(200);
    expect(early.body).toEqual({
      pending: true,
      position: 0,
      total: 3,
      questionId: question.questionId,
      prompt: question.prompt,
      choices: question.choices,
      picked: right,
      timedOut: false,
    });
    // Nor do the view, its totals, or asking for the next question tell it.
    const view = (await t.api.view(code, scout)).body;
    expect(view.state).toBe('pending');
    expect(view.player).toMatchObject({ score: 0, correct: 0, answered: 0, streak: 0, bestStreak: 0 });
    expect(JSON.stringify(view)).not.toContain('correctChoice');
    expect((await t.api.next(code, scout)).body.state).toBe('pending');

    // The student answers: question 1 is settled, the scout's stream hears it and its outcome is revealed.
    await t.api.next(code, student);
    const events = await readEvents(
      new URL(`/api/classes/${code}/players/${scout.playerId}/events`, t.url).href,
      scout.token,
      (list) => list.some((event) => event.name === 'settled'),
      () => t.api.answer(code, student, 0, wrong),
    );
    expect(events.find((event) => event.name === 'settled')!.data).toEqual({ upTo: 1 });
    const revealed = (await t.api.view(code, scout)).body;
    expect(revealed.state).toBe('answered');
    expect(revealed.outcome).toMatchObject({ correct: true, correctChoice: right });
    expect((await t.api.next(code, scout)).body.question.position).toBe(1);
  });

  it('settles a question when the player the class waited for is removed', async () => {
    const created = await t.api.createClass({ questionCount: 2, answerReveal: 'settled' });
    const code = created.body.class.code as string;
    const early = (await t.api.join(code, 'Early')).body;
    const gone = (await t.api.join(code, 'Gone Home')).body;
    const question = (await t.api.next(code, early)).body.question;
    expect((await t.api.answer(code, early, 0, rightChoice(question))).body.pending).toBe(true);
    await t.api.request('DELETE', `/api/classes/${code}/players/${gone.playerId}`, {
      token: created.body.teacherToken,
    });
    expect((await t.api.view(code, early)).body.outcome).toMatchObject({ correct: true });
  });
});
