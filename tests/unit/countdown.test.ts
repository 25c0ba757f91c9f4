import { describe, expect, it } from 'vitest';
import {
  countdownWarning,
  displaySeconds,
  elapsedMs,
  isExpired,
  pauseCountdown,
  remainingMs,
  resumeCountdown,
  startCountdown,
} from '../../src/core/countdown';

describe('countdown over an injected clock', () => {
  it('counts down by the clock, not by frames', () => {
    const countdown = startCountdown(20_000, 1_000);
    expect(remainingMs(countdown, 1_000)).toBe(20_000);
    expect(displaySeconds(countdown, 1_000)).toBe(20);
    expect(displaySeconds(countdown, 1_001)).toBe(20);
    expect(displaySeconds(countdown, 2_000)).toBe(19);
    expect(remainingMs(countdown, 15_000)).toBe(6_000);
  });

  it('expires exactly at the limit and never goes below zero', () => {
    const countdown = startCountdown(5_000, 0);
    expect(isExpired(countdown, 4_999)).toBe(false);
    expect(isExpired(countdown, 5_000)).toBe(true);
    expect(remainingMs(countdown, 60_000)).toBe(0);
  });

  it('keeps counting while the tab is hidden: a long gap between readings expires it', () => {
    const countdown = startCountdown(20_000, 0);
    expect(isExpired(countdown, 30_000)).toBe(true);
  });

  it('stops while paused and resumes where it was', () => {
    let countdown = startCountdown(10_000, 0);
    countdown = pauseCountdown(countdown, 3_000);
    expect(remainingMs(countdown, 9_000)).toBe(7_000);
    countdown = resumeCountdown(countdown, 9_000);
    expect(remainingMs(countdown, 10_000)).toBe(6_000);
    expect(elapsedMs(countdown, 10_000)).toBe(4_000);
  });

  it('never expires when the timer is off', () => {
    const countdown = startCountdown(null, 0);
    expect(isExpired(countdown, 1e9)).toBe(false);
    expect(remainingMs(countdown, 1e9)).toBe(Infinity);
  });
});

describe('the spoken countdown warnings', () => {
  it('speak at halfway and at the last five seconds only, solo and in class alike', () => {
    const spoken = (limitMs: number | null) =>
      Array.from({ length: 41 }, (_, index) => 40 - index).filter(
        (seconds) => countdownWarning(seconds, limitMs, 5) !== null,
      );
    expect(spoken(20_000)).toEqual([10, 5]);
    // A student on ×2 time hears the same two warnings, halfway through their own time.
    expect(spoken(40_000)).toEqual([20, 5]);
    expect(spoken(null)).toEqual([]);
    expect(countdownWarning(10, 20_000, 5)).toBe(10);
  });
});
