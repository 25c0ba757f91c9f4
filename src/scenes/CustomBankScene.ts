import { MAX_BANK_NAME_CHARS } from '../core/customBankLimits';
import type { SavedBank } from '../core/customBanks';
import type { CustomBankKit } from '../game/customBankKit';
import { readyKit } from '../game/customBanks';
import { refusalText, reportLines, reportTitle } from '../game/bankWords';
import { downloadText } from '../game/files';
import { longDate } from '../game/playTexts';
import { TextField } from '../a11y/TextField';
import type { ScrollItem } from '../ui/ScrollList';
import type { Rect } from '../ui/layout';
import { addText } from '../ui/text';
import { ListScreen } from './ListScreen';
import { SceneKey } from './keys';
import type { CustomBankSceneData, CustomBanksSceneData } from './sceneData';

const YAML_TYPE = 'application/yaml';

/** One saved bank: what is in it and what its file said was wrong; play it, rename it, export it or remove it. */
export class CustomBankScene extends ListScreen<'custom-bank'> {
  /** The data this visit was opened with. */
  private opened!: CustomBankSceneData;
  private bank!: SavedBank;
  private kit!: CustomBankKit;
  private field?: TextField;

  constructor() {
    super(SceneKey.CustomBank);
  }

  create(data: CustomBankSceneData): void {
    this.opened = data;
    this.list = undefined;
    this.field = undefined;
    const kit = readyKit(this.game);
    const bank = kit?.store.get(data.bankId);
    if (!kit || !bank) {
      // Only reached through the list, which opened the kit; a bank removed meanwhile sends the player back there.
      this.goTo(SceneKey.CustomBanks, { notice: { text: this.t('banks:refused.gone'), tone: 'warning' } });
      return;
    }
    this.kit = kit;
    this.bank = bank;
    const mode = data.mode ?? 'view';
    this.beginScreen(this.t('banks:bank.screen', { name: bank.name }));
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const home = this.addHomeButton();
    this.addSoundButton();

    const heading = addText(this, margin, margin * 0.6, bank.name, {
      size: type.heading,
      bold: true,
      wrapWidth: this.cornerLeft - margin,
    });
    this.fit(heading, Math.max(home.canvas.rect.height, type.heading * 2.5), 'bank name', type.body);
    a11y.heading(bank.name);
    let y = Math.max(this.contentTop, heading.y + heading.height + gap);

    const noSource = bank.questions.filter((question) => question.noSource).length;
    const noWhy = bank.questions.filter((question) => question.explanation === undefined).length;
    const facts = [
      this.t('banks:bank.questions', { count: bank.questions.length }),
      ...(noSource > 0 ? [this.t('banks:bank.noSource', { count: noSource })] : []),
      ...(noWhy > 0 ? [this.t('banks:bank.noExplanation', { count: noWhy })] : []),
      this.t('banks:bank.from', {
        fileName: bank.fileName,
        date: longDate(this.translator, bank.savedAt.slice(0, 10)),
      }),
    ].join(' · ');
    const factsText = addText(this, margin, y, facts, {
      size: type.small,
      color: this.textColors.muted,
      wrapWidth: width - margin * 2,
    });
    this.fit(factsText, type.small * 3.6, 'facts', 14);
    a11y.text(facts).dataset.name = 'facts';
    y += factsText.height + gap;

    const notice = data.notice ?? data.report?.notice;
    if (notice) y += this.addNotice(notice, margin, y, width - margin * 2) + gap;

    // The actions along the bottom: one row on a wide screen, Play over a 2 × 2 grid on a phone.
    const buttonHeight = this.buttonHeight;
    const actionsHeight = mode !== 'view' ? 0 : portrait ? buttonHeight * 3 + gap * 2 : buttonHeight;
    const area: Rect = { x: margin, y, width: width - margin * 2, height: height - margin - actionsHeight - gap - y };
    if (mode === 'rename') this.buildRename(area);
    else if (mode === 'remove') this.buildRemove(area);
    else {
      this.buildContents(area);
      this.buildActions(height - margin - actionsHeight);
    }
    this.onKeys((event) => this.onKey(event));
  }

  /** What was changed or skipped in the file just loaded, then the bank's questions (without their answers: the class may be watching). */
  private buildContents(area: Rect): void {
    const { type } = this.frame;
    const a11y = this.services.a11y;
    const report = this.opened.report;
    const items: ScrollItem[] = [];
    if (report) {
      const summary = this.t('banks:announceReport', { fileName: report.fileName, summary: report.summary });
      items.push({ text: summary, heading: true });
      a11y.text(summary).dataset.name = 'summary';
      const lines = reportLines(report, this.translator);
      items.push(
        ...lines.map((line) => ({
          text: line.text,
          color: line.changed ? this.textColors.muted : this.textColors.wrong,
        })),
      );
      if (lines.length > 0) {
        const problems = a11y.section(reportTitle(report, report.fileName, this.t), 'list');
        problems.dataset.name = 'problems';
        for (const line of lines) a11y.listItem(line.text, problems);
      }
      a11y.announce(summary);
    }
    const inThisBank = this.t('banks:bank.inThisBank');
    items.push({ text: inThisBank, heading: true });
    const questions = a11y.section(inThisBank, 'list');
    questions.dataset.name = 'questions';
    this.bank.questions.forEach((question, index) => {
      const missing = [
        ...(question.noSource ? [this.t('banks:bank.missingSource')] : []),
        ...(question.explanation === undefined ? [this.t('banks:bank.missingExplanation')] : []),
      ];
      const line =
        missing.length > 0
          ? this.t('banks:bank.questionLineMissing', {
              number: index + 1,
              prompt: question.prompt,
              missing: missing.join(', '),
            })
          : this.t('banks:bank.questionLine', { number: index + 1, prompt: question.prompt });
      items.push({ text: line, color: missing.length > 0 ? this.textColors.muted : this.textColors.paper });
      a11y.listItem(line, questions);
    });
    if (area.height > type.small * 3) this.addScrollList(area, items, 'list');
  }

  private buildActions(top: number): void {
    const { width, margin, gap, portrait } = this.frame;
    const a11y = this.services.a11y;
    const h = this.buttonHeight;
    const full = width - margin * 2;
    const slots: Rect[] = portrait
      ? [
          { x: margin, y: top, width: full, height: h },
          ...[0, 1, 2, 3].map((i) => ({
            x: margin + (i % 2) * ((full + gap) / 2),
            y: top + (h + gap) * (1 + Math.floor(i / 2)),
            width: (full - gap) / 2,
            height: h,
          })),
        ]
      : [0, 1, 2, 3, 4].map((i) => ({
          x: margin + i * ((full + gap) / 5),
          y: top,
          width: (full - gap * 4) / 5,
          height: h,
        }));
    const name = this.bank.name;
    const buttons = [
      this.addButton(this.t('banks:bank.play', { count: this.bank.questions.length }), slots[0]!, () => this.play(), {
        fill: this.colors.highlight,
        textColor: this.textColors.ink,
        name: 'play',
        accessibleLabel: this.t('banks:bank.playLabel', { name }),
      }),
      this.addButton(this.t('banks:bank.rename'), slots[1]!, () => this.switchTo('rename'), { name: 'rename' }),
      this.addButton(this.t('banks:bank.export'), slots[2]!, () => this.export(), {
        name: 'export',
        accessibleLabel: this.t('banks:bank.exportLabel'),
      }),
      this.addButton(this.t('banks:bank.remove'), slots[3]!, () => this.switchTo('remove'), { name: 'remove' }),
      this.addButton(this.t('banks:bank.allBanks'), slots[4]!, () => this.back(), {
        name: 'back',
        accessibleLabel: this.t('banks:bank.allBanksLabel'),
      }),
    ];
    const shortcuts = ['P', 'R', 'E', 'Delete', 'Escape'];
    buttons.forEach((button, index) => button.dom.setAttribute('aria-keyshortcuts', shortcuts[index]!));
    const wanted = buttons.find((button) => button.dom.dataset.name === this.opened.focus);
    a11y.focus((wanted ?? buttons[0]!).dom);
  }

  private buildRename(area: Rect): void {
    const { gap, type } = this.frame;
    const a11y = this.services.a11y;
    let y = area.y + gap;
    const label = addText(this, area.x, y, this.t('banks:bank.newName'), { size: type.body, bold: true });
    y += label.height + gap * 0.5;
    const group = a11y.section(this.t('banks:bank.renameGroup'), 'group');
    const fieldHeight = Math.max(52, Math.round(type.body * 2.2));
    const fieldWidth = Math.min(area.width, 640);
    // The frame the field sits in, drawn on the canvas so screenshots and the canvas agree.
    this.add.graphics().fillStyle(this.colors.paper, 1).fillRoundedRect(area.x, y, fieldWidth, fieldHeight, 10);
    this.field = new TextField(
      this,
      group,
      { x: area.x, y, width: fieldWidth, height: fieldHeight },
      {
        label: this.t('banks:bank.newName'),
        value: this.bank.name,
        maxLength: MAX_BANK_NAME_CHARS,
        fontSize: type.body,
        onSubmit: (value) => this.rename(value),
        onCancel: () => this.switchTo('view', 'rename'),
      },
    );
    const field = this.field;
    this.events.once('shutdown', () => field.destroy());
    y += fieldHeight + gap * 2;
    const hint = this.t('banks:bank.nameHint', { max: MAX_BANK_NAME_CHARS });
    const hintText = addText(this, area.x, y, hint, {
      size: type.small,
      color: this.textColors.muted,
      wrapWidth: area.width,
    });
    y += hintText.height + gap * 2;
    const buttonWidth = Math.min(260, (area.width - gap) / 2);
    this.addButton(
      this.t('banks:bank.save'),
      { x: area.x, y, width: buttonWidth, height: this.buttonHeight },
      () => this.rename(field.value),
      {
        fill: this.colors.highlight,
        textColor: this.textColors.ink,
        parent: group,
        name: 'save-name',
        accessibleLabel: this.t('banks:bank.saveLabel'),
      },
    );
    this.addButton(
      this.t('banks:bank.cancel'),
      { x: area.x + buttonWidth + gap, y, width: buttonWidth, height: this.buttonHeight },
      () => this.switchTo('view', 'rename'),
      { parent: group, name: 'cancel-rename' },
    );
    field.focus();
  }

  private buildRemove(area: Rect): void {
    const { gap, type } = this.frame;
    const a11y = this.services.a11y;
    let y = area.y + gap;
    const question = this.t('banks:bank.removeQuestion', { name: this.bank.name });
    const questionText = addText(this, area.x, y, question, { size: type.prompt, bold: true, wrapWidth: area.width });
    this.fit(questionText, type.prompt * 4, 'remove question', type.body);
    y += questionText.height + gap;
    const detail = this.t('banks:bank.removeDetail', { count: this.bank.questions.length });
    const detailText = addText(this, area.x, y, detail, {
      size: type.body,
      color: this.textColors.muted,
      wrapWidth: area.width,
    });
    y += detailText.height + gap * 2;
    const dialog = a11y.section(this.t('banks:bank.confirmGroup'), 'group');
    dialog.setAttribute('role', 'alertdialog');
    a11y.text(question, { parent: dialog });
    a11y.text(detail, { parent: dialog });
    const buttonWidth = Math.min(280, (area.width - gap) / 2);
    const removeRect = { x: area.x, y, width: buttonWidth, height: this.buttonHeight };
    this.addButton(this.t('banks:bank.remove'), removeRect, () => this.remove(), {
      fill: this.colors.wrong,
      textColor: this.textColors.onBright,
      parent: dialog,
      name: 'confirm-remove',
      accessibleLabel: this.t('banks:bank.removeLabel'),
    });
    const keep = this.addButton(
      this.t('banks:bank.keep'),
      { x: area.x + buttonWidth + gap, y, width: buttonWidth, height: this.buttonHeight },
      () => this.switchTo('view', 'remove'),
      { parent: dialog, name: 'keep' },
    );
    // The safe choice has the focus: Enter alone never removes anything.
    a11y.focus(keep.dom);
  }

  private play(): void {
    if (this.leaving) return;
    this.goTo(SceneKey.Question, { deal: { questions: this.bank.questions } });
  }

  private rename(value: string): void {
    if (this.leaving) return;
    const result = this.kit.store.rename(this.bank.id, value);
    if (result.kept === 'no') {
      this.restartWith({
        mode: 'rename',
        notice: { text: refusalText(result.refusal, this.translator), tone: 'warning' },
      });
      return;
    }
    const text = result.kept === 'device' ? this.t('banks:bank.renamed') : this.t('banks:bank.renamedForVisit');
    this.restartWith({
      mode: 'view',
      notice: { text, tone: result.kept === 'device' ? 'good' : 'warning' },
      focus: 'rename',
    });
  }

  private remove(): void {
    if (this.leaving) return;
    const name = this.bank.name;
    const result = this.kit.store.remove(this.bank.id);
    if (result.kept === 'no') {
      this.restartWith({
        mode: 'view',
        notice: { text: refusalText(result.refusal, this.translator), tone: 'warning' },
      });
      return;
    }
    const data: CustomBanksSceneData = { notice: { text: this.t('banks:bank.removed', { name }), tone: 'good' } };
    this.goTo(SceneKey.CustomBanks, data);
  }

  private export(): void {
    if (this.leaving) return;
    const file = this.kit.exportBank(this.bank);
    downloadText(file.fileName, file.text, YAML_TYPE);
    this.restartWith({
      notice: { text: this.t('banks:bank.exported', { fileName: file.fileName }), tone: 'good' },
      focus: 'export',
    });
  }

  private switchTo(mode: 'view' | 'rename' | 'remove', focus?: string): void {
    if (this.leaving) return;
    this.restartWith({ mode, focus });
  }

  /** The same bank again, rebuilt for a new mode or notice; the load report is kept only while viewing. */
  private restartWith(changes: Partial<CustomBankSceneData>): void {
    this.leaving = true;
    const { bankId, report } = this.opened;
    this.rebuild({ bankId, ...(report ? { report } : {}), mode: 'view', ...changes });
  }

  private back(): void {
    this.goTo(SceneKey.CustomBanks, { focus: `bank-${this.bank.id}` });
  }

  private onKey(event: KeyboardEvent): void {
    const mode = this.opened.mode ?? 'view';
    if (event.key === 'Escape') {
      if (mode === 'view') this.back();
      else this.switchTo('view', mode);
      return;
    }
    if (mode !== 'view' || this.scrollKey(event)) return;
    const key = event.key.toLowerCase();
    if (key === 'p') this.play();
    else if (key === 'r') this.switchTo('rename');
    else if (key === 'e') this.export();
    else if (event.key === 'Delete') this.switchTo('remove');
  }
}
