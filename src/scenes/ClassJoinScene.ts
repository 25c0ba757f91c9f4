import { TextField } from '../a11y/TextField';
import { isClassCode, normalizeClassCode, CLASS_CODE_LENGTH } from '../core/classCode';
import type { ClassInfo } from '../core/classProtocol';
import { NICKNAME_MAX_LENGTH } from '../core/nicknames';
import { nicknamesOf } from '../game/nicknames';
import { classErrorMessage, nicknameProblem } from '../game/classWords';
import { clearCheckSeat, loadCheckSeat, saveCheckSeat } from '../game/classCheckRun';
import { ClassPlay, clearSeat, loadSeat, saveSeat } from '../game/classPlay';
import { openPrivacyPage } from '../game/teacherLinks';
import { ClassApi, ClassApiError } from '../net/classApi';
import { SafeStorage } from '../storage/SafeStorage';
import { addText } from '../ui/text';
import { ClassScene } from './ClassScene';
import { SceneKey } from './keys';
import type { ClassJoinData } from './sceneData';

/** The least height of the join screen's buttons when short on room: its 0.8-high rows stay 44 px, a fair target. */
const MIN_BUTTON_HEIGHT = 56;

/**
 * Joining a class: checks that the class server is there (a static copy of the game has none, and says so),
 * rejoins with a saved seat, else asks for the code and then the nickname (a generated one to keep or re-roll,
 * or one typed that passes the checks).
 */
export class ClassJoinScene extends ClassScene<'class-join'> {
  private readonly storage = SafeStorage.fromWindow();
  private readonly api = new ClassApi();
  /** The data this visit was opened with. */
  private opened: ClassJoinData = {};
  private visit = 0;

  constructor() {
    super(SceneKey.ClassJoin);
  }

  create(data: ClassJoinData): void {
    this.opened = data ?? {};
    const visit = ++this.visit;
    this.beginScreen(this.t('classroom:join.title'));
    this.addHomeButton();
    this.addSoundButton();
    const { height, margin } = this.frame;
    this.addHeading(this.t('classroom:join.title'), margin * 0.6 + this.cornerHeight + this.frame.gap);
    this.onKeys((event) => {
      if (event.key === 'Escape') this.goTo(SceneKey.Title);
    });
    const step = this.opened.step;
    if (step === 'no-server') return this.showNoServer();
    if (step === 'code') return this.showCode();
    if (step === 'name' && this.opened.info) return this.showName(this.opened.info);
    this.say(this.t('classroom:join.looking'), height * 0.4);
    void this.begin(visit);
  }

  private get current(): boolean {
    return !this.leaving && this.scene.isActive();
  }

  private restartWith(change: Partial<ClassJoinData>): void {
    if (this.leaving) return;
    this.leaving = true;
    this.rebuild({ ...this.opened, message: undefined, focusMoreTime: undefined, ...change });
  }

  /** Finds the server, then rejoins with a saved seat or asks for what is missing. */
  private async begin(visit: number): Promise<void> {
    const available = await this.api.available();
    if (visit !== this.visit || !this.current) return;
    if (!available) return this.restartWith({ step: 'no-server' });
    const wanted = this.opened.code ? normalizeClassCode(this.opened.code) : undefined;
    const seat = loadSeat(this.storage);
    if (seat && (!wanted || wanted === seat.code)) {
      try {
        const view = await this.api.view(seat);
        if (visit !== this.visit || !this.current) return;
        const play = new ClassPlay(this.api, seat, view, this.storage);
        this.follow(play);
        this.services.a11y.announce(this.t('classroom:join.welcomeBack', { nickname: seat.nickname }));
        if ((view.state === 'ready' || view.state === 'waiting') && (await this.toDueCheck())) return;
        if (view.state === 'ready') this.route(await play.next());
        else this.route(view);
        return;
      } catch (error) {
        if (error instanceof ClassApiError && error.unreachable) return this.restartWith({ step: 'no-server' });
        // The class ended, expired, or this seat was removed: start afresh.
        clearSeat(this.storage);
      }
    }
    if (await this.toDelayedCheck(wanted)) return;
    if (wanted && isClassCode(wanted)) return this.lookUp(wanted);
    this.restartWith({
      step: 'code',
      message: wanted ? this.t('classroom:join.notACode', { code: wanted }) : undefined,
    });
  }

  /**
   * Weeks after the lesson the class's seat is gone (let go when the class ended), but the key kept for its checks
   * is not: when the server says the delayed check is due, it starts. A class that is gone takes the key with it.
   */
  private async toDelayedCheck(wanted: string | undefined): Promise<boolean> {
    const key = loadCheckSeat(this.storage);
    if (!key || (wanted && wanted !== key.code)) return false;
    try {
      const check = await this.api.playerCheck(key);
      if (!check.due || !this.current) return false;
      this.goTo(SceneKey.Check, { step: 'class', run: { api: this.api, key, ...check.due } });
      return true;
    } catch (error) {
      if (error instanceof ClassApiError && (error.status === 404 || error.code === 'removed')) {
        clearCheckSeat(this.storage);
      }
      return false;
    }
  }

  private async lookUp(code: string): Promise<void> {
    try {
      const info = await this.api.classInfo(code);
      if (!this.current) return;
      if (info.status === 'ended') {
        return this.restartWith({ step: 'code', code, message: this.t('classroom:join.ended', { code }) });
      }
      this.restartWith({ step: 'name', code, info });
    } catch (error) {
      if (!this.current) return;
      const message =
        error instanceof Error ? classErrorMessage(error, this.translator) : this.t('classroom:join.notFound');
      this.restartWith({ step: 'code', code, message });
    }
  }

  /** A centred line (or lines) of text from `y` down, mirrored for screen readers; returns its height. */
  private say(text: string, y: number, color: string = this.textColors.muted): number {
    const { width, margin, type } = this.frame;
    const said = addText(this, width / 2, y, text, {
      size: type.body,
      color,
      align: 'center',
      wrapWidth: width - margin * 4,
    }).setOrigin(0.5, 0);
    this.services.a11y.text(text, { role: color === this.textColors.wrong ? 'alert' : 'status' }).dataset.name =
      'class-message';
    return said.height;
  }

  private showNoServer(): void {
    const { width, height } = this.frame;
    document.body.dataset.classMode = 'no-server';
    this.say(this.t('classroom:join.noServer'), height * 0.32);
    const buttonWidth = Math.min(360, width * 0.6);
    const back = this.addButton(
      this.t('classroom:join.backToTitle'),
      { x: width / 2 - buttonWidth / 2, y: height * 0.62, width: buttonWidth, height: 64 },
      () => this.goTo(SceneKey.Title),
      { name: 'Back to the title' },
    );
    this.services.a11y.focus(back.dom);
  }

  private showCode(): void {
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    document.body.dataset.classMode = 'code';
    let top = height * 0.3;
    // Room for the words as they wrapped: longer in some languages, and with larger text.
    top += Math.max(type.body * 2.6, this.say(this.t('classroom:join.typeCode'), top)) + gap;
    const fieldWidth = Math.min(portrait ? width - margin * 2 : 420, width - margin * 2);
    const rect = { x: width / 2 - fieldWidth / 2, y: top, width: fieldWidth, height: Math.round(type.prompt * 2.2) };
    this.add.graphics().fillStyle(this.colors.paper, 1).fillRoundedRect(rect.x, rect.y, rect.width, rect.height, 10);
    const field = new TextField(this, a11y.section(this.t('classroom:join.codeLabel'), 'group'), rect, {
      label: this.t('classroom:join.codeLabel'),
      value: this.opened.code ?? '',
      maxLength: CLASS_CODE_LENGTH + 4,
      fontSize: type.prompt,
      onSubmit: (value) => this.submitCode(value),
      onCancel: () => this.goTo(SceneKey.Title),
    });
    field.input.autocapitalize = 'characters';
    field.input.inputMode = 'text';
    this.events.once('shutdown', () => field.destroy());
    this.time.delayedCall(0, () => field.focus());
    top += rect.height + gap;
    if (this.opened.message) {
      top += Math.max(type.body * 2, this.say(this.opened.message, top, this.textColors.wrong)) + gap;
      a11y.announce(this.opened.message);
    }
    const buttonWidth = Math.min(300, (width - margin * 2 - gap) / 2);
    this.addButton(
      this.t('classroom:join.find'),
      { x: width / 2 + gap / 2, y: Math.max(top, height * 0.62), width: buttonWidth, height: 64 },
      () => this.submitCode(field.value),
      { fill: this.colors.highlight, textColor: this.textColors.ink, name: 'Find the class' },
    );
    this.addButton(
      this.t('classroom:join.back'),
      { x: width / 2 - gap / 2 - buttonWidth, y: Math.max(top, height * 0.62), width: buttonWidth, height: 64 },
      () => this.goTo(SceneKey.Title),
      { name: 'Back' },
    );
  }

  private submitCode(typed: string): void {
    if (this.leaving) return;
    const code = normalizeClassCode(typed);
    if (!isClassCode(code)) {
      this.restartWith({ step: 'code', code, message: this.t('classroom:join.badCode') });
      return;
    }
    void this.lookUp(code);
  }

  private showName(info: ClassInfo): void {
    const { width, height, margin, gap, type } = this.frame;
    const a11y = this.services.a11y;
    const nicknames = nicknamesOf(this.services);
    document.body.dataset.classMode = 'name';
    const time =
      info.timeLimitSec === null
        ? this.t('classroom:join.noTimeLimit')
        : this.t('classroom:join.timePerQuestion', { seconds: info.timeLimitSec });
    let top = margin * 0.6 + this.cornerHeight + gap + type.heading * 1.8;
    const summary = this.t('classroom:join.summary', { code: info.code, count: info.questionCount, time });
    top += Math.max(type.body * 1.8, this.say(summary, top)) + gap;
    const inner = Math.min(width - margin * 2, 720);
    const left = width / 2 - inner / 2;
    addText(this, width / 2, top, this.t('classroom:join.nicknameHeading'), {
      size: type.small,
      color: this.textColors.muted,
    }).setOrigin(0.5, 0);
    top += type.small * 1.6;
    const rowHeight = Math.round(type.prompt * 2.2);
    let focusTarget: HTMLElement | undefined;
    if (this.opened.editing) {
      this.add.graphics().fillStyle(this.colors.paper, 1).fillRoundedRect(left, top, inner, rowHeight, 10);
      const field = new TextField(
        this,
        a11y.section(this.t('classroom:join.nicknameLabel'), 'group'),
        { x: left, y: top, width: inner, height: rowHeight },
        {
          label: this.t('classroom:join.nicknameLabel'),
          value: nicknames.get(),
          maxLength: NICKNAME_MAX_LENGTH,
          fontSize: type.body,
          onSubmit: (value) => this.typeName(value),
          onCancel: () => this.restartWith({ editing: false }),
        },
      );
      this.events.once('shutdown', () => field.destroy());
      this.time.delayedCall(0, () => field.focus());
      focusTarget = field.input;
    } else {
      const name = addText(this, width / 2, top + rowHeight / 2, nicknames.get(), {
        size: type.prompt,
        bold: true,
        color: this.textColors.paper,
        align: 'center',
        wrapWidth: inner,
      }).setOrigin(0.5);
      this.fit(name, rowHeight, 'nickname', 16);
      a11y.text(this.t('classroom:join.nicknameShown', { nickname: nicknames.get() }), {
        label: this.t('classroom:join.nicknameShownLabel'),
      }).dataset.name = 'nickname';
    }
    top += rowHeight + gap;
    const generatedOnly = info.generatedNicknamesOnly;
    const hint =
      this.opened.message ??
      (this.opened.editing
        ? this.t('classroom:join.hintEditing')
        : generatedOnly
          ? this.t('classroom:join.hintGenerated')
          : this.t('classroom:join.hint'));
    if (hint) {
      const said = this.say(hint, top, this.opened.message ? this.textColors.wrong : this.textColors.muted);
      if (this.opened.message) a11y.announce(this.opened.message);
      top += Math.max(type.body * 2.2, said);
    }
    // Without a time limit there is no time to ask for.
    const asksTime = info.timeLimitSec !== null;
    // The buttons (the switch, two rows) fit in what the words above left: a short screen with large text, or
    // longer words, makes them lower rather than push the last row off the screen.
    const buttonRows = 2 + (asksTime ? 0.8 : 0);
    const room = height - margin - top - gap * 3;
    const buttonHeight = Math.max(MIN_BUTTON_HEIGHT, Math.min(Math.max(56, type.button * 2.2), room / buttonRows));
    const third = (inner - gap * 2) / 3;
    const switchHeight = asksTime ? buttonHeight * 0.8 : 0;
    const switchY = Math.max(top + gap, height - margin - buttonHeight * 2 - switchHeight - gap * 2);
    const moreTime =
      switchHeight > 0
        ? this.addMoreTimeSwitch({ x: left, y: switchY, width: inner, height: switchHeight })
        : undefined;
    const y =
      switchHeight > 0 ? switchY + switchHeight + gap : Math.max(top + gap, height - margin - buttonHeight * 2 - gap);
    if (!this.opened.editing) {
      // With generated nicknames only, there is nothing to type: re-rolling takes the room of both buttons.
      const rerollWidth = generatedOnly ? third * 2 + gap : third;
      this.addButton(
        this.t('classroom:join.reroll'),
        { x: left, y, width: rerollWidth, height: buttonHeight },
        () => {
          nicknames.reroll();
          this.restartWith({});
        },
        { name: 'Another name' },
      );
      if (!generatedOnly) {
        this.addButton(
          this.t('classroom:join.typeOwn'),
          { x: left + third + gap, y, width: third, height: buttonHeight },
          () => this.restartWith({ editing: true }),
          { name: 'Type my own' },
        );
      }
    }
    const join = this.addButton(
      this.t('classroom:join.join'),
      { x: left + (third + gap) * 2, y, width: third, height: buttonHeight },
      () => (this.opened.editing ? undefined : void this.join(info)),
      { fill: this.colors.highlight, textColor: this.textColors.ink, name: 'Join the class' },
    );
    if (this.opened.editing) join.canvas.setEnabled(false).setLook('dim');
    this.addButton(
      this.t('classroom:join.otherClass'),
      { x: left, y: y + buttonHeight + gap, width: third * 2 + gap, height: buttonHeight * 0.8 },
      () => this.restartWith({ step: 'code', code: undefined, info: undefined, editing: false }),
      { name: 'Another class' },
    );
    this.addButton(
      this.t('classroom:join.privacy'),
      { x: left + (third + gap) * 2, y: y + buttonHeight + gap, width: third, height: buttonHeight * 0.8 },
      () => openPrivacyPage(),
      { name: 'Privacy' },
    );
    a11y.focus((this.opened.focusMoreTime ? moreTime : undefined) ?? focusTarget ?? join.dom);
    this.onKeys((event) => {
      if (event.key === 'Enter' && !this.opened.editing) void this.join(info);
    });
  }

  /**
   * The switch that asks the teacher for more time per question: the request goes with the join and shows on the
   * teacher's roster, who grants it with one click.
   */
  private addMoreTimeSwitch(rect: { x: number; y: number; width: number; height: number }): HTMLElement {
    const asked = this.opened.moreTime === true;
    const { dom } = this.addButton(
      asked ? this.t('classroom:join.moreTimeAsked') : this.t('classroom:join.moreTime'),
      rect,
      () => this.restartWith({ moreTime: !asked, focusMoreTime: true }),
      {
        name: 'more-time',
        accessibleLabel: this.t('classroom:join.moreTime'),
        pressed: asked,
        fontSize: this.frame.type.small,
      },
    );
    dom.title = this.t('classroom:join.moreTimeTitle');
    if (this.opened.focusMoreTime) {
      this.services.a11y.announce(asked ? this.t('classroom:join.moreTimeOn') : this.t('classroom:join.moreTimeOff'));
    }
    return dom;
  }

  private typeName(value: string): void {
    const result = nicknamesOf(this.services).type(value);
    if (!result.ok) this.restartWith({ editing: true, message: nicknameProblem(result.problem, this.translator) });
    else this.restartWith({ editing: false });
  }

  private async join(info: ClassInfo): Promise<void> {
    if (this.leaving) return;
    this.leaving = true;
    const nickname = nicknamesOf(this.services).get();
    try {
      const joined = await this.api.join(info.code, nickname, this.opened.moreTime === true, this.translator.language);
      const seat = { code: info.code, playerId: joined.playerId, token: joined.token, nickname: joined.nickname };
      saveSeat(this.storage, seat);
      if (info.learningCheck) saveCheckSeat(this.storage, seat);
      // A reload of this page comes back to the class.
      history.replaceState(null, '', `${location.pathname}?class=${info.code}`);
      const view = await this.api.view(seat);
      const play = new ClassPlay(this.api, seat, view, this.storage);
      this.leaving = false;
      this.follow(play);
      if ((view.state === 'ready' || view.state === 'waiting') && (await this.toDueCheck())) return;
      this.route(view.state === 'ready' ? await play.next() : view);
    } catch (error) {
      this.leaving = false;
      if (error instanceof ClassApiError && error.code === 'nickname-taken') {
        nicknamesOf(this.services).reroll();
        this.restartWith({ message: this.t('classroom:join.taken', { nickname }) });
        return;
      }
      if (error instanceof ClassApiError && error.unreachable) return this.restartWith({ step: 'no-server' });
      this.restartWith({
        message: error instanceof Error ? classErrorMessage(error, this.translator) : this.t('classroom:join.failed'),
      });
    }
  }
}
