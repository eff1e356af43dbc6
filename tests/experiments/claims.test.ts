/**
 * The published verdicts (docs/experiments.md), asserted on seeds 1, 2 and 3 at the published size (5 batches of
 * 10 paired games a cell). The whole table of a claim (four kinds of player × three scenarios) costs too much to
 * replay here on three seeds, above all the hard players' rows, so each verdict is asserted through witnesses
 * played by the default, easy and normal players:
 *
 * - `holds`: cells where the claim holds (the predicted sign, its interval clear of zero) on every seed;
 * - `fails`: cells where it does not hold on any seed (no effect, or the opposite);
 * - `opposite`: cells where the opposite holds, significantly, on every seed: a finding against the claim.
 *
 * A verdict is robust only with no failing witness, conditional with both kinds, not shown with no holding one.
 * A cell that holds on one seed and not on another is no witness, unless it names the seeds it is asserted on (the
 * only such cell is the one that makes verification conditional over the seeds): the page says which seeds each
 * cell holds on.
 *
 * Run with `npx vitest run --project experiments`: about 4 CPU-minutes (8.6 minutes of wall time at a load of 9),
 * most of it the normal players' cells.
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

/** Players and scenario, and the seeds the witness is asserted on where not all of them (a seed-sensitive cell). */
type Cell = readonly [Players, string] | readonly [Players, string, readonly number[]];

interface Published {
  verdict: Verdict;
  holds: readonly Cell[];
  fails: readonly Cell[];
  opposite?: readonly Cell[];
}

/**
 * The published verdicts (`qpq experiment --all --json`, seed 1, the default size) and their witnesses, each
 * chosen from the runs of seeds 1, 2 and 3 (docs/experiments.md, Results).
 */
const PUBLISHED: Record<string, Published> = {
  // The reciprocity players sign fewer deals with a DPRK that may provoke; in the present day nobody deals with
  // it in either world; the normal players show no effect of either sign.
  'trust-deficit': {
    verdict: 'conditional',
    // Session 7: the easy players are a weaker objective player now, and like the normal ones show no effect in the
    // Panmunjom thaw (−0.12 ± 1.08 deals on seed 1), where generous tit-for-tat held: no easy witness until the rerun.
    holds: [],
    fails: [['normal', 'hanoi-2019']],
  },
  // Every cell holds on every seed but one: after Hanoi the normal players, who keep their word, leave inspections
  // almost nothing to stop (0.01 broken steps a game), and it holds there on seed 1 only. Robust on seed 1 (the
  // hard players included); conditional over seeds 1-3.
  verification: {
    verdict: 'conditional',
    // (The easy witness after Hanoi held with generous tit-for-tat; with the weaker objective player of session 7 it
    // holds on seed 1 too, −0.014 ± 0.007; seeds 2 and 3 were not run with it.)
    holds: [
      ['easy', 'hanoi-2019'],
      ['normal', 'panmunjom-2018'],
      ['normal', 'six-party-talks'],
    ],
    fails: [['normal', 'hanoi-2019', [2, 3]]],
  },
  // The normal players everywhere (the present day now included); the reciprocity players where a dove gave way
  // to the hardliner, not in the present day, where the predecessor was already a hawk.
  'leadership-change': {
    verdict: 'conditional',
    holds: [['normal', 'present-day']],
    fails: [],
  },
  // The normal players everywhere, by far; the reciprocity players only on some seeds.
  'domestic-politics': {
    verdict: 'conditional',
    holds: [
      ['normal', 'panmunjom-2018'],
      ['normal', 'hanoi-2019'],
    ],
    // (The easy players weigh support at home now, as Normal does: in the present day the claim holds with them,
    // −17.7 ± 2.2 on seed 1, where generous tit-for-tat showed nothing. Until the rerun, no easy witness.)
    fails: [],
  },
  // The reciprocity players do not read the economy: their two worlds play the same games.
  lifeline: {
    verdict: 'conditional',
    holds: [['normal', 'panmunjom-2018']],
    fails: [],
  },
  phasing: {
    verdict: 'conditional',
    holds: [['normal', 'six-party-talks']],
    // (After Hanoi the claim now holds with the easy players, −0.14 ± 0.06 on seed 1, as it does with Normal;
    // generous tit-for-tat showed nothing. Until the rerun, no easy witness.)
    fails: [],
  },
  // A model problem: mediators may bridge only parties who cannot talk, and almost never put a package there that
  // both would sign (docs/experiments.md).
  mediation: {
    verdict: 'not-shown',
    holds: [],
    fails: [['normal', 'panmunjom-2018']],
  },
  // A power problem: a clash is rare; the sign is the predicted one in most cells, within the interval.
  hotline: { verdict: 'not-shown', holds: [], fails: [['easy', 'present-day']] },
  // Not shown anywhere; with the normal players the DPRK provokes more (not less) when the others may engage, in
  // most cells, significantly only on some seeds (the present day on seed 2).
  engagement: {
    verdict: 'not-shown',
    holds: [],
    fails: [['normal', 'panmunjom-2018']],
  },
  multilateral: {
    verdict: 'conditional',
    holds: [['normal', 'panmunjom-2018']],
    fails: [],
  },
};

describe('the published verdicts', () => {
  it('cover every claim, and each verdict has the witnesses it needs', () => {
    expect(Object.keys(PUBLISHED).sort()).toEqual(EXPERIMENTS.map((e) => e.id).sort());
    for (const [id, p] of Object.entries(PUBLISHED)) {
      expect(p.holds.length > 0, id).toBe(p.verdict !== 'not-shown');
      expect(p.fails.length + (p.opposite?.length ?? 0) > 0, id).toBe(p.verdict !== 'robust');
    }
  });

  const of = (c: Cell, want: 'holds' | 'fails' | 'opposite') => ({
    players: c[0],
    scenario: c[1],
    seeds: c[2] ?? SEEDS,
    want,
  });
  const witnesses = Object.entries(PUBLISHED).flatMap(([id, p]) =>
    [
      ...p.holds.map((c) => of(c, 'holds')),
      ...p.fails.map((c) => of(c, 'fails')),
      ...(p.opposite ?? []).map((c) => of(c, 'opposite')),
    ].map((w) => ({ id, ...w, on: w.seeds.join(', ') })),
  );
  it.each(witnesses)(
    '$id with $players players on $scenario: $want on seeds $on',
    ({ id, players, scenario, want, seeds }) => {
      for (const seed of seeds) {
        const row = cell(id, players, scenario, seed);
        const got = row.holds ? 'holds' : row.significant ? 'opposite' : 'fails';
        // "fails" means only that the claim does not hold: no effect, or the opposite.
        if (want === 'fails') expect(row.holds, `seed ${seed}: ${JSON.stringify(row)}`).toBe(false);
        else expect(got, `seed ${seed}: ${JSON.stringify(row)}`).toBe(want);
      }
    },
  );
});
