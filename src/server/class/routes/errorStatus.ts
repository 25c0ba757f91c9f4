/**
 * The one place a refusal's code becomes an HTTP status. Keyed by every ClassErrorCode, so the compiler refuses a
 * code thrown without a status here.
 */
import type { ClassErrorCode } from '../classError';

export const ERROR_STATUS: Readonly<Record<ClassErrorCode, number>> = {
  'unknown-class': 404,
  'unknown-player': 404,
  'no-token': 401,
  removed: 403,
  'cross-origin': 403,
  'rate-limited': 429,

  'bad-settings': 422,
  'no-questions': 422,
  'own-questions-too-big': 413,
  'bad-own-questions': 422,
  'too-many-own-questions': 422,

  'joining-locked': 403,
  'nickname-too-short': 422,
  'nickname-too-long': 422,
  'nickname-characters': 422,
  'nickname-blocked': 422,
  'nickname-not-generated': 422,
  'nickname-removed': 409,
  'nickname-taken': 409,
  'class-full': 409,
  'address-full': 429,
  'join-rate': 429,

  'class-ended': 410,
  'already-started': 409,
  'already-answered': 409,
  'too-late': 409,
  'unknown-choice': 422,
  'not-live': 409,
  'lesson-over': 409,
  'question-open': 409,
  'no-open-question': 409,
  'already-paused': 409,
  'not-paused': 409,
  'not-started': 409,
  'unknown-command': 409,
  'question-paused': 409,
  'not-served': 409,
  'question-closed': 409,

  'check-off': 409,
  'no-check-items': 422,
  'check-closed': 409,
  'not-in-form': 422,
  'check-item-answered': 409,
  'delayed-too-early': 409,
  'delayed-too-late': 409,

  'unknown-challenge': 404,
  'bad-title': 422,
  'bad-deadline': 422,
  'challenge-flood': 429,
  'challenge-closed': 410,
};
