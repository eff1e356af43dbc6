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

/**
 * Alea's step, written out (the same arithmetic as seedrandom's `alea.js`, so the same numbers): resuming from a
 * saved state costs four copies instead of re-running the seeding hash, which the rules do several times a round.
 */
class Alea implements Rng {
  private c: number;
  private s0: number;
  private s1: number;
  private s2: number;

  constructor(state: RngState) {
    this.c = state.c;
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
  }

  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    return (this.s2 = t - (this.c = t | 0));
  }

  save(): RngState {
    return { c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 };
  }
}

export function rngFrom(state: RngState): Rng {
  return new Alea(state);
}

/** True with probability p. */
export function chance(rng: Rng, p: number): boolean {
  return p > 0 && rng.next() < p;
}

/** An integer in [0, n). */
export function pick(rng: Rng, n: number): number {
  return Math.floor(rng.next() * n);
}
