import { TextField } from '../a11y/TextField';
import { NICKNAME_MAX_LENGTH } from '../core/nicknames';
import { skillReport } from '../core/reports';
import { canRetry, missedQuestionIds, summarize, type SessionState } from '../core/session';
import { nicknameProblem } from '../game/classWords';
import { nicknamesOf } from '../game/nicknames';
import { localQuestion } from '../game/spanishQuestions';
import { resultSnapshot } from '../core/resultSnapshot';
import { marksOf } from '../core/share';
import type { Rect } from '../ui/layout';
import { signedPoints } from '../ui/format';
import { countUp } from '../ui/motion';
import { addText } from '../ui/text';
import { translatorOf } from '../ui/pageLanguage';
import { minTargetFor } from '../ui/touchTarget';
import { REVIEW_ROW_LINES, reviewWindow, type ReviewWindow } from '../ui/reviewWindow';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';
import type { ResultsSceneData } from './sceneData';

/** The narrowest a results button is, in its label's font size: seven fit a wide screen's row at 100 % text. */
const RESULT_BUTTON_EMS = 6;
const MARK = { correct: '✔', wrong: '✘', timedOut: '◔' } as const;
const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;
const SNAPSHOT_MARKS = { right: MARK.correct, wrong: MARK.wrong, timeout: MARK.timedOut } as const;
/**
 * The fewest review rows kept on view: below it (large text on a small phone or a laptop), the buttons past the
 * first rows (two on a phone, one on a wide screen) move to a page of their own behind "More", as the title's other
 * entries do.
 */
const MIN_REVIEW_ROWS_SHOWN = 3;
const FOLDED_BUTTON_ROWS = { portrait: 2, landscape: 1 } as const;
/** The widest a button on the More page is: a phone's width, and not a wide screen's. */
const MORE_BUTTON_MAX_WIDTH = 560;
/** The buttons that stay when the rest fold behind "More", first first (by their accessible names). */
const KEPT_FIRST = ['Retry missed', 'Play again', 'Your report', 'Share'];

/**
 * The results shown again from a page of their own: not counted up, sounded or read out again (as when the review
 * scrolls), with the focus on the button that led there.
 */
function returningTo(data: ResultsSceneData, button: string): Pick<ResultsSceneData, 'reviewFirst' | 'returnFocus'> {
  return { reviewFirst: data.reviewFirst ?? 0, returnFocus: button };
}

export class ResultsScene extends BaseScene<'results'> {
  constructor() {
    super(SceneKey.Results);
  }

  create(data: ResultsSceneData): void {
    const session = data.session;
    if (data.opened !== undefined && session.log[data.opened]) {
      this.showReviewRow(data, data.opened);
      return;
    }
    if (data.snapshot) {
      this.showSnapshot(data);
      return;
    }
    if (data.moreActions) {
      this.showMoreActions(data);
      return;
    }
    if (this.asksForName(data)) {
      this.showNamePrompt(data);
      return;
    }
    const summary = summarize(session);
    const replay = session.attempt > 0;
    // A practice replay's report is the first try's: the replay only shows what was learnt since.
    const reported = this.services.rounds.reportedRound(session);
    const modeTitle = this.t(`common:mode.${session.plan.settings.mode}.title`);
    const heading = replay
      ? this.t('menu:results.replayHeading', { attempt: session.attempt, mode: modeTitle })
      : this.t('menu:results.heading', { mode: modeTitle });
    const formatNumber = (value: number) => translatorOf(this).formatNumber(value);
    // Scrolling the review builds the screen again: the score is not counted up, sounded or read out again.
    const scrolled = data.reviewFirst !== undefined;
    this.beginScreen(heading);
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const home = this.addHomeButton();
    this.addSoundButton();
    this.addScreenTitle(heading);

    let top = margin * 0.6 + home.canvas.rect.height + gap;
    const scoreText = addText(this, width / 2, top, '0', {
      size: type.title,
      bold: true,
      color: this.textColors.paper,
    }).setOrigin(0.5, 0);
    countUp(
      this,
      summary.score,
      (value) => scoreText.setText(this.t('menu:results.points', { points: formatNumber(value) })),
      this.services.reduceMotion || scrolled,
    );
    if (!scrolled) this.services.sound.play('roundComplete');
    top += scoreText.height + gap * 0.5;
    const average =
      summary.averageAnswerMs > 0
        ? this.t('menu:results.seconds', {
            seconds: translatorOf(this).formatNumber(summary.averageAnswerMs / 1000, ONE_DECIMAL),
          })
        : '—';
    const stats = this.t('menu:results.stats', {
      correct: summary.correct,
      total: summary.total,
      streak: summary.bestStreak,
      average,
    });
    const statsText = addText(this, width / 2, top, stats, {
      size: type.body,
      align: 'center',
      color: this.textColors.muted,
      wrapWidth: width - margin * 2,
    }).setOrigin(0.5, 0);
    top += statsText.height + gap * 0.5;
    // Replaying a challenge: both results side by side (theirs as shared, so unverified).
    const versus = this.services.rounds.challengeOf(session);
    const recorded = data.recorded;
    const placeLine = versus
      ? this.t('menu:results.versus', {
          score: formatNumber(summary.score),
          correct: summary.correct,
          total: summary.total,
          name: versus.name,
          theirScore: formatNumber(versus.score),
          theirCorrect: versus.marks.filter((m) => m === 'right').length,
          theirTotal: versus.questionCount,
          outcome:
            summary.score > versus.score
              ? this.t('menu:results.youWin')
              : summary.score === versus.score
                ? this.t('menu:results.tie')
                : this.t('menu:results.theyWin', { name: versus.name }),
        })
      : recorded.unranked
        ? this.t(`menu:unranked.${recorded.unranked}`)
        : recorded.place === null
          ? this.t('menu:results.notTop')
          : data.savedAs
            ? this.t('menu:results.placeSavedAs', { place: recorded.place, mode: modeTitle, name: data.savedAs })
            : this.t('menu:results.place', { place: recorded.place, mode: modeTitle });
    top += this.addCentredLine(placeLine, top, type.body, this.textColors.correct) + gap * 0.5;
    // The board could not be saved on the device: said on screen and aloud, never left to look saved.
    if (recorded.unsaved) {
      const unsaved = this.t(`menu:results.unsaved.${recorded.unsaved}`);
      top += this.addCentredLine(unsaved, top, type.small, this.textColors.wrong) + gap * 0.5;
      a11y.text(unsaved, { role: 'alert' }).dataset.name = 'unsaved';
    }

    // The move to practise next, in one line; the report screen has the rest.
    const skills = skillReport(reported);
    const tipLine = skills.tip
      ? this.t('menu:results.tip', {
          skill: this.t(`menu:skill.${skills.tip.skill}`),
          position: skills.tip.example.position,
        })
      : replay
        ? ''
        : this.t('menu:results.allRight');
    if (tipLine) {
      const tipText = addText(this, width / 2, top, tipLine, {
        size: type.small,
        align: 'center',
        color: this.textColors.paper,
        wrapWidth: width - margin * 2,
      }).setOrigin(0.5, 0);
      top += tipText.height + gap;
      a11y.text(tipLine).dataset.name = 'tip';
    }

    if (!scrolled) {
      a11y.focusSummary(this.t('menu:results.summary', { points: formatNumber(summary.score), place: placeLine }));
    }
    a11y.text(this.t('menu:results.finalScore', { points: summary.score }), {
      label: this.t('menu:results.finalScoreLabel'),
    }).dataset.name = 'final-score';
    a11y.text(stats.replace(/ {3}·/g, ','));
    a11y.text(placeLine).dataset.name = versus ? 'versus' : 'place';

    // Review: every question, what was right, how it went.
    const buttonHeight = Math.max(56, type.button * 2.2);
    const allButtons = this.resultButtons(data, reported);
    // As many buttons to a row as keep their labels' size: fewer, and more rows, at larger text.
    const perRow = Math.min(
      portrait ? 3 : allButtons.length,
      Math.max(1, Math.floor((width - margin * 2 + gap) / (type.button * RESULT_BUTTON_EMS + gap))),
    );
    const columns = portrait ? 1 : 2;
    const listBottomFor = (count: number) => height - margin - (buttonHeight + gap) * Math.ceil(count / perRow);
    const rowsShownFor = (count: number) =>
      reviewWindow(session.log.length, columns, listBottomFor(count) - top, type.small, 0).rowsPerColumn;
    const foldedRows = FOLDED_BUTTON_ROWS[portrait ? 'portrait' : 'landscape'];
    const folds =
      allButtons.length > perRow * foldedRows &&
      rowsShownFor(allButtons.length) * columns < Math.min(MIN_REVIEW_ROWS_SHOWN, session.log.length);
    const buttons = folds ? this.foldButtons(allButtons, perRow * foldedRows - 1, data) : allButtons;
    const rowCount = Math.ceil(buttons.length / perRow);
    const listBottom = listBottomFor(buttons.length);
    // The rows keep the small type size at every text size: those that do not fit scroll into view (▲ ▼, the arrow
    // keys, the wheel), a row at a time on a phone and a column at a time on a wide screen.
    const review = reviewWindow(session.log.length, columns, listBottom - top, type.small, data.reviewFirst ?? 0);
    const rows = review.rowsPerColumn;
    const controlsWidth = review.scrolls ? minTargetFor(this.frame) + gap : 0;
    const columnWidth = (width - margin * 2 - controlsWidth - gap * 2 * (columns - 1)) / columns;
    const rowHeight = Math.max(1, (listBottom - top) / Math.max(1, rows));
    const rowFont = Math.max(13, Math.min(type.small, Math.floor(rowHeight / REVIEW_ROW_LINES)));
    const list = a11y.section(this.t('menu:results.review'), 'list');
    // The buttons by name, for the focus to come back to the one that led to a page of the results' own.
    const focusable = new Map<string, HTMLElement>();
    session.log.forEach((entry, index) => {
      const words = localQuestion(this.services, this.translator, session.questions[index]!);
      const right = words.choices.find((choice) => choice.correct)!.text;
      const outcome = entry.timedOut ? 'timeUp' : entry.correct ? 'correct' : 'wrong';
      a11y.listItem(
        this.t(`menu:results.reviewRow.${outcome}`, {
          number: index + 1,
          prompt: words.prompt,
          answer: right,
          points: entry.points,
        }),
        list,
      );
      if (index < review.first || index >= review.first + review.shown) return;
      const mark = entry.timedOut ? MARK.timedOut : entry.correct ? MARK.correct : MARK.wrong;
      const x = margin + Math.floor((index - review.first) / rows) * (columnWidth + gap * 2);
      const y = top + ((index - review.first) % rows) * rowHeight;
      const fullPrompt = `${index + 1}. ${words.prompt}`;
      const fullAnswer = this.t('menu:results.answerPoints', {
        answer: right,
        points: signedPoints(entry.points),
      });
      const promptLine = this.truncateToWidth(fullPrompt, rowFont, columnWidth - rowFont * 3, false);
      const answerLine = this.truncateToWidth(fullAnswer, rowFont, columnWidth - rowFont * 3, true);
      if (promptLine !== fullPrompt || answerLine !== fullAnswer) {
        // A row cut short opens to the whole question and answer: the row itself is the button.
        const rowButton = this.addButton(
          '',
          { x, y, width: columnWidth, height: rowHeight - 4 },
          () => this.rebuild({ ...data, opened: index }),
          {
            fill: this.colors.inkLight,
            accessibleLabel: this.t('menu:results.openRow', { number: index + 1 }),
            name: `review-${index + 1}`,
          },
        );
        focusable.set(`review-${index + 1}`, rowButton.dom);
      } else {
        const g = this.add.graphics();
        g.fillStyle(this.colors.inkLight, 1).fillRoundedRect(x, y, columnWidth, rowHeight - 4, 8);
      }
      const color = entry.correct ? this.textColors.correct : this.textColors.wrong;
      addText(this, x + 8, y + rowHeight / 2 - 2, mark, {
        size: Math.round(rowFont * 1.3),
        bold: true,
        color,
      }).setOrigin(0, 0.5);
      const promptText = addText(this, x + rowFont * 2.4, y, promptLine, {
        size: rowFont,
        color: this.textColors.paper,
      });
      const answerText = addText(this, x + rowFont * 2.4, y, answerLine, {
        size: rowFont,
        bold: true,
        color: this.textColors.muted,
      });
      // The two lines, centred in the row by their drawn heights.
      const linesTop = y + Math.max(0, (rowHeight - 4 - promptText.height - answerText.height) / 2);
      promptText.setY(linesTop);
      answerText.setY(linesTop + promptText.height);
    });
    const scrollReview = review.scrolls ? this.addReviewScroll(data, review, top, listBottom) : undefined;

    const buttonWidth = Math.min((width - margin * 2 - gap * (perRow - 1)) / perRow, 300);
    buttons.forEach(([label, action, name], index) => {
      const row = Math.floor(index / perRow);
      const inRow = Math.min(perRow, buttons.length - row * perRow);
      const left = width / 2 - (buttonWidth * inRow + gap * (inRow - 1)) / 2;
      const rect: Rect = {
        x: left + (index % perRow) * (buttonWidth + gap),
        y: height - margin - buttonHeight * (rowCount - row) - gap * (rowCount - 1 - row),
        width: buttonWidth,
        height: buttonHeight,
      };
      const button = this.addButton(label, rect, action, {
        name,
        ...(index === 0 ? { fill: this.colors.highlight, textColor: this.textColors.ink } : {}),
      });
      focusable.set(name, button.dom);
    });
    // Back from a page of its own (a row opened, the screenshot view, More): its button, or More where it went.
    if (data.returnFocus) a11y.focus(focusable.get(data.returnFocus) ?? focusable.get('More'));
    // The shortcuts reach every button, those behind "More" too.
    const byName = new Map(allButtons.map(([, action, name]) => [name, action]));
    this.onKeys((event) => {
      const key = event.key.toLowerCase();
      const shortcuts: Record<string, string> = {
        r: 'Play again',
        h: 'High scores',
        s: 'Share',
        y: 'Your report',
        t: 'Timeline',
        v: 'Screenshot view',
        m: '',
      };
      // Enter presses only the focused button (the page's own): a stray Enter while the score is read starts nothing.
      if (shortcuts[key]) byName.get(shortcuts[key]!)?.();
      if (event.key === 'ArrowDown') scrollReview?.(1);
      if (event.key === 'ArrowUp') scrollReview?.(-1);
      if (event.key === 'Escape') this.goTo(SceneKey.Title);
    });
  }

  /**
   * ▲ and ▼ at the right of a review list longer than its room, each dimmed at its end, and the wheel; returns what
   * scrolls the list by `steps` (a row on a phone, a column on a wide screen). Focus stays on the button pressed.
   */
  private addReviewScroll(
    data: ResultsSceneData,
    review: ReviewWindow,
    top: number,
    bottom: number,
  ): (steps: number) => void {
    const { width, margin } = this.frame;
    const size = minTargetFor(this.frame);
    const scroll = (steps: number, focus?: 'up' | 'down') => {
      const first = review.firstAfter(steps);
      // One rebuild per visit: a trackpad sends many wheel events before the screen is built again.
      if (first === review.first || this.leaving) return;
      this.leaving = true;
      this.rebuild({ ...data, reviewFirst: first, returnFocus: undefined, ...(focus ? { reviewFocus: focus } : {}) });
    };
    const controls = [
      ['up', '▲', top, review.first > 0, 'menu:results.reviewUp'],
      ['down', '▼', bottom - size, review.first + review.shown < review.count, 'menu:results.reviewDown'],
    ] as const;
    for (const [direction, label, y, enabled, spoken] of controls) {
      const button = this.addButton(
        label,
        { x: width - margin - size, y, width: size, height: size },
        () => scroll(direction === 'up' ? -1 : 1, direction),
        { name: `review-${direction}`, accessibleLabel: this.t(spoken), fontSize: Math.round(size * 0.4) },
      );
      if (!enabled) button.canvas.setEnabled(false).setLook('dim');
      if (!enabled) button.dom.setAttribute('aria-disabled', 'true');
      if (data.reviewFocus === direction) this.services.a11y.focus(button.dom);
    }
    this.input.on('wheel', (_p: unknown, _o: unknown, _dx: number, dy: number) => scroll(Math.sign(dy)));
    return (steps) => scroll(steps);
  }

  /** The way on: replay the misses (practice), play again, the report, the timeline, share, the boards. */
  private resultButtons(data: ResultsSceneData, reported: SessionState): [string, () => void, string][] {
    const session = data.session;
    const buttons: [string, () => void, string][] = [];
    if (canRetry(session)) {
      buttons.push([
        this.t('menu:results.retry', { count: missedQuestionIds(session).length }),
        () => {
          this.goTo(SceneKey.Question, { deal: { retry: session } });
        },
        'Retry missed',
      ]);
    }
    buttons.push([
      this.t('menu:results.playAgain'),
      () => this.goTo(SceneKey.Question, { deal: { again: session } }),
      'Play again',
    ]);
    buttons.push([
      this.t('menu:results.report'),
      () => this.goTo(SceneKey.Report, { session: reported, back: data }),
      'Your report',
    ]);
    buttons.push([
      this.t('menu:results.timeline'),
      () => this.goTo(SceneKey.Timeline, { source: 'round', session: reported, back: data }),
      'Timeline',
    ]);
    // A teacher's questions and practice replays have no link to share and no board to show.
    if (
      !data.recorded.unranked ||
      data.recorded.unranked === 'daily-replayed' ||
      data.recorded.unranked === 'daily-other-day'
    ) {
      buttons.push([this.t('menu:results.share'), () => this.goTo(SceneKey.Share, { results: data }), 'Share']);
    }
    // A picture to post: the score and the squares, no question and no answer.
    buttons.push([
      this.t('menu:results.snapshotButton'),
      () => this.rebuild({ ...data, snapshot: true }),
      'Screenshot view',
    ]);
    // A round the server vouches for, made from here (the round above was played on this device alone).
    buttons.push([
      this.t('menu:results.challenge'),
      () => this.goTo(SceneKey.Challenge, { step: 'create' }),
      'Challenge friends',
    ]);
    if (data.recorded.board) {
      const board = data.recorded.board;
      buttons.push([
        this.t('menu:results.highScores'),
        () => this.goTo(SceneKey.HighScores, { highlight: data.recorded.place, board }),
        'High scores',
      ]);
    }
    return buttons;
  }

  /**
   * The first score saved on this device before the player has chosen a name (NicknameStore.chosen). Not when the
   * save failed: a name to save the score under cannot be kept either, and the results say it was not saved.
   */
  private asksForName(data: ResultsSceneData): boolean {
    if (data.naming) return true;
    if (data.recorded.unsaved) return false;
    return data.savedAs === undefined && data.recorded.savedAt !== undefined && !nicknamesOf(this.services).chosen();
  }

  /**
   * Before the results, the name to save the score under: the generated one offered in a real text box, to keep
   * or edit. Save (or Enter) saves the name typed, Keep (or Escape) the one offered; either way it is remembered and
   * later scores are saved under it unasked. The score is already saved under the offered name, so leaving
   * another way (Back to title, closing the page) loses nothing, and the screen says so.
   */
  private showNamePrompt(data: ResultsSceneData): void {
    const offered = nicknamesOf(this.services).get();
    const modeTitle = this.t(`common:mode.${data.session.plan.settings.mode}.title`);
    const heading = this.t('menu:results.heading', { mode: modeTitle });
    this.beginScreen(heading);
    const { width, margin, gap, type } = this.frame;
    const a11y = this.services.a11y;
    const home = this.addHomeButton();
    this.addSoundButton();
    this.addScreenTitle(heading);
    const inner = Math.min(width - margin * 2, 720);
    const left = (width - inner) / 2;
    const rowHeight = Math.max(52, Math.round(type.body * 2.2));
    let top = margin * 0.6 + home.canvas.rect.height + gap;

    const score = this.t('menu:results.points', {
      points: this.translator.formatNumber(summarize(data.session).score),
    });
    const placeLine = this.t('menu:results.place', { place: data.recorded.place ?? 0, mode: modeTitle });
    const scoreText = addText(this, width / 2, top, score, {
      size: type.title,
      bold: true,
      color: this.textColors.paper,
    }).setOrigin(0.5, 0);
    top += scoreText.height + gap * 0.5;
    const placeText = addText(this, width / 2, top, placeLine, {
      size: type.body,
      bold: true,
      color: this.textColors.correct,
      align: 'center',
      wrapWidth: inner,
    }).setOrigin(0.5, 0);
    top += placeText.height + gap;
    const ask = this.t('menu:results.name.ask');
    const askText = addText(this, left, top, ask, { size: type.body, bold: true, color: this.textColors.paper });
    top += askText.height + gap / 2;

    const group = a11y.section(ask, 'group');
    this.add.graphics().fillStyle(this.colors.paper, 1).fillRoundedRect(left, top, inner, rowHeight, 10);
    const field = new TextField(
      this,
      group,
      { x: left, y: top, width: inner, height: rowHeight },
      {
        label: this.t('menu:results.name.label'),
        value: data.naming?.typed ?? offered,
        maxLength: NICKNAME_MAX_LENGTH,
        fontSize: type.body,
        onSubmit: (value) => this.saveName(data, value),
        onCancel: () => this.saveName(data, offered),
      },
    );
    this.events.once('shutdown', () => field.destroy());
    top += rowHeight + gap / 2;
    const kept = this.t('menu:results.name.kept', { name: offered });
    const hint = data.naming?.refusal ?? this.t('menu:results.name.hint', { kept, name: offered });
    const hintText = addText(this, left, top, hint, {
      size: type.small,
      color: data.naming?.refusal ? this.textColors.wrong : this.textColors.muted,
      wrapWidth: inner,
    });
    a11y.text(hint, { parent: group }).dataset.name = 'name-hint';
    top += hintText.height + gap;

    const buttonHeight = Math.max(56, type.button * 2.2);
    const buttonWidth = (inner - gap) / 2;
    this.addButton(
      this.t('menu:results.name.save'),
      { x: left, y: top, width: buttonWidth, height: buttonHeight },
      () => this.saveName(data, field.value),
      {
        parent: group,
        name: 'Save name',
        fill: this.colors.highlight,
        textColor: this.textColors.ink,
      },
    );
    this.addButton(
      this.t('menu:results.name.keep', { name: offered }),
      { x: left + buttonWidth + gap, y: top, width: buttonWidth, height: buttonHeight },
      () => this.saveName(data, offered),
      { parent: group, name: 'Keep name' },
    );
    this.onKeys((event) => {
      if (event.key === 'Escape') this.saveName(data, offered);
    });
    // The score and place first, then the question; typing replaces the offered name, which is selected.
    a11y.announce(
      data.naming?.refusal
        ? `${data.naming.refusal} ${kept}`
        : this.t('menu:results.name.spoken', { score, place: placeLine, name: offered, kept }),
    );
    this.time.delayedCall(0, () => field.focus());
  }

  /** Saves the score under the name (typed or kept), remembered for later scores; a name refused asks again. */
  private saveName(data: ResultsSceneData, value: string): void {
    if (this.leaving) return;
    this.leaving = true;
    const result = nicknamesOf(this.services).type(value);
    if (!result.ok) {
      this.rebuild({ ...data, naming: { typed: value, refusal: nicknameProblem(result.problem, this.translator) } });
      return;
    }
    const { board, savedAt } = data.recorded;
    if (board && savedAt) this.services.highScores.rename(board, savedAt, result.nickname);
    this.rebuild({ ...data, naming: undefined, savedAs: result.nickname });
  }

  /** `kept` of the buttons (KEPT_FIRST first, in their own order on screen) and More, which opens the rest. */
  private foldButtons(
    buttons: [string, () => void, string][],
    kept: number,
    data: ResultsSceneData,
  ): [string, () => void, string][] {
    const rank = (name: string) => {
      const at = KEPT_FIRST.indexOf(name);
      return at < 0 ? KEPT_FIRST.length : at;
    };
    const stays = new Set([...buttons].sort((a, b) => rank(a[2]) - rank(b[2])).slice(0, kept));
    const folded = buttons.filter((button) => !stays.has(button)).map(([, , name]) => name);
    return [
      ...buttons.filter((button) => stays.has(button)),
      [this.t('menu:results.more'), () => this.rebuild({ ...data, moreActions: folded }), 'More'],
    ];
  }

  /**
   * The results' buttons that did not fit under the review (a small phone at large text), one to a row; Done (or
   * Escape) goes back to the results as they were left.
   */
  private showMoreActions(data: ResultsSceneData): void {
    const heading = this.t('menu:results.moreHeading');
    const home = this.beginWithCorners(heading);
    this.addScreenTitle(heading);
    const { width, margin, gap, type } = this.frame;
    const buttonHeight = Math.max(56, type.button * 2.2);
    const buttonWidth = Math.min(width - margin * 2, MORE_BUTTON_MAX_WIDTH);
    const reported = this.services.rounds.reportedRound(data.session);
    const back = { ...data, moreActions: undefined, ...returningTo(data, 'More') };
    const folded = this.resultButtons(back, reported).filter(([, , name]) => data.moreActions?.includes(name));
    const top = margin * 0.6 + home.canvas.rect.height + gap * 2;
    const first = folded
      .map(([label, action, name], index) =>
        this.addButton(
          label,
          {
            x: width / 2 - buttonWidth / 2,
            y: top + index * (buttonHeight + gap),
            width: buttonWidth,
            height: buttonHeight,
          },
          action,
          { name },
        ),
      )
      .at(0);
    this.addDoneButton(buttonHeight, () => this.rebuild(back), first?.dom);
  }

  /**
   * One review row in full (its row was cut short): the whole question, the right answer and the player's, the
   * points; Done (or Escape) goes back to the results.
   */
  private showReviewRow(data: ResultsSceneData, index: number): void {
    const { session } = data;
    const total = session.plan.questions.length;
    const heading = this.t('menu:results.rowHeading', { number: index + 1, total });
    this.beginScreen(heading);
    const home = this.addHomeButton();
    this.addSoundButton();
    this.addScreenTitle(heading);
    const { width, height, margin, gap, type } = this.frame;
    const a11y = this.services.a11y;
    const entry = session.log[index]!;
    const words = localQuestion(this.services, this.translator, session.questions[index]!);
    const right = words.choices.find((choice) => choice.correct)!.text;
    const chosen = entry.choiceIndex === null ? undefined : words.choices[entry.choiceIndex]?.text;
    const yours = entry.timedOut
      ? this.t('menu:results.noAnswer')
      : this.t('menu:results.yourAnswer', { answer: chosen ?? '—' });
    const points = this.t('menu:results.points', { points: signedPoints(entry.points) });
    const doneHeight = Math.max(56, type.button * 2.2);
    const room = height - margin - doneHeight - gap;
    let y = margin * 0.6 + home.canvas.rect.height + gap * 1.5;
    const lines: [string, number, string, boolean][] = [
      [words.prompt, type.prompt, this.textColors.paper, true],
      [this.t('menu:results.answer', { answer: right }), type.body, this.textColors.correct, true],
      [yours, type.body, entry.correct ? this.textColors.correct : this.textColors.wrong, false],
      [points, type.body, this.textColors.muted, false],
    ];
    for (const [line, size, color, bold] of lines) {
      const text = addText(this, margin, y, line, { size, color, bold, wrapWidth: width - margin * 2 });
      this.fit(text, Math.max(size * 1.4, (room - y) / 2), 'review row');
      y += text.height + gap;
      a11y.text(line);
    }
    this.addDoneButton(doneHeight, () =>
      this.rebuild({ ...data, opened: undefined, ...returningTo(data, `review-${index + 1}`) }),
    );
  }

  /**
   * The results to screenshot: the game's name, the mode and the day, the score, the right/wrong squares. Nothing
   * of the questions; Done (or Escape) goes back to the full results.
   */
  private showSnapshot(data: ResultsSceneData): void {
    const session = this.services.rounds.reportedRound(data.session);
    const summary = summarize(session);
    const snapshot = resultSnapshot(
      {
        mode: session.plan.settings.mode,
        seed: session.plan.seed,
        score: summary.score,
        correct: summary.correct,
        total: summary.total,
        marks: marksOf(session.log),
        today: this.services.today(),
        replay: data.recorded.unranked === 'daily-replayed',
      },
      this.translator,
    );
    this.beginScreen(this.t('share:snapshot.title'));
    const { width, height, margin, gap, type } = this.frame;
    const a11y = this.services.a11y;
    const doneHeight = Math.max(56, type.button * 2.2);
    const lines: [string, number, string, boolean][] = [
      ['SOURCE CHECK', type.heading, this.textColors.paper, true],
      [`${snapshot.round} · ${snapshot.day}`, type.body, this.textColors.muted, false],
      [snapshot.score, type.title, this.textColors.paper, true],
      [snapshot.correct, type.body, this.textColors.muted, false],
    ];
    let y = height * 0.12;
    for (const [line, size, color, bold] of lines) {
      const text = addText(this, width / 2, y, line, {
        size,
        color,
        bold,
        align: 'center',
        wrapWidth: width - margin * 2,
      }).setOrigin(0.5, 0);
      y += text.height + gap;
      a11y.text(line);
    }
    // The squares: shape as well as colour, in rows that fit the screen.
    const perRow = Math.min(snapshot.marks.length, Math.max(1, Math.floor((width - margin * 2 + gap) / 64)));
    const size = Math.min(72, (width - margin * 2 - gap * (perRow - 1)) / Math.max(1, perRow));
    const fills = { right: this.colors.correct, wrong: this.colors.wrong, timeout: this.colors.controlEdge };
    const g = this.add.graphics();
    snapshot.marks.forEach((mark, index) => {
      const row = Math.floor(index / perRow);
      const inRow = Math.min(perRow, snapshot.marks.length - row * perRow);
      const x = width / 2 - (inRow * size + (inRow - 1) * gap) / 2 + (index % perRow) * (size + gap);
      const top = y + gap + row * (size + gap);
      g.fillStyle(fills[mark], 1).fillRoundedRect(x, top, size, size, size * 0.18);
      addText(this, x + size / 2, top + size / 2, SNAPSHOT_MARKS[mark], {
        size: Math.round(size * 0.5),
        bold: true,
        color: this.textColors.onBright,
      }).setOrigin(0.5, 0.5);
    });
    a11y.text(snapshot.pattern).dataset.name = 'pattern';
    const rows = Math.ceil(snapshot.marks.length / perRow);
    addText(
      this,
      width / 2,
      Math.min(y + gap * 2 + rows * (size + gap), height - margin - doneHeight - gap * 2),
      this.t('share:snapshot.footer'),
      {
        size: type.small,
        color: this.textColors.muted,
        align: 'center',
      },
    ).setOrigin(0.5, 0);
    this.addDoneButton(doneHeight, () =>
      this.rebuild({ ...data, snapshot: undefined, ...returningTo(data, 'Screenshot view') }),
    );
  }

  /** A bold line centred across the screen, wrapped to its margins, at `top`; returns its height. */
  private addCentredLine(text: string, top: number, size: number, color: string): number {
    const { width, margin } = this.frame;
    return addText(this, width / 2, top, text, {
      size,
      bold: true,
      color,
      align: 'center',
      wrapWidth: width - margin * 2,
    }).setOrigin(0.5, 0).height;
  }

  /** One line of review text: cut with an ellipsis rather than wrap out of its row. */
  private truncateToWidth(text: string, size: number, maxWidth: number, bold: boolean): string {
    const probe = addText(this, 0, 0, text, { size, bold });
    let result = text;
    while (probe.width > maxWidth && result.length > 4) {
      result = result.slice(0, Math.max(4, Math.floor(result.length * (maxWidth / probe.width)) - 2)).trimEnd() + '…';
      probe.setText(result);
    }
    probe.destroy();
    return result;
  }
}
