/**
 * The published verdicts over every seed (docs/experiments.md), asserted on seeds 1, 2 and 3 at the published size
 * (5 batches of 40 paired games a cell for the easy and normal players, 8 for the hard players, and a multiple of
 * that where a claim plays its cells at a multiple of the size: four times for multilateral talks' hard players and
 * for verification's and the lifeline's easy and normal players, sixteen times for the hard players of the trust
 * deficit, the lifeline and mediation). The whole table of a claim (three kinds of player × three scenarios) costs
 * too much to replay here on three seeds, above all the hard players' rows, so each verdict is asserted through
 * witnesses played by the easy and normal players on seeds 1, 2 and 3, and a few hard ones on the seeds they name:
 *
 * - `holds`: cells where the claim holds (the predicted sign, its interval clear of zero) on every seed;
 * - `fails`: cells where it does not hold on any seed (no effect, or the opposite), or on the seeds they name;
 * - `opposite`: cells where the opposite holds, significantly, on every seed: a finding against the claim;
 * - `replays`: a hard cell too costly to play here whole, one batch of it replayed against the published run it came
 *   from (`Replay`).
 *
 * A verdict is robust only with no failing witness, conditional with both kinds, not shown with no holding one.
 * A cell that holds on one seed and not on another is no witness, unless it names the seeds it is asserted on.
 *
 * Two test files assert them, split by cost so that side by side they end together: claims 1, 2 and 5
 * (`claims-1-2-5.test.ts`: trust deficit, verification and the lifeline) and the other seven
 * (`claims-3-4-6-10.test.ts`): 612 s and 476 s of tests side by side in session 19 (10 min 13 s in all, both on this
 * machine's two cores; 590 s and 570 s in session 16's CI run, before the replays). Each half can be run alone, and
 * both side by side: the project runs in a group of its own, on two workers (vitest.config.ts; in CI after the unit and
 * statistical files, before the browser's), where the runner's default on this two-core machine is one file at a
 * time. Run with `npx vitest run --project experiments`, or one claim's witnesses with `-t <claim id>`. The costliest
 * witnesses (session 19): verification's easy and normal cells (800 pairs a cell on three seeds, 82 and 110 s), the
 * lifeline's (42 and 101 s), and the replayed hard batches, 256 planner games each at sixteen times and 64 at four:
 * the trust deficit's after Hanoi 142 s, mediation's in the missile crisis 66 s, the lifeline's there 49 s,
 * multilateral talks' in the Panmunjom thaw 34 s (it played its whole cell, 320 planner games, in 156 s before).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
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
import type { ExperimentRun } from '../../src/cli/experiment-markdown.ts';

const load = worldLoader();

const SEEDS = [1, 2, 3];

/** The published size on a seed: the default games, hard games and batches. */
const publishedSize = (seed: number): ProtocolOptions => ({
  games: DEFAULT_GAMES,
  hardGames: DEFAULT_HARD_GAMES,
  seeds: DEFAULT_SEEDS,
  seed,
});

/** One cell's row on a seed, at the published size. */
function cell(id: string, players: Players, scenario: string, seed: number): RobustnessRow {
  const opts = publishedSize(seed);
  const batches: UnitResult[] = [];
  for (let batch = 0; batch < opts.seeds; batch++)
    batches.push(playUnit(load, { claim: id, scenario, players, batch }, gamesFor(opts, players, id), seed));
  return rowOf(experimentById(id)!, players, scenario, batches);
}

/** Players and scenario, and the seeds the witness is asserted on where not all of them (a seed-sensitive cell). */
type Cell = readonly [Players, string] | readonly [Players, string, readonly number[]];

/**
 * One batch of a cell too costly to play here whole (a claim's hard cells at its `hardPower`: 1,280 planner games at
 * sixteen times the hard size, 320 at four), played again and checked against the published run it belongs to
 * (`docs/runs/<run>`): that run's cell must hold (or, for a failing witness, must not), and the batch must come out
 * exactly as it did there, so the published cell is still what the code plays.
 */
interface Replay {
  players: Players;
  scenario: string;
  seed: number;
  batch: number;
  /** The published run's file in docs/runs. */
  run: string;
  /** What the published cell shows: a holding witness (the default) or a failing one. */
  want?: 'holds' | 'fails';
}

interface Published {
  verdict: Verdict;
  holds: readonly Cell[];
  fails: readonly Cell[];
  opposite?: readonly Cell[];
  /** Cells whose verdict rests on a published run, replayed one batch at a time (see `Replay`). */
  replays?: readonly Replay[];
}

/**
 * The published verdicts over every seed (docs/experiments.md, Results: `qpq experiment --all --json` at the default
 * size on seeds 1, 2 and 3, every cell again in session 15 (the objective player and the planner changed), before that the easy players in session 14, the normal players in session 11 and again in session 14 (the same games), the hard
 * players in session 10 and again in session 14; the four claims measured in the present day again in session 12,
 * multilateral talks in session 13, the lifeline at its power in session 16, every hard cell in session 18, the trust
 * deficit's and mediation's at their hard power) and their witnesses, each chosen from
 * those runs. A verdict over every seed is robust only if every cell holds on every seed, so a claim robust on one seed
 * alone is conditional here, with a failing witness on the seed where it fails. The hard players' witnesses are
 * asserted on one seed, and only where the verdict rests on them (a robust claim's, and a failing one that only the
 * hard players give): a hard cell is 80 planner games, 320 for a claim played at four times the hard size
 * (multilateral talks) and 1,280 at sixteen times (the trust deficit, the lifeline, mediation); since session 18 those
 * at a `hardPower` are replayed one batch at a time against their published runs instead. Witnesses are the cheapest
 * cells that say the same (short scenarios first): `npm test` plays every test file one after another.
 */
export const PUBLISHED: Record<string, Published> = {
  // Robust since session 18. A record of provocations lowers the deals signed with the DPRK in every easy and normal
  // cell on seeds 1 to 3 at 200 pairs a cell (the easy players in all three scenarios since session 14), and in every
  // hard cell at sixteen times the hard size (`hardPower`: 640 pairs), since the planner's stand-ins lost the trust
  // lines that gave the Panmunjom thaw the wrong sign. Witnesses: the cheapest scenario (after Hanoi) for the easy and
  // normal players; a hard cell is 1,280 planner games, so the weakest (after Hanoi, seed 1) is replayed one batch at
  // a time against its published run.
  'trust-deficit': {
    verdict: 'robust',
    holds: [
      ['normal', 'hanoi-2019'],
      ['easy', 'hanoi-2019'],
    ],
    fails: [],
    replays: [
      { players: 'hard', scenario: 'hanoi-2019', seed: 1, batch: 0, run: 'trust-deficit-hard-s1.json' },
    ],
  },
  // Robust since session 14. The easy and normal players' effect was small (0.01 to 0.02 of the steps), so their cells
  // are played at four times the size (`power`: 800 pairs a cell), set from a power check on seed 1 and confirmed on
  // seeds 2 and 3, where every effect had the sign at 200 pairs; since session 15, when the objective player weighs
  // the chance a breach is seen, it is 0.016 to 0.042. The hard players, who renege far more where it is hard to see,
  // hold everywhere at 40 pairs. Witnesses: the cheapest scenario (after Hanoi, 1,600 games a seed).
  verification: {
    verdict: 'robust',
    holds: [
      ['easy', 'hanoi-2019'],
      ['normal', 'hanoi-2019'],
      ['hard', 'panmunjom-2018', [1]],
    ],
    fails: [],
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
      ['hard', 'present-day', [1]],
    ],
    fails: [],
  },
  // Conditional since session 18 (robust in sessions 16 and 17), its cells at four times the size for the easy and normal
  // players (`power`: 800 pairs) and sixteen times for the hard (`hardPower`: 640). Every cell holds on every seed but
  // the hard players' missile crisis on seed 2 (−0.08 ± 0.09): with the planner's stand-ins dealing below the trust lines
  // they had, the cut no longer sends the hard North to Japan there (the lifeline's Why). The easy and normal witnesses
  // are the cheapest scenario and the weakest cell (after Hanoi); the failing hard cell is 1,280 planner games, so one
  // batch of it is replayed against its published run.
  lifeline: {
    verdict: 'conditional',
    holds: [
      ['easy', 'missile-crisis-2017'],
      ['normal', 'hanoi-2019'],
    ],
    fails: [],
    replays: [
      {
        players: 'hard',
        scenario: 'missile-crisis-2017',
        seed: 2,
        batch: 0,
        run: 'lifeline-hard-s2.json',
        want: 'fails',
      },
    ],
  },
  // Robust: phased deals break less often with every difficulty, in every scenario, on every seed.
  phasing: {
    verdict: 'robust',
    holds: [
      ['easy', 'panmunjom-2018'],
      ['normal', 'hanoi-2019'],
      ['hard', 'panmunjom-2018', [1]],
    ],
    fails: [],
  },
  // Robust since session 11: after Hanoi the normal players bridge +0.26 to +0.40 deals a game at 200 pairs a cell,
  // which 50 pairs (+0.34, +0.14, +0.00 in session 10) could not tell from nothing. Since session 18 the hard cells play
  // at sixteen times the hard size (`hardPower`: 640 pairs): with the planner's stand-ins dealing below the trust lines
  // they had, the hard effect shrank by about 40 %, beyond what 40 pairs resolve after Hanoi. The weakest easy and
  // normal cells are the witnesses; a hard cell is 1,280 planner games, so the cheapest (the missile crisis, seed 1) is
  // replayed one batch at a time against its published run.
  mediation: {
    verdict: 'robust',
    holds: [
      ['easy', 'missile-crisis-2017'],
      ['normal', 'hanoi-2019'],
    ],
    fails: [],
    replays: [
      { players: 'hard', scenario: 'missile-crisis-2017', seed: 1, batch: 0, run: 'mediation-hard-s1.json' },
    ],
  },
  // A clash is rare: the predicted sign or none in every easy and normal cell, significant only in the present day
  // (since session 12 the easy players on seeds 1 and 3, the normal players on seed 1): on no cell on every seed. The
  // witness is the cheapest cell that fails on every seed.
  hotline: { verdict: 'not-shown', holds: [], fails: [['easy', 'missile-crisis-2017']] },
  // Not shown anywhere: the DPRK provokes no less, and on seed 2 significantly more, when the others may engage; in
  // the missile crisis it hardly provokes in either world.
  engagement: {
    verdict: 'not-shown',
    holds: [],
    fails: [['easy', 'missile-crisis-2017']],
  },
  // Robust since session 13: every easy and normal cell holds on every seed, and the hard players' cells, played at
  // four times the hard size (`hardPower`: 160 pairs a cell), hold in every scenario on every seed. At 40 pairs the
  // hard players held on seed 2 only at the Six-Party Talks (after Hanoi −0.03 ± 0.04, in the Panmunjom thaw
  // −0.05 ± 0.11, session 10). The hard cell that showed it (the cheapest scenario on that seed, 320 planner games,
  // about 160 s) is replayed one batch at a time since session 18, as the other claims' costly hard cells are.
  multilateral: {
    verdict: 'robust',
    holds: [
      ['easy', 'panmunjom-2018'],
      ['normal', 'panmunjom-2018'],
    ],
    fails: [],
    replays: [
      { players: 'hard', scenario: 'panmunjom-2018', seed: 2, batch: 0, run: 'multilateral-hard-s2.json' },
    ],
  },
};

/** Asserts the published verdicts of `ids` through their witnesses. */
export function assertVerdicts(ids: readonly string[]): void {
  const of = (c: Cell, want: 'holds' | 'fails' | 'opposite') => ({
    players: c[0],
    scenario: c[1],
    seeds: c[2] ?? SEEDS,
    want,
  });
  const witnesses = ids.flatMap((id) => {
    const p = PUBLISHED[id];
    if (!p) throw new Error(`No published verdict for "${id}".`);
    return [
      ...p.holds.map((c) => of(c, 'holds')),
      ...p.fails.map((c) => of(c, 'fails')),
      ...(p.opposite ?? []).map((c) => of(c, 'opposite')),
    ].map((w) => ({ id, ...w, on: w.seeds.join(', ') }));
  });
  const replays = ids.flatMap((id) =>
    (PUBLISHED[id]!.replays ?? []).map((r) => ({
      id,
      ...r,
      which: `batch ${r.batch + 1} of ${DEFAULT_SEEDS}`,
      want: r.want ?? 'holds',
    })),
  );
  if (replays.length)
    it.each(replays)(
      '$id with $players players on $scenario: $which on seed $seed is the published one ($run), where it $want',
      ({ id, players, scenario, seed, batch, run, want }) => {
        const file = new URL(`../../docs/runs/${run}`, import.meta.url);
        const published = JSON.parse(readFileSync(file, 'utf8')) as ExperimentRun;
        const claim = published.claims.find((c) => c.id === id);
        const row = claim?.robustness.find((r) => r.players === players && r.scenario === scenario);
        expect(row, `${run}: no ${players} row on ${scenario} for ${id}`).toBeDefined();
        expect(String(claim!.seed)).toBe(String(seed));
        expect(row!.holds, JSON.stringify(row)).toBe(want === 'holds');
        const pairs = gamesFor(publishedSize(seed), players, id);
        expect(row!.games).toBe(pairs * DEFAULT_SEEDS);
        const unit = playUnit(load, { claim: id, scenario, players, batch }, pairs, seed);
        const diffs = unit.a.map((x, k) => x - unit.b[k]!);
        const effect = diffs.reduce((s, d) => s + d, 0) / diffs.length;
        expect(row!.batchEffects?.[batch], `${run} keeps no batch effects`).toBeDefined();
        expect(effect).toBeCloseTo(row!.batchEffects![batch]!, 9);
      },
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
}

/** Every claim has a published verdict, with the witnesses that verdict needs. */
export function assertCoverage(): void {
  it('cover every claim, and each verdict has the witnesses it needs', () => {
    expect(Object.keys(PUBLISHED).sort()).toEqual(EXPERIMENTS.map((e) => e.id).sort());
    for (const [id, p] of Object.entries(PUBLISHED)) {
      // A replayed cell stands for a witness too costly to play whole: a holding one, or a failing one where it says so.
      const replayed = (want: 'holds' | 'fails') =>
        (p.replays ?? []).filter((r) => (r.want ?? 'holds') === want);
      expect(p.holds.length + replayed('holds').length > 0, id).toBe(p.verdict !== 'not-shown');
      expect(p.fails.length + (p.opposite?.length ?? 0) + replayed('fails').length > 0, id).toBe(
        p.verdict !== 'robust',
      );
    }
  });
  it('are the verdicts over every seed that docs/experiments.md publishes', () => {
    const page = readFileSync(new URL('../../docs/experiments.md', import.meta.url), 'utf8');
    const over = new Map<string, string>();
    // The summary table: its column "verdict over every seed", read by its header, in every claim's row.
    const cells = (line: string): string[] =>
      line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
    const lines = page.split('\n');
    const header = lines.findIndex((l) => l.startsWith('| claim |') && l.includes('verdict over every seed'));
    expect(header, 'docs/experiments.md has no summary table').toBeGreaterThanOrEqual(0);
    const column = cells(lines[header]!).indexOf('verdict over every seed');
    for (const line of lines.slice(header + 2)) {
      if (!line.startsWith('|')) break;
      const row = cells(line);
      over.set(row[1]!.replace(/`/g, ''), row[column]!.replace(' ', '-'));
    }
    expect(Object.fromEntries(over)).toEqual(
      Object.fromEntries(Object.entries(PUBLISHED).map(([id, p]) => [id, p.verdict])),
    );
  });
}
