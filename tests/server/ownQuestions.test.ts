/* eslint-disable @typescript-eslint/no-explicit-any -- replies are read field by field */
/**
 * A teacher's own questions in a class, over real HTTP: the checked questions travel with the class, the server reads
 * them again with the game's importer, refuses what it cannot play (saying what and where), stores them with the
 * class and plays them in either pace; the CSV names them like any other.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportTopicYaml, importQuestions } from '../../src/core/import/index';
import { MAX_CLASS_QUESTIONS } from '../../src/core/classRules';
import { MAX_IMPORT_FILE_BYTES } from '../../src/core/customBankLimits';
import { MAX_OWN_QUESTIONS } from '../../src/server/class/ownQuestions';
import { dumpDb, startTestServer, testSources, type TestServer } from './helpers';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'import', 'gift');
const GIFT =
  readFileSync(join(fixtures, 'good-multiple-choice.gift'), 'utf8') +
  '\n' +
  readFileSync(join(fixtures, 'good-no-source.gift'), 'utf8');

/** What the host page sends: the file read by the importer, its questions as the exporter writes them. */
function upload(gift = GIFT, fileName = 'week3.gift') {
  const result = importQuestions({ path: fileName, text: gift }, { sources: testSources() });
  return { fileName, yaml: exportTopicYaml(result.topic, result.questions) };
}

const own = importQuestions({ path: 'week3.gift', text: GIFT }, { sources: testSources() }).questions;

function ownRight(question: { questionId: string; choices: string[] }): number {
  const source = own.find((candidate) => candidate.id === question.questionId)!;
  return question.choices.indexOf(source.choices.find((choice) => choice.correct)!.text);
}

let t: TestServer;

beforeEach(async () => {
  t = await startTestServer();
});

afterEach(async () => {
  await t.close();
});

function create(settings: Record<string, unknown>, ownQuestions: unknown = upload()) {
  return t.api.request('POST', '/api/classes', {
    body: { questionCount: 10, timeLimitSec: 20, topics: [], scoring: 'speed', ownQuestions, ...settings },
  });
}

async function csvLines(code: string, token: string): Promise<string[]> {
  const csv = await t.api.request('GET', `/api/classes/${code}/results.csv`, { token });
  expect(csv.status).toBe(200);
  return csv.text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
}

describe("a class of the teacher's own questions", () => {
  it('plays them self-paced: each reveal has the question’s own source, or none; the CSV names them', async () => {
    expect(own).toHaveLength(3);
    const created = await create({ pace: 'self' });
    expect(created.status).toBe(201);
    const code = created.body.class.code as string;
    const teacher = created.body.teacherToken as string;
    expect(created.body.class).toMatchObject({ questionCount: 3, ownQuestions: 'week3.gift', topics: [] });
    const stored = (await t.server.store
      .prepare<[], { own_questions: string }>('SELECT own_questions FROM classes')
      .get())!;
    expect(JSON.parse(stored.own_questions)).toEqual(upload());

    const player = (await t.api.join(code, 'Ana')).body;
    const prompts: string[] = [];
    for (let position = 0; position < 3; position += 1) {
      const question = (await t.api.next(code, player)).body.question;
      expect(own.map((q) => q.id)).toContain(question.questionId);
      prompts.push(question.prompt);
      const outcome = (await t.api.answer(code, player, position, ownRight(question))).body;
      expect(outcome).toMatchObject({ correct: true, position });
      const source = own.find((q) => q.id === question.questionId)!;
      if (source.noSource) {
        expect(outcome.evidence).toEqual([]);
      } else {
        expect(outcome.evidence[0]).toMatchObject({ source: 'eo-13942', quote: 'THE WHITE HOUSE, August 6, 2020.' });
      }
    }
    expect(new Set(prompts).size).toBe(3);

    const dashboard = (await t.api.request('GET', `/api/classes/${code}/dashboard`, { token: teacher })).body;
    expect(dashboard.questions.map((q: any) => q.prompt).sort()).toEqual(own.map((q) => q.prompt).sort());
    const lines = await csvLines(code, teacher);
    expect(lines).toHaveLength(1 + 3 + 1);
    for (const question of own) {
      expect(lines.some((line) => line.includes(`"${question.id}","${question.prompt.replace(/"/g, '""')}"`))).toBe(
        true,
      );
    }
    expect(lines[lines.length - 1]).toContain('"Ana","en","TOTAL","3 of 3 questions answered"');
  });

  it('plays them in a live lesson, the teacher moving the class on', async () => {
    const created = await create({ pace: 'live', questionCount: 2 });
    expect(created.status).toBe(201);
    const code = created.body.class.code as string;
    const teacher = created.body.teacherToken as string;
    const player = (await t.api.join(code, 'Ben')).body;
    const board = (await t.api.live(code, teacher, 'next')).body;
    expect(board).toMatchObject({ phase: 'question', position: 0 });
    expect(own.map((q) => q.prompt)).toContain(board.question.prompt);
    const question = (await t.api.next(code, player)).body.question;
    expect(own.map((q) => q.id)).toContain(question.questionId);
    const pending = (await t.api.answer(code, player, 0, ownRight(question))).body;
    expect(pending).toMatchObject({ position: 0 });
    const lines = await csvLines(code, teacher);
    expect(
      lines.some((line) => line.startsWith(`"Ben","en","${question.questionId}",`) && line.includes('"yes"')),
    ).toBe(true);
  });

  it('refuses questions it cannot play, saying what and where, and stores nothing', async () => {
    const before = await dumpDb(t.server);
    const altered = upload();
    altered.yaml = altered.yaml.replace('August 6, 2020.', 'July 6, 2020.');
    expect(altered.yaml).not.toEqual(upload().yaml);
    let reply = await create({}, altered);
    expect(reply.status).toBe(422);
    expect(reply.body.error).toBe('bad-own-questions');
    expect(reply.body.message).toContain('Your questions (week3.gift):');
    expect(reply.body.message).toContain('question "eo-13942-signed", field "evidence[1].quote"');
    // The same refusal as data, for the host page to word in its own language.
    expect(reply.body.details).toEqual({
      fileName: 'week3.gift',
      problems: [
        {
          question: 'eo-13942-signed',
          field: { kind: 'field', path: 'evidence[1].quote' },
          note: { code: 'quote-not-found', source: 'eo-13942', quote: 'THE WHITE HOUSE, July 6, 2020.' },
        },
      ],
    });

    reply = await create({}, { fileName: 'empty.gift', yaml: '' });
    expect(reply.status).toBe(422);
    expect(reply.body.message).toContain('Your questions (empty.gift):');

    reply = await create({}, { fileName: 'huge.gift', yaml: 'x'.repeat(MAX_IMPORT_FILE_BYTES + 1) });
    expect(reply.status).toBe(413);
    expect(reply.body.error).toBe('own-questions-too-big');
    expect(reply.body.message).toContain('huge.gift is 500 KB');
    expect(reply.body.details).toEqual({
      fileName: 'huge.gift',
      size: MAX_IMPORT_FILE_BYTES + 1,
      limit: MAX_IMPORT_FILE_BYTES,
    });

    const many = Array.from({ length: MAX_OWN_QUESTIONS + 1 }, (_, i) => `::Q${i}:: Question ${i}? {=Yes ~No}`);
    reply = await create({}, upload(many.join('\n\n'), 'many.gift'));
    expect(reply.status).toBe(422);
    expect(reply.body.error).toBe('too-many-own-questions');
    expect(reply.body.details).toEqual({
      fileName: 'many.gift',
      found: MAX_OWN_QUESTIONS + 1,
      max: MAX_OWN_QUESTIONS,
      plays: MAX_CLASS_QUESTIONS,
    });

    reply = await create({}, { yaml: upload().yaml });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toContain('fileName');

    // The larger body is taken on this route only.
    const join = await t.api.request('POST', '/api/classes/ABCDEF/players', {
      body: { nickname: 'x'.repeat(200_000) },
    });
    expect(join.status).toBe(413);
    expect(await dumpDb(t.server)).toBe(before);
  });
});
