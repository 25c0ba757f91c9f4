import type { CheckForm } from '../core/checkForms';
import { formItems } from '../core/checkItems';
import type { TakenCheck } from '../core/classCheck';
import { countOutcomes, type CheckJudgement, type Confidence } from '../core/discernment';
import type { Excerpt } from '../core/types';
import type { ClassPlay } from '../game/classPlay';
import { delayedCheckOpensAt, nextForm, takenForm } from '../core/savedChecks';
import { citationOf } from '../game/playTexts';
import { checkReportLines, checksLoadMessage, loadChecks } from '../game/selfChecks';
import { selfCheckStore } from '../storage/SelfCheckStore';
import { mirrorEvidence } from '../ui/evidenceMirror';
import { ExcerptCard } from '../ui/ExcerptCard';
import { addText } from '../ui/text';
import { SceneKey } from './keys';
import { ListScreen } from './ListScreen';
import type { CheckReportSceneData } from './sceneData';

/**
 * Your checks: the player's figures for every check taken (hits, false alarms, d′, c, confidence) and the reading
 * of what changed, then, claim by claim, what each claim was, what the player said and the evidence that settles it.
 */
export class CheckReportScene extends ListScreen<'check-report'> {
  constructor() {
    super(SceneKey.CheckReport);
  }

  create(data: CheckReportSceneData): void {
    const title = data.classCheck ? this.t('check:class.title') : this.t('check:report.title');
    this.beginScreen(title);
    this.addHomeButton();
    this.addSoundButton();
    this.addScreenTitle(title);
    if (data.classCheck?.index !== undefined) this.showClassClaim(data.classCheck, data.classCheck.index);
    else if (data.classCheck) this.showClassDone(data.classCheck);
    else if (data.claims) this.showClaims(data.claims.form, data.claims.index);
    else this.showFigures(data.finished);
  }

  private showFigures(finished: CheckForm | undefined): void {
    const a11y = this.services.a11y;
    const store = selfCheckStore(this.services.storage);
    const saved = store.get();
    const { width, margin, gap } = this.frame;
    const now = Date.now();
    const next = nextForm(saved, now);
    const buttons = saved.taken
      .map((check) => check.form)
      .sort()
      .map((form) => ({
        label: this.t('check:report.claimsOf', { form }),
        action: () => this.goTo(SceneKey.CheckReport, { claims: { form, index: 0 } }),
        name: `claims-${form}`,
        primary: form === finished,
      }));
    if (next) {
      buttons.push({
        label: this.t('check:report.takeCheck', { form: next }),
        action: () => this.goTo(SceneKey.Check, { step: 'intro', form: next }),
        name: 'Next check',
        primary: false,
      });
    }
    buttons.push({
      label: this.t('check:report.done'),
      action: () => this.goTo(SceneKey.Title),
      name: 'Done',
      primary: false,
    });
    const bottom = this.addBottomButtons(buttons, this.buttonHeight);
    let top = this.contentTop;
    if (finished) {
      top += this.addNotice(
        { text: this.t('check:report.finished', { form: finished }), tone: 'good' },
        margin,
        top,
        width - margin * 2,
      );
      top += gap;
      a11y.announce(this.t('check:report.finishedSpoken', { form: finished }));
    }
    for (const problem of store.problems) {
      top += this.addNotice(
        { text: this.t('check:report.dropped', { problem }), tone: 'warning' },
        margin,
        top,
        width - margin * 2,
      );
      top += gap;
    }
    const lines = checkReportLines(saved, this.translator);
    const opensAt = delayedCheckOpensAt(saved);
    if (opensAt !== undefined && opensAt > now) {
      lines.push({ text: this.t('check:report.opensOn', { date: this.translator.formatDate(new Date(opensAt)) }) });
    }
    this.addScrollList(
      { x: margin, y: top, width: width - margin * 2, height: bottom.top - gap - top },
      lines.map((line) => ({
        text: line.text,
        heading: line.heading,
        bold: line.strong,
        color: line.heading || line.strong ? this.textColors.paper : this.textColors.muted,
      })),
      'figures',
    );
    const region = a11y.section(this.t('check:report.figures'), 'region');
    for (const line of lines) {
      if (line.heading) a11y.heading(line.text, 3, region);
      else a11y.text(line.text, { parent: region }).dataset.name = 'figure';
    }
    a11y.focus(bottom.doms[0]);
    this.onKeys((event) => {
      if (!this.scrollKey(event) && event.key === 'Escape') this.goTo(SceneKey.Title);
    });
  }

  private showClaims(form: CheckForm, index: number): void {
    const visit = this.sys.settings.data;
    const loading = addText(this, this.frame.margin, this.contentTop, this.t('check:report.loadingClaims'), {
      size: this.frame.type.body,
      color: this.textColors.muted,
    });
    const back = () => this.goTo(SceneKey.CheckReport, {});
    void loadChecks().then((result) => {
      if (!this.sys.isActive() || this.sys.settings.data !== visit) return;
      loading.destroy();
      const saved = takenForm(selfCheckStore(this.services.storage).get(), form);
      const item = 'checks' in result ? formItems(result.checks, form)[index] : undefined;
      if ('error' in result || !saved || !item) {
        const message =
          'error' in result
            ? checksLoadMessage(result, this.translator)
            : this.t('check:report.noClaim', { form, number: index + 1 });
        const bottom = this.addBottomButtons(
          [{ label: this.t('check:report.back'), action: back, name: 'Back', primary: true }],
          this.buttonHeight,
        );
        this.addNotice(
          { text: message, tone: 'warning' },
          this.frame.margin,
          this.contentTop,
          this.frame.width - this.frame.margin * 2,
        );
        this.services.a11y.focus(bottom.doms[0]);
        return;
      }
      const total = formItems(result.checks, form).length;
      const answer = saved.answers.find((entry) => entry.itemId === item.id);
      const truth = item.accurate
        ? this.t('check:judgement.accurate')
        : item.verdict === 'unsupported'
          ? this.t('check:report.unsupported')
          : this.t('check:judgement.not-accurate');
      this.renderClaim(
        { ...item, truth, answer, heading: this.t('check:progress', { number: index + 1, total, form }) },
        index,
        total,
        (to) => this.goTo(SceneKey.CheckReport, { claims: { form, index: to } }),
        this.t('check:report.backToFigures'),
        back,
      );
    });
  }

  /** One claim of a finished check: what it said, whether it is accurate, what the player said, and its evidence. */
  private renderClaim(
    item: {
      statement: string;
      accurate: boolean;
      truth: string;
      explanation: string;
      evidence: Excerpt[];
      heading: string;
      answer?: { judgement: CheckJudgement; confidence: Confidence };
    },
    index: number,
    total: number,
    go: (index: number) => void,
    backLabel: string,
    back: () => void,
  ): void {
    const { width, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const t = this.t;
    const { answer, truth } = item;
    const right = answer && (answer.judgement === 'accurate') === item.accurate;
    const verdict = answer
      ? t(right ? 'check:report.verdictRight' : 'check:report.verdictWrong', {
          truth,
          judgement: t(`check:judgement.${answer.judgement}`),
          confidence: t(`check:report.confidence.${answer.confidence}`),
        })
      : t('check:report.verdict', { truth });
    const buttons = [];
    if (index > 0) buttons.push({ label: t('check:report.earlier'), action: () => go(index - 1), name: 'Earlier' });
    if (index < total - 1)
      buttons.push({ label: t('check:report.later'), action: () => go(index + 1), name: 'Later', primary: true });
    buttons.push({ label: backLabel, action: back, name: 'Back' });
    const bottom = this.addBottomButtons(buttons, this.buttonHeight);
    let top = this.contentTop;
    const headingText = addText(this, margin, top, item.heading, { size: type.small, color: this.textColors.muted });
    a11y.heading(item.heading);
    top += headingText.height + gap / 2;
    const head = addText(this, margin, top, `${t('check:report.quoted', { statement: item.statement })}\n${verdict}`, {
      size: type.body,
      color: this.textColors.paper,
      wrapWidth: width - margin * 2,
    });
    this.fit(head, type.body * (portrait ? 8 : 4), 'claim', 14);
    a11y.text(t('check:report.theClaim', { statement: item.statement })).dataset.name = 'claim';
    a11y.text(verdict).dataset.name = 'verdict';
    top += head.height + gap;
    const explanation = addText(this, margin, top, item.explanation, {
      size: type.small,
      color: this.textColors.muted,
      wrapWidth: width - margin * 2,
    });
    this.fit(explanation, type.small * (portrait ? 7 : 3.5), 'explanation', 13);
    // The check's explanations are written in English only: read in an English voice.
    const explained = a11y.text(item.explanation);
    explained.dataset.name = 'explanation';
    explained.lang = 'en';
    top += explanation.height + gap;
    const evidence = item.evidence[0]!;
    new ExcerptCard(
      this,
      { x: margin, y: top, width: width - margin * 2, height: bottom.top - gap - top },
      {
        label:
          item.evidence.length > 1
            ? t('check:report.sourceSaysOf', { count: item.evidence.length })
            : t('check:report.sourceSays'),
        quote: evidence.quote,
        citation: citationOf(this.services, this.translator, evidence.source),
      },
      portrait ? type.body : type.prompt - 4,
    );
    // The quotes stay as published: a page in another language marks them English, as the reveal does.
    const english = this.translator.language === 'en';
    mirrorEvidence(
      a11y,
      a11y.section(t('check:report.source'), 'region'),
      item.evidence,
      (source) => citationOf(this.services, this.translator, source, true),
      { t, ...(english ? {} : { translationLabel: t('play:translationLabel') }) },
    );
    a11y.focus(bottom.doms[index < total - 1 ? bottom.doms.length - 2 : bottom.doms.length - 1]);
    this.onKeys((event) => {
      if (event.key === 'ArrowLeft' && index > 0) go(index - 1);
      if (event.key === 'ArrowRight' && index < total - 1) go(index + 1);
      if (event.key === 'Escape') back();
    });
  }

  // ——— In a class ———

  /** A class check just finished: how it went, the way to its claims' evidence, and on to the class. */
  private showClassDone(done: { taken: TakenCheck; play?: ClassPlay }): void {
    const { taken, play } = done;
    const a11y = this.services.a11y;
    const { width, margin, gap } = this.frame;
    const outcomes = countOutcomes(
      taken.results.map((result) => ({
        itemId: result.itemId,
        itemAccurate: result.accurate,
        judgement: result.judgement,
        confidence: result.confidence,
      })),
    );
    const goOn = () => {
      if (!play) this.goTo(SceneKey.Title);
      // Before: on to the first question. After: on to the class's results (the wait screen asks the server).
      else
        this.goTo(SceneKey.ClassWait, {
          play,
          ...(play.view.class.status === 'ended' ? { note: 'ended' as const } : {}),
        });
    };
    const goOnLabel = !play
      ? this.t('check:classDone.done')
      : taken.stage === 'before'
        ? this.t('check:classDone.toQuestions')
        : this.t('check:classDone.toResults');
    const bottom = this.addBottomButtons(
      [
        {
          label: this.t('check:classDone.seeClaims'),
          action: () => this.goTo(SceneKey.CheckReport, { classCheck: { ...done, index: 0 } }),
          name: 'Claims',
        },
        { label: goOnLabel, action: goOn, name: 'Go on', primary: true },
      ],
      this.buttonHeight,
    );
    let top = this.contentTop;
    const notice = this.t(`check:classDone.sent.${taken.stage}`);
    top += this.addNotice({ text: notice, tone: 'good' }, margin, top, width - margin * 2) + gap;
    a11y.announce(notice);
    const lines = [
      this.t('check:classDone.hits', { hits: outcomes.hits, count: outcomes.hits + outcomes.misses }),
      this.t('check:classDone.falseAlarms', {
        falseAlarms: outcomes.falseAlarms,
        count: outcomes.falseAlarms + outcomes.correctRejections,
      }),
      this.t('check:classDone.openClaims'),
    ];
    this.addScrollList(
      { x: margin, y: top, width: width - margin * 2, height: bottom.top - gap - top },
      lines.map((text) => ({ text, color: this.textColors.paper })),
      'figures',
    );
    const region = a11y.section(this.t('check:classDone.region'), 'region');
    for (const line of lines) a11y.text(line, { parent: region }).dataset.name = 'figure';
    a11y.focus(bottom.doms[1]);
  }

  private showClassClaim(done: { taken: TakenCheck; play?: ClassPlay }, index: number): void {
    const { taken } = done;
    const result = taken.results[index];
    const back = () =>
      this.goTo(SceneKey.CheckReport, { classCheck: { taken, ...(done.play ? { play: done.play } : {}) } });
    if (!result) return back();
    this.renderClaim(
      {
        ...result,
        truth: result.accurate ? this.t('check:judgement.accurate') : this.t('check:judgement.not-accurate'),
        answer: result,
        heading: this.t('check:progress', { number: index + 1, total: taken.results.length, form: taken.form }),
      },
      index,
      taken.results.length,
      (to) => this.goTo(SceneKey.CheckReport, { classCheck: { ...done, index: to } }),
      this.t('check:report.back'),
      back,
    );
  }
}
