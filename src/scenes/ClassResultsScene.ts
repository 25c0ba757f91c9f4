import { placeOf } from '../game/classWords';
import { keptChallenge } from '../game/challengeSeats';
import { ChallengeApi } from '../net/challengeApi';
import { SafeStorage } from '../storage/SafeStorage';
import { countUp } from '../ui/motion';
import { addText } from '../ui/text';
import { ClassScene } from './ClassScene';
import { SceneKey } from './keys';
import type { ClassResultsData } from './sceneData';

/** The end of a class round: the score the server worked out, the place in the class (unless hidden). */
export class ClassResultsScene extends ClassScene<'class-results'> {
  constructor() {
    super(SceneKey.ClassResults);
  }

  create(data: ClassResultsData): void {
    const { player, standing } = data.view;
    // A challenge's seat (kept by ChallengeScene): its place is on the challenge's board, practice tries apart.
    const challenge =
      keptChallenge(SafeStorage.fromWindow(), data.play.seat.code).seat?.playerId === data.play.seat.playerId;
    const t = this.t;
    const heading = challenge ? t('classroom:results.challengeTitle') : t('classroom:results.title');
    this.beginScreen(heading);
    document.body.dataset.classMode = 'results';
    // Finished: the teacher ending the class later changes nothing on this screen.
    this.follow(data.play, { stayWhenEnded: true });
    const { width, height, margin, gap, type } = this.frame;
    const a11y = this.services.a11y;
    this.addHomeButton();
    this.addSoundButton();
    this.addHeading(heading, height * 0.14);
    const score = addText(this, width / 2, height * 0.27, '0', {
      size: type.title,
      bold: true,
      color: this.textColors.paper,
    }).setOrigin(0.5, 0);
    countUp(
      this,
      player.score,
      (value) => score.setText(t('classroom:results.points', { score: this.translator.formatNumber(value) })),
      this.services.reduceMotion,
    );
    this.services.sound.play('roundComplete');
    const place = challenge
      ? t('classroom:results.onBoard')
      : standing.rank === null
        ? t('classroom:results.hidden')
        : t('classroom:results.place', { place: placeOf(standing.rank, this.translator), players: standing.players });
    const lines = [
      t('classroom:results.line', {
        nickname: player.nickname,
        correct: player.correct,
        total: data.view.total,
        streak: player.bestStreak,
      }),
      place,
      t('classroom:results.verified'),
    ];
    let top = height * 0.27 + type.title * 1.6 + gap;
    for (const [index, line] of lines.entries()) {
      const text = addText(this, width / 2, top, line, {
        size: index === 1 ? type.prompt : type.body,
        bold: index === 1,
        color: index === 2 ? this.textColors.correct : this.textColors.muted,
        align: 'center',
        wrapWidth: width - margin * 4,
      }).setOrigin(0.5, 0);
      top += text.height + gap;
    }
    a11y.focusSummary(t('classroom:results.summary', { score: this.translator.formatNumber(player.score), place }));
    a11y.text(
      t('classroom:results.finalScore', {
        score: this.translator.formatNumber(player.score, { useGrouping: false }),
      }),
      { label: t('classroom:results.finalScoreLabel') },
    ).dataset.name = 'final-score';
    for (const line of lines) a11y.text(line);
    const buttonWidth = Math.min(360, width - margin * 2);
    // A challenge's round: its board is the way on. Focus stays on the score's summary, read first.
    if (challenge) {
      const code = this.play.seat.code;
      // Read now, so the board opens with it drawn (it follows live from there).
      const board = new ChallengeApi().board(code).catch(() => undefined);
      this.addButton(
        t('classroom:results.seeBoard'),
        { x: width / 2 - buttonWidth / 2, y: height - margin - 72 * 2, width: buttonWidth, height: 64 },
        () => void board.then((read) => this.goTo(SceneKey.Challenge, { step: 'board', code, board: read })),
        { fill: this.colors.highlight, textColor: this.textColors.ink, name: 'See the board' },
      );
    }
    this.addButton(
      t('classroom:results.backToTitle'),
      { x: width / 2 - buttonWidth / 2, y: height - margin - 72, width: buttonWidth, height: 64 },
      () => {
        this.play.leave();
        this.goTo(SceneKey.Title);
      },
      {
        name: 'Back to the title',
        ...(challenge ? {} : { fill: this.colors.highlight, textColor: this.textColors.ink }),
      },
    );
  }

  protected override onStatus(): void {
    // The teacher showed or hid the scores: show the place (or not) as they now want.
    void this.play.refresh().then((view) => {
      if (!this.leaving && view.state === 'finished') this.rebuild({ play: this.play, view });
    });
  }
}
