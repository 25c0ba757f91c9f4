import { checkingEvidenceIndex } from '../core/claims';
import { roundSettingsForMode } from '../core/modes';
import { roundSettingsFrom } from '../core/preferences';
import { currentQuestion, resume, retime, type SessionState } from '../core/session';
import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';
import type { PauseSceneData } from './sceneData';

/**
 * The pause menu. The question is not on screen while paused (pausing is not a way to think for
 * free) and its clock is stopped in the session; Resume starts it again where it was.
 * Every way out of a round (Escape or Back to title on the claim, question, wager and answer screens) comes here
 * first and asks: Keep playing goes back to the screen the round was on, Leave the round drops it for good.
 */
export class PauseScene extends BaseScene<'pause'> {
  private session!: SessionState;

  constructor() {
    super(SceneKey.Pause);
  }

  create(data: PauseSceneData): void {
    this.session = data.session;
    const leaving = data.leaving === true;
    const t = this.t;
    const title = leaving ? t('play:pause.leaveTitle') : t('play:pause.pausedTitle');
    this.beginScreen(title);
    this.addSoundButton();
    const { width, height, margin, gap, type } = this.frame;
    const a11y = this.services.a11y;
    const total = this.session.plan.questions.length;
    const where = currentQuestion(this.session) ? t('play:pause.where', { number: this.session.index + 1, total }) : '';
    this.addHeading(title, height * 0.16, type.title);
    const note = leaving ? t('play:pause.leaveNote', { where }) : t('play:pause.pausedNote', { where });
    addText(this, width / 2, height * 0.16 + type.title * 1.5, note, {
      size: type.body,
      align: 'center',
      color: this.textColors.muted,
      wrapWidth: width - margin * 4,
    }).setOrigin(0.5, 0);
    a11y.text(note);
    // Replaces the question's announcement, so the live region does not keep the hidden question.
    a11y.announce(leaving ? t('play:pause.leaveAnnounce', { note }) : t('play:pause.pausedAnnounce', { note }));

    const buttonWidth = Math.min(width - margin * 2, 420);
    const buttonHeight = Math.max(56, type.button * 2.4);
    const x = width / 2 - buttonWidth / 2;
    let y = height * 0.45;
    const resumeButton = this.addButton(
      leaving ? t('play:pause.keepPlaying') : t('play:pause.resume'),
      { x, y, width: buttonWidth, height: buttonHeight },
      () => this.resume(),
      {
        fill: this.colors.highlight,
        textColor: this.textColors.ink,
        name: 'Resume',
      },
    );
    y += buttonHeight + gap;
    this.addButton(
      t('play:pause.settings'),
      { x, y, width: buttonWidth, height: buttonHeight },
      () => this.openSettings(),
      {
        name: 'Settings',
        accessibleLabel: t('play:pause.settingsLabel'),
      },
    );
    y += buttonHeight + gap;
    // The title ends the round in play (rounds.quit()): nothing of it is kept.
    this.addButton(
      leaving ? t('play:pause.leave') : t('play:pause.quit'),
      { x, y, width: buttonWidth, height: buttonHeight },
      () => this.goTo(SceneKey.Title),
      { name: 'Quit to title' },
    );
    a11y.focus(resumeButton.dom);
    this.onKeys((event) => {
      if (event.key === 'Escape' || event.key.toLowerCase() === 'p') this.resume();
    });
  }

  /** Back to the screen the round was on: the claim, the question (its clock running again), the wager or the answer. */
  private resume(): void {
    const session = retime(resume(this.session, this.services.now()), this.timer());
    const question = currentQuestion(session);
    if (session.phase === 'wager') this.goTo(SceneKey.Wager, { session });
    // Shown again as it was: the outcome is not sounded or announced a second time.
    else if (session.phase === 'reveal' && question) {
      this.goTo(SceneKey.Reveal, { session, evidenceIndex: Math.max(0, checkingEvidenceIndex(question)) });
    }
    // The question screen opens a claim first when the round is on one.
    else this.goTo(SceneKey.Question, { session });
  }

  /**
   * The timer the player's settings now ask for in this round's mode: a change made in Settings during the round
   * holds from the current question. A practice replay stays untimed.
   */
  private timer(): { timeLimitSec: number | null; timeScale: number } {
    if (this.session.attempt > 0) return { timeLimitSec: null, timeScale: 1 };
    const preferred = roundSettingsFrom(this.services.preferences.get());
    return roundSettingsForMode(this.session.plan.settings.mode, preferred);
  }

  private openSettings(): void {
    this.goTo(SceneKey.Settings, { returnTo: { to: SceneKey.Pause, data: { session: this.session } } });
  }
}
