import { describe, expect, it } from 'vitest';
import { decodeChallenge, encodeChallenge, maxScore, type Challenge } from '../../src/core/challenge';
import { dailyDateOf } from '../../src/core/dailyDay';
import { marksOf, shareLabel, shareText } from '../../src/core/share';
import type { AnswerRecord } from '../../src/core/session';
import { createTranslator, loadTranslator } from '../../src/i18n/translator';

const english = createTranslator('en');

const CHALLENGE: Challenge = {
  seed: 'k3j9x2a',
  questionCount: 5,
  time: 1,
  topics: ['timeline', 'the-article'],
  difficulty: 'easy-first',
  speedPoints: true,
  mode: 'classic',
  wager: false,
  bankVersion: 'abc123',
  name: 'Curious Otter',
  score: 2900,
  marks: ['right', 'wrong', 'right', 'timeout', 'right'],
};

describe('share text', () => {
  it('gives one line per fact and a grid that reveals no answer', () => {
    const text = shareText(
      {
        label: 'Challenge k3j9x2a',
        score: 7450,
        correct: 7,
        total: 10,
        marks: ['right', 'wrong', 'right', 'right', 'timeout', 'right', 'right', 'wrong', 'right', 'right'],
        link: 'https://example.org/#c=xyz',
      },
      english,
    );
    expect(text).toBe(
      [
        'Source Check — the TikTok ban quiz',
        'Challenge k3j9x2a',
        '7,450 points · 7/10 correct',
        '✅❌✅✅⏰✅✅❌✅✅',
        'https://example.org/#c=xyz',
      ].join('\n'),
    );
  });

  it('reads the marks from the answer log', () => {
    const log = [
      { correct: true, timedOut: false },
      { correct: false, timedOut: false },
      { correct: false, timedOut: true },
    ] as AnswerRecord[];
    expect(marksOf(log)).toEqual(['right', 'wrong', 'timeout']);
  });
});

describe('challenge links', () => {
  it('round-trip every field', () => {
    expect(decodeChallenge(encodeChallenge(CHALLENGE))).toEqual({ challenge: CHALLENGE });
  });

  it('round-trip the mode and the wager, and read links made before modes as Classic', () => {
    const factCheck: Challenge = { ...CHALLENGE, mode: 'fact-check', wager: true, time: 'off', score: 7200 };
    expect(decodeChallenge(encodeChallenge(factCheck))).toEqual({ challenge: factCheck });
    const daily: Challenge = { ...CHALLENGE, mode: 'daily', seed: 'daily-2026-11-24-1x9k2pq' };
    expect(decodeChallenge(encodeChallenge(daily))).toEqual({ challenge: daily });
    expect(decodeChallenge(encode({}))).toEqual({ challenge: { ...CHALLENGE, topics: [] } });
  });

  it('accept a wagered score with right answers below half points, since lost wagers take points back', () => {
    expect(decodeChallenge(encode({ md: 'fact-check', w: 1, sc: 0 }))).toMatchObject({
      challenge: { mode: 'fact-check', wager: true, score: 0 },
    });
  });

  it('round-trip names in other scripts', () => {
    const challenge = { ...CHALLENGE, name: 'Zoë Ñandú' };
    expect(decodeChallenge(encodeChallenge(challenge))).toEqual({ challenge });
  });

  const encode = (fields: Record<string, unknown>) => {
    const base = {
      v: 1,
      s: 'k3j9x2a',
      n: 5,
      t: 1,
      tp: [],
      d: 'easy-first',
      sp: 1,
      b: 'abc123',
      nm: 'Curious Otter',
      sc: 2900,
      m: 'rwrtr',
      ...fields,
    };
    return Buffer.from(JSON.stringify(base)).toString('base64url');
  };

  it.each<[string, string, string]>([
    ['empty', '', 'the link holds no challenge'],
    ['not base64url', '!!!***', 'the link is damaged (it is not valid base64url)'],
    ['truncated', encodeChallenge(CHALLENGE).slice(0, -7), 'the link is damaged (its contents are not readable)'],
    ['not JSON', Buffer.from('hello').toString('base64url'), 'the link is damaged (its contents are not readable)'],
    ['a JSON list', Buffer.from('[1,2]').toString('base64url'), 'the link is damaged'],
    ['far too long', 'A'.repeat(5000), 'the link is too long to be a challenge'],
    ['another version', encode({ v: 2 }), 'the link was made by another version of the game'],
    ['an extra field', encode({ admin: true }), 'the link has an unknown field "admin"'],
    ['a seed with markup', encode({ s: '<script>' }), 'the link has an invalid round code'],
    ['an impossible question count', encode({ n: 7 }), 'the link has an invalid number of questions'],
    ['an unknown time', encode({ t: 0.5 }), 'the link has an invalid time setting'],
    ['topics that are not ids', encode({ tp: ['../etc'] }), 'the link has invalid topics'],
    ['an unknown difficulty', encode({ d: 'insane' }), 'the link has an invalid difficulty'],
    ['a scoring flag that is not 0 or 1', encode({ sp: 'yes' }), 'the link has an invalid scoring setting'],
    ['a name on the classroom blocklist', encode({ nm: 'Dead Otter' }), "the link has an invalid challenger's name"],
    ['a name far too long', encode({ nm: 'Otter'.repeat(20) }), "the link has an invalid challenger's name"],
    ['a name with control characters', encode({ nm: 'Otter\u0000' }), "the link has an invalid challenger's name"],
    ['an empty name', encode({ nm: '' }), "the link has an invalid challenger's name"],
    ['a grid of the wrong length', encode({ m: 'rrr' }), 'the link has an invalid result grid'],
    ['a grid with other symbols', encode({ m: 'rrxrr' }), 'the link has an invalid result grid'],
    ['a negative score', encode({ sc: -5 }), 'the link has a score that this round cannot give'],
    ['a score above the maximum', encode({ sc: 999999 }), 'the link has a score that this round cannot give'],
    [
      'a score with no right answers',
      encode({ sc: 500, m: 'wwwww' }),
      'the link has a score that this round cannot give',
    ],
    ['a fractional score', encode({ sc: 2900.5 }), 'the link has a score that this round cannot give'],
    ['a bank version with markup', encode({ b: '"><b>' }), 'the link has an invalid bank version'],
    ['an unknown mode', encode({ md: 'hardcore' }), 'the link has an unknown game mode'],
    ['a wager flag that is not 1', encode({ w: true }), 'the link has an invalid wager setting'],
    ['a wager on the daily round', encode({ md: 'daily', w: 1 }), 'the link has a wager in a mode that has none'],
    [
      'a wagered score above three units a question',
      encode({ md: 'fact-check', w: 1, sc: maxScore(3, true) + 1 }),
      'the link has a score that this round cannot give',
    ],
  ])('reject %s with a reason', (_name, encoded, error) => {
    expect(decodeChallenge(encoded)).toMatchObject({ error });
  });

  it('caps scores at what a perfect round earns', () => {
    expect(maxScore(1)).toBe(1000);
    expect(maxScore(1, true)).toBe(3000);
    expect(maxScore(2, true)).toBe(6000 + 100);
    expect(maxScore(10)).toBe(10 * 1000 + (0 + 100 + 200 + 300 + 400 + 500 * 5));
  });
});

describe('the share label', () => {
  it('names the day of a daily round and the code and mode of any other', () => {
    expect(shareLabel({ mode: 'daily' }, 'daily-2026-11-24-1x9k2pq', english)).toBe(
      'Daily challenge, 24 November 2026',
    );
    expect(dailyDateOf('daily-2026-11-24-1x9k2pq')).toBe('2026-11-24');
    expect(shareLabel({ mode: 'classic' }, 'k3j9x2a', english)).toBe('Challenge k3j9x2a');
    expect(shareLabel({ mode: 'fact-check' }, 'k3j9x2a', english)).toBe('Fact-check challenge k3j9x2a');
    // A seed that only looks daily in another mode is named by its code.
    expect(shareLabel({ mode: 'classic' }, 'daily-2026-11-24-x', english)).toBe('Challenge daily-2026-11-24-x');
  });

  it('marks a replay as one', () => {
    expect(shareLabel({ mode: 'daily' }, 'daily-2026-11-24-1x9k2pq', english, true)).toBe(
      'Daily challenge, 24 November 2026 · replay, not a first try',
    );
  });

  it('speaks the player’s language around a link that stays the same', async () => {
    const spanish = await loadTranslator('es');
    expect(shareLabel({ mode: 'daily' }, 'daily-2026-11-24-1x9k2pq', spanish, true)).toBe(
      'Reto diario, 24 de noviembre de 2026 · repetición, no el primer intento',
    );
    expect(shareLabel({ mode: 'fact-check' }, 'k3j9x2a', spanish)).toBe('Reto de Verificación de datos k3j9x2a');
    const link = 'https://example.org/#c=xyz';
    const facts = { label: 'Reto k3j9x2a', score: 7450, correct: 7, total: 10, marks: marksOf([]), link };
    expect(shareText(facts, spanish).split('\n')).toEqual([
      'Source Check — el juego sobre la prohibición de TikTok',
      'Reto k3j9x2a',
      '7,450 puntos · 7/10 correctas',
      '',
      link,
    ]);
  });
});
