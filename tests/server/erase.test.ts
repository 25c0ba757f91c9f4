/**
 * Deleting for real: a teacher deletes a player's data or a whole class, and an expired class is swept away; in
 * each case the rows go and the database file and its WAL hold none of the deleted text (searched byte by byte).
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rightChoice, startTestServer, type TestServer } from './helpers';

const DAY_MS = 86_400_000;
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});

afterAll(async () => {
  await t.close();
});

/** How often `text` occurs in the database file and its WAL, as raw bytes (what `grep -c -a` would see). */
function occurrencesOnDisk(text: string): number {
  const needle = Buffer.from(text, 'utf8');
  let count = 0;
  for (const path of [t.dbPath, `${t.dbPath}-wal`]) {
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) count += 1;
  }
  return count;
}

async function classWith(nicknames: string[]) {
  const created = await t.api.createClass({ questionCount: 3 });
  expect(created.status).toBe(201);
  const code = created.body.class.code as string;
  const players = [];
  for (const nickname of nicknames) {
    const joined = await t.api.join(code, nickname);
    expect(joined.status).toBe(201);
    const player = joined.body as { playerId: string; token: string };
    const served = await t.api.next(code, player);
    expect((await t.api.answer(code, player, 0, rightChoice(served.body.question))).status).toBe(200);
    players.push(player);
  }
  return { code, teacherToken: created.body.teacherToken as string, players };
}

function count(table: string): number {
  return (t.server.db!.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('deleting student data', () => {
  it("deletes one player's data at once: their rows go and their nickname is nowhere in the file", async () => {
    const { code, teacherToken, players } = await classWith(['Zelda Erasure', 'Maria Keepsake']);
    const [zelda] = players;
    // Committed and checkpointed, both names are in the file to begin with.
    t.server.db!.pragma('wal_checkpoint(TRUNCATE)');
    expect(occurrencesOnDisk('Zelda Erasure')).toBeGreaterThan(0);
    expect(occurrencesOnDisk('Maria Keepsake')).toBeGreaterThan(0);

    const erased = await t.api.request('DELETE', `/api/classes/${code}/players/${zelda!.playerId}/data`, {
      token: teacherToken,
    });
    expect(erased.status).toBe(204);
    expect(occurrencesOnDisk('Zelda Erasure')).toBe(0);
    expect(occurrencesOnDisk('Maria Keepsake')).toBeGreaterThan(0);
    const dashboard = await t.api.get(`/api/classes/${code}/dashboard`, teacherToken);
    expect(dashboard.body.players.map((player: { nickname: string }) => player.nickname)).toEqual(['Maria Keepsake']);
    // The erased player's token fits nothing now: the one answer for a token that does not fit.
    const afterErasure = await t.api.next(code, zelda!);
    expect(afterErasure.status).toBe(404);
    expect(afterErasure.body.error).toBe('unknown-class');
    const again = await t.api.request('DELETE', `/api/classes/${code}/players/${zelda!.playerId}/data`, {
      token: teacherToken,
    });
    expect(again.status).toBe(404);
  });

  it('deletes a whole class at once, ended or not: every row and every nickname gone', async () => {
    const before = { classes: count('classes'), players: count('players'), turns: count('turns') };
    const { code, teacherToken, players } = await classWith(['Quentin Gone', 'Rosa Gone']);
    expect((await t.api.post(`/api/classes/${code}/end`, {}, teacherToken)).status).toBe(200);
    const other = await t.api.createClass();
    const deletedByOther = await t.api.request('DELETE', `/api/classes/${code}`, {
      token: other.body.teacherToken as string,
    });
    // Another class's teacher token does not fit this class: the same 404 as a dead code.
    expect(deletedByOther.status).toBe(404);
    expect(deletedByOther.body.error).toBe('unknown-class');
    expect(count('classes')).toBe(before.classes + 2);

    const deleted = await t.api.request('DELETE', `/api/classes/${code}`, { token: teacherToken });
    expect(deleted.status).toBe(204);
    expect(occurrencesOnDisk('Quentin Gone')).toBe(0);
    expect(occurrencesOnDisk('Rosa Gone')).toBe(0);
    expect({ classes: count('classes'), players: count('players'), turns: count('turns') }).toEqual({
      ...before,
      classes: before.classes + 1,
    });
    expect((await t.api.get(`/api/classes/${code}`)).status).toBe(404);
    expect((await t.api.view(code, players[0]!)).status).toBe(404);
    expect((await t.api.request('DELETE', `/api/classes/${code}`, { token: teacherToken })).status).toBe(404);
  });

  it('leaves no nickname of an expired class in the file once it is swept', async () => {
    await classWith(['Zelda Expired']);
    t.clock.advance(31 * DAY_MS);
    expect(await t.server.service.sweepExpired()).toBeGreaterThan(0);
    expect(count('players')).toBe(0);
    expect(occurrencesOnDisk('Zelda Expired')).toBe(0);
  });
});
