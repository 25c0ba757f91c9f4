/**
 * What the class-mode screens share: the student's seat, going to the screen the server's view of them asks
 * for, and leaving for the right screen when the teacher ends the class or removes them.
 */
import Phaser from 'phaser';
import type { PlayerView } from '../core/classProtocol';
import type { ClassPlay } from '../game/classPlay';
import { ClassApiError } from '../net/classApi';
import { addText } from '../ui/text';
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
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, stop);
  }

  /** The teacher started the class or changed how scores show. */
  protected onStatus(): void {}

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
      case 'finished':
        this.goTo(SceneKey.ClassResults, { play, view });
        break;
    }
  }

  /** A failed call: the ended class and the removal have their own screens; anything else says what went wrong. */
  protected failed(error: unknown): void {
    if (this.leaving) return;
    if (error instanceof ClassApiError && (error.code === 'class-ended' || error.code === 'removed')) return;
    const message = error instanceof Error ? error.message : 'Something went wrong.';
    this.goTo(SceneKey.ClassWait, { play: this.play, note: 'error', message } satisfies ClassWaitData);
  }

  /** The student's name and score, top left: who this device plays as. */
  protected addSeatLine(score: number, y: number): Phaser.GameObjects.Text {
    const line = `${this.play.seat.nickname} · ${score.toLocaleString('en-US')} pts`;
    const text = addText(this, this.frame.margin, y, line, {
      size: this.frame.type.small,
      color: this.textColors.muted,
    }).setOrigin(0, 0.5);
    this.services.a11y.text(`Playing as ${this.play.seat.nickname}. Score: ${score}`, { label: 'Score' });
    return text;
  }
}
