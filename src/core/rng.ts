/**
 * A seeded random number generator (mulberry32) whose state is plain data, so a round can be
 * rebuilt from its seed anywhere: in the game, in a challenge link, on the class server.
 */

export interface RngState {
  readonly s: number;
}

/** Hashes text to a 32-bit seed (xmur3-style mixing), so seeds can be words or dates. */
export function hashSeed(seed: string): number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i += 1) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

export function createRng(seed: string | number): RngState {
  return { s: typeof seed === 'number' ? seed >>> 0 : hashSeed(seed) };
}

/** A float in [0, 1) and the next state. */
export function nextFloat(state: RngState): [number, RngState] {
  const s = (state.s + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, { s }];
}

/** An integer in [0, maxExclusive) and the next state. */
export function nextInt(state: RngState, maxExclusive: number): [number, RngState] {
  const [value, next] = nextFloat(state);
  return [Math.floor(value * maxExclusive), next];
}

/** A shuffled copy (Fisher–Yates); the input is left as it was. */
export function shuffle<T>(state: RngState, items: readonly T[]): [T[], RngState] {
  const result = items.slice();
  let current = state;
  for (let i = result.length - 1; i > 0; i -= 1) {
    let j: number;
    [j, current] = nextInt(current, i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return [result, current];
}

/** A fresh seed for "Play again": short, readable, and safe in a link. */
export function randomSeedFrom(entropy: number): string {
  return (entropy >>> 0).toString(36).padStart(7, '0');
}
