/**
 * "Class X changed" between servers on one PostgreSQL database: each server LISTENs on one channel on a
 * connection of its own, and publishes its committed changes with NOTIFY (coalesced: one notification per turn
 * of its event loop). A server hears its own notifications too, and skips them (it told its listeners at once).
 * PostgreSQL delivers a notification only after its transaction commits, and here it is sent after the change's.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { EventOrigin, Fanout } from './fanout';
import type { ClassEvent } from './service';
import type { ClassStore } from './store';

export const CLASS_CHANNEL = 'class_changed';
/** PostgreSQL takes payloads under 8,000 bytes: a larger batch is sent in parts. */
const MAX_PAYLOAD_CHARS = 7000;
/** How long the listener waits before connecting again after losing its connection. */
const RECONNECT_MS = 1000;

interface Notice {
  from: string;
  events: ClassEvent[];
}

export class PgFanout implements Fanout {
  /** This server, in the notices it sends. */
  private readonly id = randomBytes(8).toString('hex');
  private readonly listeners = new Set<(event: ClassEvent, origin: EventOrigin) => void>();
  private queued: ClassEvent[] = [];
  private flushScheduled = false;
  private listener: pg.Client | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    private readonly url: string,
    private readonly store: ClassStore,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts listening; resolves once the first LISTEN is in place. */
  static async start(url: string, store: ClassStore, onError: (error: unknown) => void): Promise<PgFanout> {
    const fanout = new PgFanout(url, store, onError);
    await fanout.listen();
    return fanout;
  }

  publish(event: ClassEvent): void {
    this.deliver(event, 'here');
    this.queued.push(event);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  subscribe(listener: (event: ClassEvent, origin: EventOrigin) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    this.listeners.clear();
    await this.listener?.end().catch(() => {});
  }

  private deliver(event: ClassEvent, origin: EventOrigin): void {
    for (const listener of this.listeners) listener(event, origin);
  }

  private flush(): void {
    this.flushScheduled = false;
    const events = this.queued;
    this.queued = [];
    const notify = this.store.prepare<[string, string]>('SELECT pg_notify(?, ?)');
    let batch: ClassEvent[] = [];
    const send = () => {
      if (batch.length === 0) return;
      const notice: Notice = { from: this.id, events: batch };
      notify.run(CLASS_CHANNEL, JSON.stringify(notice)).catch(this.onError);
      batch = [];
    };
    let size = 0;
    for (const event of events) {
      // An event too large to send on its own (a class's info with many topics) goes as "the class changed".
      const text = JSON.stringify(event);
      const sent: ClassEvent = text.length > MAX_PAYLOAD_CHARS ? { kind: 'progress', classId: event.classId } : event;
      const length = sent === event ? text.length : 60;
      if (size + length > MAX_PAYLOAD_CHARS) {
        send();
        size = 0;
      }
      batch.push(sent);
      size += length;
    }
    send();
  }

  /** Connects again after a while (the database away); meanwhile this server's own changes still reach it. */
  private listenLater(): void {
    if (this.closed) return;
    this.reconnect = setTimeout(() => {
      this.listen().catch((error: unknown) => {
        this.onError(error);
        this.listenLater();
      });
    }, RECONNECT_MS);
    this.reconnect.unref();
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (message) => {
      if (message.channel !== CLASS_CHANNEL || !message.payload) return;
      let notice: Notice;
      try {
        notice = JSON.parse(message.payload) as Notice;
      } catch (error) {
        this.onError(error);
        return;
      }
      if (notice.from === this.id || !Array.isArray(notice.events)) return;
      for (const event of notice.events) this.deliver(event, 'elsewhere');
    });
    const lost = (error: unknown) => {
      if (this.closed || this.listener !== client) return;
      this.listener = undefined;
      this.onError(error);
      client.end().catch(() => {});
      this.listenLater();
    };
    this.listener = client;
    client.on('error', lost);
    client.on('end', () => lost(new Error('The connection listening for class changes ended.')));
    try {
      await client.connect();
      await client.query(`LISTEN ${CLASS_CHANNEL}`);
    } catch (error) {
      if (this.listener === client) this.listener = undefined;
      client.end().catch(() => {});
      throw error;
    }
  }
}
