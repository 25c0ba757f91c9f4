import Phaser from 'phaser';
import { answer, currentQuestion, displayedChoices, expire, pause, type SessionState } from '../core/session';
import { remainingMs } from '../core/countdown';
import type { ModeId } from '../core/modes';
import { AnswerTile } from '../ui/Button';
import { CountdownRing } from '../ui/CountdownRing';
import { answerTileRects } from '../ui/layout';
import { StreakMeter } from '../ui/StreakMeter';
import { ANSWER_KEYS, COLORS, CSS, MOTION, TILE_SHAPES } from '../ui/theme';
import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { ANSWER_FEEDBACK_MARK, SceneKey } from './keys';
import type { QuestionSceneData } from './sceneData';

/** One question: prompt, answer tiles, countdown. Input goes to the session; the reveal follows. */
export class QuestionScene extends BaseScene<'question'> {
  private session!: SessionState;
  private tiles: AnswerTile[] = [];
  private ring!: CountdownRing;
  private timerText!: HTMLElement;

  constructor() {
    super(SceneKey.Question);
  }

  create(data: QuestionSceneData): void {
    this.session = 'session' in data ? data.session : this.deal(data.deal);
    this.tiles = [];
    // A fact-check question opens on its claim: every way into a question passes through here.
    if (this.session.phase === 'claim') {
      this.goTo(SceneKey.Claim, { session: this.session });
      return;
    }
    const question = currentQuestion(this.session);
    if (!question) {
      this.goTo(SceneKey.Results, this.services.rounds.finish(this.session));
      return;
    }
    const total = this.session.plan.questions.length;
    const number = this.session.index + 1;
    this.beginScreen(`Question ${number} of ${total}`);
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const home = this.addHomeButton();
    this.addSoundButton();

    // Top bar: progress, countdown, score and streak.
    const barY = margin * 0.6;
    const barHeight = home.canvas.rect.height;
    addText(this, margin, barY + barHeight / 2, `Q ${number} / ${total}`, { size: type.body, bold: true }).setOrigin(
      0,
      0.5,
    );
    const scoreText = `${this.session.score.toLocaleString('en-US')} pts`;
    const scoreX = portrait ? margin : width / 2 + type.body * 3;
    const ringRadius = portrait ? 26 : 30;
    const scoreY = portrait ? barY + barHeight + gap + ringRadius + 4 : barY + barHeight / 2;
    const score = addText(this, scoreX, scoreY, scoreText, { size: type.body, color: CSS.muted }).setOrigin(0, 0.5);
    if (this.session.streak > 1) {
      new StreakMeter(this, scoreX + score.width + gap * 1.5, scoreY, this.session.streak, type.small, {
        justGrew: false,
        reduceMotion: this.services.reduceMotion,
      });
    }
    const ringX = portrait ? width - margin - ringRadius - 4 : width / 2;
    const ringY = portrait ? scoreY : barY + barHeight / 2;
    const ringFont = Math.round(type.body * 0.95);
    this.ring = new CountdownRing(this, ringX, ringY, ringRadius, ringFont, this.services.reduceMotion);

    a11y.text(`Question ${number} of ${total}`, { label: 'Progress' }).dataset.name = 'progress';
    a11y.text(`Score: ${this.session.score}`, { label: 'Score' }).dataset.name = 'score';
    this.timerText = a11y.text('', { role: 'timer', label: 'Time left' });

    // Prompt, with the article's claim above it when the question checks one.
    let top = portrait ? scoreY + ringRadius + gap : barY + barHeight + gap * 1.5;
    const textWidth = width - margin * 2;
    if (question.claim) {
      const claim = addText(this, margin, top, `The article claims: “${question.claim.quote}”`, {
        size: type.small,
        color: CSS.muted,
        wrapWidth: textWidth,
      });
      this.fit(claim, height * (portrait ? 0.16 : 0.14), 'claim', 14);
      top += claim.height + gap;
      a11y.text(`The article claims: ${question.claim.quote}`, { label: 'Claim' });
    }
    const promptArea = portrait ? height * 0.3 : height * 0.24;
    const prompt = addText(this, margin, top, question.prompt, { size: type.prompt, bold: true, wrapWidth: textWidth });
    this.fit(prompt, promptArea, 'prompt');
    a11y.heading(question.prompt);
    top += Math.max(prompt.height, portrait ? 0 : promptArea * 0.6) + gap * 2;

    const choices = displayedChoices(this.session);
    const tileArea = { x: margin, y: top, width: textWidth, height: height - top - margin };
    const rects = answerTileRects(tileArea, choices.length, portrait, gap);
    // Tiles sit at the bottom on a phone (thumb reach) and in the middle of the space on a wide screen.
    const used = rects[rects.length - 1]!.y + rects[rects.length - 1]!.height - top;
    const shift = portrait ? tileArea.height - used : (tileArea.height - used) / 2;
    for (const rect of rects) rect.y += Math.max(0, shift);
    const group = a11y.section('Answers', 'group');
    const domButtons: HTMLButtonElement[] = [];
    choices.forEach((choice, position) => {
      const keys = ANSWER_KEYS[position]!;
      const tile = new AnswerTile(
        this,
        rects[position]!,
        {
          label: choice.text,
          fontSize: type.button,
          fill: COLORS.tiles[position],
          shape: TILE_SHAPES[position]!,
          keyLabel: keys[0],
          onHover: () => this.services.sound.play('hover'),
        },
        () => this.choose(position),
      );
      // The looks of the frame after an answer, baked now so that frame only swaps textures.
      tile.prepareLooks(['picked', 'dim']);
      this.tiles.push(tile);
      domButtons.push(a11y.button(choice.text, () => this.choose(position), rects[position]!, { parent: group }));
    });
    a11y.focus(domButtons[0]);

    this.onKeys((event) => {
      const key = event.key.toUpperCase();
      const position = ANSWER_KEYS.findIndex((pair) => (pair as readonly string[]).includes(key));
      if (position >= 0 && position < choices.length) this.choose(position);
      if (event.key === 'Escape' || key === 'P')
        // Paused as of the key press itself, not the frame that handles it: a busy device costs no time.
        this.goTo(SceneKey.Pause, { session: pause(this.session, Math.min(event.timeStamp, this.services.now())) });
    });
    a11y.announce(
      `Question ${number} of ${total}. ${question.prompt} ${choices.map((choice, i) => `${i + 1}: ${choice.text}.`).join(' ')}`,
    );
    this.updateCountdown();
  }

  /** Deals a new round, and keeps it as this screen's data, so a redraw (the device turned) does not deal again. */
  private deal(deal: { mode: ModeId } | { challenge: true }): SessionState {
    const session = this.services.rounds.start(deal);
    this.sys.settings.data = { session };
    return session;
  }

  update(): void {
    if (this.leaving || this.session.phase !== 'question') return;
    this.updateCountdown();
    const expired = expire(this.session, this.services.now());
    if (expired !== this.session) this.finish(expired, null);
  }

  private updateCountdown(): void {
    const { countdown } = this.session;
    const left = remainingMs(countdown, this.services.now());
    if (this.ring.update(left, countdown.limitMs)) {
      const seconds = Math.ceil(left / 1000);
      this.timerText.textContent = countdown.limitMs === null ? 'No time limit' : `${seconds} seconds left`;
      // Spoken only at moments that help: halfway and the last seconds, never every second.
      const halfway = countdown.limitMs !== null && seconds === Math.ceil(countdown.limitMs / 2000);
      if (countdown.limitMs !== null && left > 0 && (halfway || seconds === MOTION.lowTimeSec)) {
        this.services.a11y.announce(`${seconds} seconds left`);
      }
      if (countdown.limitMs !== null && left > 0 && seconds <= MOTION.lowTimeSec) this.services.sound.play('tick');
    }
  }

  private choose(position: number): void {
    if (this.leaving) return;
    const next = answer(this.session, position, this.services.now());
    if (next === this.session) return;
    this.finish(next, position);
  }

  /** Shows which tile was taken, then moves to the reveal; later input is ignored. */
  private finish(next: SessionState, position: number | null): void {
    this.session = next;
    this.leaving = true;
    this.services.sound.play(position === null ? 'timeUp' : 'select');
    this.tiles.forEach((tile, index) => {
      tile.setEnabled(false);
      tile.setLook(index === position ? 'picked' : 'dim');
    });
    // The first frame that shows the outcome: the benchmark measures input → this mark.
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => performance.mark(ANSWER_FEEDBACK_MARK));
    // With the wager on, an answer waits for how sure the player is before it is marked.
    const after = next.phase === 'wager' ? SceneKey.Wager : SceneKey.Reveal;
    this.time.delayedCall(position === null ? 0 : MOTION.answerToRevealMs, () => {
      this.continueTo(after, { session: next });
    });
  }
}
