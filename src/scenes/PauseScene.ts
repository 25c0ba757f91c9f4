import { currentQuestion, resume, type SessionState } from '../core/session';
import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';
import type { RoundData } from './sceneData';

/**
 * The pause menu. The question is not on screen while paused (pausing is not a way to think for
 * free) and its clock is stopped in the session; Resume starts it again where it was.
 */
export class PauseScene extends BaseScene<'pause'> {
  private session!: SessionState;

  constructor() {
    super(SceneKey.Pause);
  }

  create(data: RoundData): void {
    this.session = data.session;
    this.beginScreen('Paused');
    this.addSoundButton();
    const { width, height, margin, gap, type } = this.frame;
    const a11y = this.services.a11y;
    const total = this.session.plan.questions.length;
    const where = currentQuestion(this.session) ? `Question ${this.session.index + 1} of ${total}` : '';
    this.addHeading('Paused', height * 0.16, type.title);
    const note = `${where}. The clock is stopped and the question is hidden until you resume.`;
    addText(this, width / 2, height * 0.16 + type.title * 1.5, note, {
      size: type.body,
      align: 'center',
      color: this.textColors.muted,
      wrapWidth: width - margin * 4,
    }).setOrigin(0.5, 0);
    a11y.text(note);
    // Replaces the question's announcement, so the live region does not keep the hidden question.
    a11y.announce(`Paused. ${note} Press Escape or P to resume.`);

    const buttonWidth = Math.min(width - margin * 2, 420);
    const buttonHeight = Math.max(56, type.button * 2.4);
    const x = width / 2 - buttonWidth / 2;
    let y = height * 0.45;
    const resumeButton = this.addButton(
      'Resume',
      { x, y, width: buttonWidth, height: buttonHeight },
      () => this.resume(),
      {
        fill: this.colors.highlight,
        textColor: this.textColors.ink,
      },
    );
    y += buttonHeight + gap;
    this.addButton('⚙ Settings', { x, y, width: buttonWidth, height: buttonHeight }, () => this.openSettings(), {
      name: 'Settings',
      accessibleLabel: 'Settings',
    });
    y += buttonHeight + gap;
    this.addButton('Quit to title', { x, y, width: buttonWidth, height: buttonHeight }, () =>
      this.goTo(SceneKey.Title),
    );
    a11y.focus(resumeButton.dom);
    this.onKeys((event) => {
      if (event.key === 'Escape' || event.key.toLowerCase() === 'p') this.resume();
    });
  }

  private resume(): void {
    this.goTo(SceneKey.Question, { session: resume(this.session, this.services.now()) });
  }

  private openSettings(): void {
    this.goTo(SceneKey.Settings, { returnTo: { to: SceneKey.Pause, data: { session: this.session } } });
  }
}
