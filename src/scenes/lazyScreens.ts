/** The screens that are downloads of their own, by group (see navigator.ts); only main.ts reads this table. */
import { loadEnglish } from '../i18n/resources';
import { SceneKey } from './keys';
import type { LazyGroup, LazyScreens, SceneGroup } from './navigator';

/** A group's screens, with the English strings the first screen does not carry (one download, shared). */
function withStrings(screens: Promise<{ SCENES: SceneGroup }>): Promise<{ SCENES: SceneGroup }> {
  return Promise.all([screens, loadEnglish()]).then(([module]) => module);
}

const PLAY: LazyGroup = { name: 'play', load: () => withStrings(import('./playScenes')) };
const MENU: LazyGroup = { name: 'menu', load: () => withStrings(import('./menuScenes')) };
const CLASS: LazyGroup = { name: 'class', load: () => withStrings(import('./classScenes')) };
const CUSTOM: LazyGroup = { name: 'custom', load: () => withStrings(import('./customBankScenes')) };

export const LAZY_SCREENS: LazyScreens = {
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
  [SceneKey.Check]: MENU,
  [SceneKey.CheckReport]: MENU,
  [SceneKey.ClassJoin]: CLASS,
  [SceneKey.ClassWait]: CLASS,
  [SceneKey.ClassQuestion]: CLASS,
  [SceneKey.ClassReveal]: CLASS,
  [SceneKey.ClassResults]: CLASS,
  [SceneKey.ClassWatch]: CLASS,
  [SceneKey.Challenge]: CLASS,
  [SceneKey.CustomBanks]: CUSTOM,
  [SceneKey.CustomBank]: CUSTOM,
};
