/**
 * The published verdicts (docs/experiments.md), asserted on three seeds. The full table of a claim (four kinds of
 * player × three scenarios) costs too much to replay here on every seed, so each verdict is asserted through its
 * witnesses: for a claim that holds somewhere, a cell where the published table has it hold must hold on every
 * seed; for a claim that fails somewhere, a cell where the published table has it fail must fail on every seed.
 * A verdict is robust only if no cell fails, conditional if both kinds of witness exist, not shown if none holds.
 * Each cell is played at the published size (batches of paired games, the interval from their spread).
 *
 * Run with `npx vitest run --project experiments` (minutes: the normal players' cells dominate).
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GAMES,
  DEFAULT_HARD_GAMES,
  DEFAULT_SEEDS,
  EXPERIMENTS,
  experimentById,
  gamesFor,
  playUnit,
  rowOf,
} from '../../src/ai/experiments.ts';
import type {
  Players,
  ProtocolOptions,
  RobustnessRow,
  UnitResult,
  Verdict,
} from '../../src/ai/experiments.ts';
import { worldLoader } from '../../src/cli/files.ts';

const load = worldLoader();

const SEEDS = [1, 2, 3];

/** One cell's row on a seed, at the published size. */
function cell(id: string, players: Players, scenario: string, seed: number): RobustnessRow {
  const opts: ProtocolOptions = {
    games: DEFAULT_GAMES,
    hardGames: DEFAULT_HARD_GAMES,
    seeds: DEFAULT_SEEDS,
    seed,
  };
  const batches: UnitResult[] = [];
  for (let batch = 0; batch < opts.seeds; batch++)
    batches.push(playUnit(load, { claim: id, scenario, players, batch }, gamesFor(opts, players), seed));
  return rowOf(experimentById(id)!, players, scenario, batches);
}

type Cell = readonly [Players, string];

/**
 * The published verdicts (`qpq experiment --all --json`, seed 1, default size), each with its witnesses: cells
 * where the published table has the claim hold (on every seed, at least one of them must hold: at six games a
 * cell the same cell does not hold on every seed, but the claim holds somewhere on each), and cells where it does
 * not (each must fail on every seed). A verdict that seed 1 gives and the other seeds do not is marked with the
 * seeds it holds on (`holdsOn`), and on the others none of its witnesses may hold. See docs/experiments.md.
 */
const PUBLISHED: Record<
  string,
  { verdict: Verdict; holds: readonly Cell[]; fails: readonly Cell[]; holdsOn?: readonly number[] }
> = {
  // Conditional on seed 1 only: the default players in Hanoi sign fewer deals with a DPRK that may provoke
  // (-3.3 +- 1.4); on seeds 2 and 3 the same cell is not significant (-4.0 +- 6.6, -4.7 +- 9.6).
  'trust-deficit': {
    verdict: 'conditional',
    holds: [['default', 'hanoi-2019']],
    fails: [['default', 'panmunjom-2018']],
    holdsOn: [1],
  },
  verification: {
    verdict: 'conditional',
    holds: [
      ['default', 'hanoi-2019'],
      ['easy', 'six-party-talks'],
    ],
    fails: [['normal', 'six-party-talks']],
  },
  'leadership-change': {
    verdict: 'conditional',
    holds: [['normal', 'panmunjom-2018']],
    fails: [['default', 'panmunjom-2018']],
  },
  'domestic-politics': {
    verdict: 'conditional',
    holds: [['normal', 'hanoi-2019']],
    fails: [['default', 'hanoi-2019']],
  },
  lifeline: { verdict: 'not-shown', holds: [], fails: [['default', 'panmunjom-2018']] },
  phasing: {
    verdict: 'conditional',
    holds: [
      ['normal', 'panmunjom-2018'],
      ['normal', 'hanoi-2019'],
    ],
    fails: [['default', 'hanoi-2019']],
  },
  mediation: { verdict: 'not-shown', holds: [], fails: [['normal', 'panmunjom-2018']] },
  hotline: { verdict: 'not-shown', holds: [], fails: [['normal', 'missile-crisis-2017']] },
  engagement: { verdict: 'not-shown', holds: [], fails: [['normal', 'present-day']] },
  multilateral: { verdict: 'not-shown', holds: [], fails: [['default', 'six-party-talks']] },
};

describe('the published verdicts', () => {
  it('cover every claim, and each verdict has the witnesses it needs', () => {
    expect(Object.keys(PUBLISHED).sort()).toEqual(EXPERIMENTS.map((e) => e.id).sort());
    for (const [id, p] of Object.entries(PUBLISHED)) {
      expect(p.holds.length > 0, id).toBe(p.verdict !== 'not-shown');
      expect(p.fails.length > 0, id).toBe(p.verdict !== 'robust');
    }
  });

  const holding = Object.entries(PUBLISHED).filter(([, p]) => p.holds.length > 0);
  it.each(holding.map(([id, p]) => ({ id, cells: p.holds, on: p.holdsOn ?? SEEDS })))(
    '$id holds in one of its witness cells on each of seeds $on (and on no other seed of 1, 2, 3)',
    ({ id, cells, on }) => {
      for (const seed of SEEDS) {
        const rows = cells.map(([players, scenario]) => cell(id, players, scenario, seed));
        expect(
          rows.some((r) => r.holds),
          `seed ${seed}: ${JSON.stringify(rows)}`,
        ).toBe(on.includes(seed));
      }
    },
  );

  const failing = Object.entries(PUBLISHED).flatMap(([id, p]) =>
    p.fails.map(([players, scenario]) => ({ id, players, scenario })),
  );
  it.each(failing)(
    '$id with $players players on $scenario does not hold on seeds 1, 2 and 3',
    ({ id, players, scenario }) => {
      for (const seed of SEEDS) {
        const row = cell(id, players, scenario, seed);
        expect(row.holds, `seed ${seed}: ${JSON.stringify(row)}`).toBe(false);
      }
    },
  );
});

/**
 * A verdict that depends on the seed at the published size: multilateral talks are not shown on seed 1, but hold
 * with the normal players in the Panmunjom thaw on seed 3 (docs/experiments.md says so).
 */
describe('seed-sensitive verdicts', () => {
  it.each([
    { id: 'multilateral', seed: 1, holds: false },
    { id: 'multilateral', seed: 3, holds: true },
  ])('$id with normal players on panmunjom-2018, seed $seed: holds = $holds', ({ id, seed, holds }) => {
    const row = cell(id, 'normal', 'panmunjom-2018', seed);
    expect(row.holds, JSON.stringify(row)).toBe(holds);
  });
});
