/** Reading a live stream: events split across chunks and line endings, comments and retry lines skipped. */
import { describe, expect, it } from 'vitest';
import { readEventStream } from '../../src/net/liveStream';

function streamOf(chunks: string[], onCancel?: () => void): ReadableStream<Uint8Array<ArrayBuffer>> {
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      if (index < chunks.length) controller.enqueue(encoder.encode(chunks[index++]!));
      else controller.close();
    },
    cancel: onCancel,
  });
}

async function all(body: ReadableStream<Uint8Array<ArrayBuffer>>) {
  const events: { name: string; data: string }[] = [];
  for await (const event of readEventStream(body)) events.push(event);
  return events;
}

describe('readEventStream', () => {
  it('yields each event once its blank line has arrived, whatever the chunks and line endings', async () => {
    const events = await all(
      streamOf([
        'retry: 2000\n\n: heartbeat\n\nevent: snap',
        'shot\ndata: {"a":1}\r\n\r\nevent: class\ndata: first line\ndata: second line\n',
        '\n',
        'data: unnamed\n\n',
        'event: cut off\ndata: never finished',
      ]),
    );
    expect(events).toEqual([
      { name: 'snapshot', data: '{"a":1}' },
      { name: 'class', data: 'first line\nsecond line' },
      { name: 'message', data: 'unnamed' },
    ]);
  });

  it('lets the stream go when the reader stops early', async () => {
    let cancelled = false;
    const body = streamOf(['event: a\ndata: 1\n\n', 'event: b\ndata: 2\n\n', 'event: c\ndata: 3\n\n'], () => {
      cancelled = true;
    });
    for await (const event of readEventStream(body)) {
      expect(event.name).toBe('a');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cancelled).toBe(true);
  });
});
