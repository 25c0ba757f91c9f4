import type { Challenge } from '../core/challenge';
import { checkAgainstBank, startChallengeRound } from '../game/challenge';
import { takeClassLink } from '../game/classPlay';
import { startNewRound } from '../game/round';
import { CSS, COLORS } from '../ui/theme';
import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { openCustomBanks } from './openCustomBanks';
import { SceneKey } from './keys';

export class TitleScene extends BaseScene {
  constructor() {
    super(SceneKey.Title);
  }

  create(): void {
    this.beginScreen('Source Check — the TikTok ban quiz');
    const { width, height, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const title = addText(this, width / 2, height * (portrait ? 0.16 : 0.14), 'SOURCE CHECK', {
      size: type.title,
      bold: true,
      color: CSS.paper,
    }).setOrigin(0.5, 0);
    // Large text on a phone: the name shrinks to the screen's width rather than run off both sides.
    for (let size = type.title; title.width > width - this.frame.margin * 2 && size > type.heading; size -= 1) {
      title.setFontSize(size);
    }
    if (title.width > width - this.frame.margin * 2) a11y.markOverflow('title');
    const underline = this.add.graphics();
    underline.fillStyle(COLORS.highlight, 1);
    const lineWidth = Math.min(width * 0.6, type.title * 7.5);
    underline.fillRect(width / 2 - lineWidth / 2, height * (portrait ? 0.16 : 0.14) + type.title * 1.25, lineWidth, 8);
    const tagline = 'Check the claims. Read the sources.';
    const topic = 'The TikTok ban controversy, 2019–2025';
    const taglineText = addText(this, width / 2, height * (portrait ? 0.3 : 0.33), `${tagline}\n${topic}`, {
      size: type.body,
      align: 'center',
      color: CSS.muted,
      wrapWidth: width - this.frame.margin * 2,
    }).setOrigin(0.5, 0);
    a11y.text(`${tagline} ${topic}.`);

    // A challenge link: play the challenger's round, or say plainly why it cannot be played.
    const challenge = this.acceptChallenge();
    // Below the tagline however many lines large text wraps it into.
    let y = Math.max(height * (portrait ? 0.41 : 0.47), taglineText.y + taglineText.height + this.frame.gap);
    const banner = challenge
      ? `${challenge.name} challenges you: ${challenge.score.toLocaleString('en-US')} points on ${challenge.questionCount} questions (unverified). Can you beat it?`
      : this.services.notice;
    this.services.notice = undefined;
    if (banner) {
      const bannerText = addText(this, width / 2, y, banner, {
        size: type.small,
        bold: true,
        align: 'center',
        color: challenge ? CSS.correct : CSS.wrong,
        wrapWidth: width - this.frame.margin * 4,
      }).setOrigin(0.5, 0);
      a11y.text(banner, { role: challenge ? undefined : 'alert' }).dataset.name = challenge ? 'challenge' : 'notice';
      y += bannerText.height + this.frame.gap;
    }

    const menuWidth = Math.min(width - this.frame.margin * 2, portrait ? width * 0.86 : 640);
    const buttonHeight = portrait ? 60 : 68;
    const x = width / 2 - menuWidth / 2;
    const play = this.addButton(
      challenge ? 'Play the challenge' : 'Play',
      { x, y, width: menuWidth, height: buttonHeight },
      () => this.play(),
      { fill: COLORS.highlight, textColor: CSS.ink, fontSize: Math.round(type.button * 1.2), name: 'Play' },
    );
    y += buttonHeight + this.frame.gap * 1.5;
    // Everything else in a grid: two columns on a wide screen, one on a phone.
    const entries: [string, () => void][] = [
      ['How to play', () => this.goTo(SceneKey.HowToPlay)],
      ['High scores', () => this.goTo(SceneKey.HighScores)],
      ['Your questions', () => openCustomBanks(this)],
      ['Class', () => this.goTo(SceneKey.ClassJoin)],
    ];
    const columns = portrait ? 1 : 2;
    const entryWidth = (menuWidth - this.frame.gap * (columns - 1)) / columns;
    const entryHeight = Math.round(buttonHeight * 0.8);
    entries.forEach(([label, action], index) => {
      const column = index % columns;
      const row = Math.floor(index / columns);
      this.addButton(
        label,
        {
          x: x + column * (entryWidth + this.frame.gap),
          y: y + row * (entryHeight + this.frame.gap),
          width: entryWidth,
          height: entryHeight,
        },
        action,
      );
    });
    this.addCornerButton('⚙ Settings', 3.25, () => this.goTo(SceneKey.Settings), {
      accessibleLabel: 'Settings',
      name: 'Settings',
    });
    this.addSoundButton();
    const count = this.services.bank?.questions.length ?? 0;
    const footer = this.services.persistent
      ? `${count} questions, each settled by a primary source.`
      : `${count} questions. Scores last only until you close this page (this browser blocks saving).`;
    addText(this, width / 2, height - this.frame.margin, footer, {
      size: type.small,
      color: CSS.muted,
      align: 'center',
      wrapWidth: width - this.frame.margin * 2,
    }).setOrigin(0.5, 1);
    a11y.text(footer);

    this.onKeys((event) => {
      if (event.key === 'Enter' || event.key === ' ' || event.key.toLowerCase() === 'p') this.play();
      if (event.key.toLowerCase() === 'h') this.goTo(SceneKey.HighScores);
      if (event.key.toLowerCase() === 's') this.goTo(SceneKey.Settings);
    });
    a11y.focus(play.dom);
    this.services.markTitleInteractive();
    // A class's join link (?class=CODE) goes straight to joining, once per page load.
    const classCode = takeClassLink(window.location.search);
    if (classCode) this.goTo(SceneKey.ClassJoin, { code: classCode });
  }

  private play(): void {
    if (this.leaving) return;
    const challenge = this.services.activeChallenge;
    const bank = this.services.bank;
    if (challenge && bank && this.services.incoming) {
      this.services.incoming = undefined;
      this.goTo(SceneKey.Question, { session: startChallengeRound(challenge, bank, this.services.now()) });
      return;
    }
    this.goTo(SceneKey.Question, { session: startNewRound(this.services) });
  }

  /** The link's challenge when it can be replayed with this bank; otherwise the notice says why not. */
  private acceptChallenge(): Challenge | undefined {
    const incoming = this.services.incoming;
    const bank = this.services.bank;
    if (!incoming || !bank) return undefined;
    if ('notice' in incoming) {
      this.services.notice = incoming.notice;
      this.services.incoming = undefined;
      return undefined;
    }
    const problem = checkAgainstBank(incoming.challenge, bank);
    if (problem) {
      this.services.notice = problem;
      this.services.incoming = undefined;
      return undefined;
    }
    this.services.activeChallenge = incoming.challenge;
    return incoming.challenge;
  }
}
