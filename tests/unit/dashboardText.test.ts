import { describe, expect, it } from 'vitest';
import { KIND_DESCRIPTIONS } from '../../src/core/round';
import type { ClassInfo, DashboardSnapshot } from '../../src/core/classProtocol';
import {
  answeredNote,
  count,
  droppedClassText,
  joiningText,
  lastClassText,
  leaderboardNote,
  percent,
  poolChoiceText,
  progressText,
  revealText,
  savedClassIsDead,
  scoreText,
  settingsLines,
  skillsCoverage,
  statusLine,
  verifiedMeaning,
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
    expect(leaderboardNote(false)).toMatch(/^✔ Verified: /);
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

  it('say what verified means where scores are shown, and what it does not mean', () => {
    expect(verifiedMeaning()).toBe(
      'Timed and scored by the class server, by its own clock. It does not mean a student answered alone or ' +
        'without looking anything up.',
    );
    expect(leaderboardNote(false)).toContain('timed and scored by the class server, by its own clock');
    expect(leaderboardNote(false)).toContain('It does not mean a student answered alone');
    expect(leaderboardNote(true)).toBe('Scores are hidden: the projector shows progress only.');
  });

  it('say plainly whether joining is locked', () => {
    expect(joiningText(true)).toBe('Joining locked — no one new can join');
    expect(joiningText(false)).toBe('Joining open: anyone with the code can join');
  });

  it('count the questions each pool holds over the ticked topics, or all topics when none is ticked', () => {
    const topics = [
      { id: 'ban', questions: 10, classOnlyQuestions: 4 },
      { id: 'courts', questions: 6, classOnlyQuestions: 1 },
    ];
    expect(poolChoiceText('class-only', topics, [])).toMatch(/\(5 questions\)$/);
    expect(poolChoiceText('all', topics, [])).toMatch(/\(16 questions\)$/);
    expect(poolChoiceText('class-only', topics, ['courts'])).toMatch(/\(1 question\)$/);
    expect(poolChoiceText('all', topics, ['courts'])).toMatch(/^All questions.*\(6 questions\)$/);
  });

  it('sum up the class’s settings, settled reveal and kinds included', () => {
    const info = {
      pool: 'class-only',
      kinds: [],
      answerReveal: 'immediate',
      generatedNicknamesOnly: false,
    } as unknown as ClassInfo;
    expect(settingsLines(info)).toEqual([
      'Questions from: class-only questions',
      'Kinds of question: all kinds',
      'Students see the answer: right away',
      'Nicknames: students may type their own',
    ]);
    expect(
      settingsLines({
        ...info,
        pool: 'all',
        kinds: ['who-speaks', 'compare'],
        answerReveal: 'settled',
        generatedNicknamesOnly: true,
      }),
    ).toEqual([
      'Questions from: all questions',
      `Kinds of question: ${KIND_DESCRIPTIONS['who-speaks']}; ${KIND_DESCRIPTIONS.compare}`,
      'Students see the answer: once everyone still in the class has answered',
      'Nicknames: generated nicknames only',
    ]);
    expect(revealText('settled')).toContain('after everyone still in the class has answered');
  });

  it('forget a saved class only when the server says it is gone (404), never on a 429 or a lost connection', () => {
    expect(savedClassIsDead(404)).toBe(true);
    for (const status of [0, 429, 500, 502, 503]) expect(savedClassIsDead(status)).toBe(false);
    expect(droppedClassText('ABC234')).toMatch(/^The class ABC234 saved on this browser is no longer/);
  });

  it('offer a finished class by its code and the day it ended', () => {
    expect(lastClassText('ABC234', Date.UTC(2026, 11, 6, 12))).toBe('Show the last class (ABC234, ended 6 Dec 2026)');
    expect(lastClassText('ABC234', null)).toBe('Show the last class (ABC234)');
  });
});
