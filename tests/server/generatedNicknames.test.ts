/** A class with "generated nicknames only" takes the game's made-up names and refuses a typed one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNickname, isGeneratedNickname } from '../../src/core/nicknames';
import { createRng } from '../../src/core/rng';
import { startTestServer, type TestServer } from './helpers';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});

afterAll(async () => {
  await t.close();
});

describe('generated nicknames only', () => {
  it('refuses a typed name, takes a generated one, and says so in the class info', async () => {
    const created = await t.api.post('/api/classes', {
      questionCount: 3,
      timeLimitSec: 20,
      topics: [],
      scoring: 'speed',
      generatedNicknamesOnly: true,
    });
    expect(created.status).toBe(201);
    const code = created.body.class.code as string;
    expect(created.body.class.generatedNicknamesOnly).toBe(true);
    expect((await t.api.get(`/api/classes/${code}`)).body.generatedNicknamesOnly).toBe(true);

    for (const typed of ['Maria Garcia', 'Curious', 'Curious Otter Jr', 'curious otter']) {
      const refused = await t.api.join(code, typed);
      expect(refused.status).toBe(422);
      expect(refused.body.error).toBe('nickname-not-generated');
      expect(refused.body.message).toContain('only the nicknames the game makes up');
    }
    const joined = await t.api.join(code, 'Curious Otter');
    expect(joined.status).toBe(201);
    expect(joined.body.nickname).toBe('Curious Otter');
  });

  it('is off unless asked for: a typed nickname is taken', async () => {
    const created = await t.api.createClass();
    expect(created.body.class.generatedNicknamesOnly).toBe(false);
    expect((await t.api.join(created.body.class.code, 'Maria G')).status).toBe(201);
  });

  it('knows every name the game generates', () => {
    let rng = createRng('nicknames');
    for (let index = 0; index < 200; index += 1) {
      const [name, next] = generateNickname(rng);
      rng = next;
      expect(isGeneratedNickname(name)).toBe(true);
    }
  });
});
