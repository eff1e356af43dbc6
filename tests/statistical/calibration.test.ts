/**
 * Calibration of the shipped scenarios (issue 16, docs/scenarios.md#calibration), on a smaller sample than the
 * published 2,000-game table: with the default players and at each difficulty, no outcome above 70 %, the
 * scenario's historical outcome in at least 15 % of games, and a military clash in at most 20 %.
 *
 * A sample of n games is held to each goal with 2.5 standard errors of slack, so the test fails on a real
 * miss, not on the luck of a small sample. The cells that docs/scenarios.md records as not meeting the goals are
 * listed in NOT_MET with the goal they miss: the test asserts they still miss it (in the sample as it stands), so it fails (and the table must
 * be rerun and the docs changed) when calibration moves either way. The hard difficulty (the planner) is measured
 * for the docs only: a few hundred of its games take too long for a test.
 */
import { describe, expect, it } from 'vitest';
import { GOALS } from '../../src/ai/calibration.ts';
import type { CalibrationGoal } from '../../src/ai/calibration.ts';
import { DIFFICULTIES } from '../../src/ai/index.ts';
import { simulate } from '../../src/ai/simulate.ts';
import { readScenario } from '../../src/cli/files.ts';

const SCENARIOS = [
  'tutorial',
  'six-party-talks',
  'missile-crisis-2017',
  'panmunjom-2018',
  'hanoi-2019',
  'present-day',
];

/**
 * The players of each column: two difficulties. Normal's are `qpq simulate`'s default players too (no shipped
 * scenario seats its own), so the default column is the normal one.
 */
const PLAYERS: Record<string, { strategy?: string; games: number }> = {
  easy: { strategy: DIFFICULTIES.easy.strategy, games: 150 },
  normal: { strategy: DIFFICULTIES.normal.strategy, games: 40 },
};

type Goal = CalibrationGoal;

/** Cells measured not to meet a goal (docs/scenarios.md), by "scenario/players", with the goals they miss. */
const NOT_MET: Record<string, Goal[]> = {
  // docs/scenarios.md's 2,000-game table: since session 14 (the Easy ministry's rough estimates no longer reach its
  // own acts) one cell misses a goal, the easy players' present day: two hostile states in 12.8 % of games, with
  // armed camps and spiral (an Easy government carries one negotiation at a time and studies two partners a round,
  // so half as many deals are signed as at Normal and tension stays past the crisis line). It misses by too little
  // for this sample to land on the same side every time (its 150 games reach 15 %), so it is not listed here, and is
  // held to the goal with the sample's slack like every other cell. Before session 14 the easy players missed in the
  // missile crisis, the Six-Party Talks and the Panmunjom thaw too.
};

const slack = (p: number, n: number): number => 2.5 * Math.sqrt((p * (1 - p)) / n);

describe('calibration of the shipped scenarios (small samples)', () => {
  const cells = SCENARIOS.flatMap((id) => Object.keys(PLAYERS).map((players) => [id, players] as const));
  it.each(cells)('%s with the %s players', (id, players) => {
    const { world } = readScenario(id);
    const { strategy, games } = PLAYERS[players]!;
    const r = simulate(world, { games, seed: 'calibration', ...(strategy ? { fallback: strategy } : {}) });
    const share = (outcome: string): number => (r.outcomes[outcome] ?? 0) / games;
    const top = Math.max(...Object.keys(r.outcomes).map(share));
    const historical = share(world.historical!);
    // A cell may miss a goal by this much (0 for the sample as it stands).
    const misses = (by: (p: number) => number): Goal[] => {
      const out: Goal[] = [];
      if (top > GOALS.dominant + by(GOALS.dominant)) out.push('dominant');
      if (historical < GOALS.historical - by(GOALS.historical)) out.push('historical');
      if (r.clashRate > GOALS.clash + by(GOALS.clash)) out.push('clash');
      return out;
    };
    const table = `${id}/${players}: top ${top}, historical ${historical}, clash ${r.clashRate}`;
    const known = NOT_MET[`${id}/${players}`];
    // A recorded miss must still be a miss in the sample; any other cell must meet every goal within the slack.
    if (known)
      for (const g of known)
        expect(
          misses(() => 0),
          `${table}: recorded as missing ${g}`,
        ).toContain(g);
    else
      expect(
        misses((p) => slack(p, games)),
        table,
      ).toEqual([]);
  });
});
