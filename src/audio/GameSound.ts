/**
 * The game's sound as scenes see it, available from the first frame: the player's sound settings now,
 * and the SoundBoard (Howler and the sound files) once `load()` has fetched it after the title screen.
 * Until then, and for good when it cannot load, cues are silently dropped.
 */
import type { PreferencesStore } from '../storage/PreferencesStore';
import type { AudioState, Cue, PlayOptions, SoundLevels, SoundReport } from './cues';
import type { createSoundBoard, SoundBoard } from './SoundBoard';

export type SoundBoardModule = { createSoundBoard: typeof createSoundBoard };

/** Inputs that count as the player's first gesture: the ones browsers accept for starting audio. */
const UNLOCK_EVENTS = ['pointerdown', 'keydown', 'touchend'] as const;

export class GameSound {
  private board?: SoundBoard;
  private loading?: Promise<void>;
  private inputSeen = false;
  private readonly report: SoundReport;
  /** Watched from the start, so a key pressed before the sounds arrive still counts as the first input. */
  private readonly onInput = (event: Event) => {
    // Scripted events never unlock audio in a browser, so they do not count here either.
    if (!event.isTrusted) return;
    this.inputSeen = true;
    this.board?.unlock();
  };

  constructor(
    private readonly preferences: PreferencesStore,
    report: SoundReport,
    private readonly inputTarget: EventTarget,
    private readonly importBoard: () => Promise<SoundBoardModule> = () => import('./SoundBoard'),
  ) {
    for (const type of UNLOCK_EVENTS) inputTarget.addEventListener(type, this.onInput, { capture: true });
    this.report = {
      played: (cue) => report.played(cue),
      state: (state: AudioState) => {
        if (state === 'running' || state === 'unavailable') this.stopWatchingInput();
        report.state(state);
      },
    };
  }

  get muted(): boolean {
    return this.preferences.get().muted;
  }

  /** Mutes or unmutes everything; remembered with the other settings. */
  toggleMute(): boolean {
    this.preferences.set({ ...this.preferences.get(), muted: !this.muted });
    this.refresh();
    return this.muted;
  }

  /** Brings the sound in line with the settings after they changed. */
  refresh(): void {
    this.board?.apply(this.levels());
  }

  play(cue: Cue, options?: PlayOptions): void {
    if (!this.muted) this.board?.play(cue, options);
  }

  /** The current screen is ending: its pending and screen-long sounds stop. */
  endScreen(): void {
    this.board?.endScreen();
  }

  /** Fetches Howler and the sounds (once); never rejects — a failure leaves the game silent. */
  load(): Promise<void> {
    this.loading ??= (async () => {
      this.report.state('loading');
      try {
        const { createSoundBoard } = await this.importBoard();
        this.board = createSoundBoard(this.levels(), this.report, this.inputSeen);
      } catch {
        this.report.state('unavailable');
      }
    })();
    return this.loading;
  }

  private stopWatchingInput(): void {
    for (const type of UNLOCK_EVENTS) this.inputTarget.removeEventListener(type, this.onInput, { capture: true });
  }

  private levels(): SoundLevels {
    const { muted, effectsVolume, musicVolume } = this.preferences.get();
    return { muted, effectsVolume, musicVolume };
  }
}
