/**
 * Clients that hold the server's resources without finishing: bodies that never complete, more connections from
 * one address than a classroom needs, and a live stream whose reader never reads while a class plays on.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer } from '../../src/core/classProtocol';
import { MB, startChildServer, type ChildServer } from './child';
import { Api, someLoopbackAddress, startTestServer, type TestServer } from './helpers';

let t: TestServer | undefined;
let child: ChildServer | undefined;
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await t?.close();
  await child?.stop();
  t = undefined;
  child = undefined;
});

/** A connection from another address than the students'. */
function openFrom(url: string, localAddress: string): Promise<{ socket: Socket; closed: Promise<number> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), localAddress });
    sockets.push(socket);
    const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now())));
    socket.on('error', () => {});
    // Read (and drop) what the server sends, so its closing is seen.
    socket.resume();
    socket.once('connect', () => resolve({ socket, closed }));
    socket.once('error', reject);
  });
}

describe('requests that never finish', () => {
  it('cuts 1,000 unfinished bodies within the timeout while a student joins and plays', async () => {
    const requestTimeoutMs = 2000;
    t = await startTestServer({
      connections: {
        requestTimeoutMs,
        headersTimeoutMs: requestTimeoutMs,
        checkEveryMs: 250,
        maxConnectionsPerAddress: 2000,
      },
    });
    const created = await t.api.createClass();
    const code = created.body.class.code as string;
    const attacker = someLoopbackAddress();
    const started = Date.now();
    const held = await Promise.all(
      Array.from({ length: 1000 }, async () => {
        const { socket, closed } = await openFrom(t!.url, attacker);
        // Two bytes promised, one sent: the body never finishes.
        socket.write(
          `POST /api/classes/${code}/start HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${bearer(created.body.teacherToken)}\r\n` +
            'Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{',
        );
        // Wrapped: an async function returning the promise itself would wait for it.
        return { closed };
      }),
    );
    // Meanwhile a student joins and is served a question.
    const joinStarted = Date.now();
    const joined = await t.api.join(code, 'Curious Otter');
    expect(joined.status).toBe(201);
    const next = await t.api.next(code, joined.body);
    expect(next.status).toBe(200);
    expect(next.body.state).toBe('question');
    expect(Date.now() - joinStarted).toBeLessThan(requestTimeoutMs);
    const closedAt = await Promise.race([
      Promise.all(held.map((socket) => socket.closed)),
      new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), requestTimeoutMs * 4)),
    ]);
    expect(closedAt).not.toBe('still open');
    const slowest = Math.max(...(closedAt as number[])) - started;
    expect(slowest).toBeLessThan(requestTimeoutMs * 3);
    // None of them started the class.
    expect((await t.api.get(`/api/classes/${code}`)).body.status).toBe('open');
  });

  it('refuses connections past the cap from one address, and serves other addresses meanwhile', async () => {
    const cap = 50;
    t = await startTestServer({ connections: { maxConnectionsPerAddress: cap } });
    const attacker = someLoopbackAddress();
    const opened = await Promise.all(Array.from({ length: cap + 30 }, () => openFrom(t!.url, attacker)));
    // Let the server see them all, and close the ones past the cap.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stillOpen = opened.filter(({ socket }) => !socket.destroyed && socket.readyState === 'open');
    const refused = await Promise.all(
      opened.map(({ closed }) => Promise.race([closed.then(() => 1), new Promise((r) => setTimeout(() => r(0), 200))])),
    );
    expect(refused.reduce((a: number, b) => a + (b as number), 0)).toBe(30);
    expect(stillOpen.length).toBeGreaterThanOrEqual(cap);
    expect((await t.api.get('/api/health')).status).toBe(200);
  });

  it('does not cap a trusted proxy, which carries every student behind it, and still caps an address it does not trust', async () => {
    const cap = 20;
    const proxy = someLoopbackAddress();
    let other = someLoopbackAddress();
    while (other === proxy) other = someLoopbackAddress();
    t = await startTestServer({ trustProxy: [proxy], connections: { maxConnectionsPerAddress: cap } });
    const fromProxy = await Promise.all(Array.from({ length: cap + 30 }, () => openFrom(t!.url, proxy)));
    const fromOther = await Promise.all(Array.from({ length: cap + 5 }, () => openFrom(t!.url, other)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const open = (sockets: { socket: Socket }[]) =>
      sockets.filter(({ socket }) => !socket.destroyed && socket.readyState === 'open').length;
    expect(open(fromProxy)).toBe(cap + 30);
    expect(open(fromOther)).toBe(cap);
  });
});

describe('a live stream that never reads', () => {
  it('does not grow the server past a bound over 2,000 answers, and gives the memory back when it closes', async () => {
    const players = 70;
    const questions = 30;
    child = await startChildServer({
      limits: { joinPerMinute: 1000, createPerMinute: 1000 },
      joinLimits: { burst: 1000, perAddress: 1000 },
    });
    const api = new Api(child.url);
    const created = await api.createClass({ questionCount: questions, timeLimitSec: 60 });
    expect(created.status).toBe(201);
    const code = created.body.class.code as string;
    const seats = [];
    for (let i = 0; i < players; i += 1) {
      const joined = await api.join(code, `Reader ${String(i).padStart(2, '0')}`);
      expect(joined.status).toBe(201);
      seats.push(joined.body as { playerId: string; token: string });
    }
    // Four dashboard streams (as many as a class keeps) that read nothing.
    const { hostname, port } = new URL(child.url);
    for (let i = 0; i < 4; i += 1) {
      const socket = connect({ host: hostname, port: Number(port) });
      sockets.push(socket);
      socket.on('error', () => {});
      socket.pause();
      socket.write(
        `GET /api/classes/${code}/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${bearer(created.body.teacherToken)}\r\n\r\n`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = await child.memory();
    expect(before.streams).toBe(4);
    let answers = 0;
    await Promise.all(
      seats.map(async (seat) => {
        for (let position = 0; position < questions; position += 1) {
          const next = await api.next(code, seat);
          expect(next.body.state).toBe('question');
          const answered = await api.answer(code, seat, position, 0);
          expect(answered.status).toBe(200);
          answers += 1;
        }
      }),
    );
    expect(answers).toBe(players * questions);
    const during = await child.memory();
    for (const socket of sockets.splice(0)) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await child.memory();
    expect(after.streams).toBe(0);
    expect(during.rss - before.rss).toBeLessThan(40 * MB);
    // The old server queued every snapshot for it: +36 MB of heap here; skipping to the latest keeps it near +8 MB.
    expect(during.heapUsed - before.heapUsed).toBeLessThan(16 * MB);
    expect(after.heapUsed - before.heapUsed).toBeLessThan(10 * MB);
  });
});
