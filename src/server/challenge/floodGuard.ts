/**
 * How many challenges one client address may make: each is a round drawn and stored, so a script making them by
 * the thousand would fill the database. A burst for a busy evening of group chats, then a steady refill. Kept in
 * memory, like the join guard's counts: no address is stored, and a restart only forgives.
 */

export interface ChallengeFloodLimits {
  /** Challenges an address may make at once. */
  burst: number;
  /** Challenges an address may make per hour after that. */
  perHour: number;
}

export const DEFAULT_CHALLENGE_FLOOD: ChallengeFloodLimits = { burst: 20, perHour: 10 };

/** Addresses remembered at most; past this the oldest is forgotten (as after a restart). */
const MAX_ADDRESSES = 10_000;
const HOUR_MS = 60 * 60 * 1000;

export class ChallengeFloodGuard {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limits: ChallengeFloodLimits,
    private readonly now: () => number,
  ) {}

  /** Seconds until the address may make another challenge; 0 when it may now. */
  waitFor(address: string): number {
    const bucket = this.refilled(address);
    if (bucket.tokens >= 1) return 0;
    return Math.ceil(((1 - bucket.tokens) * HOUR_MS) / this.limits.perHour / 1000);
  }

  /** Counts a challenge made. */
  taken(address: string): void {
    const bucket = this.refilled(address);
    bucket.tokens -= 1;
    this.buckets.delete(address);
    this.buckets.set(address, bucket);
    if (this.buckets.size > MAX_ADDRESSES) this.buckets.delete(this.buckets.keys().next().value!);
  }

  private refilled(address: string): { tokens: number; at: number } {
    const now = this.now();
    const bucket = this.buckets.get(address) ?? { tokens: this.limits.burst, at: now };
    bucket.tokens = Math.min(this.limits.burst, bucket.tokens + ((now - bucket.at) * this.limits.perHour) / HOUR_MS);
    bucket.at = now;
    return bucket;
  }
}
