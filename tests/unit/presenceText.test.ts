import { describe, expect, it } from 'vitest';
import type { DashboardSnapshot } from '../../src/core/classProtocol';
import { awayText, nameList, settledQuestions, unsettledNote, waitingForText } from '../../src/host/presenceText';

function snapshot(
  status: 'lobby' | 'open' | 'ended',
  settled: boolean[],
  players: { nickname: string; answered: number; away?: boolean; finished?: boolean }[],
): DashboardSnapshot {
  return {
    class: { status },
    questions: settled.map((done) => ({ settled: done })),
    players: players.map((player) => ({ away: false, finished: false, ...player })),
  } as unknown as DashboardSnapshot;
}

describe('who the class waits for', () => {
  it('names the active players still on the first question not settled', () => {
    const class1 = snapshot(
      'open',
      [true, false, false],
      [
        { nickname: 'Ada', answered: 3, finished: true },
        { nickname: 'Bo', answered: 1 },
        { nickname: 'Cy', answered: 1 },
        { nickname: 'Di', answered: 0, away: true },
      ],
    );
    expect(settledQuestions(class1)).toBe(1);
    expect(waitingForText(class1)).toBe('Question 2 shows its answers once Bo and Cy are past it.');
    expect(awayText(class1)).toMatch(/^Away: Di \(silent for longer than a question's time: the class does not wait/);
  });

  it('says nothing in the lobby, once the class has ended, or when nobody holds a question back', () => {
    const players = [{ nickname: 'Ada', answered: 0, away: true }];
    expect(waitingForText(snapshot('lobby', [false], players))).toBe('');
    expect(awayText(snapshot('ended', [true], players))).toBe('');
    expect(waitingForText(snapshot('open', [false], players))).toBe('');
    expect(waitingForText(snapshot('open', [true], [{ nickname: 'Ada', answered: 1 }]))).toBe('');
  });

  it('lists names as they are read aloud, and a pending question by its count alone', () => {
    expect(nameList(['Ada'])).toBe('Ada');
    expect(nameList(['Ada', 'Bo', 'Cy'])).toBe('Ada, Bo and Cy');
    expect(unsettledNote({ answered: 12, timedOut: 2 })).toBe(
      '12 answered · 2 ran out of time. What they chose shows once everyone still playing is past it.',
    );
  });
});
