/**
 * Only the title comes with the game; every other screen is in a download of its own: the screens of a round;
 * settings, scores, sharing, the report and the timeline; the class screens; "Your questions". All are fetched in
 * the background once the title is up (the round's first), and each group is added to the game the first time
 * one of its screens opens, so none of it delays the title.
 */
import type Phaser from 'phaser';
import { servicesOf } from '../game/services';
import { COLORS, CSS } from '../ui/theme';
import { addText } from '../ui/text';
import { SceneKey } from './keys';

/** A downloaded group: its scenes by key. */
export type SceneGroup = Partial<Record<SceneKey, new () => Phaser.Scene>>;

interface LazyGroup {
  /** What the player would call these screens, for the message when the download fails. */
  name: string;
  load: () => Promise<{ SCENES: SceneGroup }>;
  pending?: Promise<SceneGroup>;
}

const PLAY: LazyGroup = { name: 'The screens of a round', load: () => import('./playScenes') };
const MENU: LazyGroup = { name: 'These screens', load: () => import('./menuScenes') };
const CLASS: LazyGroup = { name: 'The class screens', load: () => import('./classScenes') };
const CUSTOM: LazyGroup = { name: 'The “Use your own questions” screens', load: () => import('./customBankScenes') };

const GROUP_OF: Partial<Record<SceneKey, LazyGroup>> = {
  [SceneKey.Claim]: PLAY,
  [SceneKey.Question]: PLAY,
  [SceneKey.Wager]: PLAY,
  [SceneKey.Pause]: PLAY,
  [SceneKey.Reveal]: PLAY,
  [SceneKey.Results]: PLAY,
  [SceneKey.Settings]: MENU,
  [SceneKey.Topics]: MENU,
  [SceneKey.HowToPlay]: MENU,
  [SceneKey.HighScores]: MENU,
  [SceneKey.Share]: MENU,
  [SceneKey.Report]: MENU,
  [SceneKey.Timeline]: MENU,
  [SceneKey.ClassJoin]: CLASS,
  [SceneKey.ClassWait]: CLASS,
  [SceneKey.ClassQuestion]: CLASS,
  [SceneKey.ClassReveal]: CLASS,
  [SceneKey.ClassResults]: CLASS,
  [SceneKey.CustomBanks]: CUSTOM,
  [SceneKey.CustomBank]: CUSTOM,
};

function fetchGroup(group: LazyGroup): Promise<SceneGroup> {
  group.pending ??= group.load().then(
    (module) => module.SCENES,
    (error: unknown) => {
      // A failed download may work on the next try.
      group.pending = undefined;
      throw error;
    },
  );
  return group.pending;
}

/** Whether a screen can start now (it came with the game, or its group was added). */
export function isSceneReady(game: Phaser.Game, key: SceneKey): boolean {
  return game.scene.getScene(key) !== null;
}

/**
 * Adds the screen's group to the game, then starts the screen from `from`, unless the player has gone elsewhere
 * meanwhile. When the download fails, a notice says so and `onFailure` lets the screen take input again.
 */
export function openLazyScene(
  from: Phaser.Scene,
  key: SceneKey,
  data: object | undefined,
  onFailure: () => void,
): void {
  const group = GROUP_OF[key];
  if (!group) throw new Error(`The screen "${key}" is neither in the game nor in a download`);
  fetchGroup(group).then(
    (scenes) => {
      for (const [sceneKey, scene] of Object.entries(scenes)) {
        if (scene && !from.game.scene.getScene(sceneKey)) from.game.scene.add(sceneKey, scene, false);
      }
      if (from.sys.isActive()) from.scene.start(key, data);
    },
    () => {
      onFailure();
      if (from.sys.isActive())
        showFailure(from, `${group.name} could not be downloaded. Check the connection and try again.`);
    },
  );
}

/** Fetches every group in the background, so the first visit to a screen does not wait for the network. */
export function prefetchLazyScenes(): void {
  for (const group of new Set(Object.values(GROUP_OF))) void fetchGroup(group).catch(() => undefined);
}

function showFailure(from: Phaser.Scene, message: string): void {
  const { width, height } = from.scale;
  const toast = addText(from, width / 2, height - 12, message, {
    size: 18,
    bold: true,
    color: CSS.ink,
    align: 'center',
    wrapWidth: width - 48,
  })
    .setOrigin(0.5, 1)
    .setDepth(11);
  from.add
    .rectangle(width / 2, toast.y + 6, toast.width + 24, toast.height + 12, COLORS.wrong)
    .setOrigin(0.5, 1)
    .setDepth(10);
  servicesOf(from).a11y.announce(message);
}
