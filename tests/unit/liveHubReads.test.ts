/**
 * The live hub reads one snapshot per class at a time (src/server/class/hub.ts): on a store that reads through a
 * pool, reads started on every change while the last is still waiting would pile up on a slow database.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { DashboardSnapshot } from '../../src/core/classProtocol';
import { readEventStream } from '../../src/net/liveStream';
import { LiveHub } from '../../src/server/class/hub';

const CLASS_ID = 7;

interface Read {
  version: number;
  finish: () => void;
}

let server: Server | undefined;
const controller = new AbortController();
afterEach(async () => {
  controller.abort();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
}

describe('LiveHub snapshot reads', () => {
  it('reads one snapshot per class at a time and sends the changes made meanwhile with one read after it', async () => {
    // Each read waits until the test finishes it, as a read waits for a pooled connection on a busy database.
    const reads: Read[] = [];
    const hub = new LiveHub(
      (classId, version) =>
        new Promise<DashboardSnapshot>((resolve) => {
          expect(classId).toBe(CLASS_ID);
          reads.push({ version, finish: () => resolve({ version } as DashboardSnapshot) });
        }),
    );
    server = createServer((_request, response) => hub.openDashboard(CLASS_ID, response, {}));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {
      signal: controller.signal,
    });
    const received: number[] = [];
    void (async () => {
      try {
        for await (const event of readEventStream(response.body!)) {
          if (event.name === 'snapshot') received.push((JSON.parse(event.data) as { version: number }).version);
        }
      } catch {
        // Aborted at the end.
      }
    })();

    // The stream's first snapshot.
    await until(() => reads.length === 1);
    reads[0]!.finish();
    await until(() => received.length === 1);

    // A change starts a read; three more changes, each in a turn of its own, come while it waits.
    hub.onEvent({ kind: 'progress', classId: CLASS_ID });
    await until(() => reads.length === 2);
    for (let i = 0; i < 3; i += 1) {
      hub.onEvent({ kind: 'progress', classId: CLASS_ID });
      await nextTurn();
      await nextTurn();
    }
    expect(reads.length).toBe(2);

    // Once it is done, one more read covers all three, at the latest version.
    reads[1]!.finish();
    await until(() => reads.length === 3);
    expect(reads.map((read) => read.version)).toEqual([0, 1, 4]);
    reads[2]!.finish();
    await until(() => received.length === 3);
    for (let i = 0; i < 5; i += 1) await nextTurn();
    expect(reads.length).toBe(3);
    expect(received).toEqual([0, 1, 4]);
  });
});
