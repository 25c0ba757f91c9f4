/**
 * A student's learning check in a class, between the class scenes and the check screens (CheckScene and
 * CheckReportScene, shared with "Check yourself"): the check being taken, and the key kept on the device for the
 * delayed check weeks later, after the class's own seat has been let go. The rules of when each check is open are
 * the server's (src/core/classCheck.ts).
 */
import type { CheckForm } from '../core/checkForms';
import type { CheckItemShown, CheckStage } from '../core/classCheck';
import type { ClassApi, PlayerKey } from '../net/classApi';
import type { KeyValueStore } from '../storage/SafeStorage';
import type { ClassPlay } from './classPlay';

/** Kept apart from the class seat, which is let go when the class ends: the delayed check comes weeks later. */
export const CHECK_SEAT_KEY = 'source-check:class-check-seat:v1';

/** A check under way: its claims (no truth, no evidence) and those already answered on the server. */
export interface ClassCheckRun {
  api: ClassApi;
  key: PlayerKey;
  stage: CheckStage;
  form: CheckForm;
  items: CheckItemShown[];
  answered: string[];
  /** The class round to go back to once the check is done; none for the delayed check. */
  play?: ClassPlay;
}

export function saveCheckSeat(storage: KeyValueStore, key: PlayerKey): void {
  storage.setItem(CHECK_SEAT_KEY, JSON.stringify({ code: key.code, playerId: key.playerId, token: key.token }));
}

export function loadCheckSeat(storage: KeyValueStore): PlayerKey | undefined {
  try {
    const data = JSON.parse(storage.getItem(CHECK_SEAT_KEY) ?? 'null') as Partial<PlayerKey> | null;
    if (data && typeof data.code === 'string' && typeof data.playerId === 'string' && typeof data.token === 'string') {
      return { code: data.code, playerId: data.playerId, token: data.token };
    }
  } catch {
    // Damaged: as if there were none.
  }
  return undefined;
}

export function clearCheckSeat(storage: KeyValueStore): void {
  storage.removeItem(CHECK_SEAT_KEY);
}

/**
 * The check due for this student now, as a run to hand the check screen; undefined when none is due or the class has
 * no check. A failed request is undefined too: the check never keeps a student from the round.
 */
export async function dueClassCheck(
  api: ClassApi,
  key: PlayerKey,
  play?: ClassPlay,
): Promise<ClassCheckRun | undefined> {
  try {
    const check = await api.playerCheck(key);
    if (!check.due) return undefined;
    return { api, key, ...check.due, ...(play ? { play } : {}) };
  } catch {
    return undefined;
  }
}
