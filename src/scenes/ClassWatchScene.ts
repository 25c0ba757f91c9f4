import { LOOK_AT_THE_SCREEN, rankLine, watchLine } from '../game/liveWords';
import { addText } from '../ui/text';
import { ClassScene } from './ClassScene';
import { SceneKey } from './keys';
import type { ClassWatchData } from './sceneData';

/**
 * A live lesson's moment with nothing to answer on the phone (a question that closed before the student joined,
 * the evidence or the leaderboard without an answer of theirs): "Look at the screen", their score and place. The
 * next question comes up by itself when the teacher moves on.
 */
export class ClassWatchScene extends ClassScene<'class-watch'> {
  constructor() {
    super(SceneKey.ClassWatch);
  }

  create(data: ClassWatchData): void {
    this.beginScreen(LOOK_AT_THE_SCREEN);
    document.body.dataset.classMode = 'watch';
    this.follow(data.play);
    this.addHomeButton();
    this.addSoundButton();
    const { width, height, margin, type } = this.frame;
    const a11y = this.services.a11y;
    const view = data.play.view;
    this.addHeading(LOOK_AT_THE_SCREEN, height * 0.22);
    a11y.heading(LOOK_AT_THE_SCREEN);
    this.addSeatLine(view.player.score, height * 0.32);
    const detail = [watchLine(view.live), rankLine(view.live)].filter(Boolean).join('\n');
    addText(this, width / 2, height * 0.4, detail, {
      size: type.body,
      color: this.textColors.muted,
      align: 'center',
      wrapWidth: width - margin * 4,
    }).setOrigin(0.5, 0);
    a11y.text(detail, { role: 'status' }).dataset.name = 'class-message';
  }

  protected override onLive(): void {
    void this.play.refresh().then(
      (view) => {
        if (this.leaving) return;
        // Still nothing to answer: the words follow the projector.
        if (view.state === 'watch') this.rebuild({ play: this.play });
        else this.route(view);
      },
      (error: unknown) => this.failed(error),
    );
  }
}
