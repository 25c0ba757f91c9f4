import { checkingEvidenceIndex, CLAIM_JUDGEMENT_LABELS, isJudgementRight } from '../core/claims';
import { MODES } from '../core/modes';
import {
  calibrationReport,
  discernmentReport,
  SKILL_NAMES,
  skillReport,
  type CalibrationFit,
  type Tally,
} from '../core/reports';
import type { ClaimVerdict } from '../core/types';
import { CONFIDENCE_LABELS } from '../core/wager';
import { citationFor } from '../game/round';
import { checkReportLines, selfCheckStore } from '../game/selfChecks';
import { percent } from '../ui/format';
import type { ScrollItem } from '../ui/ScrollList';
import { ListScreen } from './ListScreen';
import { SceneKey } from './keys';
import type { ReportSceneData } from './sceneData';

const FIT_TEXT: Record<CalibrationFit, string> = {
  fits: 'about right for this level.',
  'over-confident': 'right less often than this level pays for: be less sure.',
  'under-confident': 'right often enough for a surer level: trust yourself more.',
  'too-few': 'too few answers to tell.',
};

/** How each verdict fared against the sources, for the list of the article's claims. */
const CLAIM_OUTCOME: Record<ClaimVerdict, { against: string; alone: string }> = {
  accurate: { against: 'held up against', alone: 'held up' },
  inaccurate: { against: 'failed against', alone: 'failed' },
  misleading: { against: 'is misleading next to', alone: 'is misleading' },
  unsupported: { against: 'is not settled by', alone: 'is settled by none of the sources' },
};

function rightOf(tally: Tally): string {
  return tally.asked === 0 ? 'none asked' : `${tally.right} of ${tally.asked} right (${percent(tally.rate)})`;
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
    const mode = MODES[session.plan.settings.mode];
    this.beginScreen(`Your report · ${mode.title}`);
    const { width, height, margin, gap, portrait } = this.frame;
    const a11y = this.services.a11y;
    this.addHomeButton();
    this.addSoundButton();
    this.addScreenTitle('Your report');

    const items: ScrollItem[] = [];
    const add = (text: string, options: Omit<ScrollItem, 'text'> = {}) => items.push({ text, ...options });

    // The move to practise next first: it is the one thing to take away.
    const skills = skillReport(round);
    add('Which move to practise', { heading: true });
    if (skills.tip) {
      add(`${SKILL_NAMES[skills.tip.skill]}. ${skills.tip.tip}`, { color: this.textColors.paper, bold: true });
      add(`The question that shows it: ${skills.tip.example.text}`, { color: this.textColors.paper });
    } else {
      add('Nothing missed: this round shows no move to practise.', { color: this.textColors.correct });
    }
    for (const row of skills.rows) {
      add(`${SKILL_NAMES[row.skill]}: ${rightOf(row)}`, {
        color: row.skill === skills.weakest ? this.textColors.wrong : this.textColors.muted,
      });
    }

    // The article's claims, one by one, against the source that settles each.
    const checked = session.log.flatMap((entry, index) => {
      const question = session.questions[index];
      return question?.claim?.verdict ? [{ entry, question, position: index + 1 }] : [];
    });
    if (checked.length > 0) {
      add("The article's claims", { heading: true });
      for (const { entry, question, position } of checked) {
        const claim = question.claim!;
        const verdict = claim.verdict!;
        const checking = question.evidence[checkingEvidenceIndex(question)];
        const outcome = checking
          ? `${CLAIM_OUTCOME[verdict].against} ${citationFor(this.services, checking.source)}`
          : CLAIM_OUTCOME[verdict].alone;
        const judged = entry.claimJudgement
          ? ` You said ${CLAIM_JUDGEMENT_LABELS[entry.claimJudgement]}: ${isJudgementRight(question, entry.claimJudgement) ? '✔ right' : '✘ not quite'}.`
          : '';
        add(`Question ${position}: “${claim.quote}” ${outcome}.${judged}`, {
          color: verdict === 'accurate' ? this.textColors.correct : this.textColors.paper,
        });
      }
    }

    // Doubt against discernment.
    const discernment = discernmentReport(round);
    add('True claims and false ones', { heading: true });
    add(`Answers on true but surprising claims: ${rightOf(discernment.answers.trueClaims)}.`, {
      color: this.textColors.muted,
    });
    add(`Answers on false or misleading claims: ${rightOf(discernment.answers.falseClaims)}.`, {
      color: this.textColors.muted,
    });
    if (discernment.judgements) {
      const j = discernment.judgements;
      add(
        `Your calls on the claims: true ones ${rightOf(j.trueClaims)}; false or misleading ones ${rightOf(j.falseClaims)}; ones the sources cannot settle ${rightOf(j.unsupported)}.`,
        { color: this.textColors.muted },
      );
    }
    add(discernment.message, { color: this.textColors.paper, bold: true });

    // Calibration, when the round had a wager.
    const wagered = session.log.some((entry) => entry.wager);
    if (wagered) {
      add('How sure you were', { heading: true });
      for (const row of calibrationReport(round)) {
        const range =
          row.confidence === 'guessing'
            ? `pays best below ${percent(row.bestFor.to)} right`
            : row.confidence === 'sure'
              ? `pays best from ${percent(row.bestFor.from)} right`
              : `pays best from ${percent(row.bestFor.from)} to ${percent(row.bestFor.to)} right`;
        const said = row.asked === 0 ? 'never chosen' : rightOf(row);
        add(
          `${CONFIDENCE_LABELS[row.confidence]} (${range}): ${said}${row.asked > 0 ? ` — ${FIT_TEXT[row.fit]}` : '.'}`,
          {
            color:
              row.fit === 'over-confident' || row.fit === 'under-confident'
                ? this.textColors.wrong
                : this.textColors.muted,
          },
        );
      }
    } else {
      add('How sure you were', { heading: true });
      add(
        'Turn on the confidence wager in Settings (it is on in Fact-check) to see how well your confidence matches your answers.',
        {
          color: this.textColors.muted,
        },
      );
    }

    // The learning check's figures, per check taken (Check yourself on the title).
    add('Check yourself', { heading: true });
    for (const line of checkReportLines(selfCheckStore(this.services.storage).get())) {
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
    const region = a11y.section('Your report', 'region');
    for (const item of items) {
      // Level 2 under the screen's h1: no level is skipped.
      if (item.heading) a11y.heading(item.text, 2, region);
      else a11y.text(item.text, { parent: region });
    }

    const buttonWidth = Math.min(300, (width - margin * 2 - gap) / 2);
    const y = height - margin - buttonHeight;
    const back = this.addButton(
      'Back to results',
      { x: width / 2 - buttonWidth - gap / 2, y, width: buttonWidth, height: buttonHeight },
      () => this.goTo(SceneKey.Results, data.back),
      { fill: this.colors.highlight, textColor: this.textColors.ink, name: 'Back to results' },
    );
    this.addButton(
      portrait ? 'Timeline' : 'See the timeline',
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
