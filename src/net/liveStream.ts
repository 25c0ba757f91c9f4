/**
 * Server-Sent Events read through fetch (EventSource cannot send the Authorization header), with polling as
 * the fallback: when the stream cannot open, breaks, or opens but brings no event within a few seconds (a proxy
 * that buffers responses holds every event back; the server always sends one at once), `poll` runs every few
 * seconds while the stream is tried again with a growing pause. A 4xx answer to the stream itself (the class
 * ended, the player was removed) is final and goes to `onRefused`.
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
  /** How long an open stream may stay silent before its first event (the server sends one at once). */
  firstEventMs?: number;
}

/** A stream that opened but brought nothing in this long is held back somewhere on the way: poll instead. */
export const FIRST_EVENT_MS = 4000;

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
  const pollMs = options.pollMs ?? 3000;
  const firstEventMs = options.firstEventMs ?? FIRST_EVENT_MS;
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

  const scheduleRetry = () => {
    if (closed) return;
    startPolling();
    failures += 1;
    const delay = Math.min(30_000, 1000 * 2 ** Math.min(failures, 5));
    retryTimer = setTimeout(() => void connect(), delay);
  };

  const connect = async () => {
    if (closed) return;
    const stream = new AbortController();
    controller = stream;
    // Live only once an event arrives: a buffering proxy may hold back the headers, or let them through and
    // hold the events; either way the stream is given up after a few silent seconds.
    const silence = setTimeout(() => stream.abort(), firstEventMs);
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
    let heard = false;
    try {
      for await (const event of readEventStream(response.body)) {
        if (!heard) {
          heard = true;
          clearTimeout(silence);
          failures = 0;
          stopPolling();
          setMode('live');
        }
        let data: unknown;
        try {
          data = JSON.parse(event.data);
        } catch {
          continue;
        }
        options.onEvent(event.name, data);
      }
    } catch {
      // The stream broke (network, server restart) or stayed silent: fall back below.
    } finally {
      clearTimeout(silence);
    }
    if (!closed) scheduleRetry();
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
