/**
 * Server-Sent Events read through fetch (EventSource cannot send the Authorization header), with polling as
 * the fallback: when the stream cannot open, breaks, or falls silent, `poll` runs every few seconds while the
 * stream is tried again with a growing pause (at once, after a stream that was live: see RECONNECT_SPREAD_MS). The server sends an event at once and a heartbeat every 2 s, so
 * silence means a proxy is holding the stream back (one that buffers may pass a large first event and keep the
 * rest): a stream counts as live only once bytes arrive a second time, and is given up after SILENCE_MS without
 * any. A 4xx answer to the stream itself (the class ended, the player was removed) is final and goes to
 * `onRefused`.
 */
import { bearer } from '../core/classProtocol';

export type LiveMode = 'connecting' | 'live' | 'polling' | 'closed';

export interface LiveOptions {
  url: string;
  token: string;
  onEvent: (name: string, data: unknown) => void;
  /** Fetches the state by hand while the stream is down. */
  poll: () => Promise<void>;
  onMode?: (mode: LiveMode) => void;
  onRefused?: (status: number, code: string) => void;
  pollMs?: number;
  /** How long a stream may bring no byte at all before it is given up for polling. */
  silenceMs?: number;
}

/** While the stream is down, the state is fetched this often. */
export const POLL_MS = 2500;

/** Longer than the server's heartbeat (2 s) with room for a busy moment; short enough that a change shows in 5 s. */
export const SILENCE_MS = 3000;

/**
 * A stream that was live and broke (its server restarted, or died behind a proxy that sends the next try to another
 * server) is tried again at once, at a random moment within this many ms: the dashboards and students of a server
 * that died do not all come back in the same instant, and none waits the growing pause meant for a stream that
 * never flowed.
 */
export const RECONNECT_SPREAD_MS = 500;

export interface LiveConnection {
  readonly mode: LiveMode;
  close(): void;
}

/** Splits an event-stream into events: blocks divided by a blank line, with "event:" and "data:" lines. */
export function parseEventBlock(block: string): { name: string; data: string } | undefined {
  let name = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r\n|\r|\n/)) {
    if (line.startsWith(':') || line === '') continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') name = value;
    if (field === 'data') data.push(value);
  }
  return data.length > 0 ? { name, data: data.join('\n') } : undefined;
}

/** The events of an event-stream body, in order, with their data as text; it ends when the stream does. */
export async function* readEventStream(
  body: NonNullable<Response['body']>,
): AsyncGenerator<{ name: string; data: string }, void, undefined> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
        const event = parseEventBlock(block);
        if (event) yield event;
      }
    }
  } finally {
    // A reader that stopped early lets the stream go.
    void reader.cancel().catch(() => {});
  }
}

export function openLive(options: LiveOptions): LiveConnection {
  const pollMs = options.pollMs ?? POLL_MS;
  const silenceMs = options.silenceMs ?? SILENCE_MS;
  let mode: LiveMode = 'connecting';
  let closed = false;
  let controller: AbortController | undefined;
  let pollTimer: ReturnType<typeof setInterval> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  const setMode = (next: LiveMode) => {
    if (mode === next) return;
    mode = next;
    options.onMode?.(next);
  };

  const startPolling = () => {
    if (closed || pollTimer !== undefined) return;
    setMode('polling');
    void options.poll().catch(() => {});
    pollTimer = setInterval(() => void options.poll().catch(() => {}), pollMs);
  };

  const stopPolling = () => {
    if (pollTimer !== undefined) clearInterval(pollTimer);
    pollTimer = undefined;
  };

  const scheduleRetry = (afterLive = false) => {
    if (closed) return;
    startPolling();
    if (afterLive) {
      retryTimer = setTimeout(() => void connect(), Math.random() * RECONNECT_SPREAD_MS);
      return;
    }
    failures += 1;
    const delay = Math.min(30_000, 1000 * 2 ** Math.min(failures, 5));
    retryTimer = setTimeout(() => void connect(), delay);
  };

  const connect = async () => {
    if (closed) return;
    const stream = new AbortController();
    controller = stream;
    // A buffering proxy may hold back even the headers: the watch starts before they arrive.
    let silence = setTimeout(() => stream.abort(), silenceMs);
    let response: Response;
    try {
      response = await fetch(options.url, {
        headers: { authorization: bearer(options.token), accept: 'text/event-stream' },
        credentials: 'omit',
        cache: 'no-store',
        signal: controller.signal,
      });
    } catch {
      clearTimeout(silence);
      scheduleRetry();
      return;
    }
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !response.body || !type.includes('text/event-stream')) {
      clearTimeout(silence);
      if (response.status >= 400 && response.status < 500 && response.status !== 429 && type.includes('json')) {
        const body = (await response.json().catch(() => ({}))) as { error?: string };
        closed = true;
        stopPolling();
        setMode('closed');
        options.onRefused?.(response.status, body.error ?? 'refused');
        return;
      }
      scheduleRetry();
      return;
    }
    let arrivals = 0;
    const heard = new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
      transform(chunk, controller) {
        clearTimeout(silence);
        silence = setTimeout(() => stream.abort(), silenceMs);
        arrivals += 1;
        // The second arrival (an event or a heartbeat) shows that the stream flows, not just its first burst.
        if (arrivals === 2) {
          failures = 0;
          stopPolling();
          setMode('live');
        }
        controller.enqueue(chunk);
      },
    });
    try {
      for await (const event of readEventStream(response.body.pipeThrough(heard))) {
        let data: unknown;
        try {
          data = JSON.parse(event.data);
        } catch {
          continue;
        }
        options.onEvent(event.name, data);
      }
    } catch {
      // The stream broke (network, server restart) or fell silent: fall back below.
    } finally {
      clearTimeout(silence);
    }
    if (!closed) scheduleRetry(arrivals >= 2);
  };

  void connect();
  return {
    get mode() {
      return mode;
    },
    close() {
      closed = true;
      controller?.abort();
      stopPolling();
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      setMode('closed');
    },
  };
}
