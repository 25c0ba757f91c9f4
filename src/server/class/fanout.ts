/**
 * "Class X changed", from the service to whoever shows it: the live streams (hub.ts), the challenge boards, and,
 * with several servers on one database, the other servers, which drop what they keep of that class and tell
 * their own streams. One server needs only the in-process fan-out here.
 */
import type { ClassEvent } from './service';

/** Where an event was made: on this server, or on another one sharing the database. */
export type EventOrigin = 'here' | 'elsewhere';

export interface Fanout {
  /** Tells every listener, on this server and (where there are several) the others, of a committed change. */
  publish(event: ClassEvent): void;
  /** Hears every change, with where it was made; returns the way to stop. */
  subscribe(listener: (event: ClassEvent, origin: EventOrigin) => void): () => void;
  close(): Promise<void>;
}

/** One server: the events go straight to its own listeners. */
export class InProcessFanout implements Fanout {
  private readonly listeners = new Set<(event: ClassEvent, origin: EventOrigin) => void>();

  publish(event: ClassEvent): void {
    for (const listener of this.listeners) listener(event, 'here');
  }

  subscribe(listener: (event: ClassEvent, origin: EventOrigin) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    this.listeners.clear();
    return Promise.resolve();
  }
}
