import { describe, expect, it } from 'vitest';
import type { LiveBoard } from '../../src/core/classProtocol';
import { answeredText, commandLabel, countdownText, nextLabel, phaseHeading } from '../../src/host/liveText';

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
