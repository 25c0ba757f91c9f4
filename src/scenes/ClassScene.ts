/**
 * What the class-mode screens share: the student's seat, going to the screen the server's view of them asks
 * for, and leaving for the right screen when the teacher ends the class or removes them.
 */
import Phaser from 'phaser';
import type { PlayerView } from '../core/classProtocol';
import { dueClassCheck } from '../game/classCheckRun';
import type { ClassPlay } from '../game/classPlay';
import { classErrorMessage } from '../game/classWords';
import { ClassApiError } from '../net/classApi';
import { addText, fitTextWidth } from '../ui/text';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';
import type { ClassWaitData } from './sceneData';

export abstract class ClassScene<K extends SceneKey> extends BaseScene<K> {
  protected play!: ClassPlay;

  /** Call in create() after beginScreen: follows the teacher's ending or removal from here on. */
  protected follow(play: ClassPlay, options: { stayWhenEnded?: boolean } = {}): void {
    this.play = play;
    const stop = play.on((event) => {
      if (this.leaving) return;
      if (event.type === 'ended' && !options.stayWhenEnded)
        this.goTo(SceneKey.ClassWait, { play, note: 'ended' } satisfies ClassWaitData);
      if (event.type === 'removed') this.goTo(SceneKey.ClassWait, { play, note: 'removed' } satisfies ClassWaitData);
      if (event.type === 'status') this.onStatus();
      if (event.type === 'live') this.onLive();
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, stop);
  }

  /**
   * Back to title (or Escape) during a class round asks first: the class's clock is the server's and keeps running,
   * which the asking screen says.
   */
  protected askToLeave(): void {
    this.goTo(SceneKey.ClassWait, { play: this.play, note: 'leaving' } satisfies ClassWaitData);
  }

  /** The teacher started the class or changed how scores show. */
  protected onStatus(): void {}

  /**
   * A live lesson moved on: by default the screen asks where the student is and goes there, unless `stays` says
   * this screen already shows it.
   */
  protected onLive(): void {
    void this.play.refresh().then(
      (view) => {
        if (!this.leaving && !this.stays(view)) this.route(view);
      },
      (error: unknown) => this.failed(error),
    );
  }

  /** Whether this screen already shows the view (a live lesson's step that changes nothing here). */
  protected stays(_view: PlayerView): boolean {
    return false;
  }

  /** Goes to the screen for where the server says the student is. */
  protected route(view: PlayerView): void {
    const play = this.play;
    switch (view.state) {
      case 'waiting':
      case 'ready':
        this.goTo(SceneKey.ClassWait, { play } satisfies ClassWaitData);
        break;
      case 'question':
        this.goTo(SceneKey.ClassQuestion, { play, question: view.question });
        break;
      case 'answered':
        this.goTo(SceneKey.ClassReveal, { play, outcome: view.outcome });
        break;
      case 'watch':
        this.goTo(SceneKey.ClassWatch, { play });
        break;
      case 'finished':
        // The after check comes before the results when one is due.
        if (view.class.learningCheck) void this.afterCheck(view);
        else this.goTo(SceneKey.ClassResults, { play, view });
        break;
    }
  }

  /**
   * The learning check's hook, whatever the class's pace: call it before serving the first question and once past
   * the last. Goes to the check the server says is due (before, after or delayed) and says whether it did.
   */
  protected async toDueCheck(): Promise<boolean> {
    if (!this.play.view.class.learningCheck) return false;
    const run = await dueClassCheck(this.play.api, this.play.seat, this.play);
    if (!run || this.leaving) return false;
    this.goTo(SceneKey.Check, { step: 'class', run });
    return true;
  }

  private async afterCheck(view: Extract<PlayerView, { state: 'finished' }>): Promise<void> {
    if (!(await this.toDueCheck()) && !this.leaving) this.goTo(SceneKey.ClassResults, { play: this.play, view });
  }

  /** A failed call: the ended class and the removal have their own screens; anything else says what went wrong. */
  protected failed(error: unknown): void {
    if (this.leaving) return;
    if (error instanceof ClassApiError && (error.code === 'class-ended' || error.code === 'removed')) return;
    const message = classErrorMessage(error, this.translator);
    this.goTo(SceneKey.ClassWait, { play: this.play, note: 'error', message } satisfies ClassWaitData);
  }

  /**
   * A heading that keeps inside the screen: a long nickname in it, or a language with longer words, shrinks it
   * rather than letting it run off the edges.
   */
  protected override addHeading(text: string, y: number, size?: number): Phaser.GameObjects.Text {
    const heading = super.addHeading(text, y, size);
    const { width, margin, type } = this.frame;
    if (!fitTextWidth(heading, width - margin * 2, type.small)) this.services.a11y.markOverflow('heading');
    return heading;
  }

  /** The student's name and score, top left: who this device plays as. */
  protected addSeatLine(score: number, y: number): Phaser.GameObjects.Text {
    const nickname = this.play.seat.nickname;
    const line = this.t('classroom:seat.line', { nickname, score: this.translator.formatNumber(score) });
    const text = addText(this, this.frame.margin, y, line, {
      size: this.frame.type.small,
      color: this.textColors.muted,
    }).setOrigin(0, 0.5);
    this.services.a11y.text(
      this.t('classroom:seat.spoken', { nickname, score: this.translator.formatNumber(score, { useGrouping: false }) }),
      { label: this.t('classroom:seat.label') },
    );
    return text;
  }
}
