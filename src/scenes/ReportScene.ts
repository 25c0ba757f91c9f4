import { checkingEvidenceIndex, isJudgementRight } from '../core/claims';
import { localQuestion } from '../game/spanishQuestions';
import { briefPrompt, calibrationReport, discernmentReport, skillReport, type Tally } from '../core/reports';
import { MIN_ITEMS_TO_COMPARE } from '../core/settings';
import type { Translate } from '../i18n/translator';
import { citationFor } from '../game/round';
import { checkReportLines } from '../game/selfChecks';
import { selfCheckStore } from '../storage/SelfCheckStore';
import { percent } from '../ui/format';
import type { ScrollItem } from '../ui/ScrollList';
import { ListScreen } from './ListScreen';
import { SceneKey } from './keys';
import type { ReportSceneData } from './sceneData';

function rightOf(tally: Tally, t: Translate): string {
  return tally.asked === 0
    ? t('menu:report.noneAsked')
    : t('menu:report.rightOf', { right: tally.right, asked: tally.asked, percent: percent(tally.rate) });
}

/**
 * What the round says about the player: which of the article's claims failed against which source, how
 * well their confidence matched their answers, whether they over-doubt true claims, and which SIFT move to
 * practise next, with the question that shows it. Every figure comes from src/core/reports.ts.
 */
export class ReportScene extends ListScreen<'report'> {
  constructor() {
    super(SceneKey.Report);
  }

  create(data: ReportSceneData): void {
    const session = data.session;
    const round = { questions: session.questions, log: session.log };
    const t = this.t;
    this.beginScreen(t('menu:report.heading', { mode: t(`common:mode.${session.plan.settings.mode}.title`) }));
    const { width, height, margin, gap, portrait } = this.frame;
    const a11y = this.services.a11y;
    this.addHomeButton();
    this.addSoundButton();
    this.addScreenTitle(t('menu:report.title'));

    const items: ScrollItem[] = [];
    const add = (text: string, options: Omit<ScrollItem, 'text'> = {}) => items.push({ text, ...options });

    // The move to practise next first: it is the one thing to take away.
    const skills = skillReport(round);
    add(t('menu:report.practise'), { heading: true });
    if (skills.tip) {
      const { skill, example } = skills.tip;
      add(t('menu:report.tip', { skill: t(`menu:skill.${skill}`), tip: t(`menu:skillTip.${skill}`) }), {
        color: this.textColors.paper,
        bold: true,
      });
      const missed = session.questions.find((question) => question.id === example.questionId);
      const prompt = briefPrompt(missed ? localQuestion(this.services, this.translator, missed).prompt : '');
      add(t('menu:report.example', { position: example.position, prompt }), { color: this.textColors.paper });
    } else {
      add(t('menu:report.nothingMissed'), { color: this.textColors.correct });
    }
    for (const row of skills.rows) {
      add(t('menu:report.skillRow', { skill: t(`menu:skill.${row.skill}`), right: rightOf(row, t) }), {
        color: row.skill === skills.weakest ? this.textColors.wrong : this.textColors.muted,
      });
    }

    // The article's claims, one by one, against the source that settles each.
    const checked = session.log.flatMap((entry, index) => {
      const question = session.questions[index];
      return question?.claim?.verdict ? [{ entry, question, position: index + 1 }] : [];
    });
    if (checked.length > 0) {
      add(t('menu:report.claims'), { heading: true });
      for (const { entry, question, position } of checked) {
        const claim = question.claim!;
        const verdict = claim.verdict!;
        const checking = question.evidence[checkingEvidenceIndex(question)];
        const line = checking
          ? t(`menu:report.claim.${verdict}.against`, {
              position,
              quote: claim.quote,
              source: citationFor(this.services, checking.source),
            })
          : t(`menu:report.claim.${verdict}.alone`, { position, quote: claim.quote });
        const judged = entry.claimJudgement
          ? t(isJudgementRight(question, entry.claimJudgement) ? 'menu:report.saidRight' : 'menu:report.saidWrong', {
              judgement: t(`menu:judgement.${entry.claimJudgement}`),
            })
          : '';
        add(judged ? t('menu:report.claimJudged', { claim: line, judged }) : line, {
          color: verdict === 'accurate' ? this.textColors.correct : this.textColors.paper,
        });
      }
    }

    // Doubt against discernment.
    const discernment = discernmentReport(round);
    add(t('menu:report.trueAndFalse'), { heading: true });
    add(t('menu:report.trueAnswers', { right: rightOf(discernment.answers.trueClaims, t) }), {
      color: this.textColors.muted,
    });
    add(t('menu:report.falseAnswers', { right: rightOf(discernment.answers.falseClaims, t) }), {
      color: this.textColors.muted,
    });
    if (discernment.judgements) {
      const j = discernment.judgements;
      add(
        t('menu:report.calls', {
          trueClaims: rightOf(j.trueClaims, t),
          falseClaims: rightOf(j.falseClaims, t),
          unsupported: rightOf(j.unsupported, t),
        }),
        { color: this.textColors.muted },
      );
    }
    add(t(`menu:report.discernment.${discernment.weaker}`, { count: MIN_ITEMS_TO_COMPARE }), {
      color: this.textColors.paper,
      bold: true,
    });

    // Calibration, when the round had a wager.
    const wagered = session.log.some((entry) => entry.wager);
    if (wagered) {
      add(t('menu:report.howSure'), { heading: true });
      for (const row of calibrationReport(round)) {
        const range =
          row.confidence === 'guessing'
            ? t('menu:report.paysBelow', { to: percent(row.bestFor.to) })
            : row.confidence === 'sure'
              ? t('menu:report.paysFrom', { from: percent(row.bestFor.from) })
              : t('menu:report.paysBetween', { from: percent(row.bestFor.from), to: percent(row.bestFor.to) });
        const level = t(`menu:confidence.${row.confidence}`);
        add(
          row.asked === 0
            ? t('menu:report.neverChosen', { level, range })
            : t('menu:report.level', { level, range, right: rightOf(row, t), fit: t(`menu:report.fit.${row.fit}`) }),
          {
            color:
              row.fit === 'over-confident' || row.fit === 'under-confident'
                ? this.textColors.wrong
                : this.textColors.muted,
          },
        );
      }
    } else {
      add(t('menu:report.howSure'), { heading: true });
      add(t('menu:report.noWager'), {
        color: this.textColors.muted,
      });
    }

    // The learning check's figures, per check taken (Check yourself on the title).
    add(t('menu:report.check'), { heading: true });
    for (const line of checkReportLines(selfCheckStore(this.services.storage).get(), this.translator)) {
      add(line.text, {
        bold: line.heading || line.strong,
        color: line.heading || line.strong ? this.textColors.paper : this.textColors.muted,
      });
    }

    const buttonHeight = this.buttonHeight;
    const top = this.contentTop;
    const listRect = {
      x: margin,
      y: top,
      width: width - margin * 2,
      height: height - margin - buttonHeight - gap - top,
    };
    this.addScrollList(listRect, items, 'report');
    const region = a11y.section(t('menu:report.title'), 'region');
    for (const item of items) {
      // Level 2 under the screen's h1: no level is skipped.
      if (item.heading) a11y.heading(item.text, 2, region);
      else a11y.text(item.text, { parent: region });
    }

    const buttonWidth = Math.min(300, (width - margin * 2 - gap) / 2);
    const y = height - margin - buttonHeight;
    const back = this.addButton(
      t('menu:report.back'),
      { x: width / 2 - buttonWidth - gap / 2, y, width: buttonWidth, height: buttonHeight },
      () => this.goTo(SceneKey.Results, data.back),
      { fill: this.colors.highlight, textColor: this.textColors.ink, name: 'Back to results' },
    );
    this.addButton(
      portrait ? t('menu:report.timelineShort') : t('menu:report.timeline'),
      { x: width / 2 + gap / 2, y, width: buttonWidth, height: buttonHeight },
      () => this.goTo(SceneKey.Timeline, { source: 'round', session, back: data.back }),
      { name: 'Timeline' },
    );
    a11y.focus(back.dom);
    this.onKeys((event) => {
      if (this.scrollKey(event)) return;
      if (event.key === 'Escape' || event.key === 'Backspace') this.goTo(SceneKey.Results, data.back);
      if (event.key.toLowerCase() === 't') this.goTo(SceneKey.Timeline, { source: 'round', session, back: data.back });
    });
  }
}
