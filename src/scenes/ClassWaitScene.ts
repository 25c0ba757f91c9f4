import type { PlayerView } from '../core/classProtocol';
import { classErrorMessage } from '../game/classWords';
import { addText } from '../ui/text';
import { ClassScene } from './ClassScene';
import { SceneKey } from './keys';
import type { ClassWaitData } from './sceneData';

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
    const t = this.t;
    this.beginScreen(note ? t('classroom:wait.noteTitle') : t('classroom:wait.title'));
    document.body.dataset.classMode = note ?? 'waiting';
    this.addHomeButton();
    this.addSoundButton();
    const { width, height, margin, type } = this.frame;
    const a11y = this.services.a11y;
    if (!note || note === 'leaving') this.follow(play);
    else this.play = play;

    const title =
      note === 'ended' || note === 'removed' || note === 'leaving' || note === 'error'
        ? t(`classroom:wait.${note}`)
        : t('classroom:wait.in', { nickname: play.seat.nickname });
    this.addHeading(title, height * 0.22);
    a11y.heading(title);
    const detail =
      note === 'ended'
        ? t('classroom:wait.endedDetail', {
            score: this.translator.formatNumber(play.view.player.score),
            count: play.view.player.answered,
          })
        : note === 'removed'
          ? t('classroom:wait.removedDetail')
          : note === 'leaving'
            ? t('classroom:wait.leavingDetail')
            : note === 'error'
              ? (data.message ?? t('classroom:wait.errorDetail'))
              : t('classroom:wait.lobby', { code: play.seat.code, count: play.total });
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
    if (note === 'leaving') {
      const stay = this.addButton(
        t('classroom:wait.keepPlaying'),
        { x: width / 2 - buttonWidth / 2, y, width: buttonWidth, height: 64 },
        () => void this.backToRound(),
        { fill: this.colors.highlight, textColor: this.textColors.ink, name: 'Resume' },
      );
      this.addButton(
        t('classroom:wait.leaveRound'),
        { x: width / 2 - buttonWidth / 2, y: y + 64 + this.frame.gap, width: buttonWidth, height: 64 },
        () => this.goTo(SceneKey.Title),
        { name: 'Quit to title' },
      );
      a11y.announce(t('classroom:wait.leavingSpoken'));
      a11y.focus(stay.dom);
      this.onKeys((event) => {
        if (event.key === 'Escape') void this.backToRound();
      });
      return;
    }
    if (note === 'error') {
      const retry = this.addButton(
        t('classroom:wait.tryAgain'),
        { x: width / 2 - buttonWidth / 2, y, width: buttonWidth, height: 64 },
        () => void this.retry(),
        { fill: this.colors.highlight, textColor: this.textColors.ink, name: 'Try again' },
      );
      a11y.focus(retry.dom);
    } else if (!note && data.confirmLeave) {
      this.askLeave(y, buttonWidth);
    } else {
      const leave = this.addButton(
        note ? t('classroom:wait.backToTitle') : t('classroom:wait.leaveClass'),
        { x: width / 2 - buttonWidth / 2, y, width: buttonWidth, height: 64 },
        () => {
          if (!note) {
            this.rebuild({ play, confirmLeave: true });
            return;
          }
          play.leave();
          this.goTo(SceneKey.Title);
        },
        { name: note ? 'Back to the title' : 'Leave the class' },
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

  /** A live lesson's lobby stays here until the first question opens. */
  protected override stays(view: PlayerView): boolean {
    return view.state === 'waiting';
  }

  /** Leaving is for good (the teacher's list loses the name): asked first, staying is focused. */
  private askLeave(y: number, buttonWidth: number): void {
    const { width, margin } = this.frame;
    const a11y = this.services.a11y;
    const gap = margin / 2;
    this.addConfirmQuestion(this.t('classroom:wait.confirmLeave'), y - gap, 'confirm-leave');
    const half = Math.min(buttonWidth, (width - margin * 2 - gap) / 2);
    this.addButton(
      this.t('classroom:wait.yesLeave'),
      { x: width / 2 - half - gap / 2, y, width: half, height: 64 },
      () => {
        void this.play.leaveClass().finally(() => {
          if (!this.leaving) this.goTo(SceneKey.Title);
        });
      },
      { name: 'Confirm leave' },
    );
    const stay = this.addButton(
      this.t('classroom:wait.stay'),
      { x: width / 2 + gap / 2, y, width: half, height: 64 },
      () => this.rebuild({ play: this.play }),
      { fill: this.colors.highlight, textColor: this.textColors.ink, name: 'Stay' },
    );
    a11y.focus(stay.dom);
    this.onKeys((event) => {
      if (event.key === 'Escape') this.rebuild({ play: this.play });
    });
  }

  /** Keep playing: back to where the server says the student is (the question with the time it has left). */
  private async backToRound(): Promise<void> {
    if (this.leaving) return;
    try {
      const view = await this.play.refresh();
      if (!this.leaving) this.route(view);
    } catch (error) {
      this.failed(error);
    }
  }

  protected override onStatus(): void {
    if (this.play.view.class.status === 'open' && !this.opened.note) void this.retry();
  }

  private async retry(): Promise<void> {
    if (this.leaving) return;
    // Before the first question: the before check, when the class has one and it is still due.
    if (!this.opened.note && (await this.toDueCheck())) return;
    try {
      const view = await this.play.next();
      if (!this.leaving && view.state !== 'waiting') this.route(view);
    } catch (error) {
      if (!this.opened.note) this.failed(error);
      else
        this.services.a11y.announce(
          error instanceof Error ? classErrorMessage(error, this.translator) : this.t('classroom:wait.stillNoAnswer'),
        );
    }
  }
}
