/**
 * Who a self-paced class waits for, pure: a player silent for longer than the question's time plus a margin is
 * away and holds nothing back; the questions every active player is past are settled; and each student's own
 * order of the choices, derived from the class's seed and their id, so a neighbour's screen tells nothing.
 */
import { createRng, shuffle } from './rng';

/** Silence past the question's time before a player counts as away: a slow reader or a brief Wi-Fi drop is not. */
export const AWAY_MARGIN_MS = 15_000;
/** How long a player may be silent on a question without a time limit before they count as away. */
export const AWAY_WITHOUT_TIME_LIMIT_MS = 120_000;

/** How long a player on a question with this limit may be silent before they count as away. */
export function awayAfterMs(timeLimitMs: number | null): number {
  return timeLimitMs === null ? AWAY_WITHOUT_TIME_LIMIT_MS : timeLimitMs + AWAY_MARGIN_MS;
}

export interface PresenceFacts {
  /** The server's clock when it last heard from the player (a request, or a live stream that closed). */
  lastSeenAt: number;
  /** A live stream from the player is open now: they are there, however long since their last request. */
  streamOpen: boolean;
  /** The limit of the question the player is on (or comes to next); null for none. */
  timeLimitMs: number | null;
}

export function isAway(facts: PresenceFacts, now: number): boolean {
  return !facts.streamOpen && now - facts.lastSeenAt > awayAfterMs(facts.timeLimitMs);
}

export interface SettlingPlayer {
  /** Questions answered or timed out, from the first. */
  answered: number;
  away: boolean;
}

/**
 * How many questions, from the first, are settled: every active player is past them. Away players hold nothing
 * back; with nobody active nothing new is settled. `already` is what was settled before: once shown, a question
 * stays settled when an away player comes back.
 */
export function settledCount(players: readonly SettlingPlayer[], total: number, already = 0): number {
  const active = players.filter((player) => !player.away);
  const now = active.length === 0 ? 0 : Math.min(total, ...active.map((player) => player.answered));
  return Math.max(already, Math.min(now, total));
}

/**
 * The order one student sees a question's choices in: the class's order shuffled again by a seed made of the
 * class's seed, the student's id and the question's position. Derived, never stored, the same on every request.
 */
export function studentChoiceOrder(
  classOrder: readonly number[],
  classSeed: string,
  playerId: string,
  position: number,
): number[] {
  return shuffle(createRng(`${classSeed}:${playerId}:${position}`), classOrder)[0];
}
