/* eslint-disable @typescript-eslint/no-explicit-any -- replies are read field by field */
/**
 * The learning check in class over real HTTP: forms counterbalanced at join, the before check closed once a question
 * is served, the after check once the round is over, the delayed check opened 7 to 28 days later (which keeps the
 * class long enough), every refusal with its code, and the CSV's check rows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DELAYED_CHECK_KEEP_DAYS } from '../../src/core/classCheck';
import { DAY_MS } from '../../src/server/class/service';
import { startTestServer, testChecks, type TestServer } from './helpers';

let t: TestServer;

beforeEach(async () => {
  t = await startTestServer();
});

afterEach(async () => {
  await t.close();
});

type Player = { playerId: string; token: string; nickname: string };

async function newClass(settings: Parameters<TestServer['api']['createClass']>[0] = {}) {
  const created = await t.api.createClass({ questionCount: 2, timeLimitSec: null, learningCheck: true, ...settings });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { class: { code: string; learningCheck: boolean }; teacherToken: string; expiresAt: number };
}

async function join(code: string, nickname: string): Promise<Player> {
  const reply = await t.api.join(code, nickname);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as Player;
}

const checkOf = (code: string, player: Player) =>
  t.api.get(`/api/classes/${code}/players/${player.playerId}/check`, player.token);
const sendAnswer = (code: string, player: Player, body: Record<string, unknown>) =>
  t.api.post(`/api/classes/${code}/players/${player.playerId}/check-answers`, body, player.token);

/** A claim judged accurate, and sure. */
const sureAccurate = (stage: string, itemId: string | undefined) => ({
  stage,
  itemId,
  judgement: 'accurate',
  confidence: 'sure',
});

/** A refusal: its status, its code and words of its sentence. */
function expectRefused(reply: { status: number; body: any }, status: number, code: string, words?: string): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(reply.body.error).toBe(code);
  if (words) expect(reply.body.message).toContain(words);
}

/** Answers every claim of the student's due check: "accurate" for all, sure. */
async function takeDueCheck(code: string, player: Player) {
  const view = (await checkOf(code, player)).body;
  let last: any;
  for (const item of view.due.items) {
    last = await sendAnswer(code, player, {
      stage: view.due.stage,
      itemId: item.id,
      judgement: 'accurate',
      confidence: 'sure',
    });
    expect(last.status, JSON.stringify(last.body)).toBe(200);
  }
  return { view, last: last.body };
}

async function playRound(code: string, player: Player) {
  for (;;) {
    const next = (await t.api.next(code, player)).body;
    if (next.state === 'finished') return;
    await t.api.answer(code, player, next.question.position, 0);
  }
}

describe('the learning check in class', () => {
  it('deals A then B or B then A by join order, and takes one claim at a time from the form the student holds', async () => {
    const { class: info, teacherToken } = await newClass();
    expect(info.learningCheck).toBe(true);
    const code = info.code;
    const students = [];
    for (const name of ['Ada', 'Bo', 'Cy', 'Di', 'Ed']) students.push(await join(code, name));
    const firstForms = [];
    for (const student of students) {
      const view = (await checkOf(code, student)).body;
      expect(view.enabled).toBe(true);
      expect(view.due.stage).toBe('before');
      expect(view.due.items).toHaveLength(12);
      // A claim as the student meets it: its words, never its truth or evidence.
      expect(Object.keys(view.due.items[0]).sort()).toEqual(['id', 'statement']);
      firstForms.push(view.due.form);
    }
    expect(firstForms).toEqual(['A', 'B', 'A', 'B', 'A']);

    const [ada, bo] = students as [Player, Player];
    const checks = testChecks();
    const formB = checks.forms.B;
    // An item of the other form: refused with its own code, and nothing stored.
    const wrong = await sendAnswer(code, ada, sureAccurate('before', formB[0]));
    expectRefused(wrong, 422, 'not-in-form', 'form A');
    // Every field is checked: an unknown stage, judgement or confidence, or an extra field.
    const good = { stage: 'before', itemId: checks.forms.A[0], judgement: 'accurate', confidence: 'sure' };
    for (const bad of [
      { ...good, stage: 'during' },
      { ...good, judgement: 'maybe' },
      { ...good, confidence: 'very' },
      { ...good, itemAccurate: true },
      { ...good, itemId: 'Not An Id!' },
    ]) {
      expect((await sendAnswer(code, ada, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    const first = await sendAnswer(code, ada, good);
    expect(first.status).toBe(200);
    // Nothing about the answer comes back until the check is over.
    expect(first.body).toEqual({ stage: 'before', answered: 1, total: 12 });
    const twice = await sendAnswer(code, ada, { ...good, judgement: 'not-accurate' });
    expectRefused(twice, 409, 'check-item-answered');
    // The after check is not open while the round is still to play.
    const early = await sendAnswer(code, ada, { ...good, stage: 'after', itemId: formB[0] });
    expectRefused(early, 409, 'check-closed', 'last question');

    // The rest of the check: the last answer brings every claim's truth and evidence.
    const view = (await checkOf(code, ada)).body;
    expect(view.due.answered).toEqual([checks.forms.A[0]]);
    let reply: any;
    for (const item of view.due.items.slice(1)) {
      reply = (
        await sendAnswer(code, ada, { stage: 'before', itemId: item.id, judgement: 'accurate', confidence: 'guessing' })
      ).body;
    }
    expect(reply.answered).toBe(12);
    expect(reply.taken.form).toBe('A');
    expect(reply.taken.results).toHaveLength(12);
    expect(reply.taken.results.filter((result: any) => result.accurate)).toHaveLength(6);
    expect(reply.taken.results[0].evidence[0].quote.length).toBeGreaterThan(10);
    expect((await checkOf(code, ada)).body.due).toBeUndefined();

    // Bo plays a question without the before check: it is closed to him from then on.
    await t.api.next(code, bo);
    const late = await sendAnswer(code, bo, sureAccurate('before', formB[0]));
    expectRefused(late, 409, 'check-closed', 'first question');

    // After the last question, the after check is due with the other form.
    await playRound(code, ada);
    const after = (await checkOf(code, ada)).body;
    expect(after.due.stage).toBe('after');
    expect(after.due.form).toBe('B');
    expect(after.taken.map((check: any) => check.stage)).toEqual(['before']);

    // The dashboard counts who finished each check.
    const dashboard = (await t.api.get(`/api/classes/${code}/dashboard`, teacherToken)).body;
    expect(dashboard.checks).toMatchObject({ before: 1, after: 0, delayed: 0, answers: 12, delayedOpenedAt: null });
  });

  it('refuses every check request in a class created without one, with its own code', async () => {
    const { class: info, teacherToken } = await newClass({ learningCheck: false });
    expect(info.learningCheck).toBe(false);
    const ada = await join(info.code, 'Ada');
    expect((await checkOf(info.code, ada)).body).toEqual({ enabled: false, taken: [] });
    const sent = await sendAnswer(info.code, ada, {
      stage: 'before',
      itemId: testChecks().forms.A[0],
      judgement: 'accurate',
      confidence: 'sure',
    });
    expectRefused(sent, 409, 'check-off');
    t.clock.advance(10 * DAY_MS);
    const delayed = await t.api.post(`/api/classes/${info.code}/delayed-check`, {}, teacherToken);
    expectRefused(delayed, 409, 'check-off');
    // The CSV keeps the round's columns only.
    const csv = await t.api.get(`/api/classes/${info.code}/results.csv`, teacherToken);
    expect(csv.text.split('\r\n')[0]).toBe(
      '"nickname","language","question_id","question","chosen_answer","correct","time_ms","points"',
    );
  });

  it('opens the delayed check only 7 to 28 days after the lesson, keeps the class to cover it, and lets students back in', async () => {
    const { class: info, teacherToken, expiresAt } = await newClass();
    const code = info.code;
    const ada = await join(code, 'Ada');
    const bo = await join(code, 'Bo');
    await takeDueCheck(code, ada);
    await playRound(code, ada);
    await takeDueCheck(code, ada);
    await t.api.post(`/api/classes/${code}/end`, {}, teacherToken);

    const open = () => t.api.post(`/api/classes/${code}/delayed-check`, {}, teacherToken);
    t.clock.advance(6 * DAY_MS);
    const early = await open();
    expectRefused(early, 409, 'delayed-too-early', '9 March 2026');
    // Not open: the student's check says nothing is due, and an answer to it is refused.
    expect((await checkOf(code, ada)).body.due).toBeUndefined();
    const notYet = await sendAnswer(code, ada, sureAccurate('delayed', testChecks().forms.C[0]));
    expect(notYet.body.error).toBe('check-closed');

    // Three weeks on, it opens; the class is kept two weeks from now, past its 30 days.
    t.clock.advance(14 * DAY_MS);
    const opened = await open();
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body.delayedOpenedAt).toBe(t.clock.time);
    expect(opened.body.expiresAt).toBe(t.clock.time + DELAYED_CHECK_KEEP_DAYS * DAY_MS);
    expect(opened.body.expiresAt).toBeGreaterThan(expiresAt);
    const dashboard = (await t.api.get(`/api/classes/${code}/dashboard`, teacherToken)).body;
    expect(dashboard.class.expiresAt).toBe(opened.body.expiresAt);
    expect(dashboard.checks).toMatchObject({ before: 1, after: 1, delayed: 0, delayedOpenedAt: t.clock.time });
    // Opening it again changes nothing.
    t.clock.advance(DAY_MS);
    expect((await open()).body.delayedOpenedAt).toBe(opened.body.delayedOpenedAt);

    // Past the class's first expiry, the ended class still takes the delayed check from the saved token.
    t.clock.advance(10 * DAY_MS);
    const delayed = (await checkOf(code, ada)).body;
    expect(delayed.due.stage).toBe('delayed');
    expect(delayed.due.form).toBe('C');
    const { last } = await takeDueCheck(code, ada);
    expect(last.taken.form).toBe('C');
    // Bo never took the after check: it closed when the delayed check opened.
    const closed = await sendAnswer(code, bo, sureAccurate('after', testChecks().forms.A[0]));
    expect(closed.body.error).toBe('check-closed');
    expect(closed.body.message).toContain('delayed check');

    const data = (await t.api.get(`/api/classes/${code}/checks`, teacherToken)).body;
    expect(data.students.map((student: any) => [student.nickname, student.firstForm])).toEqual([
      ['Ada', 'A'],
      ['Bo', 'B'],
    ]);
    expect(data.students[0].answers.before).toHaveLength(12);
    expect(data.students[0].answers.delayed).toHaveLength(12);

    // Once the extended time is up, the class is gone.
    t.clock.advance(4 * DAY_MS);
    expect((await checkOf(code, ada)).status).toBe(404);
  });

  it('refuses the delayed check after four weeks', async () => {
    const { class: info, teacherToken } = await newClass();
    t.clock.advance(29 * DAY_MS);
    const late = await t.api.post(`/api/classes/${info.code}/delayed-check`, {}, teacherToken);
    expectRefused(late, 409, 'delayed-too-late', '28 days');
    // Only the teacher may open it.
    const ada = await join(info.code, 'Ada');
    expect((await t.api.post(`/api/classes/${info.code}/delayed-check`, {}, ada.token)).status).toBe(404);
  });

  it('refuses a removed student, and deletes a student’s check answers with the rest of their data', async () => {
    const { class: info, teacherToken } = await newClass();
    const code = info.code;
    const ada = await join(code, 'Ada');
    const bo = await join(code, 'Bo');
    await takeDueCheck(code, ada);
    await takeDueCheck(code, bo);
    expect(await t.server.store.prepare('SELECT COUNT(*) AS n FROM check_answers').get()).toEqual({ n: 24 });
    const removed = await t.api.request('DELETE', `/api/classes/${code}/players/${bo.playerId}`, {
      token: teacherToken,
    });
    expect(removed.status).toBe(204);
    expectRefused(await checkOf(code, bo), 403, 'removed');
    // A removed student's answers no longer count for the class.
    const data = (await t.api.get(`/api/classes/${code}/checks`, teacherToken)).body;
    expect(data.students.map((student: any) => student.nickname)).toEqual(['Ada']);
    const erased = await t.api.request('DELETE', `/api/classes/${code}/players/${ada.playerId}/data`, {
      token: teacherToken,
    });
    expect(erased.status).toBe(204);
    // Ada's twelve answers went with her data; Bo's stay until the class is deleted.
    expect(await t.server.store.prepare('SELECT COUNT(*) AS n FROM check_answers').get()).toEqual({ n: 12 });
  });

  it('writes a row per judged claim and a summary per check to the CSV, after the round’s rows', async () => {
    const { class: info, teacherToken } = await newClass();
    const code = info.code;
    const ada = await join(code, 'Ada');
    await takeDueCheck(code, ada);
    await playRound(code, ada);
    const csv = await t.api.get(`/api/classes/${code}/results.csv`, teacherToken);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      '"nickname","language","question_id","question","chosen_answer","correct","time_ms","points","check","form",' +
        '"item_id",' +
        '"truth","judgement","confidence","hits","false_alarms","d_prime","c"',
    );
    // Two round rows, the round's total, twelve claims, one summary.
    expect(lines).toHaveLength(1 + 2 + 1 + 12 + 1);
    const claims = lines.slice(4, 16).map((line) => line.split(','));
    expect(claims.every((cells) => cells[1] === '"en"' && cells[8] === '"before"' && cells[9] === '"A"')).toBe(true);
    // Everything judged accurate: right exactly on the six accurate claims.
    expect(claims.filter((cells) => cells[5] === '"yes"' && cells[11] === '"accurate"')).toHaveLength(6);
    expect(claims.filter((cells) => cells[5] === '"no"')).toHaveLength(6);
    // All "accurate": 6 hits, 6 false alarms, d′ 0, and c = −z(6.5/7) by the log-linear correction.
    expect(lines[16]).toBe('"Ada","en","","","","","","","before","A","","","","","6","6","0","-1.4652"');
  });
});
