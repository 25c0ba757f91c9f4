import { describe, expect, it } from 'vitest';
import {
  closeLiveQuestion,
  extendLiveForDowntime,
  isLiveTimeUp,
  liveAnswerRefusal,
  liveRemainingMs,
  liveSettledCount,
  liveStep,
  newLiveState,
  parseLiveState,
  type LiveCommand,
  type LiveState,
} from '../../src/core/liveLesson';

const limit = () => 20_000;

function step(state: LiveState, command: LiveCommand, now = 1000): LiveState {
  const result = liveStep(state, command, now, limit);
  if (!result.ok) throw new Error(`${command} refused: ${result.code}`);
  return result.state;
}

function refusal(state: LiveState, command: LiveCommand): string {
  const result = liveStep(state, command, 1000, limit);
  return result.ok ? 'taken' : result.code;
}

describe('a live lesson', () => {
  it('goes lobby → question → answer → evidence → leaderboard → next question … → podium', () => {
    let state = newLiveState(2);
    expect(state).toMatchObject({ phase: 'lobby', position: -1 });
    state = step(state, 'next', 5000);
    expect(state).toMatchObject({ phase: 'question', position: 0, openedAt: 5000, deadline: 25_000 });
    state = step(state, 'show-answer');
    expect(state).toMatchObject({ phase: 'answer', position: 0, deadline: null });
    state = step(state, 'next');
    expect(state.phase).toBe('evidence');
    state = step(state, 'next');
    expect(state.phase).toBe('leaderboard');
    state = step(state, 'next', 9000);
    expect(state).toMatchObject({ phase: 'question', position: 1, openedAt: 9000, deadline: 29_000 });
    state = closeLiveQuestion(state);
    state = step(step(step(state, 'next'), 'next'), 'next');
    expect(state).toMatchObject({ phase: 'podium', position: 1 });
    expect(refusal(state, 'next')).toBe('lesson-over');
  });

  it('refuses Next while a question is open, and commands that do not fit the moment', () => {
    const lobby = newLiveState(3);
    expect(refusal(lobby, 'show-answer')).toBe('no-open-question');
    expect(refusal(lobby, 'pause')).toBe('no-open-question');
    expect(refusal(lobby, 'resume')).toBe('not-paused');
    expect(refusal(lobby, 'skip')).toBe('not-started');
    const question = step(lobby, 'next');
    expect(refusal(question, 'next')).toBe('question-open');
    expect(refusal(step(question, 'pause'), 'pause')).toBe('already-paused');
  });

  it('has no deadline for a question without a time limit', () => {
    const result = liveStep(newLiveState(1), 'next', 100, () => null);
    expect(result.ok && result.state).toMatchObject({ phase: 'question', deadline: null });
    if (result.ok) expect(liveRemainingMs(result.state, 1e9)).toBeNull();
  });

  it('stops the clock while paused, and gives back the time that was left', () => {
    let state = step(newLiveState(3), 'next', 0);
    state = step(state, 'pause', 8000);
    expect(liveRemainingMs(state, 8000)).toBe(12_000);
    expect(liveRemainingMs(state, 60_000)).toBe(12_000);
    expect(isLiveTimeUp(state, 60_000)).toBe(false);
    expect(liveAnswerRefusal(state, 0)?.code).toBe('question-paused');
    state = step(state, 'resume', 50_000);
    expect(state).toMatchObject({ openedAt: 42_000, deadline: 62_000, pausedAt: null });
    expect(liveRemainingMs(state, 50_000)).toBe(12_000);
    expect(liveAnswerRefusal(state, 0)).toBeNull();
  });

  it('is time up only past the deadline and the grace', () => {
    const state = step(newLiveState(3), 'next', 0);
    expect(isLiveTimeUp(state, 20_000)).toBe(false);
    expect(isLiveTimeUp(state, 20_001)).toBe(true);
    expect(isLiveTimeUp(state, 20_500, 750)).toBe(false);
    expect(isLiveTimeUp(state, 20_751, 750)).toBe(true);
  });

  it('skips the open question straight to the next one, and from the answer steps too', () => {
    let state = step(newLiveState(3), 'next', 0);
    state = step(state, 'skip', 3000);
    expect(state).toMatchObject({ phase: 'question', position: 1, openedAt: 3000, skipped: [0] });
    state = step(state, 'show-answer');
    state = step(state, 'skip', 4000);
    expect(state).toMatchObject({ phase: 'question', position: 2, skipped: [0] });
    state = step(state, 'skip');
    expect(state).toMatchObject({ phase: 'podium', skipped: [0, 2] });
  });

  it('ends early from any moment, with the podium', () => {
    expect(step(newLiveState(3), 'end').phase).toBe('podium');
    const paused = step(step(newLiveState(3), 'next'), 'pause');
    expect(step(paused, 'end')).toMatchObject({ phase: 'podium', pausedAt: null, deadline: null });
  });

  it('takes answers only to the open question, and says why not otherwise', () => {
    const lobby = newLiveState(3);
    expect(liveAnswerRefusal(lobby, 0)?.code).toBe('not-served');
    const open = step(step(lobby, 'next'), 'skip');
    expect(liveAnswerRefusal(open, 1)).toBeNull();
    expect(liveAnswerRefusal(open, 0)?.code).toBe('question-closed');
    expect(liveAnswerRefusal(open, 2)?.code).toBe('not-served');
    expect(liveAnswerRefusal(closeLiveQuestion(open), 1)?.code).toBe('question-closed');
  });

  it('counts a question as settled once it has closed', () => {
    let state = newLiveState(3);
    expect(liveSettledCount(state)).toBe(0);
    state = step(state, 'next');
    expect(liveSettledCount(state)).toBe(0);
    state = step(state, 'show-answer');
    expect(liveSettledCount(state)).toBe(1);
    state = step(step(step(state, 'next'), 'next'), 'next');
    expect(liveSettledCount(state)).toBe(1);
    expect(liveSettledCount(step(state, 'end'))).toBe(3);
  });

  it('moves the open question on by the server’s downtime, and nothing else', () => {
    const open = step(newLiveState(3), 'next', 0);
    expect(extendLiveForDowntime(open, 33_000)).toMatchObject({ openedAt: 33_000, deadline: 53_000 });
    const paused = step(open, 'pause', 5000);
    expect(extendLiveForDowntime(paused, 33_000)).toEqual(paused);
    const answer = step(open, 'show-answer');
    expect(extendLiveForDowntime(answer, 33_000)).toEqual(answer);
  });

  it('reads a stored state back, and refuses a damaged one', () => {
    const state = step(newLiveState(3), 'next', 0);
    expect(parseLiveState(JSON.stringify(state))).toEqual(state);
    expect(parseLiveState('{')).toBeNull();
    expect(parseLiveState(JSON.stringify({ ...state, phase: 'intermission' }))).toBeNull();
    expect(parseLiveState(JSON.stringify({ ...state, position: 'one' }))).toBeNull();
  });
});
