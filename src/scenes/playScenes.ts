/** The screens of a round, a download of their own that starts right after the title is up (see lazyScreens.ts). */
import { ClaimScene } from './ClaimScene';
import { SceneKey } from './keys';
import { PauseScene } from './PauseScene';
import { QuestionScene } from './QuestionScene';
import { ResultsScene } from './ResultsScene';
import { RevealScene } from './RevealScene';
import type { SceneGroup } from './navigator';
import { WagerScene } from './WagerScene';

export const SCENES: SceneGroup = {
  [SceneKey.Claim]: ClaimScene,
  [SceneKey.Question]: QuestionScene,
  [SceneKey.Wager]: WagerScene,
  [SceneKey.Pause]: PauseScene,
  [SceneKey.Reveal]: RevealScene,
  [SceneKey.Results]: ResultsScene,
};
