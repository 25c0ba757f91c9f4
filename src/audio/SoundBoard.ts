/**
 * The one place that touches Howler. Loaded lazily after the title is interactive (see GameSound), so
 * neither Howler nor the sound files are on the way to the first screen.
 *
 * Effects are one WebAudio sprite (Opus in WebM, or MP3 where that is all the browser plays). The music
 * is a second, looping sprite, fetched only once a player turns it up; it belongs to the game, not to a
 * screen, so it plays on from one screen to the next. Nothing sounds before the player's first real
 * input, and when audio cannot start at all (no AudioContext, a file that fails, a browser that
 * refuses) every cue is quietly dropped: the game is the same, only silent.
 */
import type { SoundSpriteDefinitions } from 'howler';
import { Howl, Howler } from 'howler/src/howler.core.js';
import effectsSprite from '../../assets/sounds/effects.json';
import effectsMp3 from '../../assets/sounds/effects.mp3?url';
import effectsWebm from '../../assets/sounds/effects.webm?url';
import musicSprite from '../../assets/sounds/music.json';
import musicMp3 from '../../assets/sounds/music.mp3?url';
import musicWebm from '../../assets/sounds/music.webm?url';
import type { Cue, PlayOptions, SoundLevels, SoundReport } from './cues';

/**
 * Which sprite of assets/sounds/effects answers each cue. `lasts: 'screen'` stops when the screen ends;
 * 'rings-out' lets the sound of something the player just did finish over the change of screen it
 * caused (cutting an answer's chime in half would sound broken).
 */
export const CUES: Record<Cue, { sprite: string; lasts: 'screen' | 'rings-out' }> = {
  hover: { sprite: 'soft-blip', lasts: 'screen' },
  press: { sprite: 'tap', lasts: 'rings-out' },
  select: { sprite: 'pick', lasts: 'rings-out' },
  correct: { sprite: 'chime-rise', lasts: 'rings-out' },
  wrong: { sprite: 'thud-fall', lasts: 'rings-out' },
  tick: { sprite: 'wood-tick', lasts: 'screen' },
  timeUp: { sprite: 'bell-fall', lasts: 'rings-out' },
  streak: { sprite: 'sparkle', lasts: 'screen' },
  roundComplete: { sprite: 'fanfare', lasts: 'screen' },
};

interface SpriteFile {
  urls: { webm: string; mp3: string };
  sprite: SoundSpriteDefinitions;
}

const EFFECTS: SpriteFile = { urls: { webm: effectsWebm, mp3: effectsMp3 }, sprite: spriteMap(effectsSprite) };
const MUSIC: SpriteFile = { urls: { webm: musicWebm, mp3: musicMp3 }, sprite: spriteMap(musicSprite) };

export interface SoundBoardOptions {
  levels: SoundLevels;
  report: SoundReport;
  /** Whether the player has already given a real input (they may press a key before this loads). */
  hadInput: boolean;
  /** The document, to hush the music while the tab is hidden. */
  page?: Document;
  hasWebAudio?: boolean;
}

export class SoundBoard {
  private effects?: Howl;
  private music?: Howl;
  private musicId?: number;
  private context?: AudioContext;
  private levels: SoundLevels;
  private loaded = false;
  private unavailable = false;
  private inputSeen: boolean;
  private unlocked = false;
  /** Cues waiting for their delay, and playing cues that end with their screen. */
  private readonly pending = new Set<ReturnType<typeof setTimeout>>();
  private readonly screenSounds = new Set<number>();

  constructor(private readonly options: SoundBoardOptions) {
    this.levels = options.levels;
    this.inputSeen = options.hadInput;
    if (!(options.hasWebAudio ?? hasWebAudio())) {
      this.fail();
      return;
    }
    this.report();
    void this.loadEffects();
  }

  /** Called from inside the player's input handler: the moment browsers allow audio to start. */
  unlock(): void {
    this.inputSeen = true;
    if (this.unavailable || this.unlocked || !this.context) return;
    this.context
      .resume()
      .then(() => this.onContextState())
      .catch(() => undefined);
    this.onContextState();
  }

  play(cue: Cue, options: PlayOptions = {}): void {
    if (!this.effects || !this.loaded || !this.unlocked || this.levels.muted) return;
    if (options.delayMs) {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        this.start(cue, options.semitones ?? 0);
      }, options.delayMs);
      this.pending.add(timer);
      return;
    }
    this.start(cue, options.semitones ?? 0);
  }

  /** Drops cues still waiting and stops the ones that belong to the screen that is ending. */
  endScreen(): void {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
    for (const id of this.screenSounds) this.effects?.stop(id);
    this.screenSounds.clear();
  }

  apply(levels: SoundLevels): void {
    this.levels = levels;
    if (this.unavailable || !this.context) return;
    Howler.mute(levels.muted);
    this.effects?.volume(levels.effectsVolume);
    if (levels.musicVolume > 0) {
      this.music?.volume(levels.musicVolume);
      void this.startMusic();
    } else if (this.music && this.musicId !== undefined) {
      this.music.stop(this.musicId);
      this.musicId = undefined;
    }
  }

  private async loadEffects(): Promise<void> {
    let source: { src: string; format: string };
    try {
      source = await download(EFFECTS);
    } catch {
      this.fail();
      return;
    }
    const effects = new Howl({
      src: [source.src],
      format: [source.format],
      sprite: EFFECTS.sprite,
      html5: false,
      volume: this.levels.effectsVolume,
      onload: () => {
        this.loaded = true;
        this.report();
        void this.startMusic();
      },
      onloaderror: () => this.fail(),
    });
    effects.on('end', (id: number) => this.screenSounds.delete(id));
    this.effects = effects;
    // Howler falls back to HTML5 audio when it cannot open an AudioContext; the game wants WebAudio or nothing.
    if (!Howler.usingWebAudio || !Howler.ctx) {
      this.fail();
      return;
    }
    Howler.mute(this.levels.muted);
    const context = Howler.ctx;
    this.context = context;
    context.addEventListener('statechange', () => this.onContextState());
    if (this.inputSeen) {
      context.resume().catch(() => undefined);
    } else {
      // Hold the context until the first input even where the browser would start it sooner, so every
      // player gets the same start: silence on the title, sound from their first key or tap.
      context.suspend().catch(() => undefined);
    }
    this.options.page?.addEventListener('visibilitychange', () => this.followVisibility());
    this.report();
  }

  private start(cue: Cue, semitones: number): void {
    const { sprite, lasts } = CUES[cue];
    const id = this.effects!.play(sprite);
    if (semitones !== 0) this.effects!.rate(2 ** (semitones / 12), id);
    if (lasts === 'screen') this.screenSounds.add(id);
    this.options.report.played(cue);
  }

  private onContextState(): void {
    if (this.unavailable || !this.context) return;
    const running = this.context.state === 'running';
    if (running && !this.inputSeen) {
      this.context.suspend().catch(() => undefined);
      return;
    }
    if (running && !this.unlocked) {
      this.unlocked = true;
      void this.startMusic();
    }
    this.report();
  }

  /** The loop plays once a player has turned it up, audio is unlocked, and the tab is visible. */
  private async startMusic(): Promise<void> {
    const wanted = () =>
      !this.unavailable && this.unlocked && this.levels.musicVolume > 0 && !this.options.page?.hidden;
    if (!wanted()) return;
    if (!this.music) {
      let source: { src: string; format: string };
      try {
        source = await download(MUSIC);
      } catch {
        // The effects still work without it: only the music is given up.
        this.levels = { ...this.levels, musicVolume: 0 };
        return;
      }
      if (this.music) return;
      this.music = new Howl({
        src: [source.src],
        format: [source.format],
        sprite: MUSIC.sprite,
        html5: false,
        volume: this.levels.musicVolume,
        onload: () => void this.startMusic(),
        onloaderror: () => (this.levels = { ...this.levels, musicVolume: 0 }),
      });
      return;
    }
    if (!wanted() || this.music.state() !== 'loaded') return;
    if (this.musicId !== undefined && this.music.playing(this.musicId)) return;
    this.musicId = this.musicId === undefined ? this.music.play('loop') : this.music.play(this.musicId);
  }

  private followVisibility(): void {
    if (!this.music || this.musicId === undefined) return;
    if (this.options.page?.hidden) this.music.pause(this.musicId);
    else void this.startMusic();
  }

  private fail(): void {
    this.unavailable = true;
    this.endScreen();
    this.effects?.unload();
    this.music?.unload();
    this.effects = undefined;
    this.music = undefined;
    this.report();
  }

  private report(): void {
    this.options.report.state(
      this.unavailable ? 'unavailable' : !this.loaded ? 'loading' : this.unlocked ? 'running' : 'suspended',
    );
  }
}

/**
 * Fetches the format this browser plays and hands it to Howler as a data URI. Howler's own download
 * would, on a network error, quietly switch the sound to HTML5 audio; fetching here turns any failure
 * into "no sound" instead.
 */
async function download(file: SpriteFile): Promise<{ src: string; format: string }> {
  const format = Howler.codecs('webm') ? 'webm' : 'mp3';
  const response = await fetch(file.urls[format]);
  if (!response.ok) throw new Error(`${file.urls[format]}: ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and arguments are limited.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const mime = format === 'webm' ? 'audio/webm' : 'audio/mpeg';
  return { src: `data:${mime};base64,${btoa(binary)}`, format };
}

/** scripts/make-sounds.ts writes each sprite as [start ms, length ms] or [start ms, length ms, loop]. */
function spriteMap(json: Record<string, readonly (number | boolean)[]>): SoundSpriteDefinitions {
  return Object.fromEntries(
    Object.entries(json).map(([name, [start, length, loop]]) => [name, [Number(start), Number(length), loop === true]]),
  );
}

function hasWebAudio(): boolean {
  return typeof AudioContext !== 'undefined' || 'webkitAudioContext' in globalThis;
}

/** The board for this page, following the tab's visibility. */
export function createSoundBoard(levels: SoundLevels, report: SoundReport, hadInput: boolean): SoundBoard {
  return new SoundBoard({ levels, report, hadInput, page: document });
}
