/**
 * The server's own downtime, so an outage costs no student their time. The server writes the moment it is alive
 * into one row every second; at start, the gap since that moment is time the server was down, and every open
 * turn gets it back: a self-paced student's served, unanswered question and a live lesson's open question move on
 * by the outage, so each has the time it had left when the server went down. Live questions whose time is up are
 * closed here too, on the same timer as the students' clocks.
 */
import { extendLiveForDowntime } from '../../core/liveLesson';
import type { ClassStore } from './store';
import { LiveLessonStore } from './liveLessons';
import type { ClassService } from './service';

/** How often the server writes that it is alive: the most of an outage a restart can miss. */
export const DEFAULT_ALIVE_INTERVAL_MS = 1000;
/** How often live questions are checked for their time being up: a question closes within this of its time. */
export const LIVE_CLOSE_EVERY_MS = 250;

/**
 * Gives every open turn back the time since the server last wrote that it was alive, and writes that it is alive
 * now. Returns the downtime in ms (0 on a new database).
 */
export async function recoverDowntime(store: ClassStore, now: number): Promise<number> {
  return store.run(async () => {
    const last = await store.prepare<[], { alive_at: number }>('SELECT alive_at FROM server_alive WHERE id = 1').get();
    const downMs = last ? Math.max(0, now - last.alive_at) : 0;
    if (downMs > 0) {
      await store
        .prepare(
          `UPDATE turns SET served_at = served_at + ?
           WHERE answered_at IS NULL AND class_id IN (SELECT id FROM classes WHERE status = 'open')`,
        )
        .run(downMs);
      const lessons = new LiveLessonStore(store);
      const open = await store
        .prepare<[], { class_id: number }>(
          `SELECT l.class_id FROM live_lessons l JOIN classes c ON c.id = l.class_id WHERE c.status = 'open'`,
        )
        .all();
      for (const { class_id: classId } of open) {
        const state = await lessons.get(classId);
        if (state) await lessons.save(classId, extendLiveForDowntime(state, downMs));
      }
    }
    await markAlive(store, now);
    return downMs;
  });
}

async function markAlive(store: ClassStore, now: number): Promise<void> {
  await store
    .prepare(
      'INSERT INTO server_alive (id, alive_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET alive_at = excluded.alive_at',
    )
    .run(now);
}

/** The timers: the alive row every interval, and live questions closed once their time is up. */
export class ServerClock {
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly store: ClassStore,
    private readonly service: ClassService,
    private readonly now: () => number,
    private readonly aliveIntervalMs = DEFAULT_ALIVE_INTERVAL_MS,
  ) {}

  start(onError: (error: unknown) => void): void {
    const every = (ms: number, work: () => Promise<unknown>) => {
      const timer = setInterval(() => {
        if (!this.store.isOpen) return;
        this.store.run(work).catch(onError);
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.aliveIntervalMs, () => markAlive(this.store, this.now()));
    every(LIVE_CLOSE_EVERY_MS, () => this.service.closeDueLessons());
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers.length = 0;
  }
}
