import { TextField } from '../a11y/TextField';
import {
  CHALLENGE_PATH_PREFIX,
  MAX_CHALLENGE_TITLE_LENGTH,
  type ChallengeBoard,
  type ChallengeEntry,
  type ChallengeSeat,
} from '../core/challengeProtocol';
import type { PlayerView } from '../core/classProtocol';
import { keepChallenge, keptChallenge } from '../game/challengeSeats';
import { challengeCardFacts, challengeCardText, challengeName } from '../game/challengeCard';
import { shareOrSaveCard } from '../game/cardSharing';
import { localDate } from '../core/localDate';
import { scoreCardBlob } from '../ui/scoreCard';
import { paletteOf } from '../ui/theme';
import { ClassPlay } from '../game/classPlay';
import { nicknamesOf } from '../game/nicknames';
import { ChallengeApi } from '../net/challengeApi';
import { ClassApiError } from '../net/classApi';
import { openLive, type LiveConnection } from '../net/liveStream';
import { MemoryStore, SafeStorage } from '../storage/SafeStorage';
import { addText } from '../ui/text';
import { ClassScene } from './ClassScene';
import { SceneKey } from './keys';
import type { ChallengeSceneData } from './sceneData';
import type { Translator } from '../i18n/translator';

/** Board rows drawn on the canvas at most; the accessible list has every entry. */
const MAX_ROWS = 8;

/** The address a challenge's code opens: `…/c/CODE`, beside the game's own page. */
export function challengeLink(code: string): string {
  return new URL(`${CHALLENGE_PATH_PREFIX}${code}`, document.baseURI).href;
}

function points(score: number, translator: Translator): string {
  return translator.t('share:challenge.points', { points: translator.formatNumber(score) });
}

function closingDay(board: ChallengeBoard, translator: Translator): string {
  // English keeps the day before the month ("6 August"), as the game's other English dates do.
  const locale = translator.language === 'en' ? 'en-GB' : translator.locale;
  return new Date(board.closesAt).toLocaleDateString(locale, { day: 'numeric', month: 'long' });
}

function entryLine(entry: ChallengeEntry, rank: number, translator: Translator): string {
  const { t } = translator;
  const values = {
    who: entry.creator ? t('share:challenge.creator', { name: entry.nickname }) : entry.nickname,
    points: points(entry.score, translator),
    correct: entry.correct,
    answered: entry.answered,
    total: entry.total,
  };
  const line = entry.finished ? t('share:challenge.entryFinished', values) : t('share:challenge.entryPlaying', values);
  return t('share:challenge.rankedEntry', { rank, entry: line });
}

/**
 * A challenge the class server vouches for: making one (the creator's round is the first entry), the page a short
 * link opens (who challenges, the score to beat, play), and the board of everyone who took it, live, with the
 * link to share and, for its creator, closing it and removing entries. The round itself is played on the class
 * screens with the seat this screen takes.
 */
export class ChallengeScene extends ClassScene<'challenge'> {
  private readonly storage = SafeStorage.fromWindow();
  private readonly api = new ChallengeApi();
  private opened: ChallengeSceneData = { step: 'create' };
  private live?: LiveConnection;

  constructor() {
    super(SceneKey.Challenge);
  }

  create(data: ChallengeSceneData): void {
    this.opened = data;
    this.beginScreen(data.board ? challengeName(data.board, this.t) : this.t('share:challenge.title'));
    document.body.dataset.challengeStep = data.step;
    this.addHomeButton();
    this.addSoundButton();
    this.events.once('shutdown', () => {
      this.live?.close();
      this.live = undefined;
    });
    this.onKeys((event) => {
      if (event.key === 'Escape') this.goTo(SceneKey.Title);
    });
    if (data.step === 'create') return this.showCreate();
    if (!data.board) {
      void this.lookUp(data.code ?? '');
      return;
    }
    if (data.step === 'intro') return this.showIntro(data.board);
    this.showBoard(data.board);
  }

  private restartWith(change: Partial<ChallengeSceneData>): void {
    if (this.leaving) return;
    this.leaving = true;
    this.rebuild({ ...this.opened, message: undefined, confirmClose: undefined, ...change });
  }

  private get top(): number {
    const { margin, gap } = this.frame;
    return margin * 0.6 + this.cornerHeight + gap;
  }

  /** The screen's heading, wrapped to the width (a title can be long); returns where the text below starts. */
  private heading(text: string): number {
    const { width, margin, type, gap } = this.frame;
    const shown = addText(this, width / 2, this.top, text, {
      size: type.heading,
      bold: true,
      align: 'center',
      wrapWidth: width - margin * 2,
    }).setOrigin(0.5, 0);
    return this.top + shown.height + gap;
  }

  private say(text: string, y: number, color: string = this.textColors.muted, size = this.frame.type.body): number {
    const { width, margin } = this.frame;
    const shown = addText(this, width / 2, y, text, {
      size,
      color,
      align: 'center',
      wrapWidth: width - margin * 2,
    }).setOrigin(0.5, 0);
    this.services.a11y.text(text, color === this.textColors.wrong ? { role: 'alert' } : {});
    return y + shown.height + this.frame.gap * 0.6;
  }

  private async lookUp(code: string): Promise<void> {
    const { height } = this.frame;
    this.addHeading(this.t('share:challenge.heading'), this.top);
    this.say(this.t('share:challenge.looking'), height * 0.4);
    try {
      const board = await this.api.board(code);
      if (this.scene.isActive()) this.restartWith({ board });
    } catch (error) {
      if (!this.scene.isActive()) return;
      const message =
        error instanceof ClassApiError && error.unreachable
          ? this.t('share:challenge.unreachable')
          : error instanceof Error
            ? error.message
            : this.t('share:challenge.notFound');
      this.showProblem(message);
    }
  }

  private showProblem(message: string): void {
    this.children.removeAll(true);
    this.say(message, this.frame.height * 0.35, this.textColors.wrong);
    const { doms } = this.addBottomButtons(
      [
        {
          label: this.t('share:challenge.backToTitle'),
          action: () => this.goTo(SceneKey.Title),
          name: 'Back to the title',
          primary: true,
        },
      ],
      64,
    );
    this.services.a11y.focus(doms[0]);
  }

  // ——— Making one ———

  private showCreate(): void {
    const { width, height, margin, gap, type } = this.frame;
    const a11y = this.services.a11y;
    let y = this.addHeading(this.t('share:challenge.title'), this.top).y + type.heading * 1.6;
    y = this.say(this.t('share:challenge.createIntro'), y);
    const inner = Math.min(width - margin * 2, 720);
    const left = width / 2 - inner / 2;
    addText(this, left, y, this.t('share:challenge.titleHint', { max: MAX_CHALLENGE_TITLE_LENGTH }), {
      size: type.small,
      color: this.textColors.muted,
    });
    y += type.small * 1.6;
    const rowHeight = Math.round(type.body * 2.4);
    this.add.graphics().fillStyle(this.colors.paper, 1).fillRoundedRect(left, y, inner, rowHeight, 10);
    const field = new TextField(
      this,
      a11y.section(this.t('share:challenge.titleSection'), 'group'),
      { x: left, y, width: inner, height: rowHeight },
      {
        label: this.t('share:challenge.titleLabel'),
        value: this.opened.title ?? '',
        maxLength: MAX_CHALLENGE_TITLE_LENGTH,
        fontSize: type.body,
        onSubmit: (value) => void this.makeChallenge(value),
        onCancel: () => this.goTo(SceneKey.Title),
      },
    );
    this.events.once('shutdown', () => field.destroy());
    y += rowHeight + gap;
    const nickname = nicknamesOf(this.services).get();
    y = this.say(this.t('share:challenge.playAs', { name: nickname }), y, this.textColors.paper);
    if (this.opened.message) y = this.say(this.opened.message, y, this.textColors.wrong);
    const buttonHeight = Math.max(56, type.button * 2.2);
    const half = (inner - gap) / 2;
    const buttonY = Math.max(y + gap, height - margin - buttonHeight * 2 - gap);
    this.addButton(
      this.t('share:challenge.anotherName'),
      { x: left, y: buttonY, width: half, height: buttonHeight },
      () => {
        nicknamesOf(this.services).reroll();
        this.restartWith({ title: field.value });
      },
      { name: 'Another name' },
    );
    const start = this.addButton(
      this.t('share:challenge.playAndShare'),
      { x: left + half + gap, y: buttonY, width: half, height: buttonHeight },
      () => void this.makeChallenge(field.value),
      { fill: this.colors.highlight, textColor: this.textColors.ink, name: 'Make the challenge' },
    );
    this.addButton(
      this.t('share:challenge.back'),
      { x: left, y: buttonY + buttonHeight + gap, width: inner, height: buttonHeight * 0.8 },
      () => this.goTo(SceneKey.Title),
      { name: 'Back' },
    );
    a11y.focus(start.dom);
  }

  private async makeChallenge(title: string): Promise<void> {
    if (this.leaving) return;
    this.leaving = true;
    const nickname = nicknamesOf(this.services).get();
    try {
      const created = await this.api.createChallenge({ nickname, ...(title.trim() ? { title } : {}) });
      keepChallenge(this.storage, created.board.code, { creatorToken: created.creatorToken, seat: created.seat });
      this.leaving = false;
      await this.playSeat(created.seat);
    } catch (error) {
      this.leaving = false;
      const message =
        error instanceof ClassApiError && error.unreachable
          ? this.t('share:challenge.noServer')
          : error instanceof Error
            ? error.message
            : this.t('share:challenge.notMade');
      this.restartWith({ title, message });
    }
  }

  // ——— Opening a link ———

  private showIntro(board: ChallengeBoard): void {
    const { type } = this.frame;
    const a11y = this.services.a11y;
    const kept = keptChallenge(this.storage, board.code);
    const translator = this.translator;
    let y = this.heading(challengeName(board, this.t));
    y = this.say(
      board.scoreToBeat === null
        ? this.t('share:challenge.challengesYouPending', { name: board.creator })
        : this.t('share:challenge.challengesYou', {
            name: board.creator,
            points: points(board.scoreToBeat, translator),
          }),
      y,
      this.textColors.paper,
      type.prompt,
    );
    const about = {
      questions: translator.formatNumber(board.questionCount),
      played: translator.formatNumber(board.entries.length),
      date: closingDay(board, translator),
    };
    y = this.say(
      board.status === 'open'
        ? this.t('share:challenge.aboutOpen', about)
        : this.t('share:challenge.aboutClosed', about),
      y,
    );
    y = this.say(this.t('share:challenge.verified'), y, this.textColors.correct, type.small);
    const nickname = nicknamesOf(this.services).get();
    if (board.status === 'open' && !kept.seat)
      y = this.say(this.t('share:challenge.playAs', { name: nickname }), y, this.textColors.paper);
    if (this.opened.message) this.say(this.opened.message, y, this.textColors.wrong);
    const buttons: { label: string; action: () => void; name: string; primary?: boolean }[] = [];
    if (board.status === 'open') {
      if (kept.seat) {
        buttons.push({
          label: this.t('share:challenge.continue'),
          action: () => void this.resume(kept.seat!),
          name: 'Play',
          primary: true,
        });
      } else {
        buttons.push({
          label: this.t('share:challenge.play'),
          action: () => void this.join(board.code),
          name: 'Play',
          primary: true,
        });
        buttons.push({
          label: this.t('share:challenge.anotherName'),
          action: () => {
            nicknamesOf(this.services).reroll();
            this.restartWith({});
          },
          name: 'Another name',
        });
      }
    }
    buttons.push({
      label: this.t('share:challenge.seeBoard'),
      action: () => this.restartWith({ step: 'board' }),
      name: 'See the board',
    });
    const { doms } = this.addBottomButtons(buttons, Math.max(52, type.button * 2));
    a11y.focus(doms[0]);
    this.onKeys((event) => {
      if (event.key === 'Enter') buttons[0]!.action();
    });
  }

  private async join(code: string): Promise<void> {
    if (this.leaving) return;
    this.leaving = true;
    const nickname = nicknamesOf(this.services).get();
    try {
      const seat = await this.api.joinChallenge(code, nickname, keptChallenge(this.storage, code).seat?.token);
      keepChallenge(this.storage, code, { seat });
      this.leaving = false;
      await this.playSeat(seat);
    } catch (error) {
      this.leaving = false;
      if (error instanceof ClassApiError && error.code === 'nickname-taken') {
        nicknamesOf(this.services).reroll();
        this.restartWith({ message: this.t('share:challenge.nicknameTaken', { name: nickname }) });
        return;
      }
      this.restartWith({ message: error instanceof Error ? error.message : this.t('share:challenge.joinFailed') });
    }
  }

  /** The seat kept on this device: back to its round while it is on, a practice try once it is finished. */
  private async resume(seat: ChallengeSeat): Promise<void> {
    try {
      const view = await this.api.view(seat);
      if (view.state !== 'finished') return await this.playSeat(seat, view);
    } catch {
      // Removed, or the round is gone: a fresh try below.
    }
    await this.join(seat.code);
  }

  private async playSeat(seat: ChallengeSeat, known?: PlayerView): Promise<void> {
    const view = known ?? (await this.api.view(seat));
    // The class seat kept for a class this device is in stays untouched: a challenge's seat is kept above.
    const play = new ClassPlay(this.api, seat, view, new MemoryStore());
    this.follow(play);
    this.route(view.state === 'ready' ? await play.next() : view);
  }

  // ——— The board ———

  private showBoard(board: ChallengeBoard): void {
    const { width, margin, gap, type } = this.frame;
    const a11y = this.services.a11y;
    const kept = keptChallenge(this.storage, board.code);
    document.body.dataset.challengeBoard = board.code;
    const translator = this.translator;
    let y = this.heading(challengeName(board, this.t));
    const link = challengeLink(board.code);
    const where = { code: board.code, link: link.replace(/^https?:\/\//, ''), date: closingDay(board, translator) };
    y = this.say(
      board.status === 'open' ? this.t('share:challenge.codeOpen', where) : this.t('share:challenge.codeClosed', where),
      y,
      this.textColors.paper,
      type.small,
    );
    y = this.say(this.t('share:challenge.boardVerified'), y, this.textColors.correct, type.small);
    const inner = Math.min(width - margin * 2, 900);
    const left = width / 2 - inner / 2;
    const rowHeight = Math.round(type.body * 1.9);
    const list = a11y.section(this.t('share:challenge.boardSection'), 'list');
    const shown = board.entries.slice(0, MAX_ROWS);
    const removable = kept.creatorToken !== undefined && board.status === 'open';
    const g = this.add.graphics();
    shown.forEach((entry, index) => {
      const mine = kept.seat?.playerId === entry.playerId;
      g.fillStyle(mine ? this.colors.inkLighter : this.colors.inkLight, 1).fillRoundedRect(
        left,
        y,
        inner,
        rowHeight - 4,
        8,
      );
      const row = addText(this, left + gap, y + rowHeight / 2 - 2, entryLine(entry, index + 1, translator), {
        size: type.body,
        bold: mine,
        color: this.textColors.paper,
      }).setOrigin(0, 0.5);
      // A long line (a long name, Spanish, large text on a phone) shrinks to its row, clear of the Remove button.
      const room = inner - gap * 2 - (removable && !entry.creator ? Math.round(type.small * 6) : 0);
      if (row.width > room) row.setScale(room / row.width);
      const item = a11y.listItem(entryLine(entry, index + 1, translator), list);
      item.dataset.playerId = entry.playerId;
      if (removable && !entry.creator) {
        const removeWidth = Math.round(type.small * 6);
        this.addButton(
          this.t('share:challenge.remove'),
          { x: left + inner - removeWidth, y, width: removeWidth, height: rowHeight - 4 },
          () => void this.remove(board.code, kept.creatorToken!, entry.playerId),
          {
            name: `Remove ${entry.nickname}`,
            accessibleLabel: this.t('share:challenge.removeLabel', { name: entry.nickname }),
            fontSize: type.small,
          },
        );
      }
      y += rowHeight;
    });
    if (board.entries.length > shown.length)
      y = this.say(
        this.t('share:challenge.more', { more: translator.formatNumber(board.entries.length - shown.length) }),
        y,
      );
    if (board.practice.length > 0) {
      const practice = board.practice
        .slice(-3)
        .map((entry) =>
          this.t('share:challenge.practiceEntry', {
            name: entry.nickname,
            attempt: entry.attempt,
            points: points(entry.score, translator),
          }),
        )
        .join(' · ');
      y = this.say(
        this.t('share:challenge.practice', { entries: practice }),
        y + gap * 0.5,
        this.textColors.muted,
        type.small,
      );
    }
    if (this.opened.confirmClose) {
      this.say(this.t('share:challenge.confirmClose'), y, this.textColors.wrong);
    } else if (this.opened.message) this.say(this.opened.message, y, this.textColors.correct, type.small);

    const canShare = typeof navigator.share === 'function';
    const buttons: { label: string; action: () => void; name: string; primary?: boolean }[] = [
      canShare
        ? {
            label: this.t('share:challenge.share'),
            action: () => void this.share(board, link),
            name: 'Share',
            primary: true,
          }
        : {
            label: this.t('share:challenge.copyLink'),
            action: () => void this.copy(link),
            name: 'Copy link',
            primary: true,
          },
    ];
    if (canShare)
      buttons.push({
        label: this.t('share:challenge.copyLink'),
        action: () => void this.copy(link),
        name: 'Copy link',
      });
    // This device's finished round: a picture of it with the link and its QR code.
    const mine = [...board.entries, ...board.practice].find(
      (entry) => entry.finished && entry.playerId === kept.seat?.playerId,
    );
    if (mine) {
      buttons.push({
        label: this.t('share:challenge.scoreCard'),
        action: () => void this.scoreCard(board, mine, link),
        name: 'Score card',
      });
    }
    if (!kept.seat && board.status === 'open') {
      buttons.push({
        label: this.t('share:challenge.play'),
        action: () => this.restartWith({ step: 'intro' }),
        name: 'Play',
      });
    }
    if (kept.creatorToken !== undefined && board.status === 'open') {
      buttons.push(
        this.opened.confirmClose
          ? {
              label: this.t('share:challenge.yesClose'),
              action: () => void this.closeChallenge(board.code, kept.creatorToken!),
              name: 'Confirm closing',
            }
          : {
              label: this.t('share:challenge.close'),
              action: () => this.restartWith({ confirmClose: true }),
              name: 'Close the challenge',
            },
      );
    }
    const { doms } = this.addBottomButtons(buttons, Math.max(48, type.button * 1.9));
    a11y.focus(doms[0]);
    this.followBoard(board);
  }

  /** Keeps the board live: a fresh one on the stream's word (or by polling while the stream is down). */
  private followBoard(board: ChallengeBoard): void {
    const apply = (next: ChallengeBoard) => {
      if (this.leaving || !this.scene.isActive()) return;
      if (JSON.stringify(next) === JSON.stringify(this.opened.board)) return;
      this.restartWith({ board: next, message: this.opened.message, confirmClose: this.opened.confirmClose });
    };
    this.live = openLive({
      url: this.api.boardEventsUrl(board.code),
      token: keptChallenge(this.storage, board.code).seat?.token ?? '',
      onEvent: (name, data) => {
        if (name === 'board') apply(data as ChallengeBoard);
      },
      poll: async () => apply(await this.api.board(board.code)),
    });
  }

  private async copy(link: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(link);
      this.restartWith({ message: this.t('share:challenge.copied') });
    } catch {
      this.restartWith({ message: this.t('share:challenge.copyRefused', { link }) });
    }
  }

  private async share(board: ChallengeBoard, link: string): Promise<void> {
    const text =
      board.scoreToBeat === null
        ? this.t('share:challenge.shareText')
        : this.t('share:challenge.shareTextBeat', { points: points(board.scoreToBeat, this.translator) });
    try {
      await navigator.share({
        title: board.title ?? this.t('share:challenge.shareTitle'),
        text,
        url: link,
      });
    } catch (error) {
      if ((error as DOMException)?.name !== 'AbortError') await this.copy(link);
    }
  }

  private async scoreCard(board: ChallengeBoard, entry: ChallengeEntry, link: string): Promise<void> {
    const facts = challengeCardFacts(board, entry, link, localDate(this.translator, this.services.today()), this.t);
    const blob = await scoreCardBlob(facts, paletteOf(this), this.translator);
    const file = new File([blob], `source-check-challenge-${board.code}.png`, { type: 'image/png' });
    const outcome = await shareOrSaveCard(file, challengeCardText(board, entry, link, this.translator), link);
    if (outcome === 'cancelled') return;
    this.restartWith({
      message: outcome === 'shared' ? this.t('share:status.cardShared') : this.t('share:status.cardSaved'),
    });
  }

  private async closeChallenge(code: string, token: string): Promise<void> {
    try {
      this.restartWith({
        board: await this.api.closeChallenge(code, token),
        message: this.t('share:challenge.closed'),
      });
    } catch (error) {
      this.restartWith({ message: error instanceof Error ? error.message : this.t('share:challenge.closeFailed') });
    }
  }

  private async remove(code: string, token: string, playerId: string): Promise<void> {
    try {
      this.restartWith({
        board: await this.api.removeEntry(code, token, playerId),
        message: this.t('share:challenge.removed'),
      });
    } catch (error) {
      this.restartWith({ message: error instanceof Error ? error.message : this.t('share:challenge.removeFailed') });
    }
  }
}
