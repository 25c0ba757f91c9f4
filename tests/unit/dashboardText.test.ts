import { describe, expect, it } from 'vitest';
import type { DashboardSnapshot } from '../../src/core/classProtocol';
import {
  answeredNote,
  count,
  joinUrlFor,
  leaderboardNote,
  percent,
  progressText,
  scoreText,
  skillsCoverage,
  statusLine,
} from '../../src/host/dashboardText';

function snapshot(status: 'lobby' | 'open' | 'ended', finished: boolean[], timeLimitSec: number | null = 20) {
  return {
    class: { status, questionCount: 10, timeLimitSec },
    players: finished.map((done) => ({ finished: done })),
  } as unknown as DashboardSnapshot;
}

const skills = (asked: number[]) => asked.map((n) => ({ asked: n }));

describe('the dashboard’s words', () => {
  it('count players and rates as a teacher reads them', () => {
    expect(count(1, 'player')).toBe('1 player');
    expect(count(0, 'player')).toBe('0 players');
    expect(percent(null)).toBe('—');
    expect(percent(0.666)).toBe('67%');
  });

  it('sum up the class in its status line', () => {
    expect(statusLine(snapshot('lobby', [false, false]))).toBe(
      'Waiting to start · 2 joined · 10 questions · 20 s each',
    );
    expect(statusLine(snapshot('open', [true, false, false]))).toBe(
      'Playing · 3 players · 1 finished · 10 questions · 20 s each',
    );
    expect(statusLine(snapshot('ended', [true], null))).toBe('Ended · 1 player · 10 questions · no time limit');
  });

  it('show progress and scores, hiding the scores when asked', () => {
    expect(progressText({ answered: 3, finished: false }, 10)).toBe(' 3 / 10');
    expect(progressText({ answered: 10, finished: true }, 10)).toBe(' done');
    expect(scoreText(12345, false)).toBe('12,345');
    expect(scoreText(12345, true)).toBe('—');
    expect(leaderboardNote(true)).toMatch(/hidden/);
    expect(leaderboardNote(false)).toMatch(/verified/);
  });

  it('say which answers the skills count, never one a player has still to give', () => {
    const open = { status: 'open' as const, questionCount: 10 };
    expect(skillsCoverage({ skills: skills([0, 0]), players: 3, questionsCounted: 0 }, open)).toMatch(
      /^Nothing to show yet/,
    );
    expect(skillsCoverage({ skills: skills([0]), players: 3, questionsCounted: 0 }, { ...open, status: 'ended' })).toBe(
      'Nobody answered a question in this class.',
    );
    expect(skillsCoverage({ skills: skills([2, 1]), players: 3, questionsCounted: 4 }, open)).toMatch(
      /^Questions 1–4 of 10, the ones every player is past/,
    );
    expect(skillsCoverage({ skills: skills([9]), players: 3, questionsCounted: 10 }, open)).toBe(
      'All 10 questions: every player is past them.',
    );
    expect(skillsCoverage({ skills: skills([9]), players: 1, questionsCounted: 4 }, { ...open, status: 'ended' })).toBe(
      'Every answer of 1 player: the class has ended.',
    );
  });

  it('note how many answered a question and how many ran out of time', () => {
    expect(answeredNote({ answered: 5, timedOut: 0 })).toBe('5 answered');
    expect(answeredNote({ answered: 5, timedOut: 2 })).toBe('5 answered · 2 ran out of time');
  });

  it('give students this page’s address, or the classroom address when opened on this computer', () => {
    const info = { joinOrigins: ['http://192.168.1.20:8080'], loopbackOnly: false };
    expect(joinUrlFor('ABC123', info, { href: 'http://127.0.0.1:8080/host.html', hostname: '127.0.0.1' })).toBe(
      'http://192.168.1.20:8080/?class=ABC123',
    );
    expect(
      joinUrlFor('ABC123', info, {
        href: 'https://quiz.school.example/game/host.html',
        hostname: 'quiz.school.example',
      }),
    ).toBe('https://quiz.school.example/game/?class=ABC123');
    expect(
      joinUrlFor(
        'ABC123',
        { joinOrigins: [], loopbackOnly: true },
        { href: 'http://localhost:8080/host.html', hostname: 'localhost' },
      ),
    ).toBe('http://localhost:8080/?class=ABC123');
  });
});
