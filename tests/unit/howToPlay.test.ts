import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIME_LIMIT_SEC,
  MAX_ANSWER_POINTS,
  MIN_CORRECT_POINTS,
  STREAK_BONUS_CAP,
} from '../../src/core/settings';
import { howToPlayRules, READING_TIME_GOAL_SEC, READING_WORDS_PER_MINUTE, wordCount } from '../../src/game/howToPlay';
import { createTranslator } from '../../src/i18n/translator';
import { SPANISH_RESOURCES } from '../../src/i18n/spanishResources';

const english = createTranslator('en');
const spanish = createTranslator('es', SPANISH_RESOURCES);

describe('How to play', () => {
  it.each([
    ['the standard timer', { timeLimitSec: DEFAULT_TIME_LIMIT_SEC, timeScale: 1 }],
    ['the timer off', { timeLimitSec: null, timeScale: 1 }],
  ])('reads in under half a minute with %s, in English and in Spanish', (_name, settings) => {
    for (const translator of [english, spanish]) {
      const words = wordCount(howToPlayRules(settings, translator).join(' '));
      expect((words / READING_WORDS_PER_MINUTE) * 60).toBeLessThan(READING_TIME_GOAL_SEC);
    }
  });

  it('explains the scoring and the sources', () => {
    const text = howToPlayRules({ timeLimitSec: DEFAULT_TIME_LIMIT_SEC, timeScale: 1.5 }, english).join(' ');
    for (const figure of [MIN_CORRECT_POINTS, MAX_ANSWER_POINTS, STREAK_BONUS_CAP, DEFAULT_TIME_LIMIT_SEC * 1.5]) {
      expect(text).toContain(figure.toLocaleString('en-US'));
    }
    expect(text).toMatch(/exact words of the source/);
  });

  it.each([
    ['the standard timer', { timeLimitSec: DEFAULT_TIME_LIMIT_SEC, timeScale: 1 }],
    ['the timer off', { timeLimitSec: null, timeScale: 1 }],
  ])('says the timer is changed in Settings, with %s', (_name, settings) => {
    expect(howToPlayRules(settings, english).join(' ')).toMatch(/Settings/);
    expect(howToPlayRules(settings, spanish).join(' ')).toMatch(/Configuración/);
  });

  it('counts words, not punctuation', () => {
    expect(wordCount('Press 1–4 — or A–D.  ')).toBe(4);
  });
});
