/**
 * What this device keeps of the server challenges it made or took, by code: the creator's token (which closes the
 * challenge and removes entries), and the latest seat (to come back to a round after a reload, and to mark a later
 * try as practice).
 */
import type { ChallengeSeat } from '../core/challengeProtocol';
import type { KeyValueStore } from '../storage/SafeStorage';

export const CHALLENGES_KEY = 'source-check:challenges:v1';
/** Challenges remembered at most; the oldest are forgotten first. */
const MAX_KEPT = 30;

export interface KeptChallenge {
  creatorToken?: string;
  seat?: ChallengeSeat;
}

function isSeat(value: unknown): value is ChallengeSeat {
  const seat = value as Partial<ChallengeSeat> | null;
  return (
    typeof seat === 'object' &&
    seat !== null &&
    typeof seat.code === 'string' &&
    typeof seat.playerId === 'string' &&
    typeof seat.token === 'string' &&
    typeof seat.nickname === 'string' &&
    typeof seat.attempt === 'number'
  );
}

function readAll(storage: KeyValueStore): [string, KeptChallenge][] {
  try {
    const data = JSON.parse(storage.getItem(CHALLENGES_KEY) ?? '[]') as unknown;
    if (!Array.isArray(data)) return [];
    return data.flatMap((item: unknown): [string, KeptChallenge][] => {
      if (!Array.isArray(item) || typeof item[0] !== 'string' || typeof item[1] !== 'object' || !item[1]) return [];
      const kept = item[1] as KeptChallenge;
      return [
        [
          item[0],
          {
            ...(typeof kept.creatorToken === 'string' ? { creatorToken: kept.creatorToken } : {}),
            ...(isSeat(kept.seat) ? { seat: kept.seat } : {}),
          },
        ],
      ];
    });
  } catch {
    // Damaged: as if nothing were kept.
    return [];
  }
}

export function keptChallenge(storage: KeyValueStore, code: string): KeptChallenge {
  return readAll(storage).find(([kept]) => kept === code)?.[1] ?? {};
}

export function keepChallenge(storage: KeyValueStore, code: string, change: KeptChallenge): void {
  const all = readAll(storage).filter(([kept]) => kept !== code);
  all.push([code, { ...keptChallenge(storage, code), ...change }]);
  storage.setItem(CHALLENGES_KEY, JSON.stringify(all.slice(-MAX_KEPT)));
}
