/**
 * Live updates through a proxy that buffers: a stream whose headers arrive but whose events do not, whose
 * headers never come, or whose first burst comes and then nothing, is given up after a few silent seconds and
 * polling takes over; a stream that keeps bringing events or heartbeats goes live. Real HTTP on 127.0.0.1.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { openLive, RECONNECT_SPREAD_MS, type LiveConnection, type LiveMode } from '../../src/net/liveStream';

const open: ServerResponse[] = [];
let server: Server | undefined;
let live: LiveConnection | undefined;

afterEach(async () => {
  live?.close();
  for (const response of open) response.destroy();
  open.length = 0;
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function serve(handle: (response: ServerResponse) => void): Promise<string> {
  server = createServer((_request, response) => {
    open.push(response);
    handle(response);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/events`;
}

function follow(url: string, silenceMs = 300): { modes: LiveMode[]; polls: () => number; events: string[] } {
  const modes: LiveMode[] = [];
  const events: string[] = [];
  let polls = 0;
  live = openLive({
    url,
    token: 'a-token-long-enough-to-pass',
    onEvent: (name) => events.push(name),
    poll: async () => {
      polls += 1;
    },
    onMode: (mode) => modes.push(mode),
    pollMs: 100,
    silenceMs,
  });
  return { modes, polls: () => polls, events };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('live updates behind a buffering proxy', () => {
  it('polls when the stream opens but no event comes', async () => {
    const url = await serve((response) => {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.flushHeaders();
    });
    const followed = follow(url);
    await sleep(200);
    expect(followed.polls()).toBe(0);
    await sleep(400);
    expect(followed.modes).toContain('polling');
    expect(followed.modes).not.toContain('live');
    expect(followed.polls()).toBeGreaterThan(0);
  });

  it('polls when not even the headers come', async () => {
    const url = await serve(() => {});
    const followed = follow(url);
    await sleep(600);
    expect(followed.modes).toContain('polling');
    expect(followed.polls()).toBeGreaterThan(0);
  });

  it('polls when the first event comes and then nothing (a buffer that filled once)', async () => {
    const url = await serve((response) => {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.write('retry: 2000\n\nevent: snapshot\ndata: {"version":1}\n\n');
    });
    const followed = follow(url);
    await sleep(600);
    expect(followed.events[0]).toBe('snapshot');
    expect(followed.modes).toContain('polling');
    expect(followed.modes).not.toContain('live');
    expect(followed.polls()).toBeGreaterThan(0);
  });

  it('goes live and does not poll while events and heartbeats keep coming', async () => {
    const url = await serve((response) => {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.write('retry: 2000\n\nevent: class\ndata: {"status":"open"}\n\n');
      const heartbeat = setInterval(() => response.write(':\n\n'), 100);
      response.once('close', () => clearInterval(heartbeat));
    });
    const followed = follow(url);
    await sleep(800);
    expect(followed.modes).toEqual(['live']);
    expect(followed.events).toEqual(['class']);
    expect(followed.polls()).toBe(0);
  });

  it('comes back at once when a live stream breaks (its server died behind a proxy), not after the growing pause', async () => {
    const opened: number[] = [];
    const url = await serve((response) => {
      opened.push(performance.now());
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.write('retry: 2000\n\nevent: class\ndata: {"status":"open"}\n\n');
      const heartbeat = setInterval(() => response.write(':\n\n'), 100);
      response.once('close', () => clearInterval(heartbeat));
      // The first stream flows, then its server goes away mid-stream.
      if (opened.length === 1) setTimeout(() => response.destroy(), 350);
    });
    // A long silence limit: only the break, not a silent stream, ends the first one.
    const followed = follow(url, 5000);
    const deadline = performance.now() + 3000;
    while (opened.length < 2 && performance.now() < deadline) await sleep(20);
    expect(opened).toHaveLength(2);
    // Broken at 350 ms; the growing pause would try again 2 s later.
    expect(opened[1]! - opened[0]!).toBeLessThan(350 + RECONNECT_SPREAD_MS + 400);
    expect(followed.modes.slice(0, 2)).toEqual(['live', 'polling']);
    await sleep(400);
    expect(followed.modes.at(-1)).toBe('live');
  });
});
