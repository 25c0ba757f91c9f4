import { describe, expect, it, vi } from 'vitest';
import type { AudioState, Cue, SoundLevels } from '../../src/audio/cues';
import { GameSound, type SoundBoardModule } from '../../src/audio/GameSound';
import type { SoundBoard } from '../../src/audio/SoundBoard';
import { DEFAULT_PREFERENCES, parsePreferences, reducesMotion } from '../../src/core/preferences';
import { PREFERENCES_KEY, PreferencesStore } from '../../src/storage/PreferencesStore';
import { MemoryStore } from '../../src/storage/SafeStorage';

/** A stand-in for the lazily loaded board: records what reaches it. */
function fakeBoardModule() {
  const calls: { levels: SoundLevels; hadInput: boolean; played: Cue[]; applied: SoundLevels[]; unlocks: number } = {
    levels: DEFAULT_PREFERENCES,
    hadInput: false,
    played: [],
    applied: [],
    unlocks: 0,
  };
  const module: SoundBoardModule = {
    createSoundBoard: (levels, _report, hadInput) => {
      calls.levels = levels;
      calls.hadInput = hadInput;
      return {
        play: (cue: Cue) => calls.played.push(cue),
        apply: (next: SoundLevels) => calls.applied.push(next),
        unlock: () => (calls.unlocks += 1),
        endScreen: () => undefined,
      } as unknown as SoundBoard;
    },
  };
  return { calls, module };
}

function makeSound(store = new MemoryStore(), importBoard?: () => Promise<SoundBoardModule>) {
  const states: AudioState[] = [];
  const input = new EventTarget();
  const sound = new GameSound(
    new PreferencesStore(store),
    { state: (state) => states.push(state), played: () => undefined },
    input,
    importBoard,
  );
  return { sound, states, input, store };
}

describe('the game sound', () => {
  it('remembers mute across a reload, with the other settings', () => {
    const { sound, store } = makeSound();
    expect(sound.toggleMute()).toBe(true);
    expect(new PreferencesStore(store).get().muted).toBe(true);
    expect(makeSound(store).sound.muted).toBe(true);
  });

  it('hands the board the saved volumes and passes later changes on', async () => {
    const store = new MemoryStore();
    store.setItem(PREFERENCES_KEY, JSON.stringify({ effectsVolume: 0.25, musicVolume: 0.5 }));
    const { calls, module } = fakeBoardModule();
    const { sound } = makeSound(store, async () => module);
    await sound.load();
    expect(calls.levels).toEqual({ muted: false, effectsVolume: 0.25, musicVolume: 0.5 });
    sound.toggleMute();
    expect(calls.applied.at(-1)).toEqual({ muted: true, effectsVolume: 0.25, musicVolume: 0.5 });
  });

  it('reads back only valid sound settings', () => {
    const loaded = parsePreferences(JSON.stringify({ muted: 'yes', effectsVolume: 7, musicVolume: 0.75 }));
    expect(loaded.preferences).toMatchObject({ muted: false, effectsVolume: 0.75, musicVolume: 0.75 });
    expect(loaded.problems).toHaveLength(2);
    expect(DEFAULT_PREFERENCES.musicVolume).toBe(0);
  });

  it('drops cues while muted, and before the sounds have loaded', async () => {
    const { calls, module } = fakeBoardModule();
    const { sound } = makeSound(new MemoryStore(), async () => module);
    expect(() => sound.play('correct')).not.toThrow();
    await sound.load();
    sound.play('wrong');
    sound.toggleMute();
    sound.play('tick');
    expect(calls.played).toEqual(['wrong']);
  });

  it('leaves the game playable and silent when the sound module cannot be fetched', async () => {
    const { sound, states } = makeSound(new MemoryStore(), () => Promise.reject(new Error('chunk failed')));
    await expect(sound.load()).resolves.toBeUndefined();
    expect(states).toEqual(['loading', 'unavailable']);
    expect(() => {
      sound.play('correct');
      sound.endScreen();
      sound.toggleMute();
    }).not.toThrow();
  });

  it('loads once however often it is asked', async () => {
    const importBoard = vi.fn(async () => fakeBoardModule().module);
    const { sound } = makeSound(new MemoryStore(), importBoard);
    await Promise.all([sound.load(), sound.load()]);
    await sound.load();
    expect(importBoard).toHaveBeenCalledTimes(1);
  });

  it('does not count scripted events as the first input', async () => {
    const { calls, module } = fakeBoardModule();
    const { sound, input } = makeSound(new MemoryStore(), async () => module);
    input.dispatchEvent(new Event('keydown'));
    await sound.load();
    input.dispatchEvent(new Event('pointerdown'));
    expect(calls.hadInput).toBe(false);
    expect(calls.unlocks).toBe(0);
  });
});

describe('reduced motion', () => {
  it.each([
    ['system', true, true],
    ['system', false, false],
    ['reduce', false, true],
    ['full', true, false],
  ] as const)('with the setting "%s" and the device asking for less: %s, holds still: %s', (choice, device, still) => {
    expect(reducesMotion(choice, device)).toBe(still);
  });
});
