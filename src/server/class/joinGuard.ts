/**
 * How fast a class takes new players and how many one client address may seat in it, so a script cannot fill a
 * class before the students arrive. Each class has a bucket of seats that refills at a steady rate (a whole class
 * joining in its first minute fits in the burst), and each address may seat only so many players in one class.
 * An address's first player in a class is never held back by the bucket: on a classroom network each device has
 * an address of its own, so a script on one or two machines that empties the bucket cannot keep the students out.
 * Only joins that were taken are counted: refused attempts spend nothing.
 * Kept in memory, not in the database: no address is ever stored, and a restart only forgives.
 */

export interface JoinLimits {
  /** Joins a class takes at once before the rate applies (a class of 30 arriving together, and more). */
  burst: number;
  /** Joins a class takes per minute after that. */
  perMinute: number;
  /** Players one client address may seat in one class (a classroom behind one address needs this raised). */
  perAddress: number;
}

export const DEFAULT_JOIN_LIMITS: JoinLimits = { burst: 40, perMinute: 60, perAddress: 40 };

export type JoinRefusal = { code: 'join-rate'; retryAfterSec: number } | { code: 'address-full'; limit: number };

/** Classes remembered at most; past this the oldest is forgotten (as after a restart). */
const MAX_CLASSES = 5000;

interface ClassJoins {
  tokens: number;
  at: number;
  byAddress: Map<string, number>;
}

export class JoinGuard {
  private readonly classes = new Map<number, ClassJoins>();

  constructor(
    private readonly limits: JoinLimits,
    private readonly now: () => number,
  ) {}

  /** Why this address may not seat another player in the class now, or undefined when it may. */
  check(classId: number, address: string): JoinRefusal | undefined {
    const joins = this.refilled(classId);
    const seated = joins.byAddress.get(address) ?? 0;
    if (seated >= this.limits.perAddress) return { code: 'address-full', limit: this.limits.perAddress };
    if (seated > 0 && joins.tokens < 1) {
      const msPerJoin = 60_000 / this.limits.perMinute;
      return { code: 'join-rate', retryAfterSec: Math.max(1, Math.ceil(((1 - joins.tokens) * msPerJoin) / 1000)) };
    }
    return undefined;
  }

  /** Counts a join that was taken. */
  taken(classId: number, address: string): void {
    const joins = this.refilled(classId);
    joins.tokens = Math.max(0, joins.tokens - 1);
    joins.byAddress.set(address, (joins.byAddress.get(address) ?? 0) + 1);
  }

  forget(classId: number): void {
    this.classes.delete(classId);
  }

  private refilled(classId: number): ClassJoins {
    const now = this.now();
    let joins = this.classes.get(classId);
    if (!joins) {
      if (this.classes.size >= MAX_CLASSES) this.classes.delete(this.classes.keys().next().value!);
      joins = { tokens: this.limits.burst, at: now, byAddress: new Map() };
      this.classes.set(classId, joins);
    }
    const earned = ((now - joins.at) * this.limits.perMinute) / 60_000;
    joins.tokens = Math.min(this.limits.burst, joins.tokens + Math.max(0, earned));
    joins.at = now;
    return joins;
  }
}
