/**
 * The running index of who saw what of whom (engine/dealings.ts) against its definition computed from the whole
 * log and every agreement, and the computer players' memory read through it against the same memory read from
 * the plain view.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { myLastMove, remember, retaliation } from '../../src/ai/memory.ts';
import { viewFacts } from '../../src/ai/moves.ts';
import { computerChooser } from '../../src/ai/index.ts';
import {
  cloneState,
  dealings,
  dealingsFromScratch,
  playerView,
  runGame,
  startGame,
} from '../../src/engine/index.ts';
import type { GameState, PlayerView } from '../../src/engine/index.ts';
import { IDS, WORLD, play, seatsOf, statesAlong } from './helpers.ts';
import type { StrategyId } from './helpers.ts';

const n = IDS.length;
const plain = (v: PlayerView): PlayerView => JSON.parse(JSON.stringify(v)) as PlayerView;

/** Every observer and actor of a state: the index equals the definition. */
function checkAll(s: GameState): void {
  for (let o = 0; o < n; o++)
    for (let a = 0; a < n; a++) {
      const d = dealings(WORLD, s, o, a);
      expect({ acts: [...d.acts], steps: [...d.steps] }).toEqual(dealingsFromScratch(WORLD, s, o, a));
    }
}

describe('the dealings index', () => {
  test('kept up as a batch game changes one state in place, it always equals the one computed from scratch', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.constantFrom<StrategyId>('random', 'reciprocal'), { minLength: n, maxLength: n }),
        (k, seats) => {
          const seed = `dealings-${k}`;
          const choose = computerChooser(WORLD, seed, seatsOf(WORLD, seats));
          let calls = 0;
          const end = runGame(WORLD, startGame(WORLD, seed), (s, actor, phase) => {
            // Read it at different moments, so that it catches up over one line or many.
            if (calls++ % 5 === 0) checkAll(s);
            return choose(s, actor, phase);
          });
          checkAll(end);
        },
      ),
      { seed: 20180427, numRuns: 8 },
    );
  });

  test('a copied, cut or replaced log gets an index of its own', () => {
    const { final } = play(WORLD, 'dealings-copy', 'random');
    checkAll(final);
    checkAll(cloneState(final));
    /** The index of a state equals a fresh one of a copy (whose log is a new array, so indexed anew). */
    const fresh = (s: GameState): void => {
      const c = cloneState(s);
      for (let o = 0; o < n; o++)
        for (let a = 0; a < n; a++) expect(dealings(WORLD, s, o, a)).toEqual(dealings(WORLD, c, o, a));
    };
    const half = Math.floor(final.log.length / 2);
    fresh({ ...final, log: final.log.slice(0, half) });
    // The same log array, cut in place after it was indexed, then grown again.
    const mine = cloneState(final);
    checkAll(mine);
    mine.log.length = half;
    fresh(mine);
    mine.log.push(...final.log.slice(half, half + 5));
    fresh(mine);
    mine.log.push(...final.log.slice(half + 5));
    checkAll(mine);
    // The same length, but a line replaced.
    mine.log[mine.log.length - 1] = { ...final.log[0]! };
    fresh(mine);
  });

  test("a player's memory read through the index equals the memory read from the plain view", () => {
    const games = [
      { seed: 'memory-1', seats: 'random' as const },
      { seed: 'memory-2', seats: 'reciprocal' as const },
      { seed: 'memory-3', seats: ['random', 'reciprocal'] as StrategyId[] },
    ].map((g) => statesAlong(WORLD, g.seed, play(WORLD, g.seed, g.seats).inputs));
    let compared = 0;
    for (const states of games)
      for (let k = 0; k < states.length; k += 3) {
        const s = states[k]!;
        for (const me of IDS) {
          const view = playerView(WORLD, s, me);
          const flat = plain(view);
          expect(flat.dealings).toBeUndefined();
          for (const other of IDS) {
            if (other === me) continue;
            expect(remember(WORLD, view, other)).toEqual(remember(WORLD, flat, other));
            expect(myLastMove(WORLD, view, other)).toEqual(myLastMove(WORLD, flat, other));
            expect(retaliation(WORLD, view, other)).toBe(retaliation(WORLD, flat, other));
            compared++;
          }
        }
      }
    expect(compared).toBeGreaterThan(1000);
  });

  test('the view gives only its own government’s row, and none at the end', () => {
    const { final, inputs } = play(WORLD, 'dealings-view', 'random');
    const mid = statesAlong(WORLD, 'dealings-view', inputs.slice(0, Math.floor(inputs.length / 2))).at(-1)!;
    for (const me of IDS)
      for (const other of IDS) {
        const d = playerView(WORLD, mid, me).dealings!(other)!;
        expect(d).toBe(dealings(WORLD, mid, IDS.indexOf(me), IDS.indexOf(other)));
        for (const e of d.acts) expect(e.to === null || e.to.includes(me)).toBe(true);
      }
    expect(playerView(WORLD, final, 'USA').dealings!('DPRK')).toBeNull();
  });

  test("the view's requirement facts, read from the state, equal those read from its plain data", () => {
    const ids = [...IDS, 'NOBODY'];
    const states = statesAlong(WORLD, 'facts-1', play(WORLD, 'facts-1', 'random').inputs);
    let compared = 0;
    for (let k = 0; k < states.length; k += 4) {
      const s = states[k]!;
      for (const me of IDS) {
        const view = playerView(WORLD, s, me);
        const fast = viewFacts(view);
        const slow = viewFacts(plain(view));
        expect(fast).not.toBe(slow);
        expect(fast.forum).toBe(slow.forum);
        for (const a of ids) {
          expect(fast.programme(a)).toBe(slow.programme(a));
          for (const b of ids) {
            expect(fast.sanctions(a, b)).toBe(slow.sanctions(a, b));
            expect(fast.lifeline(a, b)).toBe(slow.lifeline(a, b));
            expect(fast.rivals(a, b)).toBe(slow.rivals(a, b));
            expect(fast.channel('hotline', a, b)).toBe(slow.channel('hotline', a, b));
            expect(fast.channel('backchannel', a, b)).toBe(slow.channel('backchannel', a, b));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
