/**
 * Why the class server refused a request, as the host page says it. The server's refusals carry a code and an
 * English sentence; an English page shows the sentence (it may carry numbers and dates the code does not), any other
 * language its own words for the code (`host:refusal.<code>`, one for every code the server has and for the page's
 * own "no connection" and "no server"), and the server's sentence for a code it does not know.
 */
import { DELAYED_CHECK_EARLIEST_DAYS, DELAYED_CHECK_LATEST_DAYS } from '../core/classCheck';
import { ClassApiError } from '../net/classApi';
import type { ClassErrorCode } from '../server/class/classError';
import { ERROR_STATUS } from '../server/class/routes/errorStatus';
import { hostTranslator } from './hostLanguage';

/** The refusals the page itself makes when the server cannot be reached or is not a class server (classApi.ts). */
export const PAGE_REFUSALS = ['offline', 'no-server', 'bad-response'] as const;

/** Every code with words under `host:refusal`: the server's (its status table lists every one) and the page's. */
export type RefusalCode = ClassErrorCode | (typeof PAGE_REFUSALS)[number];

const isRefusalCode = (code: string): code is RefusalCode =>
  Object.hasOwn(ERROR_STATUS, code) || (PAGE_REFUSALS as readonly string[]).includes(code);

/** The words for one code in the page's language; `detail` is the server's sentence, for the codes that quote it. */
export function refusalWords(code: RefusalCode, detail = ''): string {
  return hostTranslator().t(`host:refusal.${code}`, {
    detail,
    earliest: DELAYED_CHECK_EARLIEST_DAYS,
    latest: DELAYED_CHECK_LATEST_DAYS,
  });
}

/**
 * What the page says of a failed request: `fallback` (already in the page's language) for a failure that is not a
 * refusal of the class server's (or, on an English page, has no sentence of its own).
 */
export function refusalText(error: unknown, fallback: string): string {
  if (!(error instanceof Error)) return fallback;
  if (hostTranslator().language === 'en') return error.message || fallback;
  if (!(error instanceof ClassApiError)) return fallback;
  return isRefusalCode(error.code) ? refusalWords(error.code, error.message) : error.message || fallback;
}
