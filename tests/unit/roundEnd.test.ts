import { describe, expect, it } from 'vitest';
import { checkingEvidenceIndex } from '../../src/core/claims';
import { dailySeed } from '../../src/core/modes';
import { DEFAULT_PREFERENCES, parsePreferences, wagerOption, type Preferences } from '../../src/core/preferences';
import { advance, answer, displayedChoices, startRetry, type SessionState } from '../../src/core/session';
import type { BankBundle } from '../../src/core/types';
import { startCustomRound } from '../../src/game/customRound';
import { recordRound } from '../../src/game/results';
import { challengeNoticeText } from '../../src/game/challengeNotice';
import { RoundFlow } from '../../src/game/roundFlow';
import { createTranslator } from '../../src/i18n/translator';
import { finishRound, startRound } from '../../src/game/roundStart';
import { currentRoundSettings, startNewRound } from '../../src/game/round';
import type { GameServices } from '../../src/game/services';
import { selfCheckStore } from '../../src/storage/SelfCheckStore';
import { HighScoreStore } from '../../src/storage/HighScoreStore';
import { MemoryStore, SafeStorage } from '../../src/storage/SafeStorage';
import { dailyChallenge, makeQuestion, makeQuestions } from './helpers';

const questions = [
  ...makeQuestions(['alpha', 'beta'], 12).map((question) =>
    question.topic === 'alpha' ? { ...question, kind: 'who-speaks' as const } : question,
  ),
  ...Array.from({ length: 12 }, (_, i) =>
    makeQuestion(`claim-${i}`, { claim: { source: 'article', quote: `claim ${i}`, verdict: 'inaccurate' } }),
  ),
];
const bank = {
  version: 'v1',
  questions,
  topics: [{ id: 'alpha' }, { id: 'beta' }],
  sources: {},
} as unknown as BankBundle;

const TODAY = '2026-11-24';

function services(preferences: Partial<Preferences> = {}, today = TODAY): GameServices {
  let seed = 0;
  return {
    bank,
    preferences: { get: () => ({ ...DEFAULT_PREFERENCES, ...preferences }) },
    highScores: new HighScoreStore(new SafeStorage(new MemoryStore())),
    storage: new MemoryStore(),
    nicknames: { get: () => 'Curious Otter' },
    today: () => today,
    now: () => 1000,
    newSeed: () => `seed${(seed += 1)}`,
  } as unknown as GameServices;
}

/** A player with the round flow the game gives every screen. */
function withRounds(preferences: Partial<Preferences> = {}): GameServices {
  const player = services(preferences);
  player.rounds = new RoundFlow(() => player.bank);
  return player;
}

/** Plays a round to its end: right answers where `right(index)` says, and the wager or judgement when asked. */
function finish(session: SessionState, right: (index: number) => boolean = () => true): SessionState {
  let state = session;
  while (state.phase !== 'finished') {
    if (state.phase === 'claim') throw new Error('this helper plays rounds without claims to judge');
    const choices = displayedChoices(state);
    state = answer(
      state,
      choices.findIndex((choice) => choice.correct === right(state.index)),
      2000,
    );
    state = advance(state, 3000);
  }
  return state;
}

describe('starting a round in a mode', () => {
  it('gives the daily round the same seed for everyone on a UTC day, and a new one the next day', () => {
    const today = startNewRound(services({ questionCount: 5 }), 'daily');
    expect(today.plan.seed).toBe(dailySeed('2026-11-24', 'v1'));
    // The player's own count and topics do not change the daily round.
    expect(startNewRound(services({ questionCount: 20, topics: ['beta'] }), 'daily').plan).toEqual(today.plan);
    expect(startNewRound(services({}, '2026-11-25'), 'daily').plan.seed).not.toBe(today.plan.seed);
  });

  it('narrows a round to the chosen kinds, and ignores kinds that leave the chosen topics no question', () => {
    const narrowed = startNewRound(services({ questionCount: 5, kinds: ['who-speaks'] }), 'classic');
    expect(narrowed.questions.every((question) => question.kind === 'who-speaks')).toBe(true);
    expect(currentRoundSettings(services({ kinds: ['who-speaks'] })).kinds).toEqual(['who-speaks']);
    const none = currentRoundSettings(services({ topics: ['beta'], kinds: ['who-speaks'] }));
    expect(none).not.toHaveProperty('kinds');
    expect(none.topics).toEqual(['beta']);
  });

  it('remembers the mode for Play again, and keeps a wager choice where the mode allows one', () => {
    const player = withRounds({ wager: 'on' });
    const rounds = player.rounds;
    const session = startRound(player, { mode: 'practice' });
    expect(rounds.lastMode).toBe('practice');
    expect(startRound(player).plan.settings.mode).toBe('practice');
    expect(session.plan.settings).toMatchObject({ mode: 'practice', timeLimitSec: null, wager: true });
    expect(currentRoundSettings(player, 'daily').wager).toBe(false);
    expect(currentRoundSettings(services({ wager: 'off' }), 'fact-check').wager).toBe(false);
    expect(currentRoundSettings(services(), 'fact-check')).toMatchObject({ wager: true, claimsOnly: true });
    expect(currentRoundSettings(services(), 'classic').wager).toBe(false);
  });

  it('reads the wager setting back, and falls back to the mode’s own for a value it does not know', () => {
    expect(wagerOption('mode')).toEqual({});
    expect(wagerOption('on')).toEqual({ wager: true });
    expect(parsePreferences(JSON.stringify({ wager: 'off' })).preferences.wager).toBe('off');
    const broken = parsePreferences(JSON.stringify({ wager: 'always' }));
    expect(broken.preferences.wager).toBe('mode');
    expect(broken.problems).toEqual(['saved setting "wager" has an unknown value "always"; using the default']);
  });
});

describe('the end of a round', () => {
  it('puts a round on the board of its mode with the player’s name', () => {
    const player = services({ speedPoints: false });
    const recorded = recordRound(player, finish(startNewRound(player, 'classic')), TODAY);
    const saved = player.highScores.list('no-speed')[0]!;
    // The entry's key comes back, so a name chosen later on Share can be put on it.
    expect(recorded).toEqual({ board: 'no-speed', place: 1, savedAt: saved.date });
    expect(saved.nickname).toBe('Curious Otter');
    expect(player.highScores.list('classic')).toEqual([]);
  });

  it('counts the first daily round of the day only, with its day', () => {
    const player = services();
    expect(recordRound(player, finish(startNewRound(player, 'daily')), TODAY)).toMatchObject({
      board: 'daily',
      place: 1,
    });
    expect(player.highScores.list('daily')[0]!.day).toBe('2026-11-24');
    expect(recordRound(player, finish(startNewRound(player, 'daily')), TODAY)).toMatchObject({
      board: 'daily',
      place: null,
      unranked: 'daily-replayed',
    });
  });

  it('keeps another day’s daily round, from a link, off the board and off today’s one try', () => {
    const player = withRounds();
    player.rounds.receiveLink({ challenge: dailyChallenge('2026-11-23', bank.version) });
    expect(player.rounds.titleOffer().challenge).toBeDefined();
    const linked = finishRound(player, finish(startRound(player, { challenge: true })));
    expect(linked.recorded).toEqual({ board: null, place: null, unranked: 'daily-other-day' });
    expect(player.highScores.list('daily')).toEqual([]);
    expect(player.highScores.dailyCounts(TODAY)).toBe(true);
    // Today's daily, from a friend's link, is today's daily.
    player.rounds.receiveLink({ challenge: dailyChallenge(TODAY, bank.version) });
    player.rounds.titleOffer();
    expect(finishRound(player, finish(startRound(player, { challenge: true }))).recorded).toMatchObject({
      board: 'daily',
      place: 1,
    });
  });

  it('counts a daily round for the day it began, finished after midnight', () => {
    let today = '2026-11-24';
    const player = withRounds();
    player.today = () => today;
    const late = startRound(player, { mode: 'daily' });
    today = '2026-11-25';
    expect(finishRound(player, finish(late)).recorded).toMatchObject({ board: 'daily', place: 1 });
    expect(player.highScores.list('daily')[0]!.day).toBe('2026-11-24');
    // The new day's daily is a new round, and it counts too.
    const next = startRound(player, { mode: 'daily' });
    expect(next.plan.seed).toBe(dailySeed('2026-11-25', 'v1'));
    expect(finishRound(player, finish(next)).recorded).toMatchObject({ board: 'daily', place: 2 });
  });

  it('keeps a teacher’s questions and practice replays off the boards', () => {
    const player = services();
    const custom = makeQuestions(['gamma'], 3).map((question) => ({ ...question, id: `own-${question.id}` }));
    expect(recordRound(player, finish(startCustomRound(player, custom)), TODAY)).toEqual({
      board: null,
      place: null,
      unranked: 'custom',
    });
    const practice = finish(startNewRound(player, 'practice'), (index) => index > 0);
    const replay = finish(startRetry(practice, 5000));
    expect(replay.attempt).toBe(1);
    expect(recordRound(player, replay, TODAY)).toEqual({ board: null, place: null, unranked: 'retry' });
    expect(boardTotal(player)).toBe(0);
  });

  it('plays again from the same place: the same mode, or the same teacher’s bank', () => {
    const player = withRounds();
    const factCheck = startRound(player, { mode: 'fact-check' });
    const again = startRound(player, { again: factCheck });
    expect(again.plan.settings.mode).toBe('fact-check');
    expect(again.plan.seed).not.toBe(factCheck.plan.seed);
    const custom = makeQuestions(['gamma'], 8).map((question) => ({ ...question, id: `own-${question.id}` }));
    const first = startRound(player, { questions: custom.slice(0, 8) });
    const next = startRound(player, { again: { ...first, questions: first.questions.slice(0, 2) } });
    // Drawn again from the whole bank, not only from the questions of the last round.
    expect(next.questions.every((question) => question.id.startsWith('own-'))).toBe(true);
    expect(next.questions).toHaveLength(8);
  });
});

describe('the evidence that checks a claim', () => {
  it('is the first excerpt from another document than the claim’s own', () => {
    const claim = { source: 'article', quote: 'x', verdict: 'inaccurate' as const };
    const own = { source: 'article', quote: 'the article says so' };
    const order = { source: 'eo-13942', quote: 'August 6, 2020' };
    expect(checkingEvidenceIndex(makeQuestion('a', { claim, evidence: [own, order] }))).toBe(1);
    expect(checkingEvidenceIndex(makeQuestion('b', { claim, evidence: [order, own] }))).toBe(0);
    expect(checkingEvidenceIndex(makeQuestion('c', { claim, evidence: [own] }))).toBe(-1);
    expect(checkingEvidenceIndex(makeQuestion('d', { evidence: [order] }))).toBe(-1);
  });
});

function boardTotal(player: GameServices): number {
  return (['classic', 'no-speed', 'daily', 'practice', 'fact-check'] as const).reduce(
    (sum, board) => sum + player.highScores.list(board).length,
    0,
  );
}

describe('the round flow', () => {
  it('records the round in play once, and never a round that was quit', () => {
    const player = withRounds();
    const rounds = player.rounds;
    const quit = startRound(player, { mode: 'classic' });
    rounds.quit();
    expect(rounds.isInPlay(quit)).toBe(false);
    expect(finishRound(player, finish(quit)).recorded).toEqual({ board: null, place: null, unranked: 'quit' });
    expect(boardTotal(player)).toBe(0);
    const played = finish(startRound(player, { mode: 'classic' }));
    expect(finishRound(player, played).recorded).toMatchObject({ board: 'classic', place: 1 });
    // Finished: the same round cannot be put on the board a second time.
    expect(finishRound(player, played).recorded.unranked).toBe('quit');
    expect(boardTotal(player)).toBe(1);
    // Check yourself counts the finished round once, and not the one quit (check B is due five rounds after A).
    expect(selfCheckStore(player.storage).get().roundsFinished).toBe(1);
  });

  it('leaves the round in play when another one starts', () => {
    const player = withRounds();
    const rounds = player.rounds;
    const first = startRound(player, { mode: 'classic' });
    const second = startRound(player, { mode: 'daily' });
    expect(rounds.isInPlay(first)).toBe(false);
    expect(rounds.isInPlay(second)).toBe(true);
  });

  it('reports a practice replay as its first try, through every replay', () => {
    const player = withRounds();
    const rounds = player.rounds;
    const practice = finish(startRound(player, { mode: 'practice' }), (index) => index > 1);
    expect(finishRound(player, practice).recorded.unranked).toBeUndefined();
    const replay = startRound(player, { retry: practice });
    expect(rounds.isInPlay(replay)).toBe(true);
    const once = finish(replay, (index) => index > 0);
    expect(finishRound(player, once).recorded).toEqual({ board: null, place: null, unranked: 'retry' });
    const twice = finish(startRound(player, { retry: once }));
    expect(twice.attempt).toBe(2);
    expect(rounds.reportedRound(twice)).toBe(practice);
    expect(rounds.reportedRound(practice)).toBe(practice);
  });

  it('offers a link’s challenge until it is played or declined, and says once why one cannot be played', () => {
    const player = withRounds();
    const rounds = player.rounds;
    const challenge = {
      seed: 'abc',
      questionCount: 5,
      time: 1,
      topics: [],
      difficulty: 'mixed',
      speedPoints: true,
      mode: 'classic',
      wager: false,
      bankVersion: 'v1',
      name: 'Bo',
      score: 1200,
      marks: [],
    } as const;
    rounds.receiveLink({ challenge: { ...challenge, topics: [...challenge.topics], marks: [...challenge.marks] } });
    expect(rounds.titleOffer().challenge?.name).toBe('Bo');
    expect(rounds.challengeOnOffer).toBe(true);
    const replayed = startRound(player, { challenge: true });
    expect(replayed.plan.seed).toBe('abc');
    expect(rounds.challengeOf(replayed)?.name).toBe('Bo');
    expect(rounds.challengeOnOffer).toBe(false);
    // A round of one's own ends the comparison.
    expect(rounds.challengeOf(startRound(player, { mode: 'classic' }))).toBeUndefined();

    rounds.receiveLink({ challenge: { ...challenge, bankVersion: 'v0', topics: [], marks: [] } });
    expect(challengeNoticeText(rounds.titleOffer().notice!, createTranslator('en').t)).toMatch(
      /another version of the questions/,
    );
    expect(rounds.titleOffer()).toEqual({});
    rounds.receiveLink({ challenge: { ...challenge, topics: [], marks: [] } });
    rounds.titleOffer();
    rounds.declineChallenge();
    expect(rounds.challengeOnOffer).toBe(false);
    expect(rounds.titleOffer()).toEqual({});
  });
});
