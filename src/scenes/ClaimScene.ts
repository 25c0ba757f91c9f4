import { CLAIM_JUDGEMENTS, CLAIM_JUDGEMENT_LABELS, type ClaimJudgement } from '../core/claims';
import { currentQuestion, judgeClaim, type SessionState } from '../core/session';
import { citationFor } from '../game/round';
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
    let top = this.beginStep(this.session, `Claim ${number} of ${total}`, true);
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const heading = addText(this, margin, top, 'First, judge the claim', { size: type.heading, bold: true });
    a11y.heading('First, judge the claim');
    top += heading.height + gap;
    const buttonHeight = Math.max(56, type.button * 2.2);
    const buttonsHeight = portrait ? buttonHeight * 3 + gap * 2 : buttonHeight;
    const askHeight = type.body * 2.6;
    const cardSpace = height - margin - buttonsHeight - gap * 2 - askHeight - top;
    const card = new ExcerptCard(
      this,
      { x: margin, y: top, width: width - margin * 2, height: cardSpace },
      {
        label: 'The article claims',
        quote: question.claim.quote,
        citation: citationFor(this.services, question.claim.source),
      },
      portrait ? type.prompt : type.prompt + 2,
    );
    top += card.height + gap * 1.5;
    const ask = 'Going by the sources you know of, is this claim accurate?';
    const askText = addText(this, margin, top, ask, {
      size: type.body,
      color: this.textColors.muted,
      wrapWidth: width - margin * 2,
    });
    this.fit(askText, askHeight, 'ask', 14);
    a11y.text(`The article claims: “${question.claim.quote}” — ${citationFor(this.services, question.claim.source)}`);
    a11y.text(ask);

    this.addChoices(
      CLAIM_JUDGEMENTS.map((judgement, index) => ({
        value: judgement,
        label: CLAIM_JUDGEMENT_LABELS[judgement],
        accessibleLabel: CLAIM_JUDGEMENT_LABELS[judgement],
        keys: JUDGEMENT_KEYS[judgement],
        fill: this.colors.tiles[index]!,
        name: `judge-${judgement}`,
      })),
      { x: margin, y: height - margin - buttonsHeight, width: width - margin * 2, height: buttonsHeight },
      'Your judgement',
      (judgement) => this.judge(judgement),
    );
    a11y.announce(
      `Question ${number} of ${total}. The article claims: ${question.claim.quote}. Is it accurate, inaccurate, or can you not tell from the article?`,
    );
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
