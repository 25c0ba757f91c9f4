import { BOARD_IDS, isBoardId, type BoardId } from '../core/highScores';
import type { ModeId } from '../core/modes';
import { localDate } from '../core/localDate';
import { translatorOf } from '../ui/pageLanguage';
import { addText } from '../ui/text';
import { minTargetFor } from '../ui/touchTarget';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';
import type { HighScoresSceneData } from './sceneData';

/** The mode each board's Play button starts (no speed points is Classic with the player's settings). */
const BOARD_MODE: Record<BoardId, ModeId> = {
  classic: 'classic',
  'no-speed': 'classic',
  daily: 'daily',
  practice: 'practice',
  'fact-check': 'fact-check',
};

/** Local high scores: one board per way of playing, as tabs, top ten each, with the name that played. */
export class HighScoresScene extends BaseScene<'high-scores'> {
  /** The data this visit was opened with. */
  private opened: HighScoresSceneData = {};

  constructor() {
    super(SceneKey.HighScores);
  }

  create(data: HighScoresSceneData = {}): void {
    this.opened = data;
    const board: BoardId = isBoardId(data.board) ? data.board : 'classic';
    const boardTitle = this.t(`menu:board.${board}`);
    const translator = translatorOf(this);
    this.beginScreen(this.t('menu:highScores.heading', { board: boardTitle }));
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const home = this.addHomeButton();
    this.addSoundButton();
    this.addScreenTitle(this.t('menu:highScores.title'));
    let top = margin * 0.6 + home.canvas.rect.height + gap * 1.5;

    // The tabs: a row on a wide screen, two rows on a phone.
    const tabs = a11y.section(this.t('menu:highScores.boards'), 'group');
    const perRow = portrait ? 3 : BOARD_IDS.length;
    const tabWidth = (width - margin * 2 - gap * (perRow - 1)) / perRow;
    const tabHeight = Math.max(minTargetFor(this.frame), Math.round(type.button * 1.9));
    BOARD_IDS.forEach((id, index) => {
      const selected = id === board;
      this.addButton(
        this.t(`menu:board.${id}`),
        {
          x: margin + (index % perRow) * (tabWidth + gap),
          y: top + Math.floor(index / perRow) * (tabHeight + gap),
          width: tabWidth,
          height: tabHeight,
        },
        () => this.show(id),
        {
          fontSize: type.small,
          parent: tabs,
          name: `board-${id}`,
          pressed: selected,
          ...(selected ? { fill: this.colors.highlight, textColor: this.textColors.ink } : {}),
        },
      );
    });
    top += Math.ceil(BOARD_IDS.length / perRow) * (tabHeight + gap) + gap;

    const entries = this.services.highScores.list(board);
    const buttonHeight = Math.max(56, type.button * 2.2);
    a11y.heading(this.t('menu:highScores.board', { board: boardTitle }));
    // Said on arrival and on every switch with ← →: which board is now shown.
    const count =
      entries.length === 0
        ? this.t('menu:highScores.noScores')
        : this.t('menu:highScores.scores', { count: entries.length });
    a11y.announce(this.t('menu:highScores.arrival', { board: boardTitle, scores: count }));
    const list = a11y.section(this.t('menu:highScores.list', { board: boardTitle }), 'list');
    if (entries.length === 0) {
      const empty = board === 'daily' ? this.t('menu:highScores.emptyDaily') : this.t('menu:highScores.empty');
      addText(this, width / 2, top + (height - top - buttonHeight - margin) / 2, empty, {
        size: type.body,
        align: 'center',
        color: this.textColors.muted,
        wrapWidth: width - margin * 4,
      }).setOrigin(0.5);
      a11y.listItem(empty, list);
    }
    const rowHeight = Math.min(type.body * 2.2, (height - top - buttonHeight - margin - gap) / 10);
    const rowFont = Math.min(type.body, Math.floor(rowHeight / 1.7));
    entries.forEach((entry, index) => {
      const y = top + index * rowHeight;
      const mine = data.highlight === index + 1;
      this.add
        .graphics()
        .fillStyle(mine ? this.colors.inkLighter : this.colors.inkLight, 1)
        .fillRoundedRect(margin, y, width - margin * 2, rowHeight - 4, 8);
      const date = localDate(translator, entry.day ?? entry.date.slice(0, 10));
      const name = entry.nickname ?? '—';
      const timer = entry.timeLimitSec === null ? this.t('menu:highScores.noTimer') : this.t('menu:highScores.timed');
      const cells = portrait
        ? [`${index + 1}.`, translator.formatNumber(entry.score), `${entry.correct}/${entry.total}`, name]
        : [
            `${index + 1}.`,
            translator.formatNumber(entry.score),
            this.t('menu:highScores.right', { correct: entry.correct, total: entry.total }),
            this.t('menu:highScores.streak', { streak: entry.bestStreak }),
            name,
            date,
          ];
      const stops = portrait ? [0, 0.1, 0.33, 0.5] : [0, 0.05, 0.19, 0.34, 0.48, 0.76];
      const cellWidths = stops.map((stop, column) => ((stops[column + 1] ?? 1) - stop) * (width - margin * 2) - 12);
      cells.forEach((cell, column) => {
        const text = addText(this, margin + 12 + stops[column]! * (width - margin * 2), y + (rowHeight - 4) / 2, cell, {
          size: rowFont,
          bold: column === 1,
          color: column === 1 ? this.textColors.paper : this.textColors.muted,
        }).setOrigin(0, 0.5);
        // A long name is cut rather than run into the next column.
        while (text.width > cellWidths[column]! && text.text.length > 2) text.setText(`${text.text.slice(0, -2)}…`);
      });
      a11y.listItem(
        this.t('menu:highScores.row', {
          place: index + 1,
          score: entry.score,
          correct: entry.correct,
          total: entry.total,
          streak: entry.bestStreak,
          name,
          date,
          timer,
        }),
        list,
      );
    });

    const y = height - margin - buttonHeight;
    const bottomWidth = Math.min(320, (width - margin * 2 - gap) / 2);
    let focus: HTMLButtonElement;
    if (data.confirmClear) {
      const question = this.t('menu:highScores.confirmClear', { board: boardTitle, count: entries.length });
      this.addConfirmQuestion(question, y - gap, 'confirm-clear');
      this.addButton(
        this.t('menu:highScores.yesClear'),
        { x: width / 2 - bottomWidth - gap / 2, y, width: bottomWidth, height: buttonHeight },
        () => this.clear(board),
        { name: 'Confirm clear' },
      );
      focus = this.addButton(
        this.t('menu:highScores.keep'),
        { x: width / 2 + gap / 2, y, width: bottomWidth, height: buttonHeight },
        () => this.show(board),
        { fill: this.colors.highlight, textColor: this.textColors.ink, name: 'Keep' },
      ).dom;
    } else {
      focus = this.addButton(
        this.t('menu:highScores.play'),
        { x: width / 2 - bottomWidth - gap / 2, y, width: bottomWidth, height: buttonHeight },
        () => this.goTo(SceneKey.Question, { deal: { mode: BOARD_MODE[board] } }),
        { fill: this.colors.highlight, textColor: this.textColors.ink, name: 'Play' },
      ).dom;
      if (entries.length > 0) {
        this.addButton(
          this.t('menu:highScores.clear'),
          { x: width / 2 + gap / 2, y, width: bottomWidth, height: buttonHeight },
          () => this.rebuild({ board, confirmClear: true }),
          { name: 'Clear board' },
        );
      }
    }
    if (data.notice) {
      addText(this, width / 2, y - gap, data.notice, {
        size: type.small,
        color: this.textColors.muted,
        align: 'center',
      }).setOrigin(0.5, 1);
      a11y.announce(data.notice);
    }
    a11y.focus(focus);
    this.onKeys((event) => {
      const index = BOARD_IDS.indexOf(board);
      if (event.key === 'ArrowRight') this.show(BOARD_IDS[(index + 1) % BOARD_IDS.length]!);
      if (event.key === 'ArrowLeft') this.show(BOARD_IDS[(index + BOARD_IDS.length - 1) % BOARD_IDS.length]!);
      if (event.key === 'Escape') {
        if (data.confirmClear) this.show(board);
        else this.goTo(SceneKey.Title);
      }
    });
  }

  private show(board: BoardId): void {
    if (this.leaving) return;
    this.leaving = true;
    this.rebuild({ board, highlight: board === this.opened.board ? this.opened.highlight : undefined });
  }

  private clear(board: BoardId): void {
    if (this.leaving) return;
    this.services.highScores.clear(board);
    this.leaving = true;
    this.rebuild({ board, notice: this.t('menu:highScores.cleared', { board: this.t(`menu:board.${board}`) }) });
  }
}
