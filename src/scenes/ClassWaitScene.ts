import { addText } from '../ui/text';
import { ClassScene } from './ClassScene';
import { SceneKey } from './keys';
import type { ClassWaitData } from './sceneData';

const NOTES = {
  ended: 'Your teacher has ended the class.',
  removed: 'Your teacher has removed you from this class.',
} as const;

/**
 * Between the moments of a class: the lobby until the teacher starts, and the plain word when the class has
 * ended, the student was removed, or the server could not be reached (with a way to try again).
 */
export class ClassWaitScene extends ClassScene<'class-wait'> {
  /** The data this visit was opened with. */
  private opened!: ClassWaitData;

  constructor() {
    super(SceneKey.ClassWait);
  }

  create(data: ClassWaitData): void {
    this.opened = data;
    const play = data.play;
    const note = data.note;
    this.beginScreen(note ? 'Class' : 'Waiting for the class to start');
    document.body.dataset.classMode = note ?? 'waiting';
    this.addHomeButton();
    this.addSoundButton();
    const { width, height, margin, type } = this.frame;
    const a11y = this.services.a11y;
    if (!note) this.follow(play);
    else this.play = play;

    const title =
      note === 'ended' || note === 'removed'
        ? NOTES[note]
        : note === 'error'
          ? 'The class server did not answer.'
          : `You're in, ${play.seat.nickname}!`;
    this.addHeading(title, height * 0.22);
    a11y.heading(title);
    const detail =
      note === 'ended'
        ? `You scored ${play.view.player.score.toLocaleString('en-US')} points on ${play.view.player.answered} questions, every one checked by the class server.`
        : note === 'removed'
          ? 'Ask your teacher if you think this was a mistake.'
          : note === 'error'
            ? (data.message ?? 'Check the connection and try again.')
            : `Class ${play.seat.code} · ${play.total} questions. Waiting for your teacher to start…`;
    addText(this, width / 2, height * 0.36, detail, {
      size: type.body,
      color: this.textColors.muted,
      align: 'center',
      wrapWidth: width - margin * 4,
    }).setOrigin(0.5, 0);
    const status = a11y.text(detail, { role: note === 'error' ? 'alert' : 'status' });
    status.dataset.name = 'class-message';

    const buttonWidth = Math.min(360, width - margin * 2);
    const y = height * 0.62;
    if (note === 'error') {
      const retry = this.addButton(
        'Try again',
        { x: width / 2 - buttonWidth / 2, y, width: buttonWidth, height: 64 },
        () => void this.retry(),
        { fill: this.colors.highlight, textColor: this.textColors.ink },
      );
      a11y.focus(retry.dom);
    } else {
      const leave = this.addButton(
        note ? 'Back to the title' : 'Leave the class',
        { x: width / 2 - buttonWidth / 2, y, width: buttonWidth, height: 64 },
        () => {
          play.leave();
          this.goTo(SceneKey.Title);
        },
      );
      a11y.focus(leave.dom);
    }
    if (note === 'ended' || note === 'removed') {
      play.leave();
      return;
    }
    // The class may already be open (a reload before the first question): go on at once.
    if (!note && play.view.class.status === 'open') void this.retry();
  }

  protected override onStatus(): void {
    if (this.play.view.class.status === 'open' && !this.opened.note) void this.retry();
  }

  private async retry(): Promise<void> {
    if (this.leaving) return;
    try {
      const view = await this.play.next();
      if (!this.leaving && view.state !== 'waiting') this.route(view);
    } catch (error) {
      if (!this.opened.note) this.failed(error);
      else this.services.a11y.announce(error instanceof Error ? error.message : 'Still no answer.');
    }
  }
}
