/**
 * The language each student plays in, on the server: sent with the join (English when a client sends none), kept
 * per player, changed by an answer sent in another language, listed in the teacher's CSV; a language the game does
 * not speak is refused with a 400 that names the field.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers';

let t: TestServer;

beforeEach(async () => {
  t = await startTestServer();
});

afterEach(async () => {
  await t.close();
});

type Player = { playerId: string; token: string; nickname: string };

async function join(code: string, nickname: string, language?: string): Promise<Player> {
  const reply = await t.api.post(`/api/classes/${code}/players`, { nickname, ...(language ? { language } : {}) });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as Player;
}

/** The CSV's rows as lists of cells (no field of these classes holds a comma or a quote of its own). */
async function csvRows(code: string, teacherToken: string): Promise<string[][]> {
  const csv = await t.api.get(`/api/classes/${code}/results.csv`, teacherToken);
  expect(csv.status).toBe(200);
  return csv.text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((match) => match[1]!));
}

/** Each nickname's language as every row of the CSV gives it (one language per student, or the rows disagree). */
function languagesIn(rows: string[][]): Record<string, string[]> {
  const [header, ...body] = rows;
  const nickname = header!.indexOf('nickname');
  const language = header!.indexOf('language');
  const found: Record<string, string[]> = {};
  for (const row of body) {
    const list = (found[row[nickname]!] ??= []);
    if (!list.includes(row[language]!)) list.push(row[language]!);
  }
  return found;
}

describe("a student's language", () => {
  it('is kept from the join, listed in the CSV beside the nickname, and follows an answer sent in another language', async () => {
    const created = await t.api.createClass({ questionCount: 2, learningCheck: true });
    expect(created.status).toBe(201);
    const { class: info, teacherToken } = created.body as { class: { code: string }; teacherToken: string };
    const ana = await join(info.code, 'Ana', 'es');
    const ben = await join(info.code, 'Ben', 'en');
    const cy = await join(info.code, 'Cy');

    const rows = await csvRows(info.code, teacherToken);
    expect(rows[0]!.slice(0, 4)).toEqual(['nickname', 'language', 'question_id', 'question']);
    expect(languagesIn(rows)).toEqual({ Ana: ['es'], Ben: ['en'], Cy: ['en'] });

    // Ana switches to English before her first answer, Ben to Spanish; Cy's answer names no language.
    for (const [player, language] of [
      [ana, 'en'],
      [ben, 'es'],
      [cy, undefined],
    ] as const) {
      const served = await t.api.next(info.code, player);
      expect(served.body.state).toBe('question');
      const answered = await t.api.post(
        `/api/classes/${info.code}/players/${player.playerId}/answers`,
        { position: 0, choice: 0, ...(language ? { language } : {}) },
        player.token,
      );
      expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    }
    expect(languagesIn(await csvRows(info.code, teacherToken))).toEqual({ Ana: ['en'], Ben: ['es'], Cy: ['en'] });
  });

  it('is refused, naming the field, when the game does not speak it, and nothing is written', async () => {
    const created = await t.api.createClass({ questionCount: 2 });
    const { class: info, teacherToken } = created.body as { class: { code: string }; teacherToken: string };
    for (const language of ['fr', 'ES', '', 7, null]) {
      const refused = await t.api.post(`/api/classes/${info.code}/players`, { nickname: 'Dee', language });
      expect(refused.status, JSON.stringify(language)).toBe(400);
      expect(refused.body.error).toBe('bad-request');
      expect(refused.body.message).toContain('language');
    }
    const dashboard = await t.api.get(`/api/classes/${info.code}/dashboard`, teacherToken);
    expect(dashboard.body.players).toEqual([]);

    const eve = await join(info.code, 'Eve', 'es');
    await t.api.next(info.code, eve);
    const refused = await t.api.post(
      `/api/classes/${info.code}/players/${eve.playerId}/answers`,
      { position: 0, choice: 0, language: 'de' },
      eve.token,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('language');
    // The refused answer changed nothing: not answered, and still Spanish.
    expect((await t.api.view(info.code, eve)).body.state).toBe('question');
    expect(languagesIn(await csvRows(info.code, teacherToken))).toEqual({ Eve: ['es'] });
  });
});
