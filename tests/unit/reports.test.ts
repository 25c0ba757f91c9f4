import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JUDGEMENT_FOR_VERDICT } from '../../src/core/claims';
import { roundSettingsForMode } from '../../src/core/modes';
import {
  bankTimeline,
  briefPrompt,
  calibrationReport,
  classSummary,
  DISCERNMENT_MESSAGES,
  discernmentReport,
  roundReports,
  roundTimeline,
  SKILL_TIPS,
  skillReport,
  weakestSkill,
  type LoggedAnswer,
  type SkillRow,
} from '../../src/core/reports';
import { buildRound, DEFAULT_ROUND_SETTINGS } from '../../src/core/round';
import {
  advance,
  answer,
  currentQuestion,
  displayedChoices,
  judgeClaim,
  startSession,
  wager,
} from '../../src/core/session';
import { TIMELINE_END, TIMELINE_START } from '../../src/core/settings';
import type { Question, Skill } from '../../src/core/types';
import type { Confidence } from '../../src/core/wager';
import { loadBankFromDisk } from '../../src/server/bankFiles';
import { makeQuestion } from './helpers';

const claim = (verdict: 'accurate' | 'inaccurate' | 'misleading' | 'unsupported') => ({
  source: 'article',
  quote: `a claim that is ${verdict}`,
  verdict,
});

/** A round of seven: two true claims and a surprising fact, two false ones, one unsupported, one plain. */
const questions: Question[] = [
  makeQuestion('q1', { skill: 'stop', surprising: true }),
  makeQuestion('q2', { skill: 'investigate-source', claim: claim('accurate') }),
  makeQuestion('q3', { skill: 'trace-claims', claim: claim('inaccurate') }),
  makeQuestion('q4', { skill: 'trace-claims', claim: claim('misleading') }),
  makeQuestion('q5', { skill: 'find-better-coverage', claim: claim('unsupported') }),
  makeQuestion('q6', { skill: 'stop' }),
  makeQuestion('q7', { skill: 'trace-claims', claim: claim('accurate') }),
];

/** A log answering the round in order; `right` lists the questions answered right. */
function logOf(right: string[], extra: Record<string, Partial<LoggedAnswer>> = {}): LoggedAnswer[] {
  return questions.map((question) => ({
    questionId: question.id,
    correct: right.includes(question.id),
    ...extra[question.id],
  }));
}

function wagered(entries: [Confidence, boolean][]): LoggedAnswer[] {
  return entries.map(([confidence, correct], index) => ({
    questionId: `w${index}`,
    correct,
    wager: { confidence, unit: 1000, points: 0 },
  }));
}

describe('calibration', () => {
  it('counts answers and right answers for each level, and says how each fits the marks', () => {
    const log = [
      ...wagered([
        ['sure', true],
        ['sure', true],
        ['sure', false],
        ['sure', true],
        ['sure', true],
        ['think-so', true],
        ['think-so', false],
        ['think-so', false],
        ['guessing', true],
        ['guessing', true],
      ]),
      { questionId: 'timed-out', correct: false },
    ];
    const rows = calibrationReport({ log });
    expect(rows.map(({ confidence, asked, right, rate, fit }) => ({ confidence, asked, right, rate, fit }))).toEqual([
      { confidence: 'sure', asked: 5, right: 4, rate: 0.8, fit: 'fits' },
      { confidence: 'think-so', asked: 3, right: 1, rate: 1 / 3, fit: 'over-confident' },
      { confidence: 'guessing', asked: 2, right: 2, rate: 1, fit: 'under-confident' },
    ]);
  });

  it('calls a Sure that is right 3 times in 4 over-confident, and one answer too few to tell', () => {
    const rows = calibrationReport({
      log: wagered([
        ['sure', true],
        ['sure', true],
        ['sure', false],
        ['sure', true],
        ['think-so', false],
      ]),
    });
    expect(rows[0]).toMatchObject({ asked: 4, right: 3, rate: 0.75, fit: 'over-confident' });
    expect(rows[1]).toMatchObject({ asked: 1, right: 0, rate: 0, fit: 'too-few' });
    expect(rows[2]).toMatchObject({ asked: 0, right: 0, rate: null, fit: 'too-few' });
  });
});

describe('discernment', () => {
  it('compares answers on true claims (surprising or accurate) with answers on false or misleading ones', () => {
    const report = discernmentReport({ questions, log: logOf(['q1', 'q3', 'q4', 'q5', 'q6']) });
    expect(report.answers).toEqual({
      trueClaims: { asked: 3, right: 1, rate: 1 / 3 },
      falseClaims: { asked: 2, right: 2, rate: 1 },
    });
    expect(report).toMatchObject({ basis: 'answers', judgements: null, weaker: 'true-claims' });
    expect(report.message).toBe(DISCERNMENT_MESSAGES['true-claims']);
  });

  it('names false claims when they fool the player more', () => {
    const report = discernmentReport({ questions, log: logOf(['q1', 'q2', 'q7', 'q4']) });
    expect(report.answers.falseClaims).toEqual({ asked: 2, right: 1, rate: 0.5 });
    expect(report.weaker).toBe('false-claims');
  });

  it('calls equal rates even: 1 of 2 true claims against 2 of 4 false ones', () => {
    const round = [
      makeQuestion('t1', { surprising: true }),
      makeQuestion('t2', { claim: claim('accurate') }),
      ...['f1', 'f2', 'f3', 'f4'].map((id) => makeQuestion(id, { claim: claim('inaccurate') })),
    ];
    const right = ['t1', 'f1', 'f2'];
    const log = round.map((question) => ({ questionId: question.id, correct: right.includes(question.id) }));
    const report = discernmentReport({ questions: round, log });
    expect(report.answers).toEqual({
      trueClaims: { asked: 2, right: 1, rate: 0.5 },
      falseClaims: { asked: 4, right: 2, rate: 0.5 },
    });
    expect(report.weaker).toBe('even');
    expect(report.message).toBe(DISCERNMENT_MESSAGES.even);
  });

  it('says there is not enough to tell with fewer than two of a kind', () => {
    const log = logOf(['q1', 'q2', 'q3']).filter((entry) => entry.questionId !== 'q4');
    const report = discernmentReport({ questions, log });
    expect(report.answers.falseClaims).toMatchObject({ asked: 1 });
    expect(report.weaker).toBe('not-enough');
    expect(report.message).toMatch(/not enough/i);
    expect(discernmentReport({ questions, log: [] }).weaker).toBe('not-enough');
  });

  it('decides on the claim judgements of a fact-check round, counting misleading as inaccurate', () => {
    const log = logOf(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7'], {
      q2: { claimJudgement: 'accurate' },
      q3: { claimJudgement: 'inaccurate' },
      q4: { claimJudgement: 'inaccurate' },
      q5: { claimJudgement: 'cannot-tell' },
      q7: { claimJudgement: 'inaccurate' },
    });
    const report = discernmentReport({ questions, log });
    expect(report.answers.trueClaims).toMatchObject({ asked: 3, right: 3 });
    expect(report.judgements).toEqual({
      trueClaims: { asked: 2, right: 1, rate: 0.5 },
      falseClaims: { asked: 2, right: 2, rate: 1 },
      unsupported: { asked: 1, right: 1, rate: 1 },
    });
    expect(report).toMatchObject({ basis: 'judgements', weaker: 'true-claims' });
  });

  it('marks an unsupported claim judged accurate as wrong', () => {
    const report = discernmentReport({
      questions,
      log: logOf([], { q5: { claimJudgement: 'accurate' } }),
    });
    expect(report.judgements?.unsupported).toEqual({ asked: 1, right: 0, rate: 0 });
  });
});

describe('skills', () => {
  it('counts right out of asked for each SIFT skill and names the weakest with a tip from this round', () => {
    const report = skillReport({ questions, log: logOf(['q1', 'q3', 'q4', 'q5']) });
    expect(report.rows).toEqual([
      { skill: 'stop', asked: 2, right: 1, rate: 0.5, missed: 1 },
      { skill: 'investigate-source', asked: 1, right: 0, rate: 0, missed: 1 },
      { skill: 'find-better-coverage', asked: 1, right: 1, rate: 1, missed: 0 },
      { skill: 'trace-claims', asked: 3, right: 2, rate: 2 / 3, missed: 1 },
    ]);
    expect(report.weakest).toBe('investigate-source');
    expect(report.tip).toEqual({
      skill: 'investigate-source',
      tip: SKILL_TIPS['investigate-source'],
      example: { position: 2, questionId: 'q2', text: 'Question 2: “Prompt of q2”' },
    });
  });

  it('takes the first missed question of the weakest skill as the example', () => {
    const report = skillReport({ questions, log: logOf(['q1', 'q2', 'q5', 'q6', 'q3']) });
    expect(report.weakest).toBe('trace-claims');
    expect(report.tip?.example).toMatchObject({ position: 4, questionId: 'q4' });
  });

  it('has no weakest skill and no tip when nothing was missed', () => {
    const report = skillReport({ questions, log: logOf(questions.map((question) => question.id)) });
    expect(report.weakest).toBeNull();
    expect(report.tip).toBeNull();
  });

  const row = (skill: Skill, asked: number, right: number): SkillRow => ({
    skill,
    asked,
    right,
    rate: asked === 0 ? null : right / asked,
    missed: asked - right,
  });

  it('breaks a tie on rate by the most questions missed', () => {
    expect(weakestSkill([row('stop', 2, 1), row('trace-claims', 4, 2), row('find-better-coverage', 3, 3)])).toBe(
      'trace-claims',
    );
  });

  it('breaks a tie on rate and misses by the SIFT order', () => {
    expect(weakestSkill([row('trace-claims', 1, 0), row('find-better-coverage', 1, 0), row('stop', 1, 0)])).toBe(
      'stop',
    );
    expect(weakestSkill([row('trace-claims', 2, 1), row('investigate-source', 2, 1)])).toBe('investigate-source');
  });

  it('prefers a lower rate to more misses, and ignores skills not asked', () => {
    expect(weakestSkill([row('stop', 10, 6), row('trace-claims', 2, 0), row('investigate-source', 0, 0)])).toBe(
      'trace-claims',
    );
  });

  it('quotes a long prompt briefly, cut at a word', () => {
    const prompt =
      "The article says the ultimatum came 'In early July'. On what date did the White House sign EO 13942 on TikTok?";
    const brief = briefPrompt(prompt);
    expect(brief.length).toBeLessThanOrEqual(80);
    expect(brief).toBe("The article says the ultimatum came 'In early July'. On what date did the White…");
    expect(briefPrompt('Short  and\nsweet?')).toBe('Short and sweet?');
    expect(briefPrompt('one, two, three', 10)).toBe('one, two…');
    expect(briefPrompt('alpha beta gamma', 13)).toBe('alpha beta…');
  });
});

describe('timeline', () => {
  const sources = {
    eo: { date: '2020-08-06' },
    law: { date: '2024-04-24' },
    article: { date: 'not stated' },
  };
  const dated: Question[] = [
    makeQuestion('as-of', { asOf: '2025-01-19', evidence: [{ source: 'eo', quote: 'x' }] }),
    makeQuestion('from-law', { evidence: [{ source: 'law', quote: 'x' }] }),
    makeQuestion('undated', { evidence: [{ source: 'article', quote: 'x' }] }),
    makeQuestion('from-eo', { evidence: [{ source: 'eo', quote: 'y' }] }),
    makeQuestion('too-early', { asOf: '2018-05-01' }),
    makeQuestion('unknown-source', { evidence: [{ source: 'missing', quote: 'x' }] }),
    makeQuestion('no-evidence', { evidence: [], noSource: true }),
    makeQuestion('same-day', { asOf: '2020-08-06' }),
  ];

  it('places questions by asOf, else by their first source, earliest first, and lists the rest as undated', () => {
    const timeline = roundTimeline({ questions: dated, log: [] }, sources);
    expect(timeline).toMatchObject({ start: TIMELINE_START, end: TIMELINE_END });
    expect(timeline.items.map((item) => [item.questionId, item.date, item.dateFrom])).toEqual([
      ['too-early', '2018-05-01', 'as-of'],
      ['from-eo', '2020-08-06', 'source'],
      ['same-day', '2020-08-06', 'as-of'],
      ['from-law', '2024-04-24', 'source'],
      ['as-of', '2025-01-19', 'as-of'],
    ]);
    expect(timeline.undated).toEqual(['undated', 'unknown-source', 'no-evidence']);
  });

  it('gives each a place from 0 (start of 2019) to 1 (end of 2025), holding earlier dates at 0', () => {
    const timeline = roundTimeline({ questions: dated, log: [] }, sources);
    const place = (id: string) => timeline.items.find((item) => item.questionId === id)!.place;
    expect(place('too-early')).toBe(0);
    // 2019-01-01 to 2020-08-06 is 583 days; to 2025-12-31, 2,556.
    expect(place('from-eo')).toBeCloseTo(583 / 2556, 12);
    const end = roundTimeline({ questions: [makeQuestion('end', { asOf: '2025-12-31' })], log: [] }, sources);
    expect(end.items[0]!.place).toBe(1);
  });

  it("marks a round's questions with their position and, once answered, the result", () => {
    const timeline = roundTimeline(
      {
        questions: dated,
        log: [
          { questionId: 'as-of', correct: true },
          { questionId: 'from-law', correct: false },
        ],
      },
      sources,
    );
    const byId = new Map(timeline.items.map((item) => [item.questionId, item]));
    expect(byId.get('as-of')).toMatchObject({ position: 1, correct: true });
    expect(byId.get('from-law')).toMatchObject({ position: 2, correct: false });
    expect(byId.get('from-eo')).toMatchObject({ position: 4 });
    expect(byId.get('from-eo')).not.toHaveProperty('correct');
  });

  it('places the whole shipped bank on the 2019–2025 line, except questions from undated sources', () => {
    const root = join(import.meta.dirname, '..', '..');
    const { bank } = loadBankFromDisk(join(root, 'questions'), root);
    const timeline = bankTimeline(bank);
    expect(timeline.items.length + timeline.undated.length).toBe(bank.questions.length);
    expect(timeline.items.length).toBeGreaterThan(bank.questions.length / 2);
    for (const item of timeline.items) {
      expect(item.date >= TIMELINE_START && item.date <= TIMELINE_END, item.questionId).toBe(true);
    }
    const byId = new Map(bank.questions.map((question) => [question.id, question]));
    for (const id of timeline.undated) {
      expect(bank.sources[byId.get(id)!.evidence[0]!.source]!.date, id).toBe('not stated');
    }
  });
});

describe('the class summary', () => {
  const logs = [
    logOf(['q1', 'q3', 'q4', 'q5']), // misses q2, q6, q7: weakest investigate-source; weaker on true claims
    logOf(questions.map((question) => question.id)), // misses nothing
    logOf(['q1', 'q2', 'q5', 'q6', 'q7']), // misses q3, q4: weakest trace-claims; weaker on false claims
    [], // joined and answered nothing
  ];

  it('pools skills, picks the class’s weakest by the same rule, and counts each player’s own weakest', () => {
    const summary = classSummary(questions, logs);
    expect(summary.players).toBe(4);
    expect(summary.skills.map(({ skill, asked, right, missed }) => [skill, asked, right, missed])).toEqual([
      ['stop', 6, 5, 1],
      ['investigate-source', 3, 2, 1],
      ['find-better-coverage', 3, 3, 0],
      ['trace-claims', 9, 6, 3],
    ]);
    // investigate-source and trace-claims are both at 2/3; trace-claims has more misses.
    expect(summary.weakestSkill).toBe('trace-claims');
    expect(summary.tip).toBe(SKILL_TIPS['trace-claims']);
    expect(summary.mostMissed).toEqual({ questionId: 'q3', prompt: 'Prompt of q3', missed: 1, asked: 3 });
    expect(summary.weakestSkillCounts).toEqual({
      stop: 0,
      'investigate-source': 1,
      'find-better-coverage': 0,
      'trace-claims': 1,
    });
  });

  it('pools discernment and counts how each player came out', () => {
    const summary = classSummary(questions, logs);
    expect(summary.discernment.answers).toEqual({
      trueClaims: { asked: 9, right: 7, rate: 7 / 9 },
      falseClaims: { asked: 6, right: 4, rate: 4 / 6 },
    });
    expect(summary.discernment).toMatchObject({ basis: 'answers', weaker: 'false-claims' });
    expect(summary.discernmentCounts).toEqual({ 'true-claims': 1, 'false-claims': 1, even: 1, 'not-enough': 1 });
  });

  it('finds the most-missed question of the weakest skill across the class', () => {
    const summary = classSummary(questions, [...logs, logOf(['q1', 'q2', 'q3', 'q5', 'q6', 'q7'])]);
    expect(summary.weakestSkill).toBe('trace-claims');
    expect(summary.mostMissed).toEqual({ questionId: 'q4', prompt: 'Prompt of q4', missed: 2, asked: 4 });
  });

  it('pools judgements when players made them', () => {
    const judged = logOf(['q2', 'q3'], {
      q2: { claimJudgement: 'accurate' },
      q3: { claimJudgement: 'accurate' },
      q4: { claimJudgement: 'accurate' },
      q7: { claimJudgement: 'accurate' },
    });
    const summary = classSummary(questions, [judged, logs[1]!]);
    expect(summary.discernment.basis).toBe('judgements');
    expect(summary.discernment.judgements).toMatchObject({
      trueClaims: { asked: 2, right: 2 },
      falseClaims: { asked: 2, right: 0 },
    });
    expect(summary.discernment.weaker).toBe('false-claims');
  });

  it('has nothing to report for a class with no answers', () => {
    const summary = classSummary(questions, []);
    expect(summary).toMatchObject({ players: 0, weakestSkill: null, tip: null, mostMissed: null });
    expect(summary.discernment.weaker).toBe('not-enough');
  });
});

describe('the reports of a played fact-check round', () => {
  it('reads the session itself: its wagers, judgements and answers', () => {
    const settings = roundSettingsForMode('fact-check', { ...DEFAULT_ROUND_SETTINGS, questionCount: 10 });
    let state = startSession(buildRound(questions, settings, 'reports'), questions, 0);
    let now = 0;
    const levels: Confidence[] = ['sure', 'sure', 'think-so', 'guessing', 'sure'];
    while (state.phase !== 'finished') {
      const question = currentQuestion(state)!;
      if (state.phase === 'claim') state = judgeClaim(state, JUDGEMENT_FOR_VERDICT[question.claim!.verdict!], now);
      const right = displayedChoices(state).findIndex((choice) => choice.correct);
      state = answer(state, state.index % 2 === 0 ? right : (right + 1) % 4, now + 500);
      state = wager(state, levels[state.index]!, now + 600);
      now += 1_000;
      state = advance(state, now);
    }
    // The five claim questions of the seven, and only those.
    expect(state.questions.map((question) => question.id).sort()).toEqual(['q2', 'q3', 'q4', 'q5', 'q7']);
    const reports = roundReports(state, { doc: { date: '2020-08-06' } });
    expect(reports.calibration.map((row) => [row.confidence, row.asked, row.right])).toEqual([
      ['sure', 3, 2],
      ['think-so', 1, 1],
      ['guessing', 1, 0],
    ]);
    expect(reports.discernment.basis).toBe('judgements');
    expect(reports.discernment.judgements).toMatchObject({
      trueClaims: { right: 2, asked: 2 },
      falseClaims: { right: 2, asked: 2 },
      unsupported: { right: 1, asked: 1 },
    });
    expect(reports.skills.rows.reduce((sum, row) => sum + row.asked, 0)).toBe(5);
    expect(reports.skills.weakest).not.toBeNull();
    expect(reports.timeline.items).toHaveLength(5);
  });
});
