/** The screens around a round, a download of their own (see lazyScreens.ts). */
import type { SceneGroup } from './navigator';
import { CheckReportScene } from './CheckReportScene';
import { CheckScene } from './CheckScene';
import { HighScoresScene } from './HighScoresScene';
import { HowToPlayScene } from './HowToPlayScene';
import { SceneKey } from './keys';
import { ReportScene } from './ReportScene';
import { SettingsScene } from './SettingsScene';
import { ShareScene } from './ShareScene';
import { TimelineScene } from './TimelineScene';
import { TopicsScene } from './TopicsScene';

export const SCENES: SceneGroup = {
  [SceneKey.Settings]: SettingsScene,
  [SceneKey.Topics]: TopicsScene,
  [SceneKey.HowToPlay]: HowToPlayScene,
  [SceneKey.HighScores]: HighScoresScene,
  [SceneKey.Share]: ShareScene,
  [SceneKey.Report]: ReportScene,
  [SceneKey.Timeline]: TimelineScene,
  [SceneKey.Check]: CheckScene,
  [SceneKey.CheckReport]: CheckReportScene,
};
