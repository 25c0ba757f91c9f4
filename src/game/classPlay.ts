/**
 * A student's seat in a class, between the class scenes and the class server: the token kept on the device (so
 * a reload or a dropped connection rejoins where the student was), the calls that move them on, and the live
 * stream that says when the teacher starts or ends the class, with polling when the stream breaks.
 */
import type { AnswerOutcome, ClassInfo, ClassStatus, LivePlayerStatus, PlayerView } from '../core/classProtocol';
import type { Language } from '../core/languages';
import { ClassApi, ClassApiError, type PlayerKey } from '../net/classApi';
import { openLive, type LiveConnection } from '../net/liveStream';
import type { KeyValueStore } from '../storage/SafeStorage';

type LiveMoment = Pick<LivePlayerStatus, 'phase' | 'position' | 'paused'>;

function momentKey(moment: LiveMoment): string {
  return `${moment.phase}:${moment.position}:${moment.paused}`;
}

export const SEAT_KEY = 'source-check:class-seat:v1';
/** How often the view is asked for while an answer waits for the class, should the live stream's word not come. */
const SETTLED_POLL_MS = 3000;

export interface Seat extends PlayerKey {
  nickname: string;
}

export function loadSeat(storage: KeyValueStore): Seat | undefined {
  try {
    const data = JSON.parse(storage.getItem(SEAT_KEY) ?? 'null') as Partial<Seat> | null;
    if (
      data &&
      typeof data.code === 'string' &&
      typeof data.playerId === 'string' &&
      typeof data.token === 'string' &&
      typeof data.nickname === 'string'
    ) {
      return { code: data.code, playerId: data.playerId, token: data.token, nickname: data.nickname };
    }
  } catch {
    // Damaged: as if there were none.
  }
  return undefined;
}

export function saveSeat(storage: KeyValueStore, seat: Seat): void {
  storage.setItem(SEAT_KEY, JSON.stringify(seat));
}

export function clearSeat(storage: KeyValueStore): void {
  storage.removeItem(SEAT_KEY);
}

/** What the live stream (or a poll) brings. */
export type ClassPlayEvent =
  | { type: 'status'; info: ClassInfo }
  | { type: 'ended' }
  | { type: 'removed' }
  /** A live lesson moved on (a question opened or closed, a pause): the screen asks where the student is now. */
  | { type: 'live' };

export class ClassPlay {
  private live?: LiveConnection;
  private readonly listeners = new Set<(event: ClassPlayEvent) => void>();
  private status: ClassStatus;
  /** Resolved when the live stream says more questions are settled (see settled()). */
  private readonly settledWaiters = new Set<() => void>();
  /** The live lesson's last moment heard of (see liveFrom). */
  private liveMoment = '';

  constructor(
    readonly api: ClassApi,
    readonly seat: Seat,
    public view: PlayerView,
    private readonly storage: KeyValueStore,
  ) {
    this.status = view.class.status;
    if (view.live) this.liveMoment = momentKey(view.live);
  }

  get total(): number {
    return this.view.total;
  }

  /** Listens for the teacher's changes; returns the way to stop listening. */
  on(listener: (event: ClassPlayEvent) => void): () => void {
    this.listeners.add(listener);
    this.connect();
    return () => this.listeners.delete(listener);
  }

  async refresh(): Promise<PlayerView> {
    return this.keep(await this.settled(await this.guard(this.api.view(this.seat))));
  }

  async next(): Promise<PlayerView> {
    return this.keep(await this.settled(await this.guard(this.api.next(this.seat))));
  }

  /**
   * Sends an answer and gives its verdict. In a class that reveals answers once a question is settled, the
   * verdict comes when the whole class has answered: `onPending` is called meanwhile. `language`: the one the
   * student plays in now (see ClassApi.answer).
   */
  async answer(position: number, choice: number, onPending?: () => void, language?: Language): Promise<AnswerOutcome> {
    const outcome = await this.guard(this.api.answer(this.seat, position, choice, language));
    if (!('pending' in outcome)) return outcome;
    onPending?.();
    const view = this.keep(await this.settled(await this.guard(this.api.view(this.seat))));
    if ((view.state === 'answered' || view.state === 'finished') && view.outcome?.position === position) {
      return view.outcome;
    }
    throw new ClassApiError(409, 'moved-on', 'The class has moved on: your answer was kept.');
  }

  /** The view once it no longer waits for the class: asked again on the stream's "settled", or every few seconds. */
  private async settled(view: PlayerView): Promise<PlayerView> {
    let current = view;
    while (current.state === 'pending') {
      this.connect();
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.settledWaiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, SETTLED_POLL_MS);
        this.settledWaiters.add(done);
      });
      current = await this.guard(this.api.view(this.seat));
    }
    return current;
  }

  /**
   * Leaves the class for good: the server removes the player (so the class waits for them no more), then this
   * device forgets the seat. Forgotten here even when the server cannot be told.
   */
  async leaveClass(): Promise<void> {
    // The stream closes first: the server's word that the player was removed is not news to this screen.
    this.leave();
    await this.api.leave(this.seat);
  }

  /** Leaves the class on this device: the seat is forgotten and the stream closed. */
  leave(): void {
    this.live?.close();
    this.live = undefined;
    clearSeat(this.storage);
  }

  private keep(view: PlayerView): PlayerView {
    this.view = view;
    if (view.live) this.liveMoment = momentKey(view.live);
    this.status = view.class.status;
    return view;
  }

  /** An ended class or a removal, from whichever call learns of it first, goes to the listeners too. */
  private async guard<T>(call: Promise<T>): Promise<T> {
    try {
      return await call;
    } catch (error) {
      if (error instanceof ClassApiError) {
        if (error.code === 'class-ended') this.emit({ type: 'ended' });
        if (error.code === 'removed') this.emit({ type: 'removed' });
      }
      throw error;
    }
  }

  private emit(event: ClassPlayEvent): void {
    if (event.type === 'ended' || event.type === 'removed') {
      this.live?.close();
      this.live = undefined;
    }
    for (const listener of [...this.listeners]) listener(event);
  }

  private connect(): void {
    if (this.live) return;
    const path = `classes/${encodeURIComponent(this.seat.code)}/players/${encodeURIComponent(this.seat.playerId)}/events`;
    this.live = openLive({
      url: this.api.url(path),
      token: this.seat.token,
      onEvent: (name, data) => {
        if (name === 'removed') this.emit({ type: 'removed' });
        if (name === 'settled') for (const done of [...this.settledWaiters]) done();
        if (name === 'class') this.statusFrom(data as ClassInfo);
        if (name === 'live') this.liveFrom(data as LiveMoment);
      },
      poll: async () => {
        const view = await this.guard(this.api.view(this.seat));
        this.statusFrom(view.class);
        if (view.live) this.liveFrom(view.live);
      },
      onRefused: (_status, code) => {
        if (code === 'class-ended') this.emit({ type: 'ended' });
        else if (code === 'removed') this.emit({ type: 'removed' });
      },
      onMode: (mode) => (document.body.dataset.classLive = mode),
    });
  }

  /** A live lesson's moment, from the stream or a poll: the listeners hear of it once per change. */
  private liveFrom(moment: LiveMoment): void {
    const key = momentKey(moment);
    if (key === this.liveMoment) return;
    this.liveMoment = key;
    this.emit({ type: 'live' });
  }

  private statusFrom(info: ClassInfo): void {
    if (info.status === 'ended') {
      this.emit({ type: 'ended' });
      return;
    }
    const changed = info.status !== this.status || info.hideScores !== this.view.class.hideScores;
    this.status = info.status;
    this.view = { ...this.view, class: info };
    if (changed) this.emit({ type: 'status', info });
  }
}
