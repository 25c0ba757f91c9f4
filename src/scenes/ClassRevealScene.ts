import type { AnswerOutcome, PlayerView } from '../core/classProtocol';
import { placeOf } from '../game/classWords';
import { asOfNoteIn, asOfShortNoteIn, citationOf, shownQuestion } from '../game/playTexts';
import { spanishServedOf } from '../game/spanishQuestions';
import { ExcerptCard } from '../ui/ExcerptCard';
import { NoSourceCard } from '../ui/NoSourceCard';
import { mirrorAsOfNote, mirrorEvidence, mirrorNoSource } from '../ui/evidenceMirror';
import { addAnswerLine, addFeedbackLine, addOutcomeBar } from '../ui/OutcomeBar';
import { revealAnnouncement, spokenReveal } from '../ui/outcome';
import { addText } from '../ui/text';
import { ClassScene } from './ClassScene';
import { SceneKey } from './keys';
import type { ClassRevealData } from './sceneData';

/** After each class answer: the server's verdict and points, then the source that settles the question. */
export class ClassRevealScene extends ClassScene<'class-reveal'> {
  private card?: ExcerptCard | NoSourceCard;
  /** A live lesson: the question this reveal is for, and the way to redraw the student's place. */
  private position = -1;
  private showPlace?: () => void;

  constructor() {
    super(SceneKey.ClassReveal);
  }

  create(data: ClassRevealData): void {
    const outcome = data.outcome;
    this.card = undefined;
    this.position = -1;
    this.showPlace = undefined;
    const t = this.t;
    const translator = this.translator;
    const home = this.beginWithCorners(
      t('play:classReveal.screen', { number: outcome.position + 1, total: outcome.total }),
      () => this.askToLeave(),
    );
    document.body.dataset.classMode = 'reveal';
    this.follow(data.play);
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const sound = this.services.sound;

    // The server's English, in Spanish where the bank has it: the choices by this student's order (bank.es.json),
    // and the words after the answer as the server sent them in the student's language (the verdict's translation,
    // which a class-only question needs: bank.es.json holds none of its answer), else from the game's own bank when it
    // ships the question. A teacher's own question stays as written.
    const served = spanishServedOf(this.services, translator, outcome.questionId, outcome.choices);
    const choices = served?.choices ?? outcome.choices;
    const sent = outcome.translation?.language === translator.language ? outcome.translation : undefined;
    const bankQuestion = served ? this.services.bank?.questions.find((q) => q.id === outcome.questionId) : undefined;
    const shown = bankQuestion ? shownQuestion(this.services, translator, bankQuestion) : undefined;
    const pickedInBank =
      bankQuestion && outcome.picked !== null
        ? bankQuestion.choices.findIndex((choice) => choice.text === outcome.choices[outcome.picked!])
        : -1;
    const feedback = outcome.feedback
      ? (sent?.feedback ?? shown?.choices[pickedInBank]?.feedback ?? outcome.feedback)
      : undefined;
    const explanation = sent?.explanation ?? shown?.explanation ?? outcome.explanation;
    const translations = outcome.evidence.map((excerpt, position) => {
      if (sent) return sent.evidence[position];
      const index = bankQuestion?.evidence.findIndex((e) => e.quote === excerpt.quote && e.source === excerpt.source);
      return index !== undefined && index >= 0 ? shown?.evidenceTranslations[index] : undefined;
    });
    const translationLabel = sent ? t('play:translationLabel') : shown?.translationLabel;
    const right = choices[outcome.correctChoice] ?? '';
    const picked = outcome.picked === null ? undefined : choices[outcome.picked];
    const words = { correct: outcome.correct, timedOut: outcome.timedOut, points: outcome.points, right, picked };
    const barY = margin * 0.6 + home.canvas.rect.height / 2;
    const { pointsRow } = addOutcomeBar(this, this.frame, a11y, {
      outcome: words,
      pointsText: `+${outcome.points}`,
      barY,
      right: this.cornerLeft,
      emphasize: true,
      reduceMotion: this.services.reduceMotion,
    });
    if (outcome.correct) sound.play('correct');
    else if (!outcome.timedOut) sound.play('wrong');
    let top = barY + home.canvas.rect.height / 2 + pointsRow + gap;
    this.addSeatLine(outcome.score, top);
    top += type.small + gap;

    const fitText: Parameters<typeof addAnswerLine>[4] = (...args) => this.fit(...args);
    const answerText = addAnswerLine(this, this.frame, top, words, fitText);
    top += answerText.height + gap;
    if (feedback) {
      top += addFeedbackLine(this, this.frame, top, feedback, fitText) + gap;
    }

    const nextHeight = Math.max(56, type.button * 2.2);
    const asOf = asOfNoteIn(translator, outcome);
    const explained = explanation ? t('play:reveal.why', { explanation }) : '';
    const withNote = (note: string | undefined) => [explained, note ?? ''].filter(Boolean).join('\n');
    const whyLines = withNote(asOf);
    const whyHeight = whyLines ? (portrait ? height * 0.17 : height * 0.13) : 0;
    const cardsBottom = height - margin - nextHeight - gap - whyHeight;
    const evidence = outcome.evidence[0];
    const space = { x: margin, y: top, width: width - margin * 2, height: cardsBottom - top };
    const cardFont = portrait ? type.body : type.prompt - 4;
    // A teacher's own question may quote no source: the card says so, as in a round of one's own questions.
    this.card = evidence
      ? new ExcerptCard(
          this,
          space,
          {
            label: t('play:reveal.sourceSays'),
            quote: evidence.quote,
            citation: citationOf(this.services, translator, evidence.source),
            ...(translations[0] && translationLabel
              ? { translation: { label: translationLabel, text: translations[0] } }
              : {}),
          },
          cardFont,
        )
      : new NoSourceCard(this, space, cardFont);
    const cardsEnd = top + this.card.height;
    if (whyLines) {
      const why = addText(this, margin, cardsEnd + gap, whyLines, {
        size: type.body,
        color: this.textColors.paper,
        wrapWidth: width - margin * 2,
      });
      // The whole as-of note, or the date alone where there is no room (the Source region keeps the whole note).
      const versions = [whyLines, withNote(asOfShortNoteIn(translator, outcome)), explained].filter(
        (version, index, all) => version !== '' && all.indexOf(version) === index,
      );
      this.fitFirstThatFits(why, versions, height - margin - nextHeight - gap - (cardsEnd + gap), 'explanation');
    }
    const verified = data.arrival
      ? t(data.arrival === 'in-time' ? 'play:classReveal.inTime' : 'play:classReveal.tooLate')
      : t('play:classReveal.scored');
    const live = data.play.view.class.pace === 'live';
    // A long word about the connection wraps beside the Next button (or across the row in a live lesson).
    const besideNext = live ? width - margin * 2 : width - margin * 3 - Math.min(300, width - margin * 2);
    addText(this, margin, height - margin - nextHeight / 2, verified, {
      size: type.small,
      color: data.arrival === 'too-late' ? this.textColors.wrong : this.textColors.muted,
      ...(data.arrival ? { wrapWidth: Math.max(besideNext, width / 3) } : {}),
    }).setOrigin(0, 0.5);
    if (data.arrival) a11y.text(verified, { role: 'status' }).dataset.name = 'arrival';

    if (live) {
      // The teacher moves the class on: this phone shows the student's own verdict and place, and waits.
      this.addLiveFooter(outcome.position, nextHeight);
    } else {
      this.addNextButton(outcome, nextHeight);
    }

    const spoken = spokenReveal(words, { feedback, streak: outcome.streak, score: outcome.score }, translator);
    a11y.announce(revealAnnouncement(spoken, evidence?.quote, translator));
    a11y.text(spoken, { label: t('play:reveal.outcomeLabel') });
    const region = a11y.section(t('play:reveal.sourceRegion'), 'region');
    mirrorEvidence(
      a11y,
      region,
      outcome.evidence.map((excerpt, index) => ({
        ...excerpt,
        ...(translations[index] ? { translation: translations[index] } : {}),
      })),
      (source) => citationOf(this.services, translator, source, true),
      { t, ...(translationLabel ? { translationLabel } : {}) },
    );
    if (!evidence) mirrorNoSource(a11y, region, t);
    if (explanation) a11y.text(t('play:reveal.why', { explanation }), { parent: region });
    mirrorAsOfNote(a11y, region, asOf);
    a11y.text(verified);
    this.onAnswerKeys({
      // In a live lesson the teacher moves the class on.
      next: () => {
        if (!live) void this.next();
      },
      scrollBy: (delta) => this.card?.scrollBy(delta),
      leave: () => this.askToLeave(),
    });
  }

  /** "You are 3rd of 25" in the language in use, or nothing while the place is not known. */
  private rankLine(): string {
    const live = this.play.view.live;
    return live?.rank
      ? this.t('classroom:watch.rank', { place: placeOf(live.rank, this.translator), players: live.players })
      : '';
  }

  /** A live lesson: "Look at the screen" and the student's place, kept up to date as the teacher moves on. */
  private addLiveFooter(position: number, rowHeight: number): void {
    const { width, height, margin, type } = this.frame;
    this.position = position;
    const words = () => [this.t('play:classReveal.lookAtTheScreen'), this.rankLine()].filter(Boolean).join(' · ');
    const line = addText(this, width - margin, height - margin - rowHeight * 1.5, words(), {
      size: type.body,
      bold: true,
      color: this.textColors.paper,
      align: 'right',
      wrapWidth: width - margin * 2,
    }).setOrigin(1, 0.5);
    const mirror = this.services.a11y.text(words(), { role: 'status' });
    mirror.dataset.name = 'live-place';
    this.showPlace = () => {
      line.setText(words());
      mirror.textContent = words();
    };
    // The place comes with the view: ask for it once the verdict is in.
    void this.play.refresh().then(
      (view) => {
        if (this.leaving) return;
        if (this.stays(view)) this.showPlace?.();
        else this.route(view);
      },
      (error: unknown) => this.failed(error),
    );
  }

  protected override stays(view: PlayerView): boolean {
    const same = view.state === 'answered' && view.outcome.position === this.position;
    if (same) this.showPlace?.();
    return same;
  }

  private addNextButton(outcome: AnswerOutcome, nextHeight: number): void {
    const { width, height, margin, portrait } = this.frame;
    const last = outcome.position + 1 >= outcome.total;
    const nextWidth = Math.min(portrait ? width - margin * 2 : 300, width - margin * 2);
    const next = this.addButton(
      last ? this.t('play:reveal.seeResults') : this.t('play:reveal.next'),
      {
        x: width - margin - nextWidth,
        y: portrait ? height - margin - nextHeight : height - margin - nextHeight,
        width: nextWidth,
        height: nextHeight,
      },
      () => void this.next(),
      {
        fill: this.colors.highlight,
        textColor: this.textColors.ink,
        accessibleLabel: this.t('play:reveal.nextLabel'),
        name: 'Next',
      },
    );
    this.services.a11y.focus(next.dom);
  }

  private async next(): Promise<void> {
    if (this.leaving) return;
    this.leaving = true;
    try {
      const view = await this.play.next();
      this.leaving = false;
      this.route(view);
    } catch (error) {
      this.leaving = false;
      this.failed(error);
    }
  }
}
