/**
 * The language each student plays in, on the server: sent with the join (English when a client sends none), kept
 * per player, changed by an answer sent in another language, listed in the teacher's CSV; a language the game does
 * not speak is refused with a 400 that names the field. A Spanish student's verdict carries the bank's Spanish for
 * the words after the answer, and the projector's evidence carries it too, never sooner than the English.
 */
import { describe, expect, it } from 'vitest';
import { exportTopicYaml } from '../../src/core/import/index';
import { serverForEachTest, testBank, testOverlays } from './helpers';

const server = serverForEachTest();

type Player = { playerId: string; token: string; nickname: string };

async function join(code: string, nickname: string, language?: string): Promise<Player> {
  const reply = await server.current.api.post(`/api/classes/${code}/players`, {
    nickname,
    ...(language ? { language } : {}),
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as Player;
}

/** The CSV's rows as lists of cells (no field of these classes holds a comma or a quote of its own). */
async function csvRows(code: string, teacherToken: string): Promise<string[][]> {
  const csv = await server.current.api.get(`/api/classes/${code}/results.csv`, teacherToken);
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
    const created = await server.current.api.createClass({ questionCount: 2, learningCheck: true });
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
      const served = await server.current.api.next(info.code, player);
      expect(served.body.state).toBe('question');
      const answered = await server.current.api.post(
        `/api/classes/${info.code}/players/${player.playerId}/answers`,
        { position: 0, choice: 0, ...(language ? { language } : {}) },
        player.token,
      );
      expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    }
    expect(languagesIn(await csvRows(info.code, teacherToken))).toEqual({ Ana: ['en'], Ben: ['es'], Cy: ['en'] });
  });

  it('is refused, naming the field, when the game does not speak it, and nothing is written', async () => {
    const created = await server.current.api.createClass({ questionCount: 2 });
    const { class: info, teacherToken } = created.body as { class: { code: string }; teacherToken: string };
    for (const language of ['fr', 'ES', '', 7, null]) {
      const refused = await server.current.api.post(`/api/classes/${info.code}/players`, { nickname: 'Dee', language });
      expect(refused.status, JSON.stringify(language)).toBe(400);
      expect(refused.body.error).toBe('bad-request');
      expect(refused.body.message).toContain('language');
    }
    const dashboard = await server.current.api.get(`/api/classes/${info.code}/dashboard`, teacherToken);
    expect(dashboard.body.players).toEqual([]);

    const eve = await join(info.code, 'Eve', 'es');
    await server.current.api.next(info.code, eve);
    const refused = await server.current.api.post(
      `/api/classes/${info.code}/players/${eve.playerId}/answers`,
      { position: 0, choice: 0, language: 'de' },
      eve.token,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('language');
    // The refused answer changed nothing: not answered, and still Spanish.
    expect((await server.current.api.view(info.code, eve)).body.state).toBe('question');
    expect(languagesIn(await csvRows(info.code, teacherToken))).toEqual({ Eve: ['es'] });
  });
});

describe("a verdict in the student's language", () => {
  const spanish = testOverlays().es!;
  const englishOf = (id: string) => testBank().questions.find((question) => question.id === id)!;

  /** Serves the player their next question and answers it with the first wrong choice that has feedback, if any. */
  async function answerWrong(code: string, player: Player) {
    const served = (await server.current.api.next(code, player)).body;
    expect(served.state).toBe('question');
    const { question } = served;
    const english = englishOf(question.questionId);
    const wrong = english.choices.filter((choice) => !choice.correct);
    const pick = wrong.find((choice) => choice.feedback !== undefined) ?? wrong[0]!;
    server.current.clock.advance(1000);
    const reply = await server.current.api.answer(code, player, question.position, question.choices.indexOf(pick.text));
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return { outcome: reply.body, english, pickIndex: english.choices.indexOf(pick) };
  }

  it('carries the bank’s Spanish after the answer for a Spanish student, and nothing more for an English one', async () => {
    // Ten of the class-only questions: with more than half of them giving feedback on a wrong choice, some do.
    const created = await server.current.api.createClass({ questionCount: 10, pool: 'class-only' });
    const { code } = created.body.class as { code: string };
    const ana = await join(code, 'Ana', 'es');
    const ben = await join(code, 'Ben', 'en');
    let feedbackSeen = 0;
    for (let position = 0; position < 10; position += 1) {
      const { outcome, english, pickIndex } = await answerWrong(code, ana);
      const words = spanish.questions[english.id]!;
      expect(outcome.translation).toEqual({
        language: 'es',
        ...(english.choices[pickIndex]!.feedback !== undefined ? { feedback: words.choices[pickIndex]!.feedback } : {}),
        ...(words.explanation !== undefined ? { explanation: words.explanation } : {}),
        evidence: words.evidence,
        ...(english.claim ? { claim: words.claim } : {}),
      });
      if (outcome.translation.feedback) feedbackSeen += 1;
      // The English stays beside it: the quotes as published, the rest for the CSV and the teacher.
      expect(outcome.evidence.map((excerpt: { quote: string }) => excerpt.quote)).toEqual(
        english.evidence.map((excerpt) => excerpt.quote),
      );
      expect(outcome.explanation).toBe(english.explanation);
      // A reload shows the same verdict, in the same language.
      expect((await server.current.api.view(code, ana)).body.outcome.translation).toEqual(outcome.translation);

      const english2 = await answerWrong(code, ben);
      expect(english2.outcome.translation).toBeUndefined();
    }
    expect(feedbackSeen).toBeGreaterThan(0);
  });

  it('holds the Spanish back with the verdict while the class waits to reveal it', async () => {
    const created = await server.current.api.createClass({ questionCount: 2, answerReveal: 'settled' });
    const { code } = created.body.class as { code: string };
    const ana = await join(code, 'Ana', 'es');
    await join(code, 'Ben', 'en');
    const { outcome } = await answerWrong(code, ana);
    expect(outcome.pending).toBe(true);
    expect(JSON.stringify(outcome)).not.toContain('translation');
  });

  it('gives the projector the evidence’s Spanish only once the evidence is on show', async () => {
    const created = await server.current.api.createClass({ questionCount: 2, pace: 'live' });
    const { class: info, teacherToken } = created.body as { class: { code: string }; teacherToken: string };
    await join(info.code, 'Ana', 'es');
    const question = (await server.current.api.live(info.code, teacherToken, 'next')).body;
    expect(question.phase).toBe('question');
    const english = englishOf(question.question.questionId);
    expect(question.question.prompt).toBe(english.prompt);
    expect(JSON.stringify(question)).not.toContain('translations');
    const answer = (await server.current.api.live(info.code, teacherToken, 'show-answer')).body;
    expect(JSON.stringify(answer)).not.toContain('translations');
    const evidence = (await server.current.api.live(info.code, teacherToken, 'next')).body;
    expect(evidence.phase).toBe('evidence');
    const words = spanish.questions[english.id]!;
    expect(evidence.evidence.translations).toEqual([
      {
        language: 'es',
        ...(words.explanation !== undefined ? { explanation: words.explanation } : {}),
        evidence: words.evidence,
        ...(english.claim ? { claim: words.claim } : {}),
      },
    ]);
    // Each excerpt's source as a citation needs it (the projector cites it in its own language), never its text.
    expect(evidence.evidence.excerpts.map((excerpt: { cited?: unknown }) => excerpt.cited)).toEqual(
      english.evidence.map((excerpt) => {
        const { title, publisher, date } = testBank().sources[excerpt.source]!;
        return { title, publisher, date };
      }),
    );
  });

  it('leaves a teacher’s own question as written, even one that bears a bank question’s id', async () => {
    const bankQuestion = testBank().questions[0]!;
    const topic = testBank().topics.find((candidate) => candidate.id === bankQuestion.topic)!;
    const created = await server.current.api.post('/api/classes', {
      questionCount: 1,
      timeLimitSec: 20,
      topics: [],
      scoring: 'speed',
      ownQuestions: { fileName: 'mine.yaml', yaml: exportTopicYaml(topic, [bankQuestion]) },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { code } = created.body.class as { code: string };
    const ana = await join(code, 'Ana', 'es');
    const { outcome, english } = await answerWrong(code, ana);
    expect(english.id).toBe(bankQuestion.id);
    expect(outcome.questionId).toBe(bankQuestion.id);
    expect(outcome.translation).toBeUndefined();
  });
});
