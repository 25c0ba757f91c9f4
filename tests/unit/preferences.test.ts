import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PREFERENCES,
  nextChoice,
  parsePreferences,
  roundSettingsFrom,
  TIME_CHOICES,
} from '../../src/core/preferences';
import { DEFAULT_ROUND_SETTINGS } from '../../src/core/round';
import { PreferencesStore, PREFERENCES_KEY } from '../../src/storage/PreferencesStore';
import { MemoryStore } from '../../src/storage/SafeStorage';

describe('preferences', () => {
  it('default to the standard round', () => {
    expect(roundSettingsFrom(DEFAULT_PREFERENCES)).toEqual(DEFAULT_ROUND_SETTINGS);
  });

  it('turn the timer off together with speed points', () => {
    const settings = roundSettingsFrom({ ...DEFAULT_PREFERENCES, time: 'off', speedPoints: true });
    expect(settings).toMatchObject({ timeLimitSec: null, speedPoints: false });
  });

  it('scale the time without changing what is asked', () => {
    const settings = roundSettingsFrom({ ...DEFAULT_PREFERENCES, time: 2, questionCount: 15, topics: ['timeline'] });
    expect(settings).toMatchObject({ timeLimitSec: 20, timeScale: 2, questionCount: 15, topics: ['timeline'] });
  });

  it('round-trip through storage and survive a reload', () => {
    const store = new MemoryStore();
    const first = new PreferencesStore(store);
    first.set({ ...DEFAULT_PREFERENCES, time: 'off', textScale: 1.5, motion: 'reduce' });
    expect(new PreferencesStore(store).get()).toMatchObject({ time: 'off', textScale: 1.5, motion: 'reduce' });
  });

  it.each([
    ['garbage', '{{{', ['saved settings are not valid JSON; using the defaults']],
    ['a list', '[1,2]', ['saved settings are not an object; using the defaults']],
  ])('fall back to the defaults when storage holds %s', (_name, stored, problems) => {
    expect(parsePreferences(stored)).toEqual({ preferences: DEFAULT_PREFERENCES, problems });
  });

  it('keep the valid values and name the broken ones', () => {
    const stored = JSON.stringify({ time: 3, questionCount: 15, textScale: 'huge', topics: ['timeline', 'gone'] });
    const loaded = parsePreferences(stored, ['timeline', 'orders-2020']);
    expect(loaded.preferences).toMatchObject({ time: 1, questionCount: 15, textScale: 1, topics: ['timeline'] });
    expect(loaded.problems).toEqual([
      'saved topics included some that no longer exist; they were dropped',
      'saved setting "time" has an unknown value 3; using the default',
      'saved setting "textScale" has an unknown value "huge"; using the default',
    ]);
    const store = new MemoryStore();
    store.setItem(PREFERENCES_KEY, stored);
    expect(new PreferencesStore(store).problems).toHaveLength(2);
  });

  it('keep the kinds of question a round draws from, dropping kinds that do not exist', () => {
    expect(roundSettingsFrom({ ...DEFAULT_PREFERENCES, kinds: ['who-speaks'] }).kinds).toEqual(['who-speaks']);
    const loaded = parsePreferences(JSON.stringify({ kinds: ['compare', 'guessing'] }));
    expect(loaded.preferences.kinds).toEqual(['compare']);
    expect(loaded.problems).toEqual(['saved kinds of question included some that no longer exist; they were dropped']);
    expect(parsePreferences(JSON.stringify({ kinds: 'compare' }))).toEqual({
      preferences: DEFAULT_PREFERENCES,
      problems: ['saved setting "kinds" is not a list of kinds of question; using every kind'],
    });
  });

  it('step through choices and wrap round', () => {
    expect(TIME_CHOICES.map((choice) => nextChoice(TIME_CHOICES, choice))).toEqual([1.5, 2, 10, 'off', 1]);
  });
});
