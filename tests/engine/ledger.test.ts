/**
 * The cause ledger: for every round of random games, the causes recorded for each number add up to its change
 * over the round; rounded for display, they add up to the change as displayed.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readScenario } from '../../src/cli/files.ts';
import { apportion, newGame, pickVars, playerView, quantityKey } from '../../src/engine/index.ts';
import type { RoundSnapshot, World } from '../../src/engine/index.ts';
import { ACTOR_VARS } from '../../src/engine/types.ts';
import { play } from './helpers.ts';
import type { StrategyId } from './helpers.ts';

const SHIPPED = [
  'tutorial',
  'panmunjom-2018',
  'missile-crisis-2017',
  'six-party-talks',
  'hanoi-2019',
  'present-day',
].map((id) => readScenario(id).world);

/** Every followed number of a snapshot (or the scenario's start), by its ledger key. */
function numbers(
  world: World,
  h: Pick<RoundSnapshot, 'tension' | 'stage' | 'vars' | 'trust'>,
): Map<string, number> {
  const out = new Map<string, number>([
    ['tension', h.tension],
    ['stage', h.stage],
  ]);
  const ids = world.actors.map((a) => a.id);
  for (const id of ids)
    for (const v of ACTOR_VARS) out.set(quantityKey({ kind: 'var', actor: id, var: v }), h.vars[id]![v]);
  ids.forEach((a, i) =>
    ids.forEach((b, j) => {
      if (i !== j) out.set(quantityKey({ kind: 'trust', from: a, to: b }), h.trust[i * ids.length + j]!);
    }),
  );
  return out;
}

/** The numbers at the start of a game, before round 1's events. */
function atStart(world: World): Pick<RoundSnapshot, 'tension' | 'stage' | 'vars' | 'trust'> {
  const s = newGame(world, 0);
  const vars: RoundSnapshot['vars'] = {};
  world.actors.forEach((a, i) => (vars[a.id] = pickVars(s.actors[i]!)));
  return { tension: s.tension, stage: s.stage, vars, trust: s.trust };
}

describe('the causes of every change add up to it', () => {
  test('for every round of random games of every shipped scenario, and every number the ledger follows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SHIPPED),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.constantFrom<StrategyId>('random', 'reciprocal'), { minLength: 6, maxLength: 6 }),
        (world, k, seats) => {
          const { final } = play(world, `ledger-${k}`, seats);
          const causes = final.causes!;
          let prev = numbers(world, atStart(world));
          for (const h of final.history) {
            const now = numbers(world, h);
            const sums = new Map<string, number>();
            for (const e of causes)
              if (e.round === h.round)
                sums.set(quantityKey(e.of), (sums.get(quantityKey(e.of)) ?? 0) + e.amount);
            for (const [key, value] of now) {
              const change = value - prev.get(key)!;
              expect(sums.get(key) ?? 0, `${world.id} round ${h.round} ${key}`).toBeCloseTo(change, 6);
            }
            prev = now;
          }
        },
      ),
      { seed: 3, numRuns: 18 },
    );
  });

  test('rounded for display, the causes add up to the change as displayed, each within one of its amount', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (before, amounts) => {
          const after = Math.min(100, Math.max(0, before + amounts.reduce((x, y) => x + y, 0)));
          if (after !== before + amounts.reduce((x, y) => x + y, 0)) return; // the ledger records bounds as a cause
          const total = Math.round(after) - Math.round(before);
          const parts = apportion(total, amounts);
          expect(parts.reduce((x, y) => x + y, 0)).toBe(total);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            expect(Math.abs(p - amounts[i]!)).toBeLessThan(1 + 1e-9);
          });
        },
      ),
      { seed: 5, numRuns: 500 },
    );
  });
});

test('a view shows its own trust causes only, and hides causes it did not witness', () => {
  const world = SHIPPED[1]!;
  const { final } = play(world, 'ledger-view', 'random');
  const running = { ...final, end: null };
  const v = playerView(world, running, 'ROK');
  for (const e of v.causes) {
    if (e.of.kind === 'trust') expect(e.of.from).toBe('ROK');
    if (e.to) expect(e.to).toContain('ROK');
  }
  expect(v.causes.some((e) => e.cause.kind === 'unseen')).toBe(true);
});
