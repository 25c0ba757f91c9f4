/**
 * The question timer as data over an injected clock reading (milliseconds, e.g. performance.now()).
 * Wall-clock based: a hidden tab neither freezes it nor replays missed frames.
 */

export interface Countdown {
  /** null when the timer is off. */
  readonly limitMs: number | null;
  readonly startedAt: number;
  readonly pausedAt: number | null;
  readonly pausedTotalMs: number;
}

export function startCountdown(limitMs: number | null, now: number): Countdown {
  return { limitMs, startedAt: now, pausedAt: null, pausedTotalMs: 0 };
}

export function elapsedMs(countdown: Countdown, now: number): number {
  const end = countdown.pausedAt ?? now;
  return Math.max(0, end - countdown.startedAt - countdown.pausedTotalMs);
}

/** Milliseconds left, never negative; Infinity when the timer is off. */
export function remainingMs(countdown: Countdown, now: number): number {
  if (countdown.limitMs === null) return Number.POSITIVE_INFINITY;
  return Math.max(0, countdown.limitMs - elapsedMs(countdown, now));
}

export function isExpired(countdown: Countdown, now: number): boolean {
  return remainingMs(countdown, now) <= 0;
}

export function pauseCountdown(countdown: Countdown, now: number): Countdown {
  if (countdown.pausedAt !== null) return countdown;
  return { ...countdown, pausedAt: now };
}

export function resumeCountdown(countdown: Countdown, now: number): Countdown {
  if (countdown.pausedAt === null) return countdown;
  return {
    ...countdown,
    pausedAt: null,
    pausedTotalMs: countdown.pausedTotalMs + Math.max(0, now - countdown.pausedAt),
  };
}

/** Whole seconds to show: 20, 19, … 1, then 0 only when time is really up. */
export function displaySeconds(countdown: Countdown, now: number): number {
  return Math.ceil(remainingMs(countdown, now) / 1000);
}

/**
 * The seconds left a screen reader is told of as the clock passes `seconds` left, or null: only at halfway and at
 * the last `lowSeconds`, never every second (a spoken countdown drowns the question). The same in solo and class
 * play; the screen words it in its language.
 */
export function countdownWarning(seconds: number, limitMs: number | null, lowSeconds: number): number | null {
  if (limitMs === null || seconds <= 0) return null;
  const halfway = seconds === Math.ceil(limitMs / 2000);
  return halfway || seconds === lowSeconds ? seconds : null;
}
