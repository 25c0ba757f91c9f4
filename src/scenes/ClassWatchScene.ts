import type { LivePlayerStatus } from '../core/classProtocol';
import { placeOf } from '../game/classWords';
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
    const title = this.t('classroom:watch.title');
    this.beginScreen(title);
    document.body.dataset.classMode = 'watch';
    this.follow(data.play);
    this.addHomeButton();
    this.addSoundButton();
    const { width, height, margin, type } = this.frame;
    const a11y = this.services.a11y;
    const view = data.play.view;
    this.addHeading(title, height * 0.22);
    a11y.heading(title);
    this.addSeatLine(view.player.score, height * 0.32);
    const detail = [this.watchLine(view.live), this.rankLine(view.live)].filter(Boolean).join('\n');
    addText(this, width / 2, height * 0.4, detail, {
      size: type.body,
      color: this.textColors.muted,
      align: 'center',
      wrapWidth: width - margin * 4,
    }).setOrigin(0.5, 0);
    a11y.text(detail, { role: 'status' }).dataset.name = 'class-message';
  }

  /** What the projector shows now, in a line for the phone. */
  private watchLine(live: LivePlayerStatus | undefined): string {
    switch (live?.phase) {
      case 'question':
        // Their own time is up while the question stays open for students with extended time.
        return this.t('classroom:watch.timeUp');
      case 'answer':
      case 'evidence':
      case 'leaderboard':
        return this.t(`classroom:watch.${live.phase}`);
      default:
        return this.t('classroom:watch.next');
    }
  }

  /** "You are 3rd of 25", or nothing while the place is not known (or the teacher hides scores). */
  private rankLine(live: LivePlayerStatus | undefined): string {
    return live?.rank
      ? this.t('classroom:watch.rank', { place: placeOf(live.rank, this.translator), players: live.players })
      : '';
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
