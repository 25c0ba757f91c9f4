/**
 * Moving between screens: one typed `goTo` for every screen, and the downloads of the screens that do not come with
 * the game. Only the title, the loading and the error screens come with it; every other screen is in a group of its
 * own (the screens of a round; settings, scores, sharing, the report and the timeline; the class screens; "Your
 * questions"), fetched in the background once the title is up and added to the game the first time one of its
 * screens opens. main.ts builds the navigator with the table of groups, so no screen imports the list of screens.
 */
import type Phaser from 'phaser';
import { translatorOf } from '../ui/pageLanguage';
import { paletteOf } from '../ui/theme';
import { addText } from '../ui/text';
import type { SceneKey } from './keys';
import type { SceneDataMap } from './sceneData';

/** A downloaded group: its scenes by key. */
export type SceneGroup = Partial<Record<SceneKey, new () => Phaser.Scene>>;

export interface LazyGroup {
  /** Which screens these are, for the message when their download fails (`menu:download.<name>`). */
  name: 'play' | 'menu' | 'class' | 'custom';
  load: () => Promise<{ SCENES: SceneGroup }>;
}

/** Which group brings each screen that does not come with the game. */
export type LazyScreens = Partial<Record<SceneKey, LazyGroup>>;

export class Navigator {
  private readonly pending = new Map<LazyGroup, Promise<SceneGroup>>();

  constructor(
    private readonly lazyScreens: LazyScreens,
    /** Says a failed download aloud (the accessible layer's live region). */
    private readonly announce: (message: string) => void,
  ) {}

  /**
   * Starts `key` from the screen `from` with its data. A screen in a download starts once it is there, unless the
   * player has gone elsewhere meanwhile; when the download fails, a notice says so and `onFailure` runs.
   */
  goTo<K extends SceneKey>(from: Phaser.Scene, key: K, data: SceneDataMap[K], onFailure: () => void): void {
    // Phaser keeps a screen's data from its last visit when it is started without any: a visit without data must
    // not reopen as that old one (Settings from the title came back as the settings of a round quit long ago).
    const visit = data ?? {};
    if (from.game.scene.getScene(key) !== null) {
      from.scene.start(key, visit);
      return;
    }
    const group = this.lazyScreens[key];
    if (!group) throw new Error(`The screen "${key}" is neither in the game nor in a download`);
    this.fetchGroup(group).then(
      (scenes) => {
        for (const [sceneKey, scene] of Object.entries(scenes)) {
          if (scene && !from.game.scene.getScene(sceneKey)) from.game.scene.add(sceneKey, scene, false);
        }
        if (from.sys.isActive()) from.scene.start(key, visit);
      },
      () => {
        onFailure();
        if (from.sys.isActive()) this.showFailure(from, translatorOf(from).t(`menu:download.${group.name}`));
      },
    );
  }

  /** Builds every visible screen again from its own data (the device turned to the other layout). */
  rebuildVisible(game: Phaser.Game): void {
    for (const scene of game.scene.getScenes(true)) scene.scene.restart(scene.sys.settings.data);
  }

  /** Fetches every group in the background, so the first visit to a screen does not wait for the network. */
  prefetch(): void {
    for (const group of new Set(Object.values(this.lazyScreens))) void this.fetchGroup(group).catch(() => undefined);
  }

  private fetchGroup(group: LazyGroup): Promise<SceneGroup> {
    let pending = this.pending.get(group);
    if (!pending) {
      pending = group.load().then(
        (module) => module.SCENES,
        (error: unknown) => {
          // A failed download may work on the next try.
          this.pending.delete(group);
          throw error;
        },
      );
      this.pending.set(group, pending);
    }
    return pending;
  }

  private showFailure(from: Phaser.Scene, message: string): void {
    const { width, height } = from.scale;
    const toast = addText(from, width / 2, height - 12, message, {
      size: 18,
      bold: true,
      color: paletteOf(from).text.ink,
      align: 'center',
      wrapWidth: width - 48,
    })
      .setOrigin(0.5, 1)
      .setDepth(11);
    from.add
      .rectangle(width / 2, toast.y + 6, toast.width + 24, toast.height + 12, paletteOf(from).colors.wrong)
      .setOrigin(0.5, 1)
      .setDepth(10);
    this.announce(message);
  }
}
