/**
 * The published verdicts over every seed (docs/experiments.md), asserted on seeds 1, 2 and 3 at the published size
 * (5 batches of 10 paired games a cell, 8 for the hard players). The whole table of a claim (three kinds of player ×
 * three scenarios) costs too much to replay here on three seeds, above all the hard players' rows, so each verdict
 * is asserted through witnesses played by the easy and normal players on seeds 1, 2 and 3, and a few hard ones on
 * the seeds they name:
 *
 * - `holds`: cells where the claim holds (the predicted sign, its interval clear of zero) on every seed;
 * - `fails`: cells where it does not hold on any seed (no effect, or the opposite), or on the seeds they name;
 * - `opposite`: cells where the opposite holds, significantly, on every seed: a finding against the claim.
 *
 * A verdict is robust only with no failing witness, conditional with both kinds, not shown with no holding one.
 * A cell that holds on one seed and not on another is no witness, unless it names the seeds it is asserted on.
 *
 * Run with `npx vitest run --project experiments`: about 5 CPU-minutes, most of it the normal players' cells.
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
 * The published verdicts over every seed (docs/experiments.md, Results: `qpq experiment --all --json` at the default
 * size on seeds 1, 2 and 3 with the easy, normal and hard players, session 10) and their witnesses, each chosen from
 * those runs. A verdict over every seed is robust only if every cell holds on every seed, so a claim robust on seed 1
 * alone (mediation, multilateral talks) is conditional here, with a failing witness on the seed where it fails. The
 * hard players' witnesses are asserted on one or two seeds: a hard cell is 80 planner games, too dear on three seeds
 * for every cell.
 */
const PUBLISHED: Record<string, Published> = {
  // A record of provocations lowers the deals signed with the DPRK in all 18 easy and normal cells on seeds 1 to 3
  // (session 9), significantly in 9 (power): the normal players after Hanoi and at the Six-Party Talks on every
  // seed, the easy players in the Panmunjom thaw on none.
  'trust-deficit': {
    verdict: 'conditional',
    holds: [['normal', 'hanoi-2019']],
    fails: [['easy', 'panmunjom-2018']],
  },
  // The easy and normal players' effects are small (0.01 to 0.02 of the steps) and near the power: on the session 9
  // code the normal players in the Panmunjom thaw hold on every seed, the easy players nowhere; the hard players,
  // who renege far more where it is hard to see, hold everywhere.
  verification: {
    verdict: 'conditional',
    holds: [
      ['normal', 'panmunjom-2018'],
      ['hard', 'panmunjom-2018', [1]],
    ],
    fails: [['easy', 'panmunjom-2018']],
  },
  // Robust: every difficulty concedes less under the hardliner, in every scenario, on every seed.
  'leadership-change': {
    verdict: 'robust',
    holds: [
      ['easy', 'present-day'],
      ['normal', 'hanoi-2019'],
      ['hard', 'present-day', [1]],
    ],
    fails: [],
  },
  // Robust: every difficulty, every scenario, every seed.
  'domestic-politics': {
    verdict: 'robust',
    holds: [
      ['easy', 'hanoi-2019'],
      ['normal', 'present-day'],
      ['hard', 'hanoi-2019', [1]],
    ],
    fails: [],
  },
  // The normal players feel the economy's need in the Panmunjom thaw and the missile crisis on every seed; after
  // Hanoi the easy players on none (session 10: the normal players there hold on seed 1 since an act is no longer
  // sold twice in a round; in session 9 their North conceded a little more with the lifeline).
  lifeline: {
    verdict: 'conditional',
    holds: [
      ['normal', 'panmunjom-2018'],
      ['normal', 'missile-crisis-2017'],
    ],
    fails: [['easy', 'hanoi-2019']],
  },
  // Robust: phased deals break less often with every difficulty, in every scenario, on every seed.
  phasing: {
    verdict: 'robust',
    holds: [
      ['easy', 'six-party-talks'],
      ['normal', 'hanoi-2019'],
      ['hard', 'panmunjom-2018', [1]],
    ],
    fails: [],
  },
  // Robust on seed 1 (mediators vouch for what they broker and weigh a bridge by their own gain, and the experiment
  // denies only the brokering). Since session 10 an act sold once is not sold twice in a round, and after Hanoi the
  // normal players' bridged deals fell to +0.34, +0.14 and +0.00 a game on seeds 1 to 3: conditional over every seed.
  mediation: {
    verdict: 'conditional',
    holds: [
      ['easy', 'six-party-talks'],
      ['normal', 'missile-crisis-2017'],
      ['hard', 'missile-crisis-2017', [1]],
    ],
    fails: [['normal', 'hanoi-2019', [2, 3]]],
  },
  // A power problem: a clash is rare.
  hotline: { verdict: 'not-shown', holds: [], fails: [['easy', 'present-day']] },
  // Not shown anywhere; the DPRK provokes more when the others may engage in the present day and the Panmunjom thaw
  // (the normal players there on seeds 2 and 3).
  engagement: {
    verdict: 'not-shown',
    holds: [],
    fails: [['normal', 'panmunjom-2018']],
  },
  // Every easy and normal cell holds on every seed (since session 8 the second world has no talks at the Six-Party
  // Talks either). The hard players hold in every scenario on seed 1 since session 9, when the planner began to read
  // an answer to the next round, where a disputed first step is answered: before, they signed three-way packages
  // as readily as two-way ones at the Six-Party Talks and in the Panmunjom thaw.
  // Session 10 ran the hard players on seeds 2 and 3 too: on seed 2 they hold at the Six-Party Talks only (after
  // Hanoi −0.03 ± 0.04, in the Panmunjom thaw −0.05 ± 0.11), so the claim is conditional over every seed.
  multilateral: {
    verdict: 'conditional',
    holds: [
      ['easy', 'panmunjom-2018'],
      ['normal', 'six-party-talks'],
      ['hard', 'six-party-talks', [1]],
    ],
    fails: [['hard', 'hanoi-2019', [2]]],
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
