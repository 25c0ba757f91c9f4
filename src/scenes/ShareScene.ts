import { paletteOf } from '../ui/theme';
import { encodeChallenge } from '../core/challenge';
import { CHALLENGE_PARAM } from '../core/challengeParam';
import { NICKNAME_MAX_LENGTH } from '../core/nicknames';
import { nicknamesOf } from '../game/nicknames';
import { summarize } from '../core/session';
import { marksOf, shareLabel, shareText } from '../core/share';
import { TextField } from '../a11y/TextField';
import { challengeFor } from '../game/challengeRound';
import { localDate } from '../core/localDate';
import { translatorOf } from '../ui/pageLanguage';
import { scoreCardBlob } from '../ui/scoreCard';
import { shareOrSaveCard } from '../game/cardSharing';
import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';
import type { ShareSceneData } from './sceneData';

/** After a round: the spoiler-free share text with a challenge link, the score card, and the player's name. */
export class ShareScene extends BaseScene<'share'> {
  /** The data this visit was opened with. */
  private opened!: ShareSceneData;
  private status?: Phaser.GameObjects.Text;

  constructor() {
    super(SceneKey.Share);
  }

  create(data: ShareSceneData): void {
    this.opened = data;
    this.beginScreen(this.t('share:screen.heading'));
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const session = data.results.session;
    const name = nicknamesOf(this.services).get();
    const home = this.addHomeButton();
    this.addSoundButton();
    this.addScreenTitle(this.t('share:screen.title'));
    let top = margin * 0.6 + home.canvas.rect.height + gap;
    const inner = width - margin * 2;
    const rowHeight = Math.max(52, Math.round(type.body * 2.2));

    // The name the challenge link carries.
    const nameLabel = addText(this, margin, top, this.t('share:screen.yourName'), {
      size: type.small,
      color: this.textColors.muted,
    });
    top += nameLabel.height + gap / 2;
    let focusTarget: HTMLButtonElement | HTMLInputElement | undefined;
    if (data.editing) {
      this.add.graphics().fillStyle(this.colors.paper, 1).fillRoundedRect(margin, top, inner, rowHeight, 10);
      const field = new TextField(
        this,
        a11y.section(this.t('share:screen.yourName'), 'group'),
        { x: margin, y: top, width: inner, height: rowHeight },
        {
          label: this.t('share:screen.yourName'),
          value: name,
          maxLength: NICKNAME_MAX_LENGTH,
          fontSize: type.body,
          onSubmit: (value) => this.typeName(value),
          onCancel: () => this.restartWith({ editing: false, focus: 'Type my own' }),
        },
      );
      this.events.once('shutdown', () => field.destroy());
      this.time.delayedCall(0, () => field.focus());
      top += rowHeight + gap / 2;
      const hint = data.refusal ?? this.t('share:screen.nameHint');
      const hintText = addText(this, margin, top, hint, {
        size: type.small,
        color: data.refusal ? this.textColors.wrong : this.textColors.muted,
        wrapWidth: inner,
      });
      if (data.refusal) a11y.announce(data.refusal);
      top += hintText.height + gap;
    } else {
      const nameText = addText(this, margin, top, name, {
        size: type.prompt,
        bold: true,
        color: this.textColors.paper,
      });
      a11y.text(this.t('share:screen.nameIs', { name }), { label: this.t('share:screen.yourName') }).dataset.name =
        'nickname';
      const buttonWidth = portrait ? (inner - gap) / 2 : 240;
      const buttonsTop = portrait ? top + nameText.height + gap / 2 : top;
      const left = portrait ? margin : width - margin - buttonWidth * 2 - gap;
      const reroll = this.addButton(
        this.t('share:screen.newName'),
        { x: left, y: buttonsTop, width: buttonWidth, height: rowHeight },
        () => this.reroll(),
        {
          fontSize: type.small,
          name: 'New name',
        },
      );
      const own = this.addButton(
        this.t('share:screen.typeOwn'),
        { x: left + buttonWidth + gap, y: buttonsTop, width: buttonWidth, height: rowHeight },
        () => this.restartWith({ editing: true }),
        { fontSize: type.small, name: 'Type my own' },
      );
      if (data.focus === 'New name') {
        focusTarget = reroll.dom;
        a11y.announce(this.t('share:screen.newNameIs', { name }));
      }
      if (data.focus === 'Type my own') focusTarget = own.dom;
      top = Math.max(top + nameText.height, buttonsTop + rowHeight) + gap;
    }

    // The text itself, as it will be pasted.
    const summary = summarize(session);
    const marks = marksOf(session.log);
    const challenge = challengeFor(session, this.services.bank?.version ?? '', name, marks);
    const link = `${window.location.origin}${window.location.pathname}#${CHALLENGE_PARAM}=${encodeChallenge(challenge)}`;
    const text = shareText(
      {
        label: this.label(),
        score: summary.score,
        correct: summary.correct,
        total: summary.total,
        marks,
        link,
      },
      translatorOf(this),
    );
    const buttonHeight = Math.max(56, type.button * 2.2);
    const footerHeight = buttonHeight * (portrait ? 2 : 1) + gap * (portrait ? 2 : 1) + type.small * 3;
    const maxCardHeight = Math.max(type.small * 6, height - top - margin - footerHeight);
    // The preview draws the grid with marks every font has; the pasted text uses emoji, as chats expect.
    const lines = text.split('\n');
    lines[3] = marks.map((mark) => PREVIEW_MARKS[mark]).join(' ');
    lines[4] = shortLink(link);
    const previewText = addText(this, margin + gap, top + gap, lines.join('\n'), {
      size: type.body,
      color: this.textColors.paperText,
      wrapWidth: inner - gap * 2,
    }).setDepth(1);
    this.fit(previewText, maxCardHeight - gap * 2, 'share text');
    const cardHeight = Math.min(maxCardHeight, previewText.height + gap * 2);
    this.add.graphics().fillStyle(this.colors.paper, 1).fillRoundedRect(margin, top, inner, cardHeight, 12);
    const shareRegion = a11y.section(this.t('share:screen.shareText'), 'region');
    const shared = a11y.text(text, { parent: shareRegion });
    shared.dataset.name = 'share-text';
    top += cardHeight + gap;

    const note = this.t('share:screen.unverified');
    addText(this, margin, top, note, { size: type.small, color: this.textColors.muted, wrapWidth: inner });
    a11y.text(note);
    this.status = addText(
      this,
      width / 2,
      height - margin - buttonHeight * (portrait ? 2 : 1) - gap * (portrait ? 2 : 1),
      '',
      {
        size: type.small,
        bold: true,
        color: this.textColors.correct,
        align: 'center',
      },
    ).setOrigin(0.5, 1);

    // Where the device has a share sheet, it is the main way; Copy text comes first where it has none.
    const actions: [string, () => void, string][] = [
      ...(typeof navigator.share === 'function'
        ? ([[this.t('share:screen.share'), () => void this.shareNatively(text), 'Share…']] as [
            string,
            () => void,
            string,
          ][])
        : []),
      [this.t('share:screen.copy'), () => void this.copy(text), 'Copy text'],
      [this.t('share:screen.scoreCard'), () => void this.scoreCard(name, summary, marks, text), 'Score card'],
      [this.t('share:screen.back'), () => this.goTo(SceneKey.Results, data.results), 'Back'],
    ];
    const perRow = portrait ? 2 : actions.length;
    const rows = Math.ceil(actions.length / perRow);
    const actionWidth = (inner - gap * (perRow - 1)) / perRow;
    actions.forEach(([label, action, actionName], index) => {
      const x = margin + (index % perRow) * (actionWidth + gap);
      const y = height - margin - (rows - Math.floor(index / perRow)) * (buttonHeight + gap) + gap;
      const button = this.addButton(label, { x, y, width: actionWidth, height: buttonHeight }, action, {
        name: actionName,
        fill: index === 0 ? this.colors.highlight : undefined,
        textColor: index === 0 ? this.textColors.ink : undefined,
      });
      if (index === 0 && !focusTarget && !data.editing) focusTarget = button.dom;
    });
    if (focusTarget instanceof HTMLButtonElement) a11y.focus(focusTarget);
    this.onKeys((event) => {
      if (event.key === 'Escape') this.goTo(SceneKey.Results, data.results);
    });
  }

  private restartWith(change: Partial<ShareSceneData>): void {
    if (this.leaving) return;
    this.leaving = true;
    this.rebuild({ results: this.opened.results, ...change });
  }

  private reroll(): void {
    this.renameSavedRound(nicknamesOf(this.services).reroll());
    this.restartWith({ focus: 'New name' });
  }

  private typeName(value: string): void {
    const result = nicknamesOf(this.services).type(value);
    if (result.ok) {
      this.renameSavedRound(result.nickname);
      this.restartWith({ editing: false, focus: 'Type my own' });
    } else this.restartWith({ editing: true, refusal: result.message });
  }

  /** The round's entry on its board carries the name chosen here, not the one it was saved under. */
  private renameSavedRound(nickname: string): void {
    const { board, savedAt } = this.opened.results.recorded;
    if (board && savedAt) this.services.highScores.rename(board, savedAt, nickname);
  }

  private say(message: string, ok = true): void {
    this.status?.setText(message).setColor(ok ? this.textColors.correct : this.textColors.wrong);
    this.services.a11y.announce(message);
  }

  private async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.say(this.t('share:status.copied'));
    } catch {
      // The clipboard can be refused (permissions, an insecure page); the text stays on screen to copy by hand.
      this.say(this.t('share:status.copyRefused'), false);
    }
  }

  private async shareNatively(text: string): Promise<void> {
    try {
      await navigator.share({ text });
      this.say(this.t('share:status.shared'));
    } catch (error) {
      if ((error as DOMException)?.name !== 'AbortError') this.say(this.t('share:status.shareFailed'), false);
    }
  }

  /** The round's name in the text and on the card; a second daily round on one day says it is a replay. */
  private label(): string {
    const { session, recorded } = this.opened.results;
    return shareLabel(
      session.plan.settings,
      session.plan.seed,
      translatorOf(this),
      recorded.unranked === 'daily-replayed',
    );
  }

  private async scoreCard(
    name: string,
    summary: ReturnType<typeof summarize>,
    marks: ReturnType<typeof marksOf>,
    text: string,
  ): Promise<void> {
    const session = this.opened.results.session;
    const blob = await scoreCardBlob(
      {
        name,
        label: this.label(),
        score: summary.score,
        correct: summary.correct,
        total: summary.total,
        marks,
        date: localDate(translatorOf(this), new Date().toISOString().slice(0, 10)),
      },
      paletteOf(this),
      translatorOf(this),
    );
    const file = new File([blob], `source-check-${session.plan.seed}.png`, { type: 'image/png' });
    // Shared with the text and its challenge link, so the picture leads back to the round.
    const outcome = await shareOrSaveCard(file, text);
    if (outcome === 'shared') this.say(this.t('share:status.cardShared'));
    if (outcome === 'saved') this.say(this.t('share:status.cardSaved'));
  }
}

const PREVIEW_MARKS = { right: '✔', wrong: '✘', timeout: '◔' } as const;

/** The link as shown in the preview: the start and the end, so the card stays readable. */
function shortLink(link: string): string {
  return link.length <= 60 ? link : `${link.slice(0, 40)}…${link.slice(-12)}`;
}
