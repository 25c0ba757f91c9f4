/**
 * The class server's refusals as its rules say them: a stable code for programs and a sentence for people. The
 * rules know nothing of HTTP; the HTTP layer gives each code its status (routes/errorStatus.ts). Also token hashing.
 */
import { createHash } from 'node:crypto';
import type { DelayedCheckRefusalCode } from '../../core/classCheck';
import type { LiveRefusalCode } from '../../core/liveLesson';
import type { NicknameProblem } from '../../core/nicknames';

/** Every code a refusal can carry: the status table is keyed by this union, so a new code needs its status. */
export type ClassErrorCode =
  // Finding the class, the player, the token
  | 'unknown-class'
  | 'unknown-player'
  | 'no-token'
  | 'removed'
  | 'cross-origin'
  | 'rate-limited'
  // Creating a class
  | 'bad-settings'
  | 'no-questions'
  | 'own-questions-too-big'
  | 'bad-own-questions'
  | 'too-many-own-questions'
  // Joining
  | 'joining-locked'
  | `nickname-${NicknameProblem}`
  | 'nickname-not-generated'
  | 'nickname-removed'
  | 'nickname-taken'
  | 'class-full'
  | 'address-full'
  | 'join-rate'
  // Playing and running the class
  | 'class-ended'
  | 'already-started'
  | 'already-answered'
  | 'too-late'
  | 'unknown-choice'
  | 'not-live'
  | LiveRefusalCode
  // Learning checks
  | 'check-off'
  | 'no-check-items'
  | 'check-closed'
  | 'not-in-form'
  | 'check-item-answered'
  | DelayedCheckRefusalCode
  // Challenges
  | 'unknown-challenge'
  | 'bad-title'
  | 'bad-deadline'
  | 'challenge-flood'
  | 'challenge-closed';

export class ClassError extends Error {
  constructor(
    readonly code: ClassErrorCode,
    message: string,
    /** What a page needs to word the refusal in its own language (sent as `details` next to the English). */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * One answer for a code that names no class (never did, or has expired) and for a token that does not fit it: a
 * prober learns nothing from the difference, and each of these counts towards the failed-lookup limit.
 */
export function notFound(): ClassError {
  return new ClassError(
    'unknown-class',
    'There is no class with that code, or this link is not valid for it. Check the code with your teacher.',
  );
}
