/**
 * The only source of randomness in the rules: seedrandom's Alea, whose whole state is four numbers
 * and is kept inside the game state, so a saved game continues exactly as the unsaved one would.
 */
import alea from 'seedrandom/lib/alea.js';
import type { RngState } from './types.ts';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** The generator's state now, to store back in the game state. */
  save(): RngState;
}

export function seedState(seed: string | number): RngState {
  return alea(String(seed), { state: true }).state();
}

export function rngFrom(state: RngState): Rng {
  const prng = alea('', { state });
  return { next: prng, save: () => prng.state() };
}

/** True with probability p. */
export function chance(rng: Rng, p: number): boolean {
  return p > 0 && rng.next() < p;
}

/** An integer in [0, n). */
export function pick(rng: Rng, n: number): number {
  return Math.floor(rng.next() * n);
}
