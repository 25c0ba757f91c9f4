/**
 * The game's side of a class that reveals answers once settled (src/game/classPlay.ts), against a real server:
 * the answer's verdict waits for the class, and comes on the live stream's word as soon as the last player answers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClassPlay } from '../../src/game/classPlay';
import { ClassApi } from '../../src/net/classApi';
import { MemoryStore } from '../../src/storage/SafeStorage';
import { rightChoice, startTestServer, type TestServer } from './helpers';

let t: TestServer;

beforeEach(async () => {
  // The live stream marks its mode on the page; a bare object stands for it here.
  (globalThis as { document?: unknown }).document = { body: { dataset: {} } };
  t = await startTestServer();
});

afterEach(async () => {
  await t.close();
  delete (globalThis as { document?: unknown }).document;
});

describe('a student device in a class that reveals answers once settled', () => {
  it('waits for the class, says so, and shows the verdict as soon as the last player has answered', async () => {
    const created = await t.api.createClass({ questionCount: 2, answerReveal: 'settled' });
    const code = created.body.class.code as string;
    const api = new ClassApi(new URL('/', t.url).href);
    const joined = await api.join(code, 'Device One');
    const other = (await t.api.join(code, 'Device Two')).body;
    const play = new ClassPlay(api, { ...joined, code }, await api.view({ ...joined, code }), new MemoryStore());
    const stop = play.on(() => {});
    try {
      const view = await play.next();
      expect(view.state).toBe('question');
      const question = view.state === 'question' ? view.question : undefined;
      let pendingSaid = 0;
      let settledAt = 0;
      const verdict = play
        .answer(0, rightChoice(question!), () => (pendingSaid += 1))
        .then((outcome) => {
          settledAt = Date.now();
          return outcome;
        });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(pendingSaid).toBe(1);
      expect(settledAt).toBe(0);
      const otherQuestion = (await t.api.next(code, other)).body.question;
      const answeredAt = Date.now();
      await t.api.answer(code, other, 0, rightChoice(otherQuestion));
      const outcome = await verdict;
      expect(outcome).toMatchObject({ position: 0, correct: true });
      // The stream's word, not the few seconds' poll, brought it.
      expect(settledAt - answeredAt).toBeLessThan(1500);
      expect((await play.next()).state).toBe('question');
    } finally {
      stop();
      play.leave();
    }
  });
});
