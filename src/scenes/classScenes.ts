/** The class screens, a download of their own (see lazyScreens.ts). */
import { ChallengeScene } from './ChallengeScene';
import { ClassJoinScene } from './ClassJoinScene';
import { ClassQuestionScene } from './ClassQuestionScene';
import { ClassResultsScene } from './ClassResultsScene';
import { ClassRevealScene } from './ClassRevealScene';
import { ClassWaitScene } from './ClassWaitScene';
import { ClassWatchScene } from './ClassWatchScene';
import { SceneKey } from './keys';
import type { SceneGroup } from './navigator';

export const SCENES: SceneGroup = {
  [SceneKey.ClassJoin]: ClassJoinScene,
  [SceneKey.ClassWait]: ClassWaitScene,
  [SceneKey.ClassQuestion]: ClassQuestionScene,
  [SceneKey.ClassReveal]: ClassRevealScene,
  [SceneKey.ClassResults]: ClassResultsScene,
  [SceneKey.ClassWatch]: ClassWatchScene,
  [SceneKey.Challenge]: ChallengeScene,
};
