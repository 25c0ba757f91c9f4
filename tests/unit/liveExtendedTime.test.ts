import { describe, expect, it } from 'vitest';
import {
  isLiveQuestionDue,
  liveExtendedTimeLeft,
  livePlayerRemainingMs,
  type LiveAnswerer,
} from '../../src/core/liveExtendedTime';
import { liveStep, newLiveState, type LiveCommand, type LiveState } from '../../src/core/liveLesson';
import { playerTimeLimitMs, type TimeAccommodation } from '../../src/core/timeAccommodation';

const CLASS_LIMIT_MS = 20_000;
const GRACE_MS = 750;
const OPENED = 1000;

function step(state: LiveState, command: LiveCommand, now: number): LiveState {
  const result = liveStep(state, command, now, () => CLASS_LIMIT_MS);
  if (!result.ok) throw new Error(`${command} refused: ${result.code}`);
  return result.state;
}

const open = step(newLiveState(3), 'next', OPENED);

function answerer(accommodation: TimeAccommodation, answered = false): LiveAnswerer {
  return { timeLimitMs: playerTimeLimitMs(CLASS_LIMIT_MS, accommodation), answered };
}

const due = (state: LiveState, at: number, answerers: LiveAnswerer[]) =>
  isLiveQuestionDue(state, OPENED + at, CLASS_LIMIT_MS, answerers, GRACE_MS);
const waiting = (state: LiveState, at: number, answerers: LiveAnswerer[]) =>
  liveExtendedTimeLeft(state, OPENED + at, CLASS_LIMIT_MS, answerers, GRACE_MS);

describe('a live question with students on extended time', () => {
  it('closes at the class’s time and the grace when nobody has extended time', () => {
    const everyone = [answerer('standard'), answerer('standard')];
    expect(due(open, 20_750, everyone)).toBe(false);
    expect(due(open, 20_751, everyone)).toBe(true);
    expect(waiting(open, 20_751, everyone)).toEqual([]);
  });

  it('stays open for a ×2 student still answering until their own time and the grace are up', () => {
    const room = [answerer('standard'), answerer('double')];
    expect(due(open, 30_000, room)).toBe(false);
    expect(waiting(open, 30_000, room)).toEqual([10_000]);
    expect(due(open, 40_750, room)).toBe(false);
    expect(due(open, 40_751, room)).toBe(true);
  });

  it('waits for each student with extended time by their own time, and for no one who has answered', () => {
    const room = [answerer('half-more'), answerer('double'), answerer('double', true), answerer('standard')];
    expect(waiting(open, 25_000, room)).toEqual([5_000, 15_000]);
    // The ×1.5 student's time (30 s) and grace are up: only the ×2 student is waited for.
    expect(waiting(open, 30_751, room)).toEqual([9_249]);
    expect(due(open, 30_751, room)).toBe(false);
    expect(due(open, 25_000, [answerer('double', true), answerer('standard')])).toBe(true);
  });

  it('waits for a student with no time limit until the teacher closes the question', () => {
    const room = [answerer('no-limit'), answerer('standard')];
    expect(waiting(open, 3_600_000, room)).toEqual([null]);
    expect(due(open, 3_600_000, room)).toBe(false);
    const shown = step(open, 'show-answer', OPENED + 30_000);
    expect(shown.phase).toBe('answer');
    expect(waiting(shown, 30_000, room)).toEqual([]);
  });

  it('gives each student their own time left, counted from the same opening, and stops it during a pause', () => {
    const double = playerTimeLimitMs(CLASS_LIMIT_MS, 'double');
    expect(livePlayerRemainingMs(open, OPENED + 5_000, double)).toBe(35_000);
    expect(livePlayerRemainingMs(open, OPENED + 5_000, CLASS_LIMIT_MS)).toBe(15_000);
    expect(livePlayerRemainingMs(open, OPENED + 50_000, double)).toBe(0);
    expect(livePlayerRemainingMs(open, OPENED + 5_000, null)).toBeNull();
    // Paused after the class's time is up: the ×2 student's 15 s left stand still, and the question waits.
    const paused = step(open, 'pause', OPENED + 25_000);
    expect(livePlayerRemainingMs(paused, OPENED + 90_000, double)).toBe(15_000);
    expect(due(paused, 90_000, [answerer('double')])).toBe(false);
    const resumed = step(paused, 'resume', OPENED + 90_000);
    expect(livePlayerRemainingMs(resumed, OPENED + 95_000, double)).toBe(10_000);
    expect(due(resumed, 105_750, [answerer('double')])).toBe(false);
    expect(due(resumed, 105_751, [answerer('double')])).toBe(true);
  });

  it('waits for nobody outside an open question', () => {
    expect(waiting(newLiveState(3), 0, [answerer('no-limit')])).toEqual([]);
    expect(livePlayerRemainingMs(newLiveState(3), 0, CLASS_LIMIT_MS)).toBeNull();
  });
});
