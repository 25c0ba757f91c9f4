import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import effectsSprite from '../../assets/sounds/effects.json';
import type { AudioState, Cue, SoundLevels } from '../../src/audio/cues';

/** Howler, replaced: each Howl records what it was asked to do; the AudioContext is a small state machine. */
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  class FakeContext {
    state: 'suspended' | 'running' | 'closed' = 'suspended';
    private listeners: Listener[] = [];
    resumeWorks = true;
    resume = vi.fn(async () => {
      if (this.resumeWorks) this.set('running');
    });
    suspend = vi.fn(async () => this.set('suspended'));
    addEventListener(_type: string, listener: Listener) {
      this.listeners.push(listener);
    }
    set(state: 'suspended' | 'running') {
      this.state = state;
      for (const listener of this.listeners) listener();
    }
  }
  class FakeHowl {
    static all: FakeHowl[] = [];
    played: string[] = [];
    stopped: number[] = [];
    rates = new Map<number, number>();
    volumeSet: number[] = [];
    loadState: 'loading' | 'loaded' = 'loading';
    unloaded = false;
    private nextId = 1;
    private handlers = new Map<string, Listener[]>();
    constructor(readonly options: Record<string, unknown> & { onload?: () => void; onloaderror?: Listener }) {
      FakeHowl.all.push(this);
    }
    play(sprite: string | number) {
      this.played.push(String(sprite));
      return this.nextId++;
    }
    stop(id: number) {
      this.stopped.push(id);
      return this;
    }
    pause() {
      return this;
    }
    rate(rate: number, id: number) {
      this.rates.set(id, rate);
      return this;
    }
    volume(volume: number) {
      this.volumeSet.push(volume);
      return this;
    }
    playing() {
      return false;
    }
    state() {
      return this.loadState;
    }
    on(event: string, handler: Listener) {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
      return this;
    }
    unload() {
      this.unloaded = true;
      return null;
    }
    finishLoading() {
      this.loadState = 'loaded';
      this.options.onload?.();
    }
    failLoading() {
      this.options.onloaderror?.(0, 'Failed loading audio file with status: 404.');
    }
  }
  const Howler = {
    usingWebAudio: true,
    ctx: new FakeContext(),
    mute: vi.fn(),
    playsWebm: true,
    codecs(ext: string) {
      return ext === 'mp3' || Howler.playsWebm;
    },
  };
  return { FakeHowl, FakeContext, Howler };
});

vi.mock('howler/src/howler.core.js', () => ({ Howl: fake.FakeHowl, Howler: fake.Howler }));

const { CUES, SoundBoard } = await import('../../src/audio/SoundBoard');

const LEVELS: SoundLevels = { muted: false, effectsVolume: 0.75, musicVolume: 0 };

/** The sound files as the server answers them: every URL asked for, and its status. */
const server = { requested: [] as string[], status: 200 };

async function makeBoard(options: { hadInput?: boolean; hasWebAudio?: boolean; levels?: Partial<SoundLevels> } = {}) {
  const states: AudioState[] = [];
  const played: Cue[] = [];
  const board = new SoundBoard({
    levels: { ...LEVELS, ...options.levels },
    report: { state: (state) => states.push(state), played: (cue) => played.push(cue) },
    hadInput: options.hadInput ?? false,
    hasWebAudio: options.hasWebAudio ?? true,
  });
  // The effects are fetched first; the Howl follows (or the board gives up).
  await vi.waitFor(() => expect(fake.FakeHowl.all.length > 0 || states.at(-1) === 'unavailable').toBe(true));
  return { board, states, played, effects: fake.FakeHowl.all[0] };
}

/** Loads the effects and lets the player's first input through. */
async function readyBoard(levels: Partial<SoundLevels> = {}) {
  const made = await makeBoard({ levels });
  made.effects!.finishLoading();
  made.board.unlock();
  await vi.waitFor(() => expect(made.states.at(-1)).toBe('running'));
  return made;
}

beforeEach(() => {
  fake.FakeHowl.all = [];
  fake.Howler.ctx = new fake.FakeContext();
  fake.Howler.usingWebAudio = true;
  fake.Howler.playsWebm = true;
  fake.Howler.mute.mockClear();
  server.requested = [];
  server.status = 200;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      server.requested.push(url);
      return new Response(server.status === 200 ? new Uint8Array([1, 2, 3]) : 'missing', { status: server.status });
    }),
  );
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the sound board', () => {
  it('maps every cue to a sprite in the generated effects file, with right, wrong and the last seconds apart', () => {
    const sprites = Object.keys(effectsSprite);
    for (const [cue, { sprite }] of Object.entries(CUES)) expect(sprites, cue).toContain(sprite);
    const distinct = new Set([CUES.correct.sprite, CUES.wrong.sprite, CUES.tick.sprite, CUES.timeUp.sprite]);
    expect(distinct.size).toBe(4);
  });

  it.each([
    ['plays WebM', true, 'webm', 'audio/webm'],
    ['plays only MP3', false, 'mp3', 'audio/mpeg'],
  ])(
    'loads the effects as one WebAudio sprite, in WebM or MP3: a browser that %s gets %s',
    async (_n, webm, ext, mime) => {
      fake.Howler.playsWebm = webm;
      const { effects } = await makeBoard();
      expect(server.requested).toHaveLength(1);
      expect(server.requested[0]).toMatch(new RegExp(`effects\\.${ext}$`));
      expect(effects!.options).toMatchObject({ html5: false, format: [ext], src: [`data:${mime};base64,AQID`] });
      expect(Object.keys(effects!.options.sprite as object)).toEqual(Object.keys(effectsSprite));
    },
  );

  it('holds the audio until the first real input, then plays the sprite a cue names', async () => {
    const { board, effects, states, played } = await makeBoard();
    expect(fake.Howler.ctx.suspend).toHaveBeenCalled();
    effects!.finishLoading();
    expect(states.at(-1)).toBe('suspended');
    board.play('correct');
    expect(effects!.played).toEqual([]);
    board.unlock();
    await vi.waitFor(() => expect(states.at(-1)).toBe('running'));
    board.play('correct');
    board.play('wrong');
    expect(effects!.played).toEqual([CUES.correct.sprite, CUES.wrong.sprite]);
    expect(played).toEqual(['correct', 'wrong']);
  });

  it('starts at once when the player pressed a key before the sounds arrived', async () => {
    const { effects, states } = await makeBoard({ hadInput: true });
    expect(fake.Howler.ctx.resume).toHaveBeenCalled();
    effects!.finishLoading();
    await vi.waitFor(() => expect(states.at(-1)).toBe('running'));
  });

  it('stays silent, without an error, when the browser never lets audio start', async () => {
    const { board, effects, states } = await makeBoard();
    fake.Howler.ctx.resumeWorks = false;
    effects!.finishLoading();
    board.unlock();
    await Promise.resolve();
    expect(() => board.play('correct')).not.toThrow();
    expect(effects!.played).toEqual([]);
    expect(states.at(-1)).toBe('suspended');
  });

  it('leaves the game playable and silent when the sound file is missing', async () => {
    server.status = 404;
    const { board, effects, states } = await makeBoard();
    expect(effects).toBeUndefined();
    expect(states.at(-1)).toBe('unavailable');
    board.unlock();
    expect(() => board.play('correct')).not.toThrow();
  });

  it('leaves the game playable and silent when a sound file cannot be decoded', async () => {
    const { board, effects, states } = await makeBoard();
    effects!.failLoading();
    board.unlock();
    expect(states.at(-1)).toBe('unavailable');
    expect(effects!.unloaded).toBe(true);
    expect(() => {
      board.play('tick');
      board.endScreen();
      board.apply({ ...LEVELS, musicVolume: 1 });
    }).not.toThrow();
    expect(effects!.played).toEqual([]);
    expect(fake.FakeHowl.all).toHaveLength(1);
  });

  it('stays silent when the browser has no AudioContext, or Howler falls back to HTML5 audio', async () => {
    expect((await makeBoard({ hasWebAudio: false })).states).toEqual(['unavailable']);
    expect(fake.FakeHowl.all).toHaveLength(0);
    expect(server.requested).toEqual([]);
    fake.Howler.usingWebAudio = false;
    const fallback = await makeBoard();
    expect(fallback.states.at(-1)).toBe('unavailable');
    expect(fallback.effects!.unloaded).toBe(true);
  });

  it('stops the sounds and cancels the cues that belong to a screen when it ends', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { board, effects } = await readyBoard();
    board.play('tick');
    board.play('correct');
    board.play('streak', { delayMs: 200 });
    board.endScreen();
    vi.advanceTimersByTime(500);
    // The tick (id 1) is stopped, the answer's chime rings out, and the pending sparkle never starts.
    expect(effects!.stopped).toEqual([1]);
    expect(effects!.played).toEqual([CUES.tick.sprite, CUES.correct.sprite]);
  });

  it('plays a delayed cue later, at the pitch it asks for', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { board, effects } = await readyBoard();
    board.play('streak', { delayMs: 200, semitones: 12 });
    expect(effects!.played).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(effects!.played).toEqual([CUES.streak.sprite]);
    expect(effects!.rates.get(1)).toBeCloseTo(2);
  });

  it('follows the levels: mute, effects volume, and music only once turned up', async () => {
    const { board, effects } = await readyBoard();
    expect(fake.FakeHowl.all).toHaveLength(1);
    board.apply({ muted: true, effectsVolume: 0.25, musicVolume: 0 });
    expect(fake.Howler.mute).toHaveBeenLastCalledWith(true);
    expect(effects!.volumeSet.at(-1)).toBe(0.25);
    board.play('press');
    expect(effects!.played).toEqual([]);
    board.apply({ muted: false, effectsVolume: 0.25, musicVolume: 0.5 });
    await vi.waitFor(() => expect(fake.FakeHowl.all).toHaveLength(2));
    expect(server.requested.at(-1)).toMatch(/music\.webm$/);
    const music = fake.FakeHowl.all[1]!;
    expect(music.options).toMatchObject({ html5: false, volume: 0.5 });
    music.finishLoading();
    expect(music.played).toEqual(['loop']);
    board.apply({ muted: false, effectsVolume: 0.25, musicVolume: 0 });
    expect(music.stopped).toEqual([1]);
  });
});
