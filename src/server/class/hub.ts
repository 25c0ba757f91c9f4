/**
 * Live updates by Server-Sent Events. A teacher's dashboard stream gets a fresh snapshot after every change
 * to its class (changes made in the same turn of the event loop, or while its last snapshot is being read, are
 * sent as one); a student's stream gets the class's status when it changes, and word when they have been
 * removed. Each stream has a heartbeat so proxies and browsers keep it open, and a class keeps only a few streams
 * per viewer.
 *
 * A stream whose reader has stopped reading is never queued for: while its socket's buffer is full, a dashboard
 * skips the snapshots in between and gets the latest one once the socket drains; a student's stream is closed
 * (their game polls, and reconnects to a fresh start). The socket's inactivity timeout ends either for good.
 */
import type { ServerResponse } from 'node:http';
import type { ClassInfo, DashboardSnapshot } from '../../core/classProtocol';
import type { ClassEvent } from './service';

/**
 * A comment on every stream this often: it keeps proxies from closing quiet streams, and lets a page notice a
 * stream that a buffering proxy holds back (no byte for a few heartbeats' time: see src/net/liveStream.ts).
 */
export const HEARTBEAT_MS = 2000;
/** Streams one viewer may hold open; the oldest is closed when another opens (a reload, a second tab). */
export const MAX_DASHBOARD_STREAMS = 4;
export const MAX_PLAYER_STREAMS = 2;
/** Tells the browser how soon to reconnect when a stream drops. */
const RETRY_MS = 2000;

export interface Stream {
  response: ServerResponse;
  heartbeat: NodeJS.Timeout;
  /** A dashboard that skipped a snapshot while its socket was full: it gets the latest once it drains. */
  behind?: boolean;
}

export class LiveHub {
  private readonly dashboards = new Map<number, Stream[]>();
  private readonly players = new Map<number, Map<string, Stream[]>>();
  private readonly versions = new Map<number, number>();
  private readonly pending = new Set<number>();
  private flushScheduled = false;
  /** Classes whose snapshot is being read, and those changed again meanwhile (read once more after it). */
  private readonly reading = new Set<number>();
  private readonly changedWhileReading = new Set<number>();

  /** `onError` hears of a snapshot that could not be read (the database away): the next change tries again. */
  constructor(
    private readonly snapshot: (classId: number, version: number) => Promise<DashboardSnapshot | undefined>,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Feeds the hub the service's events. */
  readonly onEvent = (event: ClassEvent): void => {
    switch (event.kind) {
      case 'progress':
        this.schedule(event.classId);
        break;
      case 'class':
        this.toPlayers(event.classId, 'class', event.info);
        break;
      case 'removed': {
        const streams = this.players.get(event.classId)?.get(event.playerId) ?? [];
        for (const stream of [...streams]) {
          send(stream.response, 'removed', { playerId: event.playerId });
          stream.response.end();
        }
        break;
      }
      case 'settled':
        this.toPlayers(event.classId, 'settled', { upTo: event.upTo });
        break;
      case 'live':
        this.toPlayers(event.classId, 'live', { phase: event.phase, position: event.position, paused: event.paused });
        break;
      case 'deleted':
        this.versions.delete(event.classId);
        for (const stream of this.dashboards.get(event.classId) ?? []) stream.response.end();
        for (const list of this.players.get(event.classId)?.values() ?? []) for (const s of list) s.response.end();
        break;
    }
  };

  /** Opens a teacher's stream: the headers, then the snapshot as it is now. */
  openDashboard(classId: number, response: ServerResponse, headers: Record<string, string>): void {
    const list = this.dashboards.get(classId) ?? [];
    this.dashboards.set(classId, list);
    const stream = openStream(list, MAX_DASHBOARD_STREAMS, response, headers, () => {
      if (list.length === 0) this.dashboards.delete(classId);
    });
    response.on('drain', () => {
      if (!stream.behind) return;
      stream.behind = false;
      this.snapshot(classId, this.version(classId)).then((latest) => {
        if (latest) this.toDashboard(stream, format('snapshot', latest));
      }, this.onError);
    });
    this.snapshot(classId, this.version(classId)).then((snapshot) => {
      if (snapshot && !response.writableEnded) send(response, 'snapshot', snapshot);
    }, this.onError);
  }

  /** Opens a student's stream, starting with the class's status. */
  openPlayer(
    classId: number,
    playerId: string,
    info: ClassInfo,
    response: ServerResponse,
    headers: Record<string, string>,
  ): void {
    const byPlayer = this.players.get(classId) ?? new Map<string, Stream[]>();
    this.players.set(classId, byPlayer);
    const list = byPlayer.get(playerId) ?? [];
    byPlayer.set(playerId, list);
    openStream(list, MAX_PLAYER_STREAMS, response, headers, () => {
      if (list.length === 0) byPlayer.delete(playerId);
      if (byPlayer.size === 0) this.players.delete(classId);
    });
    send(response, 'class', info);
  }

  /** Streams open now (for the tests and the benchmark). */
  get openStreams(): number {
    let count = 0;
    for (const list of this.dashboards.values()) count += list.length;
    for (const byPlayer of this.players.values()) for (const list of byPlayer.values()) count += list.length;
    return count;
  }

  /** Ends every stream (the server is closing). */
  closeAll(): void {
    for (const list of this.dashboards.values()) for (const stream of [...list]) stream.response.end();
    for (const byPlayer of this.players.values()) {
      for (const list of byPlayer.values()) for (const stream of [...list]) stream.response.end();
    }
  }

  private version(classId: number): number {
    return this.versions.get(classId) ?? 0;
  }

  /** Marks a class changed; its dashboards get one snapshot once this turn of the event loop is done. */
  private schedule(classId: number): void {
    this.versions.set(classId, this.version(classId) + 1);
    if (!this.dashboards.has(classId)) return;
    this.pending.add(classId);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const classes = [...this.pending];
      this.pending.clear();
      for (const classId of classes) this.broadcast(classId);
    });
  }

  /**
   * Reads a class's snapshot and sends it to its dashboards, one read per class at a time: changes made while one
   * is read are sent by a single read after it. On a store that reads through a pool (PostgreSQL), reads piling up
   * for a busy class would otherwise take the connections the students' requests wait for.
   */
  private broadcast(classId: number): void {
    if (!this.dashboards.get(classId)?.length) return;
    if (this.reading.has(classId)) {
      this.changedWhileReading.add(classId);
      return;
    }
    this.reading.add(classId);
    this.snapshot(classId, this.version(classId))
      .then((snapshot) => {
        const list = this.dashboards.get(classId);
        if (!snapshot || !list) return;
        const message = format('snapshot', snapshot);
        for (const stream of list) this.toDashboard(stream, message);
      }, this.onError)
      .finally(() => {
        this.reading.delete(classId);
        if (this.changedWhileReading.delete(classId)) this.broadcast(classId);
      });
  }

  /** A snapshot to one dashboard, unless its socket is still full: then it waits for the latest (see open). */
  private toDashboard(stream: Stream, message: string): void {
    if (stream.response.writableNeedDrain) {
      stream.behind = true;
      return;
    }
    stream.response.write(message);
  }

  private toPlayers(classId: number, event: string, data: unknown): void {
    const byPlayer = this.players.get(classId);
    if (!byPlayer) return;
    const message = format(event, data);
    for (const list of byPlayer.values()) {
      for (const stream of list) {
        // A student's stream that has not taken the last message is closed: their game polls meanwhile.
        if (stream.response.writableNeedDrain) stream.response.destroy();
        else stream.response.write(message);
      }
    }
  }
}

/**
 * Opens an event stream into `list`, closing the oldest past `max` (a reload, a second tab); it leaves the list
 * when it closes, and `onEmpty` runs then.
 */
export function openStream(
  list: Stream[],
  max: number,
  response: ServerResponse,
  headers: Record<string, string>,
  onEmpty: () => void,
): Stream {
  const stream: Stream = { response, heartbeat: startEventStream(response, headers) };
  list.push(stream);
  // The oldest goes first; it leaves the list now, since its 'close' comes later.
  while (list.length > max) {
    const oldest = list.shift()!;
    clearInterval(oldest.heartbeat);
    oldest.response.end();
  }
  const forget = () => {
    clearInterval(stream.heartbeat);
    const index = list.indexOf(stream);
    if (index >= 0) list.splice(index, 1);
    onEmpty();
  };
  response.once('close', forget);
  response.once('finish', forget);
  return stream;
}

/** Starts an event stream: its headers, the reconnect delay, and its heartbeat (the caller clears it). */
export function startEventStream(response: ServerResponse, headers: Record<string, string>): NodeJS.Timeout {
  response.writeHead(200, {
    ...headers,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  response.write(`retry: ${RETRY_MS}\n\n`);
  // Nothing is added to a full buffer: the data still queued keeps the stream alive as well as a heartbeat.
  return setInterval(() => response.writableNeedDrain || response.write(': heartbeat\n\n'), HEARTBEAT_MS);
}

function format(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function send(response: ServerResponse, event: string, data: unknown): void {
  response.write(format(event, data));
}
