import type Phaser from 'phaser';
import type { ServedQuestion } from '../core/classProtocol';
import { ClassApiError } from '../net/classApi';
import { AnswerTile } from '../ui/Button';
import { CountdownRing } from '../ui/CountdownRing';
import { addQuestionView } from '../ui/QuestionView';
import { countdownWarning } from '../core/countdown';
import { answerForKey, MOTION } from '../ui/theme';
import { spanishServedOf } from '../game/spanishQuestions';
import { ClassScene } from './ClassScene';
import { SceneKey } from './keys';
import type { ClassQuestionData } from './sceneData';

/** How long to wait before sending an answer again when the connection dropped. */
const RETRY_MS = 1500;
/** Time the server still gives a question this device has timed out, past which it was extended, not clock skew. */
const MORE_TIME_GIVEN_MS = 1500;

/**
 * One question of a class round, as the server served it: the choices and the time left by the server's clock
 * (a reload shows the same question with the time that was left, never a fresh clock). The answer goes to the
 * server, which judges and scores it; only then does the reveal show what was right.
 */
export class ClassQuestionScene extends ClassScene<'class-question'> {
  private question!: ServedQuestion;
  private deadline: number | null = null;
  private tiles: AnswerTile[] = [];
  private ring!: CountdownRing;
  private timerText!: HTMLElement;
  private status?: Phaser.GameObjects.Text;
  private sent = false;
  /** A live lesson's teacher has paused the question: no answer is taken and the clock stands still. */
  private paused = false;
  private pausedLeft: number | null = null;
  /** The connection dropped while sending the answer: the reveal says whether it then arrived in time. */
  private dropped = false;

  constructor() {
    super(SceneKey.ClassQuestion);
  }

  create(data: ClassQuestionData): void {
    this.question = data.question;
    this.tiles = [];
    this.sent = false;
    this.dropped = false;
    const question = this.question;
    this.setClock(question.remainingMs, data.play.view.live?.paused === true);
    const number = question.position + 1;
    const t = this.t;
    this.beginScreen(t('play:classQuestion.screen', { number, total: question.total }));
    document.body.dataset.classMode = 'question';
    this.follow(data.play);
    const { width, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const { top: barY, height: barHeight } = this.addRoundBar(number, question.total, () => this.askToLeave());
    const ringRadius = portrait ? 26 : 30;
    const ringX = portrait ? width - margin - ringRadius - 4 : width / 2;
    const ringY = portrait ? barY + barHeight + gap + ringRadius : barY + barHeight / 2;
    this.ring = new CountdownRing(
      this,
      ringX,
      ringY,
      ringRadius,
      Math.round(type.body * 0.95),
      this.services.reduceMotion,
    );
    this.addSeatLine(this.play.view.player.score, portrait ? ringY : barY + barHeight + gap);
    a11y.text(t('play:progress.text', { number, total: question.total }), {
      label: t('play:progress.label'),
    }).dataset.name = 'progress';
    this.timerText = a11y.text('', { role: 'timer', label: t('play:question.timeLeftLabel') });
    // The class server sends the English: a Spanish interface shows the bank's Spanish for this question, the
    // choices in this student's order (a teacher's own question stays as written).
    const spanish = spanishServedOf(this.services, this.translator, question.questionId, question.choices);

    const view = addQuestionView(this, this.frame, a11y, {
      top: portrait ? ringY + ringRadius + gap : barY + barHeight + gap * 2.5,
      number,
      total: question.total,
      claimQuote: question.claimQuote,
      ...(spanish?.claim !== undefined
        ? { claimTranslation: { label: t('play:translationLabel'), text: spanish.claim } }
        : {}),
      prompt: spanish?.prompt ?? question.prompt,
      choices: spanish?.choices ?? question.choices,
      promptShare: 0.22,
      statusLine: true,
      onChoose: (position) => this.choose(position),
      onHover: () => this.services.sound.play('hover'),
      fit: (text, maxHeight, name, minSize) => this.fit(text, maxHeight, name, minSize),
    });
    this.tiles = view.tiles;
    this.status = view.status;
    this.onKeys((event) => {
      const position = answerForKey(event.key, question.choices.length);
      if (position !== undefined) this.choose(position);
      if (event.key === 'Escape') this.askToLeave();
    });
    this.updateCountdown();
    if (this.paused) this.say(this.t('play:classQuestion.paused'));
  }

  update(): void {
    if (this.leaving) return;
    const left = this.updateCountdown();
    if (left <= 0 && !this.sent && !this.paused) void this.timeUp();
  }

  /** The time left by the server's clock; while paused, it stands still at `remainingMs`. */
  private setClock(remainingMs: number | null, paused: boolean): void {
    this.paused = paused;
    this.pausedLeft = remainingMs;
    this.deadline = remainingMs === null ? null : this.services.now() + remainingMs;
  }

  private remaining(): number {
    if (this.paused) return this.pausedLeft ?? Number.POSITIVE_INFINITY;
    return this.deadline === null ? Number.POSITIVE_INFINITY : Math.max(0, this.deadline - this.services.now());
  }

  private say(text: string): void {
    this.status?.setText(text);
    this.services.a11y.announce(text);
  }

  /** A live lesson moved on: a pause or its end keeps this question; a closed question goes to its reveal. */
  protected override onLive(): void {
    // An answer on its way, or a time-out being recorded, finds its own way on.
    if (this.sent) return;
    void this.play.refresh().then(
      (view) => {
        if (this.leaving || this.sent) return;
        if (view.state === 'question' && view.question.position === this.question.position) {
          const wasPaused = this.paused;
          this.setClock(view.question.remainingMs, view.live?.paused === true);
          if (this.paused) this.say(this.t('play:classQuestion.paused'));
          else if (wasPaused) this.say(this.t('play:classQuestion.goesOn'));
          return;
        }
        this.route(view);
      },
      (error: unknown) => this.failed(error),
    );
  }

  private updateCountdown(): number {
    const left = this.remaining();
    const limit = this.question.timeLimitMs;
    if (this.ring.update(left, limit)) {
      const seconds = Math.ceil(left / 1000);
      this.timerText.textContent =
        limit === null ? this.t('play:question.noTimeLimit') : this.t('play:question.secondsLeft', { count: seconds });
      // The same warnings as solo play: halfway and the last seconds.
      const warning = countdownWarning(seconds, limit, MOTION.lowTimeSec);
      if (warning !== null) this.services.a11y.announce(this.t('play:question.secondsLeft', { count: warning }));
      if (limit !== null && left > 0 && seconds <= MOTION.lowTimeSec) this.services.sound.play('tick');
    }
    return left;
  }

  private lock(position: number | null): void {
    this.sent = true;
    this.tiles.forEach((tile, index) => {
      tile.setEnabled(false);
      tile.setLook(index === position ? 'picked' : 'dim');
    });
  }

  private choose(position: number): void {
    if (this.leaving || this.sent || this.remaining() <= 0) return;
    if (this.paused) return this.say(this.t('play:classQuestion.paused'));
    this.lock(position);
    this.services.sound.play('select');
    void this.send(position);
  }

  /** Sends the answer; a dropped connection is retried while it can still count. */
  private async send(position: number): Promise<void> {
    try {
      const outcome = await this.play.answer(
        this.question.position,
        position,
        () =>
          this.say(
            this.play.view.class.pace === 'live'
              ? this.t('play:classQuestion.livePending')
              : this.t('play:classQuestion.pending'),
          ),
        this.translator.language,
      );
      if (!this.leaving) {
        this.goTo(SceneKey.ClassReveal, {
          play: this.play,
          outcome,
          ...(this.dropped ? { arrival: 'in-time' as const } : {}),
        });
      }
    } catch (error) {
      if (this.leaving) return;
      if (error instanceof ClassApiError && error.status === 0) {
        this.dropped = true;
        this.status?.setText(this.t('play:classQuestion.resending'));
        this.services.a11y.announce(this.t('play:classQuestion.resendingSpoken'));
        this.time.delayedCall(RETRY_MS, () => void this.send(position));
        return;
      }
      if (error instanceof ClassApiError && error.code === 'question-paused') {
        // Paused on its way: the tiles open again once the teacher goes on.
        this.sent = false;
        this.tiles.forEach((tile) => {
          tile.setEnabled(true);
          tile.setLook('normal');
        });
        this.setClock(this.remaining(), true);
        return this.say(this.t('play:classQuestion.paused'));
      }
      if (
        error instanceof ClassApiError &&
        (error.code === 'too-late' || error.code === 'already-answered' || error.code === 'question-closed')
      ) {
        // Too late, or an earlier try did arrive: the server's view says which.
        return this.afterTime();
      }
      this.failed(error);
    }
  }

  /** The countdown reached zero without an answer: the server records the time-out and shows the reveal. */
  private async timeUp(): Promise<void> {
    this.lock(null);
    this.services.sound.play('timeUp');
    this.services.a11y.announce(this.t('play:classQuestion.timeUp'));
    await this.afterTime();
  }

  private async afterTime(): Promise<void> {
    try {
      const view = await this.play.next();
      if (this.leaving) return;
      if (view.state === 'answered' && this.dropped && view.outcome.position === this.question.position) {
        // Sent again after the connection came back: it counted, or the time was up before it arrived.
        const arrival = view.outcome.timedOut ? 'too-late' : 'in-time';
        this.goTo(SceneKey.ClassReveal, { play: this.play, outcome: view.outcome, arrival });
        return;
      }
      if (view.state === 'question' && view.question.position === this.question.position) {
        // The teacher gave this student more time during the question: it comes back with the time it has left.
        if ((view.question.remainingMs ?? Number.POSITIVE_INFINITY) > MORE_TIME_GIVEN_MS) return this.route(view);
        // The server's clock is a moment behind this device's: ask again once its time is up too.
        this.time.delayedCall((view.question.remainingMs ?? 0) + 150, () => void this.afterTime());
        return;
      }
      this.route(view);
    } catch (error) {
      if (error instanceof ClassApiError && error.status === 0 && !this.leaving) {
        this.status?.setText(this.t('play:classQuestion.retrying'));
        this.time.delayedCall(RETRY_MS, () => void this.afterTime());
        return;
      }
      this.failed(error);
    }
  }
}
