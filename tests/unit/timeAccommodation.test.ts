import { describe, expect, it } from 'vitest';
import {
  isTimeAccommodation,
  playerTimeLimitMs,
  TIME_ACCOMMODATIONS,
  TIME_ACCOMMODATION_LABELS,
} from '../../src/core/timeAccommodation';

describe("a player's time for a question", () => {
  it('is the question time, half as much again, twice as much, or none', () => {
    expect(playerTimeLimitMs(20_000, 'standard')).toBe(20_000);
    expect(playerTimeLimitMs(20_000, 'half-more')).toBe(30_000);
    expect(playerTimeLimitMs(20_000, 'double')).toBe(40_000);
    expect(playerTimeLimitMs(20_000, 'no-limit')).toBeNull();
  });

  it('stays unlimited for a question without a limit, and whole milliseconds otherwise', () => {
    for (const accommodation of TIME_ACCOMMODATIONS) expect(playerTimeLimitMs(null, accommodation)).toBeNull();
    expect(playerTimeLimitMs(7_001, 'half-more')).toBe(10_502);
  });

  it('knows its own names and nothing else', () => {
    for (const accommodation of TIME_ACCOMMODATIONS) {
      expect(isTimeAccommodation(accommodation)).toBe(true);
      expect(TIME_ACCOMMODATION_LABELS[accommodation]).toMatch(/time/i);
    }
    expect(isTimeAccommodation('triple')).toBe(false);
    expect(isTimeAccommodation(2)).toBe(false);
  });
});
