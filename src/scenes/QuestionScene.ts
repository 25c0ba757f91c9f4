import Phaser from 'phaser';
import { answer, currentQuestion, displayedChoices, expire, pause, type SessionState } from '../core/session';
import { countdownWarning, remainingMs } from '../core/countdown';
import { AnswerTile } from '../ui/Button';
import { CountdownRing } from '../ui/CountdownRing';
import { addQuestionView } from '../ui/QuestionView';
import { StreakMeter } from '../ui/StreakMeter';
import { answerForKey, MOTION } from '../ui/theme';
import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { ANSWER_FEEDBACK_MARK } from '../game/pageConstants';
import type { RoundRequest } from '../game/roundFlow';
import { finishRound, startRound } from '../game/roundStart';
import { SceneKey } from './keys';
import type { QuestionSceneData } from './sceneData';
import { keepRound } from '../game/savedRounds';
import { shownQuestion } from '../game/playTexts';

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
    keepRound(this.services, this.session);
    this.tiles = [];
    // A fact-check question opens on its claim: every way into a question passes through here.
    if (this.session.phase === 'claim') {
      this.goTo(SceneKey.Claim, { session: this.session });
      return;
    }
    const question = currentQuestion(this.session);
    if (!question) {
      this.goTo(SceneKey.Results, finishRound(this.services, this.session));
      return;
    }
    const total = this.session.plan.questions.length;
    const number = this.session.index + 1;
    const t = this.t;
    this.beginScreen(t('play:question.screen', { number, total }));
    const { width, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    // Top bar: progress, countdown, score and streak.
    // Back to title pauses and asks first, as Escape does.
    const { top: barY, height: barHeight } = this.addRoundBar(number, total, () =>
      this.goTo(SceneKey.Pause, { session: pause(this.session, this.services.now()), leaving: true }),
    );
    const scoreText = t('play:score.points', { score: this.translator.formatNumber(this.session.score) });
    const scoreX = portrait ? margin : width / 2 + type.body * 3;
    const ringRadius = portrait ? 26 : 30;
    const scoreY = portrait ? barY + barHeight + gap + ringRadius + 4 : barY + barHeight / 2;
    const score = addText(this, scoreX, scoreY, scoreText, { size: type.body, color: this.textColors.muted }).setOrigin(
      0,
      0.5,
    );
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

    a11y.text(t('play:progress.text', { number, total }), { label: t('play:progress.label') }).dataset.name =
      'progress';
    a11y.text(t('play:score.text', { score: this.session.score }), { label: t('play:score.label') }).dataset.name =
      'score';
    this.timerText = a11y.text('', { role: 'timer', label: t('play:question.timeLeftLabel') });

    // The article's claim when the question checks one, the prompt and the tiles.
    const choices = displayedChoices(this.session);
    // The words in the interface's language; the session's choices are matched to them by their place in the bank.
    const shown = shownQuestion(this.services, this.translator, question);
    const choiceTexts = choices.map((choice) => shown.choices[question.choices.indexOf(choice)]?.text ?? choice.text);
    this.tiles = addQuestionView(this, this.frame, a11y, {
      top: portrait ? scoreY + ringRadius + gap : barY + barHeight + gap * 1.5,
      number,
      total,
      claimQuote: question.claim?.quote,
      ...(shown.claimTranslation && shown.translationLabel
        ? { claimTranslation: { label: shown.translationLabel, text: shown.claimTranslation } }
        : {}),
      prompt: shown.prompt,
      choices: choiceTexts,
      promptShare: 0.24,
      onChoose: (position) => this.choose(position),
      onHover: () => this.services.sound.play('hover'),
      fit: (text, maxHeight, name, minSize) => this.fit(text, maxHeight, name, minSize),
    }).tiles;

    this.onKeys((event) => {
      const position = answerForKey(event.key, choices.length);
      if (position !== undefined) this.choose(position);
      if (event.key === 'Escape' || event.key.toUpperCase() === 'P')
        // Paused as of the key press itself, not the frame that handles it: a busy device costs no time.
        this.goTo(SceneKey.Pause, { session: pause(this.session, Math.min(event.timeStamp, this.services.now())) });
    });
    this.updateCountdown();
  }

  /** Deals a new round, and keeps it as this screen's data, so a redraw (the device turned) does not deal again. */
  private deal(deal: RoundRequest): SessionState {
    const session = startRound(this.services, deal);
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
      this.timerText.textContent =
        countdown.limitMs === null
          ? this.t('play:question.noTimeLimit')
          : this.t('play:question.secondsLeft', { count: seconds });
      const warning = countdownWarning(seconds, countdown.limitMs, MOTION.lowTimeSec);
      if (warning !== null) this.services.a11y.announce(this.t('play:question.secondsLeft', { count: warning }));
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
