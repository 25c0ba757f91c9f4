import { describe, expect, it } from 'vitest';
import { CLAIM_JUDGEMENTS, isJudgementRight, JUDGEMENT_FOR_VERDICT, type ClaimJudgement } from '../../src/core/claims';
import { dailyBoardDay, dailyRoundName, localDateOf } from '../../src/core/dailyDay';
import { dailySeed, MODE_IDS, MODES, roundSettingsForMode } from '../../src/core/modes';
import { DEFAULT_PREFERENCES, roundSettingsFrom } from '../../src/core/preferences';
import { buildRound, DEFAULT_ROUND_SETTINGS, type RoundSettings } from '../../src/core/round';
import {
  advance,
  answer,
  canRetry,
  currentQuestion,
  displayedChoices,
  expire,
  judgeClaim,
  missedQuestionIds,
  startRetry,
  startSession,
  summarize,
  type SessionState,
} from '../../src/core/session';
import { CLAIM_VERDICTS, type ClaimVerdict, type Question } from '../../src/core/types';
import { HIGH_SCORES_KEY } from '../../src/storage/HighScoreStore';
import { makeQuestion, makeQuestions } from './helpers';

const bank = makeQuestions(['alpha', 'beta', 'gamma', 'delta'], 9);

function rightPosition(state: SessionState): number {
  return displayedChoices(state).findIndex((choice) => choice.correct);
}

function wrongPosition(state: SessionState): number {
  return displayedChoices(state).findIndex((choice) => !choice.correct);
}

/** Plays a whole round, answering right where `rightAt(index)` says so, one second per answer. */
function play(state: SessionState, rightAt: (index: number) => boolean, start = 0): SessionState {
  let now = start;
  let current = state;
  while (current.phase !== 'finished') {
    const position = rightAt(current.index) ? rightPosition(current) : wrongPosition(current);
    current = answer(current, position, now + 1_000);
    now += 2_000;
    current = advance(current, now);
  }
  return current;
}

const preferred: RoundSettings = {
  ...DEFAULT_ROUND_SETTINGS,
  questionCount: 5,
  topics: ['beta', 'gamma'],
  difficulty: 'mixed',
  timeScale: 2,
};

describe('the modes table', () => {
  it('describes every mode in one line and gives each a high-score board of its own', () => {
    for (const mode of MODE_IDS) {
      expect(MODES[mode].description.length, mode).toBeGreaterThan(10);
      expect(MODES[mode].description, mode).not.toMatch(/\n/);
    }
    // A player who needs more time learns where to get it from the words that promise a clock.
    for (const mode of MODE_IDS.filter((id) => /Beat the clock/.test(MODES[id].description))) {
      expect(MODES[mode].description, mode).toMatch(/Settings/);
    }
    expect(MODES.classic.description).toMatch(/Beat the clock/);
    const keys = MODE_IDS.map((mode) => MODES[mode].highScoreKey);
    expect(new Set(keys).size).toBe(MODE_IDS.length);
  });

  it('keeps the Classic board where high scores were kept before modes existed', () => {
    expect(MODES.classic.highScoreKey).toBe(HIGH_SCORES_KEY);
  });
});

describe('classic', () => {
  it('is the default round settings', () => {
    expect(roundSettingsForMode('classic')).toEqual(DEFAULT_ROUND_SETTINGS);
    expect(roundSettingsFrom(DEFAULT_PREFERENCES)).toEqual(DEFAULT_ROUND_SETTINGS);
    expect(DEFAULT_ROUND_SETTINGS).toMatchObject({ mode: 'classic', claimsOnly: false, wager: false });
  });

  it("keeps the player's count, topics, difficulty and time", () => {
    expect(roundSettingsForMode('classic', preferred)).toEqual(preferred);
  });

  it('asks the same questions for a seed with the wager on (seeds of default rounds are pinned in round.test.ts)', () => {
    const wagered = roundSettingsForMode('classic', preferred, { wager: true });
    expect(wagered).toEqual({ ...preferred, wager: true });
    expect(buildRound(bank, wagered, 'pinned').questions).toEqual(buildRound(bank, preferred, 'pinned').questions);
  });
});

describe('practice', () => {
  const settings = roundSettingsForMode('practice', preferred);

  it('has no timer and no speed points, whatever the player set', () => {
    expect(settings).toMatchObject({ mode: 'practice', timeLimitSec: null, timeScale: 1, speedPoints: false });
    const plan = buildRound(bank, settings, 'practice');
    expect(plan.questions.every((planned) => planned.timeLimitMs === null)).toBe(true);
  });

  it('asks the same questions as a classic round of the same seed', () => {
    const ids = (plan: { questions: { questionId: string }[] }) => plan.questions.map((q) => q.questionId);
    expect(ids(buildRound(bank, settings, 'same'))).toEqual(ids(buildRound(bank, preferred, 'same')));
  });

  it('never times out and pays the flat 1,000 however slow the answer', () => {
    const state = startSession(buildRound(bank, settings, 'slow'), bank, 0);
    expect(expire(state, 10 * 60_000)).toBe(state);
    const answered = answer(state, rightPosition(state), 10 * 60_000);
    expect(answered.log[0]).toMatchObject({ correct: true, timedOut: false, base: 1000, points: 1000 });
  });

  it('lets the missed questions be replayed, as often as wanted, without changing the score', () => {
    const round = play(startSession(buildRound(bank, settings, 'retry'), bank, 0), (index) => index % 2 === 0);
    const missed = missedQuestionIds(round);
    expect(missed).toEqual([round.log[1]!.questionId, round.log[3]!.questionId]);
    expect(canRetry(round)).toBe(true);
    const snapshot = JSON.stringify(round);

    const retry = startRetry(round, 100_000);
    expect(JSON.stringify(round)).toBe(snapshot);
    expect(retry).toMatchObject({ phase: 'question', attempt: 1, score: 0, log: [] });
    expect(retry.plan.questions.map((planned) => planned.questionId)).toEqual(missed);
    expect(retry.plan.questions.every((planned) => planned.timeLimitMs === null)).toBe(true);
    for (const planned of retry.plan.questions) expect([...planned.choiceOrder].sort()).toEqual([0, 1, 2, 3]);

    // One right, one still wrong: the replay logs both and scores nothing.
    const once = play(retry, (index) => index === 0, 100_000);
    expect(once.log.map((entry) => entry.correct)).toEqual([true, false]);
    expect(once.log.every((entry) => entry.points === 0)).toBe(true);
    expect(summarize(once).score).toBe(0);
    expect(summarize(round).score).toBe(round.score);

    const twice = startRetry(once, 200_000);
    expect(twice.attempt).toBe(2);
    expect(twice.plan.questions.map((planned) => planned.questionId)).toEqual([missed[1]]);
    const done = play(twice, () => true, 200_000);
    expect(canRetry(done)).toBe(false);
    expect(startRetry(done, 300_000)).toBe(done);
  });

  it('offers a replay only once the round is over, and only when something was missed', () => {
    const fresh = startSession(buildRound(bank, settings, 'early'), bank, 0);
    expect(canRetry(fresh)).toBe(false);
    expect(startRetry(fresh, 5)).toBe(fresh);
    const perfect = play(fresh, () => true);
    expect(canRetry(perfect)).toBe(false);
  });

  it('is the only mode with replays', () => {
    const classic = play(startSession(buildRound(bank, preferred, 'classic'), bank, 0), () => false);
    expect(missedQuestionIds(classic)).toHaveLength(5);
    expect(canRetry(classic)).toBe(false);
    expect(startRetry(classic, 0)).toBe(classic);
  });
});

/** Claim questions of every verdict, a claim without a verdict, and plain questions. */
function claimBank(): Question[] {
  const questions: Question[] = [];
  CLAIM_VERDICTS.forEach((verdict, v) => {
    for (let i = 0; i < 3; i += 1) {
      questions.push(
        makeQuestion(`claim-${verdict}-${i}`, {
          difficulty: ((i % 3) + 1) as 1 | 2 | 3,
          claim: { source: 'article', quote: `claim ${v} ${i}`, verdict },
        }),
      );
    }
  });
  questions.push(makeQuestion('claim-no-verdict', { claim: { source: 'article', quote: 'a claim' } }));
  return [...questions, ...makeQuestions(['alpha', 'beta'], 9)];
}

describe('fact-check', () => {
  const claims = claimBank();
  const settings = roundSettingsForMode('fact-check', { ...preferred, topics: [] });

  it('draws only questions that check a claim, untimed, with the wager on by default', () => {
    expect(settings).toMatchObject({ mode: 'fact-check', claimsOnly: true, wager: true, timeLimitSec: null });
    expect(roundSettingsForMode('fact-check', preferred, { wager: false }).wager).toBe(false);
    expect(roundSettingsForMode('fact-check', preferred).topics).toEqual(preferred.topics);
    const plan = buildRound(claims, { ...settings, questionCount: 20 }, 'claims');
    expect(plan.questions).toHaveLength(13);
    const byId = new Map(claims.map((question) => [question.id, question]));
    expect(plan.questions.every((planned) => byId.get(planned.questionId)!.claim !== undefined)).toBe(true);
  });

  it('opens each question on its claim; answers wait for the judgement, which starts the clock', () => {
    const judged = { ...settings, wager: false, timeLimitSec: 20, questionCount: 3 };
    const state = startSession(buildRound(claims, judged, 'judge'), claims, 0);
    expect(state.phase).toBe('claim');
    expect(answer(state, 0, 10)).toBe(state);
    expect(expire(state, 60_000)).toBe(state);
    expect(judgeClaim(state, 'maybe' as ClaimJudgement, 10)).toBe(state);

    const judging = judgeClaim(state, 'inaccurate', 30_000);
    expect(judging.phase).toBe('question');
    expect(judging.countdown.startedAt).toBe(30_000);
    expect(judgeClaim(judging, 'accurate', 30_001)).toBe(judging);

    const answered = answer(judging, rightPosition(judging), 31_000);
    expect(answered.log[0]).toMatchObject({ claimJudgement: 'inaccurate', correct: true, elapsedMs: 1_000 });
    const next = advance(answered, 32_000);
    expect(next).toMatchObject({ phase: 'claim', claimJudgement: null });
  });

  it('scores the answer alone: a right or wrong judgement changes no points', () => {
    const noWager = { ...settings, wager: false, questionCount: 1 };
    const state = startSession(buildRound(claims, noWager, 'points'), claims, 0);
    expect(state.phase).toBe('claim');
    const verdict = currentQuestion(state)!.claim!.verdict!;
    const rightCall = JUDGEMENT_FOR_VERDICT[verdict];
    const wrongCall = CLAIM_JUDGEMENTS.find((judgement) => judgement !== rightCall)!;
    const afterRight = answer(judgeClaim(state, rightCall, 0), rightPosition(state), 1_000);
    const afterWrong = answer(judgeClaim(state, wrongCall, 0), rightPosition(state), 1_000);
    expect(afterRight.score).toBe(1000);
    expect(afterWrong.score).toBe(afterRight.score);
    expect(afterWrong.log[0]!.points).toBe(afterRight.log[0]!.points);
  });

  it('skips the judgement for a claim with no verdict to mark it by', () => {
    const unverdicted = claims.filter((question) => question.id === 'claim-no-verdict');
    const state = startSession(buildRound(unverdicted, { ...settings, wager: false }, 'x'), unverdicted, 0);
    expect(state.phase).toBe('question');
    expect(answer(state, 0, 5).log[0]).not.toHaveProperty('claimJudgement');
  });

  it('marks judgements by the verdict: accurate, inaccurate or misleading, unsupported', () => {
    expect(JUDGEMENT_FOR_VERDICT).toEqual({
      accurate: 'accurate',
      inaccurate: 'inaccurate',
      misleading: 'inaccurate',
      unsupported: 'cannot-tell',
    });
    const rightCalls: [ClaimVerdict, ClaimJudgement][] = [
      ['accurate', 'accurate'],
      ['inaccurate', 'inaccurate'],
      ['misleading', 'inaccurate'],
      ['unsupported', 'cannot-tell'],
    ];
    for (const verdict of CLAIM_VERDICTS) {
      const question = makeQuestion(`q-${verdict}`, { claim: { source: 'a', quote: 'b', verdict } });
      for (const judgement of CLAIM_JUDGEMENTS) {
        const expected = rightCalls.some(([v, j]) => v === verdict && j === judgement);
        expect(isJudgementRight(question, judgement), `${verdict} judged ${judgement}`).toBe(expected);
      }
    }
    expect(isJudgementRight(makeQuestion('plain'), 'accurate')).toBeUndefined();
  });

  it('leaves classic rounds without a judgement step, even on claim questions', () => {
    const state = startSession(buildRound(claims, { ...preferred, questionCount: 20 }, 'c'), claims, 0);
    expect(state.phase).toBe('question');
    expect(judgeClaim(state, 'accurate', 5)).toBe(state);
  });
});

describe('daily', () => {
  it('has a seed that is the same all day and new every day', () => {
    const today = dailySeed('2026-11-24', 'k3j9x2a');
    expect(dailySeed('2026-11-24', 'k3j9x2a')).toBe(today);
    expect(dailySeed('2026-11-25', 'k3j9x2a')).not.toBe(today);
    expect(dailySeed('2027-11-24', 'k3j9x2a')).not.toBe(today);
    expect(dailySeed('2026-11-24', 'other')).not.toBe(today);
    const week = ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30'];
    expect(new Set(week.map((date) => dailySeed(date, 'v1'))).size).toBe(7);
  });

  it('fits in a challenge link, whatever the bank version looks like', () => {
    for (const version of ['k3j9x2a', 'Version 2.0 / custom', '']) {
      expect(dailySeed('2026-11-24', version)).toMatch(/^[a-z0-9-]{1,40}$/);
    }
  });

  it('refuses a date that is not a calendar date written YYYY-MM-DD', () => {
    for (const date of ['2026-02-30', '2026-1-5', '24/11/2026', '2026-11-24T10:00:00Z']) {
      expect(() => dailySeed(date, 'v1'), date).toThrow(/YYYY-MM-DD/);
    }
  });

  it('takes its date from the player’s own calendar, as Wordle does', () => {
    const zone = process.env.TZ;
    try {
      // 09:30 on 15 March in Sydney is still 14 March in UTC: the player's day is the 15th.
      process.env.TZ = 'Australia/Sydney';
      expect(localDateOf(new Date(Date.UTC(2026, 2, 14, 22, 30)))).toBe('2026-03-15');
      process.env.TZ = 'America/New_York';
      expect(localDateOf(new Date(Date.parse('2026-11-24T23:59:00-05:00')))).toBe('2026-11-24');
      expect(localDateOf(new Date(Date.parse('2026-11-25T00:01:00-05:00')))).toBe('2026-11-25');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('counts a daily round only for its own day, the day it began', () => {
    const seed = dailySeed('2026-03-14', 'v1');
    expect(dailyBoardDay(seed, '2026-03-14')).toBe('2026-03-14');
    expect(dailyBoardDay(seed, '2026-03-15')).toBeUndefined();
    expect(dailyBoardDay('k3j9x2a', '2026-03-14')).toBeUndefined();
    expect(dailyRoundName(seed)).toBe('the daily round of 14 March 2026');
  });

  it('gives everyone the same questions on Classic rules, keeping only their time setting', () => {
    const seed = dailySeed('2026-11-24', 'v1');
    const mine = roundSettingsForMode('daily', preferred);
    const theirs = roundSettingsForMode('daily', { ...DEFAULT_ROUND_SETTINGS, timeLimitSec: null, speedPoints: false });
    expect(mine).toMatchObject({
      mode: 'daily',
      questionCount: 10,
      topics: [],
      difficulty: 'easy-first',
      timeScale: 2,
    });
    expect(theirs).toMatchObject({ timeLimitSec: null, speedPoints: false });
    const ids = (settings: RoundSettings) => buildRound(bank, settings, seed).questions.map((q) => q.questionId);
    expect(ids(mine)).toEqual(ids(theirs));
    expect(ids(mine)).toEqual(ids(DEFAULT_ROUND_SETTINGS));
  });

  it('has no wager, so that the day’s scores count the same way', () => {
    expect(roundSettingsForMode('daily', preferred, { wager: true }).wager).toBe(false);
  });
});
