import { CLAIM_JUDGEMENTS, type ClaimJudgement } from '../core/claims';
import { currentQuestion, judgeClaim, type SessionState } from '../core/session';
import { citationOf, shownQuestion } from '../game/playTexts';
import { ExcerptCard } from '../ui/ExcerptCard';
import { addText } from '../ui/text';
import { RoundStepScene } from './RoundStepScene';
import { SceneKey } from './keys';
import type { RoundData } from './sceneData';

/** Keys for the three judgements, in the order shown: 1–3, or the judgement's first letter. */
const JUDGEMENT_KEYS: Record<ClaimJudgement, readonly [string, string]> = {
  accurate: ['1', 'A'],
  inaccurate: ['2', 'I'],
  'cannot-tell': ['3', 'C'],
};

/**
 * Fact-check rounds: before the question, the article's sentence alone, and the player's call on it. Judging
 * first is the point: it is the "stop" move, made before any choice can suggest an answer.
 */
export class ClaimScene extends RoundStepScene<'claim'> {
  private session!: SessionState;

  constructor() {
    super(SceneKey.Claim);
  }

  create(data: RoundData): void {
    this.session = data.session;
    const question = currentQuestion(this.session);
    if (!question?.claim) {
      this.goTo(SceneKey.Question, { session: this.session });
      return;
    }
    const total = this.session.plan.questions.length;
    const number = this.session.index + 1;
    const t = this.t;
    let top = this.beginStep(this.session, t('play:claim.screen', { number, total }), true);
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const headingText = t('play:claim.heading');
    const heading = addText(this, margin, top, headingText, {
      size: type.heading,
      bold: true,
      wrapWidth: width - margin * 2,
    });
    // Shrinks to one line where it can (a longer language at large text), and says so where it cannot.
    this.fit(heading, type.heading * 1.3, 'heading', type.body);
    a11y.heading(headingText);
    top += heading.height + gap;
    const buttonHeight = Math.max(56, type.button * 2.2);
    const buttonsHeight = portrait ? buttonHeight * 3 + gap * 2 : buttonHeight;
    const askHeight = type.body * 2.6;
    const cardSpace = height - margin - buttonsHeight - gap * 2 - askHeight - top;
    const shown = shownQuestion(this.services, this.translator, question);
    const translation =
      shown.claimTranslation && shown.translationLabel
        ? { label: shown.translationLabel, text: shown.claimTranslation }
        : undefined;
    const citation = citationOf(this.services, this.translator, question.claim.source);
    const card = new ExcerptCard(
      this,
      { x: margin, y: top, width: width - margin * 2, height: cardSpace },
      {
        label: t('play:claim.cardLabel'),
        quote: question.claim.quote,
        citation,
        ...(translation ? { translation } : {}),
      },
      portrait ? type.prompt : type.prompt + 2,
    );
    top += card.height + gap * 1.5;
    const ask = t('play:claim.ask');
    const askText = addText(this, margin, top, ask, {
      size: type.body,
      color: this.textColors.muted,
      wrapWidth: width - margin * 2,
    });
    this.fit(askText, askHeight, 'ask', 14);
    const fullCitation = citationOf(this.services, this.translator, question.claim.source, true);
    a11y.text(t('play:claim.mirror', { quote: question.claim.quote, citation: fullCitation }));
    if (translation)
      a11y.text(t('play:evidence.translation', { label: translation.label, translation: translation.text }));
    a11y.text(ask);

    this.addChoices(
      CLAIM_JUDGEMENTS.map((judgement, index) => ({
        value: judgement,
        label: t(`play:judgement.${judgement}`),
        accessibleLabel: t(`play:judgement.${judgement}`),
        keys: JUDGEMENT_KEYS[judgement],
        fill: this.colors.tiles[index]!,
        name: `judge-${judgement}`,
      })),
      { x: margin, y: height - margin - buttonsHeight, width: width - margin * 2, height: buttonsHeight },
      t('play:claim.group'),
      (judgement) => this.judge(judgement),
    );
    a11y.announce(t('play:claim.announce', { number, total, quote: question.claim.quote }));
    this.onKeys((event) => {
      if (event.key === 'Escape') this.askToLeave(this.session);
    });
  }

  private judge(judgement: ClaimJudgement): void {
    if (this.leaving) return;
    const next = judgeClaim(this.session, judgement, this.services.now());
    if (next === this.session) return;
    this.services.sound.play('select');
    this.goTo(SceneKey.Question, { session: next });
  }
}
