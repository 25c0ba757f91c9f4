import { checkingEvidenceIndex, isJudgementRight } from '../core/claims';
import { modeRules } from '../core/modes';
import { advance, lastAnswer, type AnswerRecord, type SessionState } from '../core/session';
import type { Question } from '../core/types';
import { compareWords, differingPhrases } from '../core/wordDiff';
import { signedPoints } from '../ui/format';
import { asOfNoteIn, asOfShortNoteIn, citationOf, shownQuestion } from '../game/playTexts';
import type { Translator } from '../i18n/translator';
import { SOUND } from '../audio/cues';
import { ExcerptCard } from '../ui/ExcerptCard';
import type { Rect } from '../ui/layout';
import { NoSourceCard } from '../ui/NoSourceCard';
import { finishRound } from '../game/roundStart';
import { grow } from '../ui/motion';
import { addAnswerLine, addFeedbackLine, addOutcomeBar } from '../ui/OutcomeBar';
import { revealAnnouncement, spokenReveal } from '../ui/outcome';
import { mirrorAsOfNote, mirrorEvidence, mirrorNoSource } from '../ui/evidenceMirror';
import { StreakMeter } from '../ui/StreakMeter';
import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';
import type { RevealSceneData } from './sceneData';
import { keepRound } from '../game/savedRounds';
import { TYPE } from '../ui/theme';
import { TEXT_SCALES } from '../core/preferences';
import { minTargetFor } from '../ui/touchTarget';

/** The most of the screen's height the explanation may take from the cards above it. */
const MAX_EXPLANATION_SHARE = 0.22;

/** After every answer: the outcome, the source excerpt that settles it, the claim beside it, and why. */
export class RevealScene extends BaseScene<'reveal'> {
  private session!: SessionState;
  private card?: ExcerptCard | NoSourceCard;
  /** Set while this build is being replaced by one at a smaller text size (its explanation did not fit). */
  refitting = false;

  constructor() {
    super(SceneKey.Reveal);
  }

  create(data: RevealSceneData): void {
    this.session = data.session;
    this.refitting = false;
    this.cameras.main.setVisible(true);
    keepRound(this.services, this.session);
    // Paging through the excerpts redraws the screen: the outcome is not sounded or announced again; nor when the
    // screen is laid out again at a smaller text size.
    const revisit = data.evidenceIndex !== undefined;
    const textScale = data.textScale ?? this.services.preferences.get().textScale;
    const rules = modeRules(this.session.plan.settings);
    const question = this.session.questions[this.session.index]!;
    const record = lastAnswer(this.session)!;
    const total = this.session.plan.questions.length;
    const t = this.t;
    const translator = this.translator;
    const shown = shownQuestion(this.services, translator, question);
    const cite = (source: string) => citationOf(this.services, translator, source);
    const citeInFull = (source: string) => citationOf(this.services, translator, source, true);
    const home = this.beginWithCorners(
      t('play:reveal.screen', { number: this.session.index + 1, total }),
      () => this.askToLeave(),
      textScale,
    );
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const reduceMotion = this.services.reduceMotion;
    const sound = this.services.sound;

    const right = shown.choices[question.choices.findIndex((choice) => choice.correct)]!;
    const picked = record.choiceIndex === null ? undefined : shown.choices[record.choiceIndex];
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
      pointsText: signedPoints(record.points, (value) => translator.formatNumber(value)),
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
    if (revisit || data.textScale !== undefined) {
      // Sounded on the first visit.
    } else if (record.correct) sound.play('correct');
    else if (!record.timedOut) sound.play('wrong');
    if (!revisit && data.textScale === undefined && record.correct && this.session.streak > 1) {
      const semitones = Math.min(SOUND.streakMaxSemitones, this.session.streak - 2);
      sound.play('streak', { delayMs: SOUND.streakDelayMs, semitones });
    }
    if (!portrait) {
      const points = t('play:score.points', { score: translator.formatNumber(this.session.score) });
      addText(this, width / 2 + width * 0.12, barY, points, {
        size: type.body,
        color: this.textColors.muted,
      }).setOrigin(0, 0.5);
    }

    let top = barY + Math.max(home.canvas.rect.height / 2, outcomeText.height / 2) + pointsRow + gap;
    const fitText: Parameters<typeof addAnswerLine>[4] = (...args) => this.fit(...args);
    const answerText = addAnswerLine(this, this.frame, top, words, fitText);
    // The right answer, underlined on its first line by a mark drawn out from the left.
    const probe = addText(this, 0, 0, t('play:outcome.answer', { right: right.text }), {
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
      top += addFeedbackLine(this, this.frame, top, feedback, fitText) + gap;
    }
    // The player's call on the claim and their wager, each marked.
    const calls = callsOf(question, record, translator);
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
    const evidenceCount = question.evidence.length;
    const moreEvidence = evidenceCount > 1;
    const nextWidth = Math.min(
      portrait ? (moreEvidence ? (width - margin * 2 - gap) / 2 : width - margin * 2) : 300,
      width - margin * 2,
    );
    // On a wide screen the explanation shares the bottom band with the buttons, which stand one above the other at
    // its right: the cards keep the height a row of buttons under the explanation took (at 150 % text a fact-check's
    // two cards, calls and legend left the explanation no room). On a phone the buttons are a row under it.
    const stacked = !portrait && moreEvidence;
    // Two buttons one above the other are each a little lower (never below a finger's target).
    const buttonHeight = stacked ? Math.max(minTargetFor(this.frame), Math.round(type.button * 1.6)) : nextHeight;
    const buttonsHeight = stacked ? buttonHeight * 2 + gap : buttonHeight;
    const whyWidth = portrait ? width - margin * 2 : width - margin * 2 - nextWidth - gap * 2;
    // Practice says why the source settles it as well as why the answer is right: it needs more room.
    const explanationHeight = (portrait ? height * 0.17 : height * 0.15) * (rules.retries ? 1.5 : 1);
    // A teacher's question may quote no source: its card says so instead of showing an excerpt.
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
      ? addText(this, margin, 0, t('play:reveal.underlined'), {
          size: Math.max(14, type.small - 2),
          color: this.textColors.muted,
          wrapWidth: whyWidth,
        })
      : undefined;
    // Below the cards the legend adds its height and a tenth of a gap to the space before the explanation.
    const legendRoom = legend ? legend.height + gap * 0.1 : 0;
    const explained = shown.explanation
      ? t('play:reveal.why', { explanation: shown.explanation })
      : t('play:reveal.noExplanation');
    const settles = evidence ? t('play:reveal.settles', { note: t(`play:settlingNote.${question.skill}`) }) : '';
    const whyLine = rules.retries && settles ? `${explained}\n${settles}` : explained;
    const why = addText(this, margin, 0, whyLine, {
      size: type.body,
      color: shown.explanation ? this.textColors.paper : this.textColors.muted,
      wrapWidth: whyWidth,
    });
    // Beside the buttons the explanation is narrower: under a single card on a wide screen it may also take the
    // height a row of buttons under it took (a long explanation in a longer language).
    const explanationCap = height * MAX_EXPLANATION_SHARE + (portrait || question.claim ? 0 : nextHeight + gap);
    const explanationRoom = Math.max(explanationHeight, Math.min(why.height + gap * 1.5, explanationCap));
    const bottomBand = portrait
      ? nextHeight + gap + explanationRoom
      : Math.max(explanationRoom, buttonsHeight + gap * 1.5);
    const cardsBottom = height - margin - bottomBand - legendRoom;
    const sourceLabel =
      evidenceCount > 1
        ? t('play:reveal.sourceSaysOf', { number: shownIndex + 1, total: evidenceCount })
        : t('play:reveal.sourceSays');
    const translationOf = (text: string | undefined) =>
      text && shown.translationLabel ? { translation: { label: shown.translationLabel, text } } : {};
    const sourceCard = (space: Rect, fontSize: number, minFontSize?: number) =>
      evidence
        ? new ExcerptCard(
            this,
            space,
            {
              label: sourceLabel,
              quote: evidence.quote,
              citation: cite(evidence.source),
              marks: compared?.source,
              ...translationOf(shown.evidenceTranslations[shownIndex]),
            },
            fontSize,
            minFontSize,
          )
        : new NoSourceCard(this, space, fontSize);
    const cardFont = portrait ? type.body : type.prompt - 4;
    // Two cards side by side on a wide screen may step their type down to the body size at 100 % text, so that
    // large text leaves them room for more than a line of each quote.
    const sideBySideMinFont = Math.min(Math.round(cardFont * 0.7), TYPE.landscape.body);
    let cardsEnd: number;
    if (question.claim) {
      const claimCard = {
        label: t('play:reveal.articleClaimed'),
        quote: question.claim.quote,
        citation: cite(question.claim.source),
        marks: compared?.claim,
        ...translationOf(shown.claimTranslation),
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
          sideBySideMinFont,
        );
        this.card = sourceCard(
          { x: margin + w + gap * 2, y: top, width: w, height: cardsBottom - top },
          cardFont,
          sideBySideMinFont,
        );
        cardsEnd = top + Math.max(claim.height, this.card.height);
      }
    } else {
      this.card = sourceCard({ x: margin, y: top, width: width - margin * 2, height: cardsBottom - top }, cardFont);
      cardsEnd = top + this.card.height;
    }

    // Cards that outgrew their space (large text, little room) must still end above the buttons beside the words.
    if (!portrait && cardsEnd + gap > height - margin - buttonsHeight) a11y.markOverflow('cards');
    let whyTop = cardsEnd + gap * 1.5;
    if (legend) {
      legend.setY(cardsEnd + gap * 0.6);
      whyTop = legend.y + legend.height + gap;
    }
    // A fact that can change after its document is dated under the explanation, in the same fitted text: the
    // whole note, or the date alone where there is no room (the Source region always has the whole note).
    const asOf = asOfNoteIn(translator, question);
    const asOfShort = asOfShortNoteIn(translator, question);
    why.setY(whyTop);
    const fits = this.fitFirstThatFits(
      why,
      asOf && asOfShort ? [`${whyLine}\n${asOf}`, `${whyLine}\n${asOfShort}`, whyLine] : [whyLine],
      height - margin - (portrait ? nextHeight + gap : 0) - whyTop,
      'explanation',
    );
    // Large text on a small phone (a fact-check's claim, source, calls and legend stacked): the whole reveal is laid
    // out again a text size smaller, down to 100 %, rather than cut its explanation short. The camera shows nothing
    // of this build meanwhile.
    const smaller = TEXT_SCALES.filter((scale) => scale < textScale).at(-1);
    if (!fits && portrait && smaller !== undefined) {
      this.refitting = true;
      this.cameras.main.setVisible(false);
      this.scene.restart({ ...data, textScale: smaller });
      return;
    }

    const last = this.session.index + 1 >= total;
    const next = this.addButton(
      last ? t('play:reveal.seeResults') : t('play:reveal.next'),
      { x: width - margin - nextWidth, y: height - margin - buttonHeight, width: nextWidth, height: buttonHeight },
      () => this.next(),
      {
        fill: this.colors.highlight,
        textColor: this.textColors.ink,
        accessibleLabel: t('play:reveal.nextLabel'),
        name: 'Next',
      },
    );
    const showEvidence = (index: number) =>
      this.goTo(SceneKey.Reveal, {
        session: this.session,
        evidenceIndex: (index + evidenceCount) % evidenceCount,
        paged: true,
        // The question's other excerpts keep the size its first was laid out at.
        ...(data.textScale === undefined ? {} : { textScale: data.textScale }),
      });
    let paging: HTMLButtonElement | undefined;
    if (moreEvidence) {
      paging = this.addButton(
        t('play:reveal.nextExcerpt', { number: ((shownIndex + 1) % evidenceCount) + 1, total: evidenceCount }),
        {
          x: portrait ? width - margin - nextWidth * 2 - gap : width - margin - nextWidth,
          y: height - margin - buttonHeight - (stacked ? buttonHeight + gap : 0),
          width: nextWidth,
          height: buttonHeight,
        },
        () => showEvidence(shownIndex + 1),
        { accessibleLabel: t('play:reveal.nextExcerptLabel'), name: 'More evidence' },
      ).dom;
    }

    // The accessible mirror: outcome first (live), then the source region, then Next.
    const announcement = spokenReveal(
      words,
      { feedback, calls, streak: this.session.streak, score: this.session.score },
      translator,
    );
    if (!revisit) {
      a11y.announce(revealAnnouncement(announcement, evidence?.quote, translator));
    }
    a11y.text(announcement, { label: t('play:reveal.outcomeLabel') });
    const region = a11y.section(t('play:reveal.sourceRegion'), 'region');
    const mirrorWords = { t, ...(shown.translationLabel ? { translationLabel: shown.translationLabel } : {}) };
    if (question.claim) {
      a11y.text(
        t('play:reveal.claimMirror', { quote: question.claim.quote, citation: citeInFull(question.claim.source) }),
        { parent: region },
      );
      if (shown.claimTranslation && shown.translationLabel) {
        a11y.text(
          t('play:evidence.translation', { label: shown.translationLabel, translation: shown.claimTranslation }),
          { parent: region },
        );
      }
    }
    mirrorEvidence(
      a11y,
      region,
      question.evidence.map((excerpt, index) => ({
        ...excerpt,
        ...(shown.evidenceTranslations[index] ? { translation: shown.evidenceTranslations[index] } : {}),
      })),
      citeInFull,
      mirrorWords,
    );
    if (!evidence) mirrorNoSource(a11y, region, t);
    if (compared) {
      const claimSide = differingPhrases(compared.claim);
      const sourceSide = differingPhrases(compared.source);
      if (claimSide.length + sourceSide.length > 0) {
        const none = t('play:reveal.noDifference');
        a11y.text(
          t('play:reveal.differences', {
            claim: claimSide.join(', ') || none,
            source: sourceSide.join(', ') || none,
          }),
          { parent: region },
        ).dataset.name = 'differences';
      }
    }
    a11y.text(whyLine, { parent: region });
    mirrorAsOfNote(a11y, region, asOf);
    a11y.text(t('play:score.text', { score: this.session.score }), { label: t('play:score.label') });
    if (data.paged && paging && evidence) {
      // Paging says what the card now shows, and keeps focus where the next page is.
      a11y.announce(
        t('play:reveal.paged', {
          number: shownIndex + 1,
          total: evidenceCount,
          quote: evidence.quote,
          citation: citeInFull(evidence.source),
        }),
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
function callsOf(question: Question, record: AnswerRecord, translator: Translator): string | undefined {
  const { t } = translator;
  const parts: string[] = [];
  const verdict = question.claim?.verdict;
  if (record.claimJudgement && verdict) {
    const right = isJudgementRight(question, record.claimJudgement);
    const said = {
      judgement: t(`play:judgement.${record.claimJudgement}`),
      meaning: t(`play:verdictMeaning.${verdict}`),
    };
    parts.push(right ? t('play:reveal.judgedRight', said) : t('play:reveal.judgedWrong', said));
  }
  if (record.wager) {
    const points = signedPoints(record.wager.points, (value) => translator.formatNumber(value));
    parts.push(t('play:reveal.wagered', { level: t(`play:confidence.${record.wager.confidence}`), points }));
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}
