import type { CheckForm } from '../core/checkForms';
import { formItems, type CheckSet } from '../core/checkItems';
import { CONFIDENCE_LEVELS, type CheckJudgement, type Confidence } from '../core/discernment';
import type { SavedAnswer } from '../core/savedChecks';
import type { ClassCheckRun } from '../game/classCheckRun';
import { classErrorMessage } from '../game/classWords';
import { checksLoadMessage, loadChecks } from '../game/selfChecks';
import { selfCheckStore } from '../storage/SelfCheckStore';
import { ClassApiError } from '../net/classApi';
import { addText } from '../ui/text';
import { SceneKey } from './keys';
import { RoundStepScene } from './RoundStepScene';
import type { CheckSceneData } from './sceneData';

/** Keys for the two judgements and the three confidence levels: their number, or their initial. */
const JUDGEMENT_KEYS: Record<CheckJudgement, readonly [string, string]> = {
  accurate: ['1', 'A'],
  'not-accurate': ['2', 'N'],
};
const CONFIDENCE_KEYS: Record<Confidence, readonly [string, string]> = {
  sure: ['1', 'S'],
  'think-so': ['2', 'T'],
  guessing: ['3', 'G'],
};

/**
 * "Check yourself": the learning check played alone. An introduction, then each claim judged accurate or not and
 * rated sure / think so / guessing, with nothing marked until the end, when the check is kept on the device and
 * the report screen (CheckReportScene) shows the figures. The rules are in src/core/selfCheck.ts.
 */
export class CheckScene extends RoundStepScene<'check'> {
  constructor() {
    super(SceneKey.Check);
  }

  create(data: CheckSceneData): void {
    if (data.step === 'class') return this.createInClass(data.run, data.started === true, data.judgement);
    this.beginScreen(this.t('check:self.screen', { form: data.form }));
    this.addHomeButton();
    this.addSoundButton();
    this.addScreenTitle(this.t('check:self.title'));
    const loading = addText(this, this.frame.margin, this.contentTop, this.t('check:loading'), {
      size: this.frame.type.body,
      color: this.textColors.muted,
    });
    const visit = this.sys.settings.data;
    void loadChecks().then((result) => {
      // The player may have left, or the screen been rebuilt, while the check downloaded.
      if (!this.sys.isActive() || this.sys.settings.data !== visit) return;
      loading.destroy();
      if ('error' in result) this.showProblem(checksLoadMessage(result, this.translator));
      else if (data.step === 'intro') this.showIntro(data.form);
      else this.showItem(result.checks, data.form, data.answers, data.judgement);
    });
  }

  private get contentTop(): number {
    return this.frame.margin * 0.6 + this.cornerHeight + this.frame.gap * 1.5;
  }

  private get buttonHeight(): number {
    return Math.max(56, Math.round(this.frame.type.button * 2.2));
  }

  /** A block of text from `top` down to `bottom`, shrunk to fit, mirrored for screen readers. */
  private addBody(text: string, top: number, bottom: number, name: string, color = this.textColors.paper): void {
    const { width, margin, type } = this.frame;
    const body = addText(this, margin, top, text, { size: type.body, color, wrapWidth: width - margin * 2 });
    this.fit(body, bottom - top, name, 14);
    this.services.a11y.text(text).dataset.name = name;
  }

  private showProblem(message: string, retry?: () => void): void {
    const buttons = [
      { label: this.t('check:backToTitle'), action: () => this.goTo(SceneKey.Title), name: 'Back', primary: !retry },
    ];
    if (retry) buttons.unshift({ label: this.t('check:tryAgain'), action: retry, name: 'Try again', primary: true });
    const bottom = this.addBottomButtons(buttons, this.buttonHeight);
    this.addBody(message, this.contentTop, bottom.top - this.frame.gap, 'notice', this.textColors.wrong);
    this.services.a11y.announce(message);
    this.services.a11y.focus(bottom.doms[0]);
  }

  private showIntro(form: CheckForm): void {
    const a11y = this.services.a11y;
    const store = selfCheckStore(this.services.storage);
    const notNow = () => {
      // Declining check A before the first round stops the title offering it first; it stays open there.
      if (form === 'A') store.skipBefore();
      this.goTo(SceneKey.Title);
    };
    const buttons = [
      {
        label: this.t('check:self.start', { form }),
        action: () => this.goTo(SceneKey.Check, { step: 'item', form, answers: [] }),
        name: 'Start',
        primary: true,
      },
      { label: this.t('check:self.notNow'), action: notNow, name: 'Not now' },
    ];
    if (store.get().taken.length > 0) {
      buttons.push({
        label: this.t('check:self.yourChecks'),
        action: () => this.goTo(SceneKey.CheckReport, {}),
        name: 'Your checks',
      });
    }
    const bottom = this.addBottomButtons(buttons, this.buttonHeight);
    a11y.heading(this.t(`check:self.heading.${form}`));
    const about = `${this.t('check:about')}\n\n${this.t(`check:when.${form}`)}`;
    this.addBody(about, this.contentTop, bottom.top - this.frame.gap, 'about');
    a11y.focus(bottom.doms[0]);
    this.onKeys((event) => {
      if (event.key === 'Escape') notNow();
    });
  }

  private showItem(
    checks: CheckSet,
    form: CheckForm,
    answers: readonly SavedAnswer[],
    judgement: CheckJudgement | undefined,
  ): void {
    const items = formItems(checks, form);
    const item = items[answers.length];
    if (!item) {
      // The last claim is answered: the check is kept on the device, and its figures shown.
      selfCheckStore(this.services.storage).record(form, answers, Date.now());
      this.goTo(SceneKey.CheckReport, { finished: form });
      return;
    }
    this.askClaim({
      statement: item.statement,
      number: answers.length + 1,
      total: items.length,
      form,
      judgement,
      onJudged: (value) => this.goTo(SceneKey.Check, { step: 'item', form, answers: [...answers], judgement: value }),
      onConfidence: (value, said) => {
        const next = [...answers, { itemId: item.id, itemAccurate: item.accurate, judgement: said, confidence: value }];
        this.goTo(SceneKey.Check, { step: 'item', form, answers: next });
      },
      onBack: () => this.goTo(SceneKey.Check, { step: 'item', form, answers: [...answers] }),
    });
  }

  // ——— In a class ———

  /**
   * The same check in a class: the claims come from the class server, each answer goes to it as it is given (so a
   * reload picks up where the student was), and nothing is marked until the last is in.
   */
  private createInClass(run: ClassCheckRun, started: boolean, judgement: CheckJudgement | undefined): void {
    this.beginScreen(this.t('check:class.screen', { form: run.form }));
    document.body.dataset.classMode = 'check';
    this.addHomeButton();
    this.addSoundButton();
    this.addScreenTitle(this.t('check:class.title'));
    if (!started && run.answered.length === 0) return this.showClassIntro(run);
    const item = run.items.find((candidate) => !run.answered.includes(candidate.id));
    if (!item) return this.goOnInClass(run);
    const again = { step: 'class' as const, run, started: true };
    this.askClaim({
      statement: item.statement,
      number: run.answered.length + 1,
      total: run.items.length,
      form: run.form,
      judgement,
      onJudged: (value) => this.goTo(SceneKey.Check, { ...again, judgement: value }),
      onConfidence: (confidence, said) => void this.sendInClass(run, item.id, said, confidence),
      onBack: () => this.goTo(SceneKey.Check, again),
    });
  }

  private showClassIntro(run: ClassCheckRun): void {
    const buttons = [
      {
        label: this.t('check:class.start'),
        action: () => this.goTo(SceneKey.Check, { step: 'class', run, started: true }),
        name: 'Start',
        primary: true,
      },
    ];
    const bottom = this.addBottomButtons(buttons, this.buttonHeight);
    this.services.a11y.heading(this.t(`check:class.heading.${run.stage}`));
    this.addBody(
      `${this.t('check:about')}\n\n${this.t(`check:classWhen.${run.stage}`)}`,
      this.contentTop,
      bottom.top - this.frame.gap,
      'about',
    );
    this.services.a11y.focus(bottom.doms[0]);
  }

  /** Sends one answer; the last brings the results, shown with each claim's evidence. */
  private async sendInClass(
    run: ClassCheckRun,
    itemId: string,
    judgement: CheckJudgement,
    confidence: Confidence,
  ): Promise<void> {
    if (this.leaving) return;
    this.leaving = true;
    const answered = { ...run, answered: [...run.answered, itemId] };
    try {
      const reply = await run.api.checkAnswer(run.key, { stage: run.stage, itemId, judgement, confidence });
      this.leaving = false;
      if (reply.taken) this.goTo(SceneKey.CheckReport, { classCheck: { taken: reply.taken, play: run.play } });
      else this.goTo(SceneKey.Check, { step: 'class', run: answered, started: true });
    } catch (error) {
      this.leaving = false;
      // Sent before (a reply lost on the way): the server has it, so go on.
      if (error instanceof ClassApiError && error.code === 'check-item-answered') {
        this.goTo(SceneKey.Check, { step: 'class', run: answered, started: true });
        return;
      }
      const problem =
        error instanceof Error ? classErrorMessage(error, this.translator) : this.t('check:class.notSent');
      this.showProblem(this.t('check:class.tryClaimAgain', { problem }), () =>
        this.goTo(SceneKey.Check, { step: 'class', run, started: true }),
      );
    }
  }

  /** Every claim was already answered (a reload after the last): the class goes on. */
  private goOnInClass(run: ClassCheckRun): void {
    if (run.play) this.goTo(SceneKey.ClassWait, { play: run.play });
    else this.goTo(SceneKey.Title);
  }

  // ——— A claim ———

  /** One claim: accurate or not, then how sure; the same screen alone and in a class. */
  private askClaim(claim: {
    statement: string;
    number: number;
    total: number;
    form: CheckForm;
    judgement: CheckJudgement | undefined;
    onJudged: (judgement: CheckJudgement) => void;
    onConfidence: (confidence: Confidence, judgement: CheckJudgement) => void;
    onBack: () => void;
  }): void {
    const { statement, number, total, form, judgement } = claim;
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const t = this.t;
    const progress = t('check:progress', { number, total, form });
    addText(this, margin, this.contentTop, progress, { size: type.small, color: this.textColors.muted });
    a11y.text(progress, { label: t('check:progressLabel') }).dataset.name = 'progress';
    let top = this.contentTop + type.small * 1.6 + gap;
    const shown = addText(this, margin, top, statement, {
      size: type.prompt,
      bold: true,
      color: this.textColors.paper,
      wrapWidth: width - margin * 2,
    });
    this.fit(shown, type.prompt * 5, 'claim', 16);
    // The claims are written in English only: a screen reader reads them in an English voice.
    const claimHeading = a11y.heading(statement);
    claimHeading.dataset.name = 'claim';
    claimHeading.lang = 'en';
    top += shown.height + gap * 1.5;
    const question = judgement
      ? t('check:askConfidence', { judgement: t(`check:judgement.${judgement}`) })
      : t('check:askJudgement');
    const asked = addText(this, margin, top, question, {
      size: type.body,
      color: this.textColors.muted,
      wrapWidth: width - margin * 2,
    });
    top += asked.height + gap * 1.5;
    a11y.text(question).dataset.name = 'asked';
    const count = judgement ? CONFIDENCE_LEVELS.length : 2;
    const rows = portrait ? count : 1;
    const buttonHeight = Math.min(Math.max(64, type.button * 2.6), (height - margin - top - gap * (rows - 1)) / rows);
    // At the bottom on a phone, in thumb's reach as a round's answers are; under the claim on a wide screen.
    const area = {
      x: margin,
      y: portrait ? height - margin - buttonHeight * rows - gap * (rows - 1) : top,
      width: width - margin * 2,
      height: buttonHeight * rows + gap * (rows - 1),
    };
    if (!judgement) {
      this.addChoices(
        (['accurate', 'not-accurate'] as const).map((value) => ({
          value,
          label: t(`check:judgement.${value}`),
          accessibleLabel: t(`check:judgement.${value}`),
          keys: JUDGEMENT_KEYS[value],
          fill: this.colors.inkLighter,
          name: `judge-${value}`,
        })),
        area,
        t('check:yourJudgement'),
        claim.onJudged,
      );
      a11y.announce(t('check:announceClaim', { number, total, statement }));
      return;
    }
    this.addChoices(
      CONFIDENCE_LEVELS.map((level) => ({
        value: level,
        label: t(`check:confidence.${level}`),
        accessibleLabel: t(`check:confidence.${level}`),
        keys: CONFIDENCE_KEYS[level],
        fill: this.colors.inkLighter,
        name: `confidence-${level}`,
      })),
      area,
      t('check:yourConfidence'),
      (confidence) => claim.onConfidence(confidence, judgement),
    );
    a11y.announce(t('check:announceConfidence', { judgement: t(`check:judgement.${judgement}`) }));
    this.onKeys((event) => {
      // Back to the judgement: an answer is kept only once its confidence is given.
      if (event.key === 'Escape' || event.key === 'Backspace') claim.onBack();
    });
  }
}
