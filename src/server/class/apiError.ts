/** The class server's refusals (a 4xx with a code for programs and a sentence for people), and token hashing. */
import { createHash } from 'node:crypto';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
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
export function notFound(): ApiError {
  return new ApiError(
    404,
    'unknown-class',
    'There is no class with that code, or this link is not valid for it. Check the code with your teacher.',
  );
}
