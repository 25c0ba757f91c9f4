import { describe, expect, it } from 'vitest';
import { encodeChallenge } from '../../src/core/challenge';
import { challengeValueOf, senderOf, trimLinkValue } from '../../src/core/challengeLinkText';
import { readChallenge } from '../../src/game/challengeLink';
import { challengeNoticeText, type ChallengeNotice } from '../../src/game/challengeNotice';
import { createTranslator } from '../../src/i18n/translator';

describe('reading where a challenge link keeps its round', () => {
  it('drops the punctuation a chat app adds after a link, and nothing else', () => {
    for (const tail of ['.', ')', ').', '!', '"', '”', '…', ' ', ',', ']'])
      expect(trimLinkValue(`eyJ2Ij_-1${tail}`)).toBe('eyJ2Ij_-1');
    // Damage inside the value stays, to be reported as damage.
    expect(trimLinkValue('eyJ2%Ij')).toBe('eyJ2%Ij');
    expect(trimLinkValue('eyJ2.Ij')).toBe('eyJ2.Ij');
  });

  it('takes #c= and ?c=, the fragment first', () => {
    expect(challengeValueOf('#c=abc).', '')).toBe('abc');
    expect(challengeValueOf('', '?c=abc.')).toBe('abc');
    expect(challengeValueOf('#c=frag', '?c=query')).toBe('frag');
    expect(challengeValueOf('#top', '?class=X')).toBeUndefined();
    expect(challengeValueOf('', '')).toBeUndefined();
  });
});

describe('the sender of a damaged link', () => {
  const link = encodeChallenge({
    seed: 'abc',
    questionCount: 10,
    time: 1,
    topics: [],
    difficulty: 'easy-first',
    speedPoints: true,
    mode: 'classic',
    wager: false,
    bankVersion: 'v1',
    name: 'Zoë K.',
    score: 4200,
    marks: Array.from({ length: 10 }, () => 'right' as const),
  });

  it('is read from a link cut short after the name', () => {
    expect(senderOf(link.slice(0, link.length - 20))).toBe('Zoë K.');
    const cut = readChallenge(`#c=${link.slice(0, link.length - 20)}`) as { notice: ChallengeNotice };
    expect(cut.notice).toMatchObject({ kind: 'broken', sender: 'Zoë K.' });
    expect(challengeNoticeText(cut.notice, createTranslator('en').t)).toMatch(
      /^This challenge link from Zoë K\. cannot be played: .+\. Ask Zoë K\. to send it again\.$/,
    );
  });

  it('is not guessed when the name is lost, garbled or not a name', () => {
    expect(senderOf(link.slice(0, 40))).toBeUndefined();
    expect(senderOf('%%%')).toBeUndefined();
    // A name the game's nickname rules refuse (here, emoji) is not shown.
    const notAName = Buffer.from('{"nm":"💣💣💣","sc":1').toString('base64url');
    expect(senderOf(notAName)).toBeUndefined();
    expect(senderOf(Buffer.from('{"nm":"Kind Owl","sc":1').toString('base64url'))).toBe('Kind Owl');
  });
});
