import { describe, expect, it } from 'vitest';
import type { LiveBoard } from '../../src/core/classProtocol';
import {
  answeredText,
  commandLabel,
  countdownText,
  extendedStillAnswering,
  extendedWaitText,
  nextLabel,
  phaseHeading,
} from '../../src/host/liveText';

const board = (parts: Partial<LiveBoard>): LiveBoard => ({
  phase: 'question',
  position: 0,
  total: 3,
  remainingMs: 20_000,
  timeLimitMs: 20_000,
  paused: false,
  skipped: false,
  answered: 0,
  players: 2,
  commands: [],
  ...parts,
});

describe('the projector’s words in a live lesson', () => {
  it('names where Next goes', () => {
    expect(nextLabel(board({ phase: 'lobby', position: -1 }))).toBe('Start: question 1');
    expect(nextLabel(board({ phase: 'answer' }))).toBe('Show the evidence');
    expect(nextLabel(board({ phase: 'evidence' }))).toBe('Leaderboard');
    expect(nextLabel(board({ phase: 'leaderboard', position: 0 }))).toBe('Next: question 2');
    expect(nextLabel(board({ phase: 'leaderboard', position: 2 }))).toBe('Podium');
    expect(commandLabel('skip', board({}))).toBe('Skip this question');
    expect(commandLabel('skip', board({ phase: 'evidence' }))).toBe('Skip to the next question');
    expect(commandLabel('skip', board({ phase: 'answer', position: 2 }))).toBe('Skip to the podium');
  });

  it('counts down in whole seconds, says when it is paused or over, and never what was answered', () => {
    expect(countdownText(board({}), 16_100)).toBe('17');
    expect(countdownText(board({}), 0)).toBe("Time's up");
    expect(countdownText(board({ paused: true }), 12_000)).toBe('Paused · 12 s left');
    expect(countdownText(board({ timeLimitMs: null }), null)).toBe('No time limit');
    expect(answeredText(board({ answered: 1, players: 1 }))).toBe('1 of 1 player answered');
    expect(answeredText(board({ answered: 12, players: 25 }))).toBe('12 of 25 players answered');
  });

  it('heads each moment', () => {
    expect(phaseHeading(board({}))).toBe('Question 1 of 3');
    expect(phaseHeading(board({ phase: 'answer', skipped: true }))).toBe('Question 1 of 3: skipped');
    expect(phaseHeading(board({ phase: 'evidence', position: 1 }))).toBe('Question 2 of 3: what the source says');
    expect(phaseHeading(board({ phase: 'podium' }))).toBe('Podium');
  });
});

describe('the projector waiting for students with extended time', () => {
  it('says how many it waits for once the class’s time is up, never before, and what moves it on', () => {
    const waiting = board({ remainingMs: 0, extendedTimeLeftMs: [12_400, 3_000] });
    expect(extendedStillAnswering(waiting, 5_000, 0)).toEqual([]);
    expect(extendedStillAnswering(waiting, null, 0)).toEqual([]);
    const left = extendedStillAnswering(waiting, 0, 0);
    expect(extendedWaitText(left)).toBe(
      'Waiting for 2 students with extended time, up to 13 s more. Show answer closes the question now.',
    );
    // 4 s later by the page's clock, one student's time is up.
    expect(extendedWaitText(extendedStillAnswering(waiting, 0, 4_000))).toBe(
      'Waiting for 1 student with extended time, up to 9 s more. Show answer closes the question now.',
    );
    expect(extendedStillAnswering(waiting, 0, 13_000)).toEqual([]);
    expect(extendedWaitText([])).toBe('');
  });

  it('says a student with no time limit holds the question until they answer or the teacher moves on', () => {
    const waiting = board({ remainingMs: 0, extendedTimeLeftMs: [null, 5_000] });
    expect(extendedWaitText(extendedStillAnswering(waiting, 0, 60_000))).toBe(
      'Waiting for 1 student with extended time (1 with no time limit) until they answer. Show answer closes the question now.',
    );
    expect(extendedStillAnswering({ ...waiting, phase: 'answer' }, 0, 0)).toEqual([]);
  });
});
