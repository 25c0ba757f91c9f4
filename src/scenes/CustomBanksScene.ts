import type Phaser from 'phaser';
import { reportLines, reportTitle, sizeText } from '../game/bankWords';
import { savedBanksProblemText } from '../game/importWords';
import type { CustomBankKit } from '../game/customBankKit';
import { openKit, readyKit } from '../game/customBanks';
import { acceptDrops, createFilePicker, type FilePicker } from '../game/files';
import type { Rect } from '../ui/layout';
import { addText } from '../ui/text';
import { ListScreen } from './ListScreen';
import { SOURCES_URL } from '../game/pageConstants';
import { SceneKey } from './keys';
import type { CustomBanksSceneData } from './sceneData';

/**
 * "Your questions": load a teacher's GIFT, CSV or YAML file (picker or drop), see every problem in it, and pick a
 * saved bank to play or manage.
 */
export class CustomBanksScene extends ListScreen<'custom-banks'> {
  /** The data this visit was opened with. */
  private opened: CustomBanksSceneData = {};
  private dropTarget?: Phaser.GameObjects.Container;
  private picker?: FilePicker;
  private busy = false;
  /** Counts visits, so an answer that arrives after the screen was left or rebuilt is dropped. */
  private visit = 0;

  constructor() {
    super(SceneKey.CustomBanks);
  }

  create(data: CustomBanksSceneData = {}): void {
    this.opened = data;
    this.visit += 1;
    this.busy = false;
    this.list = undefined;
    this.dropTarget = undefined;
    this.picker = undefined;
    this.beginScreen(this.t('banks:title'));
    this.addHomeButton();
    this.addSoundButton();
    this.addScreenTitle(this.t('banks:title'));
    this.onKeys((event) => this.onKey(event));
    const kit = readyKit(this.game);
    if (kit) this.build(kit);
    else this.open();
  }

  /** First visit: the kit and the source texts download, then the screen is built. */
  private open(): void {
    const { width, height, margin, type } = this.frame;
    const a11y = this.services.a11y;
    const status = addText(this, width / 2, height * 0.42, this.t('banks:opening'), {
      size: type.body,
      color: this.textColors.muted,
      align: 'center',
      wrapWidth: width - margin * 4,
    }).setOrigin(0.5);
    const statusDom = a11y.text(this.t('banks:opening'), { role: 'status' });
    const visit = this.visit;
    void openKit(this.game, SOURCES_URL).then((state) => {
      if (visit !== this.visit || this.leaving || !this.scene.isActive()) return;
      if ('kit' in state) {
        this.leaving = true;
        this.rebuild(this.opened);
        return;
      }
      console.warn(state.error);
      const problem = state.cause === 'sources' ? this.t('banks:sourcesFailed') : this.t('banks:openFailed');
      status.setText(problem).setColor(this.textColors.wrong);
      statusDom.textContent = problem;
      const buttonWidth = Math.min(320, width - margin * 2);
      const retry = this.addButton(
        this.t('banks:tryAgain'),
        { x: width / 2 - buttonWidth / 2, y: height * 0.6, width: buttonWidth, height: 64 },
        () => {
          this.leaving = true;
          this.rebuild(this.opened);
        },
      );
      a11y.focus(retry.dom);
    });
  }

  private build(kit: CustomBankKit): void {
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const store = kit.store;
    const columnGap = gap * 3;
    const leftWidth = portrait ? width - margin * 2 : Math.round((width - margin * 2 - columnGap) * 0.56);
    const buttonHeight = this.buttonHeight;
    const bottom = height - margin;
    let y = this.contentTop;

    const intro = this.t('banks:intro');
    const introText = addText(this, margin, y, intro, {
      size: type.small,
      color: this.textColors.muted,
      wrapWidth: leftWidth,
    });
    this.fit(introText, type.small * (portrait ? 7.5 : 5.5), 'intro', 14);
    a11y.text(intro);
    y += introText.height + gap * 1.5;

    const loadWidth = Math.min(leftWidth, 420);
    const load = this.addButton(
      this.t('banks:loadFile'),
      { x: margin, y, width: loadWidth, height: buttonHeight },
      () => this.pickFile(),
      {
        fill: this.colors.highlight,
        textColor: this.textColors.ink,
        name: 'load-file',
        accessibleLabel: this.t('banks:loadFile'),
      },
    );
    load.dom.setAttribute('aria-keyshortcuts', 'L');
    this.picker = createFilePicker(
      load.dom.parentElement ?? document.body,
      kit.accept,
      (file) => void this.loadFile(file),
    );
    const stopDrops = acceptDrops(window, {
      onFile: (file) => void this.loadFile(file),
      onHover: (dragging) => this.showDropTarget(dragging),
    });
    this.events.once('shutdown', () => {
      stopDrops();
      this.picker?.destroy();
      this.dropTarget?.destroy();
      this.dropTarget = undefined;
    });
    y += buttonHeight + gap;

    const notice = this.opened.report?.notice ?? this.opened.notice;
    if (notice) y += this.addNotice(notice, margin, y, leftWidth) + gap;

    // The banks: beside the report on a wide screen, under it on a phone.
    const banksArea: Rect = portrait
      ? { x: margin, y: 0, width: leftWidth, height: 0 }
      : {
          x: margin + leftWidth + columnGap,
          y: this.contentTop,
          width: width - margin * 2 - leftWidth - columnGap,
          height: 0,
        };
    // On a phone a list of problems shares the height with the banks; without one, the banks follow the text.
    const listed = (this.opened.report?.problems ?? store.problems).length > 0;
    const banksHeight = Math.max(type.body * 2.2 * 3 + buttonHeight * 2, (bottom - y) * 0.42);
    const reportBottom = portrait && listed ? bottom - banksHeight - gap * 2 : bottom;
    const reportEnd = this.buildReport(kit, { x: margin, y, width: leftWidth, height: reportBottom - y });
    if (portrait) banksArea.y = (listed ? reportBottom : reportEnd) + gap * 2;
    banksArea.height = bottom - banksArea.y;
    const focus = this.buildBanks(kit, banksArea);

    if (!store.persistent) a11y.text(this.t('banks:noSaving'));
    a11y.focus(focus ?? load.dom);
    if (this.opened.report) {
      const { fileName, summary } = this.opened.report;
      a11y.announce(this.t('banks:announceReport', { fileName, summary }));
    }
  }

  /**
   * The last file's problems, or, before any file, what was found wrong in the saved banks, or a word on how it
   * works. A list of problems fills the area; returns where the report ends.
   */
  private buildReport(kit: CustomBankKit, area: Rect): number {
    const { gap, type } = this.frame;
    const a11y = this.services.a11y;
    const report = this.opened.report;
    const storedProblems = kit.store.problems;
    let y = area.y;
    const buttonHeight = this.buttonHeight;
    const title = report
      ? report.fileName
      : storedProblems.length > 0
        ? this.t('banks:storedProblems.title')
        : undefined;
    const summary = report
      ? report.summary
      : storedProblems.length > 0
        ? this.t('banks:storedProblems.summary')
        : this.t('banks:howItWorks');
    if (title) {
      const titleText = addText(this, area.x, y, title, { size: type.body, bold: true, wrapWidth: area.width });
      this.fit(titleText, type.body * 2.6, 'report title', 14);
      y += titleText.height + gap * 0.5;
      a11y.heading(title);
    }
    const summaryText = addText(this, area.x, y, summary, {
      size: type.small,
      color: title ? this.textColors.paper : this.textColors.muted,
      wrapWidth: area.width,
    });
    this.fit(summaryText, type.small * 6, 'report summary', 14);
    y += summaryText.height + gap;
    a11y.text(summary).dataset.name = 'summary';

    // A load's lines say whether each was changed or skipped; what the saved banks lost is a problem each.
    const problems = report
      ? reportLines(report, this.translator)
      : storedProblems.map((problem) => ({ text: savedBanksProblemText(problem, this.translator), changed: false }));
    const unsaved = report?.unsaved;
    const listBottom = area.y + area.height - (unsaved ? buttonHeight + gap : 0);
    if (problems.length > 0 && listBottom - y > type.small * 3) {
      const items = problems.map((line) => ({
        text: line.text,
        color: line.changed ? this.textColors.muted : this.textColors.wrong,
      }));
      this.addScrollList({ x: area.x, y, width: area.width, height: listBottom - y }, items, 'problems');
      y = listBottom + gap;
    }
    if (problems.length > 0) {
      const title = report
        ? reportTitle(report, report.fileName, this.t)
        : this.t('banks:reportTitle.problems', { where: this.t('banks:theSavedBanks') });
      const list = a11y.section(title, 'list');
      list.dataset.name = 'problems';
      for (const problem of problems) a11y.listItem(problem.text, list);
    }
    if (unsaved) {
      const questions = unsaved.questions;
      this.addButton(
        this.t('banks:playUnsaved', { count: questions.length }),
        { x: area.x, y, width: Math.min(area.width, 460), height: buttonHeight },
        () => this.goTo(SceneKey.Question, { deal: { questions } }),
        { name: 'play-unsaved' },
      );
      y += buttonHeight + gap;
    }
    return y;
  }

  /** The saved banks, a page at a time; returns the button to focus, if the rebuild asked for one. */
  private buildBanks(kit: CustomBankKit, area: Rect): HTMLButtonElement | undefined {
    const { gap, type } = this.frame;
    const a11y = this.services.a11y;
    const banks = kit.store.list();
    let y = area.y;
    const heading = kit.store.persistent ? this.t('banks:savedHere') : this.t('banks:keptForVisit');
    const headingText = addText(this, area.x, y, heading, { size: type.body, bold: true, wrapWidth: area.width });
    y += headingText.height + gap * 0.4;
    a11y.heading(heading);
    const usage =
      banks.length === 0
        ? this.t('banks:noBanks')
        : this.t('banks:usage', {
            count: banks.length,
            used: sizeText(kit.store.usedChars(), this.translator),
            limit: sizeText(kit.store.limitChars, this.translator),
          });
    const usageText = addText(this, area.x, y, usage, {
      size: type.small,
      color: this.textColors.muted,
      wrapWidth: area.width,
    });
    y += usageText.height + gap;
    a11y.text(usage).dataset.name = 'usage';
    if (banks.length === 0) return undefined;

    const rowHeight = Math.max(48, Math.round(type.body * 2.2));
    const pagerHeight = Math.max(48, Math.round(type.body * 2));
    const bottom = area.y + area.height;
    let perPage = Math.max(1, Math.floor((bottom - y + gap) / (rowHeight + gap)));
    const paged = banks.length > perPage;
    if (paged) perPage = Math.max(1, Math.floor((bottom - y - pagerHeight) / (rowHeight + gap)));
    const pages = Math.ceil(banks.length / perPage);
    const page = Math.min(Math.max(0, this.opened.page ?? 0), pages - 1);
    const group = a11y.section(this.t('banks:savedBanks'), 'group');
    let focus: HTMLButtonElement | undefined;
    banks.slice(page * perPage, (page + 1) * perPage).forEach((bank) => {
      const count = bank.questions.length;
      const label = this.t('banks:bankRow', { name: bank.name, count });
      const button = this.addButton(
        label,
        { x: area.x, y, width: area.width, height: rowHeight },
        () => this.goTo(SceneKey.CustomBank, { bankId: bank.id }),
        {
          fontSize: type.body,
          align: 'left',
          fill: this.colors.inkLight,
          parent: group,
          name: `bank-${bank.id}`,
          accessibleLabel: this.t('banks:bankLabel', { name: bank.name, count }),
        },
      );
      if (`bank-${bank.id}` === this.opened.focus) focus = button.dom;
      y += rowHeight + gap;
    });
    if (paged) {
      const pagerY = bottom - pagerHeight;
      const buttonWidth = Math.min(200, (area.width - gap * 2) / 3);
      const turn = (to: number, name: string) => {
        if (this.leaving || to < 0 || to >= pages) return;
        this.leaving = true;
        this.rebuild({ ...this.opened, page: to, focus: name });
      };
      const previous = this.addButton(
        this.t('banks:previous'),
        { x: area.x, y: pagerY, width: buttonWidth, height: pagerHeight },
        () => turn(page - 1, 'previous-page'),
        { fontSize: type.small, name: 'previous-page', accessibleLabel: this.t('banks:previousLabel') },
      );
      const next = this.addButton(
        this.t('banks:next'),
        { x: area.x + area.width - buttonWidth, y: pagerY, width: buttonWidth, height: pagerHeight },
        () => turn(page + 1, 'next-page'),
        { fontSize: type.small, name: 'next-page', accessibleLabel: this.t('banks:nextLabel') },
      );
      if (page === 0) previous.canvas.setLook('dim');
      if (page === pages - 1) next.canvas.setLook('dim');
      const where = this.t('banks:page', { page: page + 1, pages });
      addText(this, area.x + area.width / 2, pagerY + pagerHeight / 2, where, {
        size: type.small,
        color: this.textColors.muted,
      }).setOrigin(0.5);
      a11y.text(where);
      if (this.opened.focus === 'previous-page') focus = previous.dom;
      if (this.opened.focus === 'next-page') focus = next.dom;
    }
    return focus;
  }

  /** While a file is dragged over the page: the whole screen says where it will go. */
  private showDropTarget(dragging: boolean): void {
    if (!dragging) {
      this.dropTarget?.destroy();
      this.dropTarget = undefined;
      return;
    }
    if (this.dropTarget || this.busy) return;
    const { width, height, margin, type } = this.frame;
    const veil = this.add.graphics();
    veil.fillStyle(this.colors.ink, 0.92).fillRect(0, 0, width, height);
    veil
      .lineStyle(6, this.colors.highlight, 1)
      .strokeRoundedRect(margin, margin, width - margin * 2, height - margin * 2, 24);
    const text = addText(this, width / 2, height / 2, this.t('banks:dropHere'), {
      size: type.heading,
      bold: true,
      color: this.textColors.paper,
      align: 'center',
      wrapWidth: width - margin * 4,
    }).setOrigin(0.5);
    this.dropTarget = this.add.container(0, 0, [veil, text]).setDepth(10);
  }

  private pickFile(): void {
    if (this.busy || this.leaving) return;
    this.picker?.open();
  }

  private async loadFile(file: File): Promise<void> {
    const kit = readyKit(this.game);
    if (!kit || this.busy || this.leaving) return;
    this.busy = true;
    this.services.a11y.announce(this.t('banks:reading', { fileName: file.name }));
    const visit = this.visit;
    const report = await kit.load(file, new Date(), this.translator);
    if (visit !== this.visit || this.leaving) return;
    if (report.bankId) {
      this.goTo(SceneKey.CustomBank, { bankId: report.bankId, report });
      return;
    }
    this.leaving = true;
    this.rebuild({ report });
  }

  private onKey(event: KeyboardEvent): void {
    const key = event.key.toLowerCase();
    if (key === 'escape') this.goTo(SceneKey.Title);
    else if (key === 'l') this.pickFile();
    else this.scrollKey(event);
  }
}
