import { checkingEvidenceIndex, CLAIM_JUDGEMENT_LABELS, isJudgementRight } from '../core/claims';
import { modeRules } from '../core/modes';
import { SETTLING_SOURCE_NOTES } from '../core/reports';
import { advance, lastAnswer, type AnswerRecord, type SessionState } from '../core/session';
import type { ClaimVerdict, Question } from '../core/types';
import { CONFIDENCE_LABELS } from '../core/wager';
import { compareWords, differingPhrases } from '../core/wordDiff';
import { asOfNote, asOfShortNote } from '../core/dates';
import { signedPoints } from '../ui/format';
import { citationFor } from '../game/round';
import { SOUND } from '../audio/cues';
import { ExcerptCard } from '../ui/ExcerptCard';
import type { Rect } from '../ui/layout';
import { NO_SOURCE_LABEL, NO_SOURCE_TEXT, NoSourceCard } from '../ui/NoSourceCard';
import { finishRound } from '../game/roundStart';
import { grow } from '../ui/motion';
import { addAnswerLine, addOutcomeBar } from '../ui/OutcomeBar';
import { spokenReveal } from '../ui/outcome';
import { mirrorAsOfNote, mirrorEvidence } from '../ui/evidenceMirror';
import { StreakMeter } from '../ui/StreakMeter';
import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';
import type { RevealSceneData } from './sceneData';
import { keepRound } from '../game/savedRounds';

/** The most of the screen's height the explanation may take from the cards above it. */
const MAX_EXPLANATION_SHARE = 0.22;

/** What each verdict means, said after the player's own call on the claim. */
const VERDICT_MEANING: Record<ClaimVerdict, string> = {
  accurate: 'the sources bear it out',
  inaccurate: 'the sources contradict it',
  misleading: 'it is misleading',
  unsupported: 'the sources cannot settle it',
};

/** After every answer: the outcome, the source excerpt that settles it, the claim beside it, and why. */
export class RevealScene extends BaseScene<'reveal'> {
  private session!: SessionState;
  private card?: ExcerptCard | NoSourceCard;

  constructor() {
    super(SceneKey.Reveal);
  }

  create(data: RevealSceneData): void {
    this.session = data.session;
    keepRound(this.services, this.session);
    // Paging through the excerpts redraws the screen: the outcome is not sounded or announced again.
    const revisit = data.evidenceIndex !== undefined;
    const rules = modeRules(this.session.plan.settings);
    const question = this.session.questions[this.session.index]!;
    const record = lastAnswer(this.session)!;
    const total = this.session.plan.questions.length;
    const home = this.beginWithCorners(`Answer to question ${this.session.index + 1} of ${total}`, () =>
      this.askToLeave(),
    );
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const reduceMotion = this.services.reduceMotion;
    const sound = this.services.sound;

    const right = question.choices.find((choice) => choice.correct)!;
    const picked = record.choiceIndex === null ? undefined : question.choices[record.choiceIndex];
    const words = {
      correct: record.correct,
      timedOut: record.timedOut,
      points: record.points,
      right: right.text,
      picked: picked?.text,
    };
    const barY = margin * 0.6 + home.canvas.rect.height / 2;
    const { verdict: outcomeText, pointsRow } = addOutcomeBar(this, this.frame, a11y, {
      outcome: words,
      pointsText: signedPoints(record.points),
      barY,
      right: this.cornerLeft,
      streak:
        this.session.streak > 1
          ? (x, y) =>
              new StreakMeter(this, x, y, this.session.streak, type.small, { justGrew: record.correct, reduceMotion })
          : undefined,
      emphasize: !revisit,
      reduceMotion,
    });
    // Time's up already sounded on the question; right and wrong sound as their verdict appears.
    if (revisit) {
      // Sounded on the first visit.
    } else if (record.correct) sound.play('correct');
    else if (!record.timedOut) sound.play('wrong');
    if (!revisit && record.correct && this.session.streak > 1) {
      const semitones = Math.min(SOUND.streakMaxSemitones, this.session.streak - 2);
      sound.play('streak', { delayMs: SOUND.streakDelayMs, semitones });
    }
    if (!portrait) {
      addText(this, width / 2 + width * 0.12, barY, `${this.session.score.toLocaleString('en-US')} pts`, {
        size: type.body,
        color: this.textColors.muted,
      }).setOrigin(0, 0.5);
    }

    let top = barY + Math.max(home.canvas.rect.height / 2, outcomeText.height / 2) + pointsRow + gap;
    const answerText = addAnswerLine(this, this.frame, top, words, (text, maxHeight, name, minSize) =>
      this.fit(text, maxHeight, name, minSize),
    );
    // The right answer, underlined on its first line by a mark drawn out from the left.
    const probe = addText(this, 0, 0, `Answer: ${right.text}`, {
      size: parseInt(String(answerText.style.fontSize), 10),
      bold: true,
    });
    const markWidth = Math.min(probe.width, width - margin * 2);
    probe.destroy();
    const lineHeight = answerText.height / Math.max(1, answerText.getWrappedText().length);
    const mark = this.add.rectangle(margin, top + lineHeight + 1, markWidth, 4, this.colors.correct).setOrigin(0, 0.5);
    grow(this, mark, reduceMotion, 'x');
    top += answerText.height + gap;
    const feedback = picked && !record.correct ? picked.feedback : undefined;
    if (feedback) {
      const feedbackText = addText(this, margin, top, feedback, {
        size: type.small,
        color: this.textColors.muted,
        wrapWidth: width - margin * 2,
      });
      this.fit(feedbackText, type.small * 2.6, 'feedback', 13);
      top += feedbackText.height + gap;
    }
    // The player's call on the claim and their wager, each marked.
    const calls = callsOf(question, record);
    if (calls) {
      const callsText = addText(this, margin, top, calls, {
        size: type.small,
        bold: true,
        color: this.textColors.paper,
        wrapWidth: width - margin * 2,
      });
      this.fit(callsText, type.small * 2.6, 'calls', 13);
      top += callsText.height + gap;
      a11y.text(calls).dataset.name = 'calls';
    }

    // The evidence: one card, or the claim and the source side by side (stacked on a phone).
    const nextHeight = Math.max(56, type.button * 2.2);
    // Practice says why the source settles it as well as why the answer is right: it needs more room.
    const explanationHeight = (portrait ? height * 0.17 : height * 0.15) * (rules.retries ? 1.5 : 1);
    // A teacher's question may quote no source: its card says so instead of showing an excerpt.
    const evidenceCount = question.evidence.length;
    // A claim is first shown beside the excerpt that checks it, not beside another line of its own article.
    const evidenceIndex = data.evidenceIndex ?? Math.max(0, checkingEvidenceIndex(question));
    const shownIndex = Math.min(Math.max(0, evidenceIndex), Math.max(0, evidenceCount - 1));
    const evidence = question.evidence[shownIndex];
    // The claim and its source, details that differ underlined in both.
    const compared = question.claim && evidence ? compareWords(question.claim.quote, evidence.quote) : undefined;
    const differing = compared && [...compared.claim, ...compared.source].some((word) => word.differs);
    // The legend and the explanation under the cards have the room they need first (up to a share of the screen):
    // at large text sizes a quote can scroll, a legend off the screen or an explanation cut short cannot.
    const legend = differing
      ? addText(this, margin, 0, 'Underlined: details that one text has and the other lacks.', {
          size: Math.max(14, type.small - 2),
          color: this.textColors.muted,
          wrapWidth: width - margin * 2,
        })
      : undefined;
    // Below the cards the legend adds its height and a tenth of a gap to the space before the explanation.
    const legendRoom = legend ? legend.height + gap * 0.1 : 0;
    const explained = question.explanation ? `Why: ${question.explanation}` : 'No explanation given.';
    const settles = evidence ? `Why this source settles it: ${SETTLING_SOURCE_NOTES[question.skill]}` : '';
    const whyLine = rules.retries && settles ? `${explained}\n${settles}` : explained;
    const why = addText(this, margin, 0, whyLine, {
      size: type.body,
      color: question.explanation ? this.textColors.paper : this.textColors.muted,
      wrapWidth: width - margin * 2,
    });
    const explanationRoom = Math.max(
      explanationHeight,
      Math.min(why.height + gap * 1.5, height * MAX_EXPLANATION_SHARE),
    );
    const cardsBottom = height - margin - nextHeight - gap - explanationRoom - legendRoom;
    const sourceLabel =
      evidenceCount > 1 ? `The source says (${shownIndex + 1} of ${evidenceCount})` : 'The source says';
    const sourceCard = (space: Rect, fontSize: number) =>
      evidence
        ? new ExcerptCard(
            this,
            space,
            {
              label: sourceLabel,
              quote: evidence.quote,
              citation: citationFor(this.services, evidence.source),
              marks: compared?.source,
            },
            fontSize,
          )
        : new NoSourceCard(this, space, fontSize);
    const cardFont = portrait ? type.body : type.prompt - 4;
    let cardsEnd: number;
    if (question.claim) {
      const claimCard = {
        label: 'The article claimed',
        quote: question.claim.quote,
        citation: citationFor(this.services, question.claim.source),
        marks: compared?.claim,
      };
      if (portrait) {
        const available = cardsBottom - top - gap;
        const claim = new ExcerptCard(
          this,
          { x: margin, y: top, width: width - margin * 2, height: available * 0.42 },
          claimCard,
          Math.round(cardFont * 0.9),
        );
        const sourceTop = top + claim.height + gap;
        this.card = sourceCard(
          { x: margin, y: sourceTop, width: width - margin * 2, height: cardsBottom - sourceTop },
          cardFont,
        );
        cardsEnd = sourceTop + this.card.height;
      } else {
        const w = (width - margin * 2 - gap * 2) / 2;
        const claim = new ExcerptCard(
          this,
          { x: margin, y: top, width: w, height: cardsBottom - top },
          claimCard,
          cardFont,
        );
        this.card = sourceCard({ x: margin + w + gap * 2, y: top, width: w, height: cardsBottom - top }, cardFont);
        cardsEnd = top + Math.max(claim.height, this.card.height);
      }
    } else {
      this.card = sourceCard({ x: margin, y: top, width: width - margin * 2, height: cardsBottom - top }, cardFont);
      cardsEnd = top + this.card.height;
    }

    let whyTop = cardsEnd + gap * 1.5;
    if (legend) {
      legend.setY(cardsEnd + gap * 0.6);
      whyTop = legend.y + legend.height + gap;
    }
    // A fact that can change after its document is dated under the explanation, in the same fitted text: the
    // whole note, or the date alone where there is no room (the Source region always has the whole note).
    const asOf = asOfNote(question);
    const asOfShort = asOfShortNote(question);
    why.setY(whyTop);
    this.fitFirstThatFits(
      why,
      asOf && asOfShort ? [`${whyLine}\n${asOf}`, `${whyLine}\n${asOfShort}`, whyLine] : [whyLine],
      height - margin - nextHeight - gap - whyTop,
      'explanation',
    );

    const moreEvidence = evidenceCount > 1;
    const nextWidth = Math.min(
      portrait ? (moreEvidence ? (width - margin * 2 - gap) / 2 : width - margin * 2) : 300,
      width - margin * 2,
    );
    const last = this.session.index + 1 >= total;
    const next = this.addButton(
      last ? 'See results ⏎' : 'Next ⏎',
      { x: width - margin - nextWidth, y: height - margin - nextHeight, width: nextWidth, height: nextHeight },
      () => this.next(),
      { fill: this.colors.highlight, textColor: this.textColors.ink, accessibleLabel: 'Next', name: 'Next' },
    );
    const showEvidence = (index: number) =>
      this.goTo(SceneKey.Reveal, {
        session: this.session,
        evidenceIndex: (index + evidenceCount) % evidenceCount,
        paged: true,
      });
    let paging: HTMLButtonElement | undefined;
    if (moreEvidence) {
      paging = this.addButton(
        `Excerpt ${((shownIndex + 1) % evidenceCount) + 1} of ${evidenceCount} ▸`,
        {
          x: width - margin - nextWidth * 2 - gap,
          y: height - margin - nextHeight,
          width: nextWidth,
          height: nextHeight,
        },
        () => showEvidence(shownIndex + 1),
        { accessibleLabel: 'Show the next excerpt on the card', name: 'More evidence' },
      ).dom;
    }

    // The accessible mirror: outcome first (live), then the source region, then Next.
    const announcement = spokenReveal(words, {
      feedback,
      calls,
      streak: this.session.streak,
      score: this.session.score,
    });
    if (!revisit) {
      a11y.announce(`${announcement} ${evidence ? `The source says: “${evidence.quote}”` : `${NO_SOURCE_LABEL}.`}`);
    }
    a11y.text(announcement, { label: 'Outcome' });
    const region = a11y.section('Source', 'region');
    if (question.claim) {
      a11y.text(
        `The article claimed: “${question.claim.quote}” — ${citationFor(this.services, question.claim.source)}`,
        { parent: region },
      );
    }
    mirrorEvidence(a11y, region, question.evidence, (source) => citationFor(this.services, source));
    if (!evidence) a11y.text(`${NO_SOURCE_LABEL}. ${NO_SOURCE_TEXT}`, { parent: region }).dataset.name = 'no-source';
    if (compared) {
      const claimSide = differingPhrases(compared.claim);
      const sourceSide = differingPhrases(compared.source);
      if (claimSide.length + sourceSide.length > 0) {
        a11y.text(
          `Details that differ. The article: ${claimSide.join(', ') || 'none'}. The source: ${sourceSide.join(', ') || 'none'}.`,
          { parent: region },
        ).dataset.name = 'differences';
      }
    }
    a11y.text(whyLine, { parent: region });
    mirrorAsOfNote(a11y, region, asOf);
    a11y.text(`Score: ${this.session.score}`, { label: 'Score' });
    if (data.paged && paging && evidence) {
      // Paging says what the card now shows, and keeps focus where the next page is.
      a11y.announce(
        `Excerpt ${shownIndex + 1} of ${evidenceCount}: “${evidence.quote}” — ${citationFor(this.services, evidence.source)}`,
      );
      a11y.focus(paging);
    } else a11y.focus(next.dom);

    this.onAnswerKeys({
      next: () => this.next(),
      scrollBy: (delta) => this.card?.scrollBy(delta),
      leave: () => this.askToLeave(),
    });
    this.onKeys((event) => {
      if (moreEvidence && event.key.toLowerCase() === 'e') showEvidence(shownIndex + 1);
    });
  }

  /** A way out of the round asks first (see PauseScene); Escape there comes back here. */
  private askToLeave(): void {
    this.goTo(SceneKey.Pause, { session: this.session, leaving: true });
  }

  private next(): void {
    if (this.leaving) return;
    const next = advance(this.session, this.services.now());
    if (next.phase === 'finished') {
      this.goTo(SceneKey.Results, finishRound(this.services, next));
      return;
    }
    this.goTo(SceneKey.Question, { session: next });
  }
}

/** "You judged the claim Inaccurate: right, it is misleading. You were Sure: +3,000." — or nothing to say. */
function callsOf(question: Question, record: AnswerRecord): string | undefined {
  const parts: string[] = [];
  const verdict = question.claim?.verdict;
  if (record.claimJudgement && verdict) {
    const right = isJudgementRight(question, record.claimJudgement);
    parts.push(
      `You judged the claim ${CLAIM_JUDGEMENT_LABELS[record.claimJudgement]}: ${right ? 'right' : 'not quite'}, ${VERDICT_MEANING[verdict]}.`,
    );
  }
  if (record.wager) {
    parts.push(`You were ${CONFIDENCE_LABELS[record.wager.confidence]}: ${signedPoints(record.wager.points)}.`);
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}
