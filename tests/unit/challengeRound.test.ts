import { describe, expect, it } from 'vitest';
import { decodeChallenge, encodeChallenge } from '../../src/core/challenge';
import { DEFAULT_PREFERENCES, roundSettingsFrom, type Preferences } from '../../src/core/preferences';
import { buildRound } from '../../src/core/round';
import { advance, answer, startSession } from '../../src/core/session';
import { marksOf } from '../../src/core/share';
import type { BankBundle } from '../../src/core/types';
import { checkAgainstBank } from '../../src/game/challenge';
import { readChallenge } from '../../src/game/challengeLink';
import { challengeNoticeText, type ChallengeNotice } from '../../src/game/challengeNotice';
import { createTranslator } from '../../src/i18n/translator';
import { loadResources } from '../../src/i18n/resources';
import { challengeFor, startChallengeRound } from '../../src/game/challengeRound';
import { makeQuestions } from './helpers';

const questions = makeQuestions(['alpha', 'beta', 'gamma'], 8).map((question, index) => ({
  ...question,
  kind: index % 2 === 0 ? ('compare' as const) : ('recall' as const),
}));
const bank: BankBundle = {
  version: 'v1',
  topics: [
    { id: 'alpha', title: 'A' },
    { id: 'beta', title: 'B' },
    { id: 'gamma', title: 'G' },
  ],
  questions,
  sources: {},
};

function playedRound(
  preferences: Preferences = { ...DEFAULT_PREFERENCES, questionCount: 5, time: 2, topics: ['beta', 'gamma'] },
) {
  let session = startSession(buildRound(questions, roundSettingsFrom(preferences), 'seed-9'), questions, 0);
  while (session.phase !== 'finished') session = advance(answer(session, 0, 1_000), 2_000);
  return session;
}

describe('a challenge link', () => {
  it('replays exactly the same questions in the same order with the same choices', () => {
    const original = playedRound();
    const challenge = challengeFor(original, bank.version, 'Curious Otter', marksOf(original.log));
    const link = `#c=${encodeChallenge(challenge)}`;
    const incoming = readChallenge(link);
    expect(incoming && 'challenge' in incoming).toBe(true);
    const replay = startChallengeRound((incoming as { challenge: typeof challenge }).challenge, bank, 0);
    expect(replay.plan.questions).toEqual(original.plan.questions);
    expect(replay.plan.settings).toEqual(original.plan.settings);
  });

  it('replays a round narrowed to kinds of question, and refuses kinds the game does not have', () => {
    const original = playedRound({ ...DEFAULT_PREFERENCES, questionCount: 5, kinds: ['compare'] });
    expect(original.questions.every((question) => question.kind === 'compare')).toBe(true);
    const challenge = challengeFor(original, bank.version, 'Curious Otter', marksOf(original.log));
    expect(challenge.kinds).toEqual(['compare']);
    const decoded = decodeChallenge(encodeChallenge(challenge));
    expect(decoded).toEqual({ challenge });
    const replay = startChallengeRound(challenge, bank, 0);
    expect(replay.plan.questions).toEqual(original.plan.questions);
    const broken = encodeChallenge({ ...challenge, kinds: ['guessing' as 'compare'] });
    expect(decodeChallenge(broken)).toEqual({ error: 'the link has invalid kinds of question', problem: 'kinds' });
  });

  it('keeps the timer-off setting', () => {
    const original = playedRound({ ...DEFAULT_PREFERENCES, time: 'off' as const, questionCount: 5, topics: [] });
    const challenge = challengeFor(original, 'v1', 'Curious Otter', marksOf(original.log));
    expect(challenge.time).toBe('off');
    expect(decodeChallenge(encodeChallenge(challenge))).toEqual({ challenge });
  });

  it('is refused with a notice when it comes from another bank or names unknown topics', () => {
    const challenge = challengeFor(playedRound(), bank.version, 'Curious Otter', []);
    expect(checkAgainstBank(challenge, bank)).toBeUndefined();
    expect(english(checkAgainstBank({ ...challenge, bankVersion: 'v2' }, bank))).toMatch(
      /another version of the questions/,
    );
    expect(english(checkAgainstBank({ ...challenge, topics: ['delta'] }, bank))).toMatch(
      /topics this game does not have/,
    );
  });

  it('ignores fragments that are not challenges and explains broken ones', () => {
    expect(readChallenge('')).toBeUndefined();
    expect(readChallenge('#top')).toBeUndefined();
    const broken = readChallenge('#c=%%%');
    expect(broken).toEqual({ notice: { kind: 'broken', problem: 'notBase64' } });
    expect(english((broken as { notice: ChallengeNotice }).notice)).toBe(
      'This challenge link cannot be played: the link is damaged (it is not valid base64url). Ask for the link again.',
    );
  });

  it('words the notice in the language in use, every reason and the sender included', async () => {
    const spanish = createTranslator('es', await loadResources('es'));
    const notice: ChallengeNotice = { kind: 'broken', problem: 'unknownField', field: 'admin', sender: 'Zoë K.' };
    expect(english(notice)).toBe(
      'This challenge link from Zoë K. cannot be played: the link has an unknown field "admin". Ask Zoë K. to send it again.',
    );
    expect(challengeNoticeText(notice, spanish.t)).toBe(
      'No se puede jugar este reto de Zoë K.: el enlace tiene un campo desconocido, "admin". ' +
        'Pídele a Zoë K. que lo mande otra vez.',
    );
    expect(challengeNoticeText({ kind: 'otherBank' }, spanish.t)).toMatch(/^Este reto se hizo con otra versión/);
  });
});

/** A notice as the English title words it. */
function english(notice: ChallengeNotice | undefined): string {
  return notice ? challengeNoticeText(notice, createTranslator('en').t) : '';
}
