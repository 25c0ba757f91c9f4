/**
 * A limit on failed class lookups per client address: a code that names no class, an expired one, or a token that
 * does not fit (all one 404, see service.ts). Guessing codes or tokens then costs a minute per few dozen tries,
 * while a student who mistypes a code a few times never meets it.
 */

export interface LookupLimit {
  /** Failed lookups one address may make in a window before its class requests are refused. */
  max: number;
  windowMs: number;
}

export const DEFAULT_LOOKUP_LIMIT: LookupLimit = { max: 60, windowMs: 60_000 };

/** Addresses remembered at most; past this the counts start afresh (as after a restart). */
const MAX_ADDRESSES = 10_000;

export class FailedLookups {
  private readonly counts = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly limit: LookupLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until this address may look classes up again, or 0 when it may now. */
  waitFor(address: string): number {
    const entry = this.current(address);
    if (!entry || entry.count < this.limit.max) return 0;
    return Math.max(1, Math.ceil((entry.since + this.limit.windowMs - this.now()) / 1000));
  }

  record(address: string): void {
    const entry = this.current(address);
    if (entry) {
      entry.count += 1;
      return;
    }
    if (this.counts.size >= MAX_ADDRESSES) this.counts.clear();
    this.counts.set(address, { count: 1, since: this.now() });
  }

  private current(address: string): { count: number; since: number } | undefined {
    const entry = this.counts.get(address);
    if (entry && this.now() - entry.since >= this.limit.windowMs) {
      this.counts.delete(address);
      return undefined;
    }
    return entry;
  }
}
