/** What the list of a device's classes says about each: display rules as plain functions (no DOM). */
import type { KeptClass } from '../core/classProtocol';
import { count } from './dashboardText';

function day(time: number): string {
  return new Date(time).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** "Created 6 Dec 2026": the date a teacher finds a lesson by. */
export function keptClassDate(kept: Pick<KeptClass, 'createdAt'>): string {
  return `Created ${day(kept.createdAt)}`;
}

/** "Waiting to start", "Playing", "Ended 6 Dec 2026", with the players and questions. */
export function keptClassStatus(kept: Pick<KeptClass, 'status' | 'endedAt' | 'players' | 'questionCount'>): string {
  const state =
    kept.status === 'lobby'
      ? 'Waiting to start'
      : kept.status === 'open'
        ? 'Playing'
        : `Ended${kept.endedAt === null ? '' : ` ${day(kept.endedAt)}`}`;
  return `${state} · ${count(kept.players, 'player')} · ${count(kept.questionCount, 'question')}`;
}

/** Said once classes the device kept were not on the server any more (deleted, or past their retention). */
export function goneClassesText(codes: readonly string[]): string {
  if (codes.length === 0) return '';
  return `${codes.length === 1 ? `The class ${codes[0]} is` : `The classes ${codes.join(', ')} are`} no longer on the class server (deleted, or kept past their time), so this list no longer shows ${codes.length === 1 ? 'it' : 'them'}.`;
}

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * The downloaded CSV's contents: the text the server sent, with the byte-order mark that tells Excel it is UTF-8.
 * Reading the reply as text drops the server's mark (a decoder strips it), so the file puts it back.
 */
export function csvFileParts(csv: string): string[] {
  return csv.startsWith(BYTE_ORDER_MARK) ? [csv] : [BYTE_ORDER_MARK, csv];
}
