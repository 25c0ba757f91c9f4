import { dailyDateOf } from '../core/dailyDay';
import { takeClassLink } from '../game/classLink';
import { takeServerChallengeLink } from '../game/serverChallengeLink';
import { checkIsDue, nextForm, offerBeforeFirstRound } from '../core/savedChecks';
import { selfCheckStore } from '../storage/SelfCheckStore';
import { MODE_IDS, type ModeId } from '../core/modes';
import { localDate } from '../core/localDate';
import { translatorOf } from '../ui/pageLanguage';
import { challengeNoticeText } from '../game/challengeNotice';
import { openTeacherPages } from '../game/teacherLinks';
import { ModeCard } from '../ui/ModeCard';
import { TYPE } from '../ui/theme';
import { addBar, addText, setTextSize } from '../ui/text';
import { minTargetFor } from '../ui/touchTarget';
import { BaseScene, type MirroredButton } from './BaseScene';
import type { SceneDataArgs, TitleSceneData } from './sceneData';
import { SceneKey } from './keys';
import { MODE_ICONS } from '../ui/icons';
import { dropRound } from '../game/keptRound';
import { takeSavedRound } from '../game/roundRestorer';
import Phaser from 'phaser';

/** More questions than the bank will ever hold: the footer's room is measured with it while the bank is on its way. */
const BANK_SIZE_BOUND = 999;

export class TitleScene extends BaseScene<'title'> {
  /** Set while this visit waits for the question bank (a slow connection): main.ts opened the title without it. */
  private bankWait?: { footer: Phaser.GameObjects.Text; waiting?: () => void };

  constructor() {
    super(SceneKey.Title);
  }

  create(data?: TitleSceneData): void {
    if (data?.more) {
      this.showMore();
      return;
    }
    // The page's first title: a solo round kept before a reload comes back, paused where it was.
    const saved = takeSavedRound(this.services, this.registry);
    if (saved.session) {
      this.goTo(SceneKey.Pause, { session: saved.session });
      return;
    }
    this.beginScreen(this.t('menu:title.heading'));
    const { width, height, type, portrait, margin, gap } = this.frame;
    const a11y = this.services.a11y;
    this.addCornerButton(this.t('menu:title.settings'), 3.25, () => this.goTo(SceneKey.Settings), {
      accessibleLabel: this.t('menu:title.settingsLabel'),
      name: 'Settings',
    });
    this.addSoundButton();

    // The name, its underline and the tagline, where they sit when there is room; moved up below if not.
    const titleY = height * (portrait ? 0.16 : 0.14);
    const title = addText(this, width / 2, titleY, 'SOURCE CHECK', {
      size: type.title,
      bold: true,
      color: this.textColors.paper,
    }).setOrigin(0.5, 0);
    // Large text on a phone: the name shrinks to the screen's width rather than run off both sides.
    for (let size = type.title; title.width > width - margin * 2 && size > type.heading; size -= 1) {
      setTextSize(title, size);
    }
    if (title.width > width - margin * 2) a11y.markOverflow('title');
    const tagline = this.t('menu:title.tagline');
    const topic = this.t('menu:title.topic');
    const taglineText = addText(this, width / 2, 0, `${tagline}\n${topic}`, {
      size: type.body,
      align: 'center',
      color: this.textColors.muted,
      wrapWidth: width - margin * 2,
    }).setOrigin(0.5, 0);
    a11y.text(this.t('menu:title.about', { tagline, topic }));
    const underlineGap = Math.round(type.title * 0.15);
    // Roomy: the tagline at its place on the screen; compact: right under the name's underline; shortest: none (the
    // accessible layer still says it).
    const placeHeading = (top: number, compact: boolean) => {
      title.setY(top);
      const underTitle = top + title.height + underlineGap * 2 + 8 + gap;
      if (!taglineText.visible) return underTitle + gap * 0.5;
      taglineText.setY(compact ? underTitle : Math.max(height * (portrait ? 0.3 : 0.33), underTitle));
      return taglineText.y + taglineText.height + gap * 1.5;
    };
    let y = placeHeading(titleY, false);

    // Any round still in play was left for the title: it is over, and never recorded.
    this.services.rounds.quit();
    dropRound(this.services);
    // A challenge link: play the challenger's round, or say plainly why it cannot be played.
    const { challenge, notice } = this.services.rounds.titleOffer();
    const translator = translatorOf(this);
    const dailyDay = challenge?.mode === 'daily' ? dailyDateOf(challenge.seed) : undefined;
    const banner = challenge
      ? this.t('menu:title.challenge', {
          name: challenge.name,
          score: translator.formatNumber(challenge.score),
          round:
            (dailyDay && this.t('menu:title.challengeDaily', { date: localDate(translator, dailyDay) })) ||
            (challenge.mode === 'classic'
              ? this.t('menu:title.challengeQuestions', { count: challenge.questionCount })
              : this.t('menu:title.challengeQuestionsOf', {
                  count: challenge.questionCount,
                  mode: this.t(`common:mode.${challenge.mode}.title`),
                })),
        })
      : ((notice && challengeNoticeText(notice, this.t)) ??
        (saved.dropped ? this.t('menu:title.roundDropped') : undefined) ??
        this.droppedNotice());
    const bannerText = banner
      ? addText(this, width / 2, 0, banner, {
          size: type.small,
          bold: true,
          align: 'center',
          color: challenge ? this.textColors.correct : this.textColors.wrong,
          wrapWidth: width - margin * 4,
        }).setOrigin(0.5, 0)
      : undefined;
    if (banner) {
      a11y.text(banner, { role: challenge ? undefined : 'alert' }).dataset.name = challenge ? 'challenge' : 'notice';
    }

    // From the bottom up: the footer, the other entries, then what room the ways to play have.
    const footerFor = (count: number) =>
      this.services.persistent ? this.t('menu:title.footer', { count }) : this.t('menu:title.footerUnsaved', { count });
    const bank = this.services.bank;
    const footer = bank ? footerFor(bank.questions.length) : this.t('menu:preload.questions');
    const footerText = addText(this, width / 2, height - margin, footerFor(BANK_SIZE_BOUND), {
      size: type.small,
      color: this.textColors.muted,
      align: 'center',
      wrapWidth: width - margin * 2,
    }).setOrigin(0.5, 1);
    // The bank on its way: the footer keeps the room the count will need when it arrives.
    const footerHeight = footerText.height;
    footerText.setText(footer);
    const footerDom = a11y.text(footer);
    // Larger text gets a wider menu on a wide screen, so descriptions keep to two lines.
    const textScale = type.body / TYPE.landscape.body;
    const menuWidth = Math.min(width - margin * 2, portrait ? width * 0.92 : 900 * Math.max(1, textScale));
    const x = width / 2 - menuWidth / 2;
    const checkEntry = this.checkEntry();
    const allEntries = this.entries(checkEntry.label);
    let entries = allEntries;
    const columns = portrait ? 2 : 3;
    const entryHeight = this.entryHeight();
    const entriesTopFor = (count: number) =>
      footerText.y - footerHeight - gap - Math.ceil(count / columns) * (entryHeight + gap) + gap;
    let entriesTop = entriesTopFor(entries.length);

    const challengeHeight = portrait ? 60 : 68;
    const wanted = challenge
      ? challengeHeight * 1.8 + gap * 2.5
      : this.modeCardsHeight(this.idealCardHeight(menuWidth)) + gap * 1.5;
    const bannerHeight = bannerText ? bannerText.height + gap : 0;
    // Not enough room (large text on a phone): the heading moves up under the corner buttons.
    const shortBy = () => y + bannerHeight + wanted - entriesTop;
    if (shortBy() > 0) {
      const highest = margin * 0.6 + this.cornerHeight + gap;
      y = placeHeading(Math.max(highest, titleY - shortBy()), true);
      // Still short: the name gives up some of its size, down to a heading's (at larger text, to its 100 % size).
      const baseTitle = (portrait ? TYPE.portrait : TYPE.landscape).title;
      const smallestTitle = type.title > baseTitle ? baseTitle : type.heading;
      for (let size = parseInt(String(title.style.fontSize), 10); shortBy() > 0 && size > smallestTitle; size -= 2) {
        setTextSize(title, Math.max(smallestTitle, size - 2));
        y = placeHeading(title.y, true);
      }
      // Large text on a small screen: the tagline goes, then the other entries move to a page of their own behind
      // "More", so the ways to play keep their text size.
      if (shortBy() > 0) {
        taglineText.setVisible(false);
        y = placeHeading(title.y, true);
      }
      if (shortBy() > 0) {
        const more = () => this.whenBankArrives(() => this.rebuild({ more: true }));
        entries = [allEntries[0]!, [this.t('menu:title.more'), more, 'More']];
        entriesTop = entriesTopFor(entries.length);
      }
    }
    const lineWidth = Math.min(width * 0.6, type.title * 7.5, title.width * 1.05);
    addBar(this, width / 2 - lineWidth / 2, title.y + title.height + underlineGap, lineWidth, 8, this.colors.highlight);
    if (bannerText) {
      bannerText.setY(y);
      y += bannerHeight;
    }

    let play: MirroredButton;
    if (challenge) {
      // A challenge is one round with its own rules: one button plays it, the other sets it aside.
      play = this.addButton(
        this.t('menu:title.playChallenge'),
        { x, y, width: menuWidth, height: challengeHeight },
        () => this.play(),
        {
          fill: this.colors.highlight,
          textColor: this.textColors.ink,
          fontSize: Math.round(type.button * 1.2),
          name: 'Play',
        },
      );
      y += challengeHeight + gap;
      this.addButton(
        this.t('menu:title.declineChallenge'),
        { x, y, width: menuWidth, height: challengeHeight * 0.8 },
        () => this.declineChallenge(),
        { name: 'Play my own round instead' },
      );
    } else {
      const room = entriesTop - gap * 1.5 - y;
      const rows = portrait ? MODE_IDS.length : Math.ceil(MODE_IDS.length / 2);
      const cardHeight = Math.min(this.idealCardHeight(menuWidth), (room - gap * (rows - 1)) / rows);
      play = this.addModeCards({ x, y, width: menuWidth }, cardHeight);
    }
    // Everything else in a grid: three columns on a wide screen, two on a phone.
    this.addEntries(entries, { x, y: entriesTop, width: menuWidth }, columns, checkEntry);

    this.onKeys((event) => {
      if (event.key === 'Enter' || event.key === ' ' || event.key.toLowerCase() === 'p') this.play();
      if (!challenge && event.key.toLowerCase() === 'd') this.play('daily');
      if (!challenge && event.key.toLowerCase() === 'f') this.play('fact-check');
      if (event.key.toLowerCase() === 't') this.goTo(SceneKey.Timeline, { source: 'bank' });
      if (event.key.toLowerCase() === 'h') this.goTo(SceneKey.HighScores);
      if (event.key.toLowerCase() === 's') this.goTo(SceneKey.Settings);
      if (event.key.toLowerCase() === 'c') this.openCheck();
    });
    a11y.focus(play.dom);
    this.services.markTitleInteractive();
    if (!bank) this.waitForBank(footerText, footerDom, footerFor);
    // A class's join link (?class=CODE) goes straight to joining, once per page load.
    const classCode = takeClassLink(window.location.search);
    if (classCode) this.goTo(SceneKey.ClassJoin, { code: classCode });
    // A server challenge's short link (/c/CODE) opens it, once per page load.
    const challengeCode = classCode ? undefined : takeServerChallengeLink(window.location.pathname);
    if (challengeCode) this.goTo(SceneKey.Challenge, { step: 'intro', code: challengeCode });
  }

  /**
   * The title drawn before the bank has arrived: when it does, the footer gives its count and whatever the player
   * asked for meanwhile goes ahead; a bank that cannot be loaded goes to the error screen with its message.
   */
  private waitForBank(footer: Phaser.GameObjects.Text, footerDom: HTMLElement, footerFor: (count: number) => string) {
    const wait: NonNullable<TitleScene['bankWait']> = { footer };
    this.bankWait = wait;
    const request = this.services.bankRequest;
    // Asked for something: the footer shows the download's progress until the bank is in.
    const showProgress = () => {
      if (wait.waiting)
        footer.setText(this.t('menu:preload.progress', { percent: Math.round(request.progress() * 100) }));
    };
    const stop = () => {
      this.events.off(Phaser.Scenes.Events.UPDATE, showProgress);
      if (this.bankWait === wait) this.bankWait = undefined;
    };
    this.events.on(Phaser.Scenes.Events.UPDATE, showProgress);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, stop);
    void request.result.then((result) => {
      if (this.bankWait !== wait) return;
      stop();
      if ('error' in result) {
        super.goTo(SceneKey.Error, { message: result.error });
        return;
      }
      // A challenge link pasted meanwhile: the title is built again, to offer it.
      if (!wait.waiting && this.services.rounds.linkWaiting) {
        this.rebuild();
        return;
      }
      const text = footerFor(result.bundle.questions.length);
      footer.setText(text).setColor(this.textColors.muted);
      footerDom.textContent = text;
      wait.waiting?.();
    });
  }

  /** Runs `action` now, or once the bank has arrived, saying meanwhile that the questions are loading. */
  private whenBankArrives(action: () => void): void {
    const wait = this.bankWait;
    if (!wait) {
      action();
      return;
    }
    wait.waiting = action;
    wait.footer.setColor(this.textColors.paper);
    this.services.a11y.announce(this.t('menu:preload.questions'));
  }

  /** Every screen left for from the title needs the bank (a round, its topics, its timeline): it waits for it. */
  protected override goTo<T extends SceneKey>(key: T, ...data: SceneDataArgs<T>): void {
    this.whenBankArrives(() => super.goTo(key, ...data));
  }

  /** Everything on the title besides the ways to play, each with its accessible name. */
  private entries(checkLabel: string): [string, () => void, string][] {
    return [
      [this.t('menu:title.howToPlay'), () => this.goTo(SceneKey.HowToPlay), 'How to play'],
      [this.t('menu:title.highScores'), () => this.goTo(SceneKey.HighScores), 'High scores'],
      [this.t('menu:title.timeline'), () => this.goTo(SceneKey.Timeline, { source: 'bank' }), 'Timeline'],
      [this.t('menu:title.yourQuestions'), () => this.goTo(SceneKey.CustomBanks), 'Your questions'],
      [checkLabel, () => this.openCheck(), 'Check yourself'],
      [this.t('menu:title.class'), () => this.goTo(SceneKey.ClassJoin), 'Class'],
      [
        this.t('menu:title.challengeFriends'),
        () => this.goTo(SceneKey.Challenge, { step: 'create' }),
        'Challenge friends',
      ],
      [this.t('menu:title.forTeachers'), () => openTeacherPages(), 'For teachers'],
    ];
  }

  /** An entry's height; on a phone at larger text, room for a label of two lines at its size. */
  private entryHeight(): number {
    const { type, portrait } = this.frame;
    const twoLines = portrait && type.button > TYPE.portrait.button ? Math.round(type.button * 2.4) : 0;
    return Math.max(
      minTargetFor(this.frame),
      twoLines,
      Math.round(Math.max(48, type.button * 2) * (portrait ? 0.9 : 0.85)),
    );
  }

  /** Entries as buttons in a grid of `columns` from the top of `area`; returns the first. */
  private addEntries(
    entries: readonly [string, () => void, string][],
    area: { x: number; y: number; width: number },
    columns: number,
    checkEntry: { label: string; accessibleLabel: string; offered: boolean },
  ): MirroredButton | undefined {
    const { gap } = this.frame;
    const entryWidth = (area.width - gap * (columns - 1)) / columns;
    const entryHeight = this.entryHeight();
    return entries
      .map(([label, action, name], index) =>
        this.addButton(
          label,
          {
            x: area.x + (index % columns) * (entryWidth + gap),
            y: area.y + Math.floor(index / columns) * (entryHeight + gap),
            width: entryWidth,
            height: entryHeight,
          },
          action,
          label === this.t('menu:title.forTeachers')
            ? { name: 'For teachers', accessibleLabel: this.t('menu:title.forTeachersLabel') }
            : label === checkEntry.label
              ? {
                  name: 'Check yourself',
                  accessibleLabel: checkEntry.accessibleLabel,
                  ...(checkEntry.offered ? { fill: this.colors.highlight, textColor: this.textColors.ink } : {}),
                }
              : { name },
        ),
      )
      .at(0);
  }

  /** The other entries on a page of their own (large text on a small screen): one column on a phone; Done goes back. */
  private showMore(): void {
    this.beginWithCorners(this.t('menu:title.moreHeading'));
    const { width, margin, gap, portrait } = this.frame;
    this.addScreenTitle(this.t('menu:title.moreHeading'));
    const checkEntry = this.checkEntry();
    const top = margin * 0.6 + this.cornerHeight + gap * 2;
    const first = this.addEntries(
      this.entries(checkEntry.label),
      { x: margin, y: top, width: width - margin * 2 },
      portrait ? 1 : 2,
      checkEntry,
    );
    this.addDoneButton(Math.max(56, this.frame.type.button * 2.2), () => this.rebuild(), first?.dom);
  }

  /**
   * Check yourself: offered (highlighted) before the first round, when check B is due after five rounds, and when
   * check C has opened a week after B; open whenever the player asks.
   */
  private checkEntry(): { label: string; accessibleLabel: string; offered: boolean } {
    const saved = selfCheckStore(this.services.storage).get();
    const now = Date.now();
    const form = nextForm(saved, now);
    if (offerBeforeFirstRound(saved)) {
      return {
        label: this.t('menu:title.checkFirst'),
        accessibleLabel: this.t('menu:title.checkFirstLabel'),
        offered: true,
      };
    }
    if (form && checkIsDue(saved, now)) {
      return {
        label: this.t('menu:title.checkDue', { form }),
        accessibleLabel: this.t('menu:title.checkDueLabel', { form }),
        offered: true,
      };
    }
    return { label: this.t('menu:title.check'), accessibleLabel: this.t('menu:title.check'), offered: false };
  }

  /** The next check's introduction, or the figures when no check is open. */
  private openCheck(): void {
    const form = nextForm(selfCheckStore(this.services.storage).get(), Date.now());
    if (form) this.goTo(SceneKey.Check, { step: 'intro', form });
    else this.goTo(SceneKey.CheckReport, {});
  }

  /**
   * A mode card's height with its name and its description at full size: two lines of it, and at larger text as
   * many as the longest description takes at the cards' width.
   */
  private idealCardHeight(menuWidth: number): number {
    const { type, portrait, gap } = this.frame;
    const twoLines = Math.round(type.button * 1.5 + type.small * (portrait ? 2.9 : 2.7));
    // At 100 % text a description that needs a third line shrinks to two, as it always has.
    if (type.small <= (portrait ? TYPE.portrait : TYPE.landscape).small) return twoLines;
    const cardWidth = portrait ? menuWidth : (menuWidth - gap) / 2;
    const pad = Math.round(type.button * 0.6);
    const probe = addText(this, 0, 0, '', { size: type.small, wrapWidth: cardWidth - pad * 2 });
    const lines = Math.max(2, ...MODE_IDS.map((mode) => probe.getWrappedText(this.t(`menu:modeCard.${mode}`)).length));
    probe.destroy();
    return twoLines + Math.round(type.small * 1.25 * (lines - 2));
  }

  /** The height the four cards take at a card height. */
  private modeCardsHeight(cardHeight: number): number {
    const rows = this.frame.portrait ? MODE_IDS.length : Math.ceil(MODE_IDS.length / 2);
    return rows * (cardHeight + this.frame.gap) - this.frame.gap;
  }

  /** The four ways to play as cards: two by two on a wide screen, one above the other on a phone. */
  private addModeCards(area: { x: number; y: number; width: number }, cardHeight: number): MirroredButton {
    const { type, portrait, gap } = this.frame;
    const columns = portrait ? 1 : 2;
    const cardWidth = (area.width - gap * (columns - 1)) / columns;
    const descriptionSize = type.small;
    const base = portrait ? TYPE.portrait : TYPE.landscape;
    const services = this.services;
    const today = services.today();
    let first: MirroredButton | undefined;
    MODE_IDS.forEach((mode, index) => {
      const rect = {
        x: area.x + (index % columns) * (cardWidth + gap),
        y: area.y + Math.floor(index / columns) * (cardHeight + gap),
        width: cardWidth,
        height: cardHeight,
      };
      const daily = mode === 'daily';
      const counted = !daily || services.highScores.dailyCounts(today);
      const modeTitle = this.t(`common:mode.${mode}.title`);
      const modeDescription = this.t(`menu:modeCard.${mode}`);
      const title = daily
        ? this.t('menu:title.dailyCard', { mode: modeTitle, date: localDate(translatorOf(this), today) })
        : modeTitle;
      const description = counted
        ? modeDescription
        : this.t('menu:title.dailyPlayed', { description: modeDescription });
      const primary = mode === 'classic';
      const fill = primary ? this.colors.highlight : this.colors.inkLighter;
      const textColor = primary ? this.textColors.ink : this.textColors.white;
      const play = () => {
        services.sound.play('press');
        this.play(mode);
      };
      const card = new ModeCard(
        this,
        rect,
        {
          label: `${MODE_ICONS[mode]}  ${title}`,
          fontSize: type.button,
          fill,
          textColor,
          description,
          descriptionSize,
          // Larger text never makes it smaller than its size at 100 %: the card is given the room instead.
          ...(descriptionSize > base.small ? { minDescriptionSize: base.small } : {}),
          onHover: () => services.sound.play('hover'),
        },
        play,
      );
      // Classic keeps the name the single Play button had: Enter and P still start it.
      const dom = services.a11y.button(this.t('menu:title.playMode', { title, description }), play, rect, {
        name: primary ? 'Play' : `mode-${mode}`,
      });
      if (card.overflows || card.descriptionOverflows) services.a11y.markOverflow(`mode-${mode}`);
      first ??= { canvas: card, dom };
    });
    return first!;
  }

  /** The round itself is dealt by the question screen, which comes with the screens of play (sceneLoader.ts). */
  private play(mode: ModeId = 'classic'): void {
    if (this.leaving) return;
    if (this.services.rounds.challengeOnOffer) {
      this.goTo(SceneKey.Question, { deal: { challenge: true } });
      return;
    }
    this.goTo(SceneKey.Question, { deal: { mode } });
  }

  /** The player would rather play a round of their own: the challenge is set aside and the modes come back. */
  private declineChallenge(): void {
    this.services.rounds.declineChallenge();
    this.rebuild();
  }

  /** Saved high scores dropped as damaged on reading (no round could give them): said once, on the title. */
  private droppedNotice(): string | undefined {
    const dropped = this.services.highScores.takeDroppedCount();
    return dropped > 0 ? this.t('menu:title.dropped', { count: dropped }) : undefined;
  }
}
