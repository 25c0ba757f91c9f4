/** What the list of a device's classes says about each: display rules as plain functions (no DOM). */
import type { KeptClass } from '../core/classProtocol';
import { count, shortDate } from './dashboardText';
import { t } from './hostLanguage';

/** "Created 6 Dec 2026": the date a teacher finds a lesson by. */
export function keptClassDate(kept: Pick<KeptClass, 'createdAt'>): string {
  return t('host:kept.created', { date: shortDate(kept.createdAt) });
}

/** "Waiting to start", "Playing", "Ended 6 Dec 2026", with the players and questions. */
export function keptClassStatus(kept: Pick<KeptClass, 'status' | 'endedAt' | 'players' | 'questionCount'>): string {
  const state =
    kept.status === 'lobby'
      ? t('host:kept.lobby')
      : kept.status === 'open'
        ? t('host:kept.open')
        : kept.endedAt === null
          ? t('host:kept.ended')
          : t('host:kept.endedOn', { date: shortDate(kept.endedAt) });
  return t('host:kept.status', {
    state,
    players: count(kept.players, 'player'),
    questions: count(kept.questionCount, 'question'),
  });
}

/** Said once classes the device kept were not on the server any more (deleted, or past their retention). */
export function goneClassesText(codes: readonly string[]): string {
  if (codes.length === 0) return '';
  return t('host:kept.gone', { codes: codes.join(', '), count: codes.length });
}

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * The downloaded CSV's contents: the text the server sent, with the byte-order mark that tells Excel it is UTF-8.
 * Reading the reply as text drops the server's mark (a decoder strips it), so the file puts it back.
 */
export function csvFileParts(csv: string): string[] {
  return csv.startsWith(BYTE_ORDER_MARK) ? [csv] : [BYTE_ORDER_MARK, csv];
}
