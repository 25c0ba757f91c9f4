/**
 * Claims and how a player judges them: which questions confirm a true claim or expose a false one, and how a
 * fact-check judgement (accurate / inaccurate / cannot tell) is marked against the claim's verdict.
 */
import type { ClaimVerdict, Question } from './types';

/** A question that confirms a true claim: a surprising fact, or an article claim the sources bear out. */
export function isTrueClaim(question: Question): boolean {
  return question.surprising === true || question.claim?.verdict === 'accurate';
}

/** A question that exposes a false or misleading claim. */
export function isFalseClaim(question: Question): boolean {
  return question.claim?.verdict === 'inaccurate' || question.claim?.verdict === 'misleading';
}

export function isFactCheck(question: Question): boolean {
  return question.claim !== undefined;
}

/** What a player may say of a claim before answering, in a fact-check round. */
export const CLAIM_JUDGEMENTS = ['accurate', 'inaccurate', 'cannot-tell'] as const;
export type ClaimJudgement = (typeof CLAIM_JUDGEMENTS)[number];

export function isClaimJudgement(value: unknown): value is ClaimJudgement {
  return (CLAIM_JUDGEMENTS as readonly unknown[]).includes(value);
}

export const CLAIM_JUDGEMENT_LABELS: Record<ClaimJudgement, string> = {
  accurate: 'Accurate',
  inaccurate: 'Inaccurate',
  'cannot-tell': 'Cannot tell from the article',
};

/**
 * The judgement each verdict calls for. A misleading claim counts as inaccurate: a player who rejects it has
 * seen through it. An unsupported claim is one the sources cannot settle, so "cannot tell" is the right call.
 */
export const JUDGEMENT_FOR_VERDICT: Record<ClaimVerdict, ClaimJudgement> = {
  accurate: 'accurate',
  inaccurate: 'inaccurate',
  misleading: 'inaccurate',
  unsupported: 'cannot-tell',
};

/** Whether a question asks for a judgement: it checks a claim whose verdict is known, so the judgement can be marked. */
export function hasJudgeableClaim(question: Question): boolean {
  return question.claim?.verdict !== undefined;
}

/** Whether a judgement of the question's claim is right; undefined when the claim has no verdict to mark it by. */
export function isJudgementRight(question: Question, judgement: ClaimJudgement): boolean | undefined {
  const verdict = question.claim?.verdict;
  return verdict === undefined ? undefined : JUDGEMENT_FOR_VERDICT[verdict] === judgement;
}

/**
 * The evidence that checks a question's claim: the first excerpt from another document than the one the claim
 * comes from (an excerpt of the article itself shows what it says, not whether it is so). Its index in
 * `question.evidence`, or -1 when every excerpt is from the claim's own document or there is no claim.
 */
export function checkingEvidenceIndex(question: Question): number {
  const claim = question.claim;
  if (!claim) return -1;
  return question.evidence.findIndex((item) => item.source !== claim.source);
}
