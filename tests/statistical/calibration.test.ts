/**
 * Calibration of the shipped scenarios (issue 16, docs/scenarios.md#calibration), on a smaller sample than the
 * published 2,000-game table: with the default players and at each difficulty, no outcome above 70 %, the
 * scenario's historical outcome in at least 15 % of games, and a military clash in at most 20 %.
 *
 * A sample of n games is held to each goal with 2.5 standard errors of slack, so the test fails on a real
 * miss, not on the luck of a small sample. The cells that docs/scenarios.md records as not meeting the goals are
 * listed in NOT_MET with the goal they miss: the test asserts they still miss it, so it fails (and the table must
 * be rerun and the docs changed) when calibration moves either way. The hard difficulty (the planner) is measured
 * for the docs only: a few hundred of its games take too long for a test.
 */
import { describe, expect, it } from 'vitest';
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

type Goal = 'dominant' | 'historical' | 'clash';

/** Cells measured not to meet a goal (docs/scenarios.md), by "scenario/players", with the goals they miss. */
const NOT_MET: Record<string, Goal[]> = {
  // docs/scenarios.md's 2,000-game table of session 8. The easy players: after Hanoi the frozen standoff in 8.6 %
  // of games (a working peace in 79.5 %: mediated packages between the North and Japan, and a North that buys
  // goodwill with unilateral gestures, keep tension low); the present day's two hostile states in 0.9 %, with
  // armed camps at 82.5 %.
  'hanoi-2019/easy': ['historical'],
  'present-day/easy': ['historical', 'dominant'],
  // More cells miss a goal in that table but lie inside this small sample's slack, so they are not listed. Normal:
  // the tutorial's back to the brink (6.0 %), after Hanoi a working peace in 85.2 % and the frozen standoff in 3.1 %,
  // the present day's two hostile states in 14.0 % (armed camps 69.2 %). Easy: the Six-Party Talks' nuclear North
  // (76.8 %), the missile crisis's off-ramp (11.9 %, brinkmanship 78.1 %), Panmunjom's nuclear standoff (10.7 %).
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
    const missed: Goal[] = [];
    if (top > 0.7 + slack(0.7, games)) missed.push('dominant');
    if (historical < 0.15 - slack(0.15, games)) missed.push('historical');
    if (r.clashRate > 0.2 + slack(0.2, games)) missed.push('clash');
    const table = `${id}/${players}: top ${top}, historical ${historical}, clash ${r.clashRate}`;
    const known = NOT_MET[`${id}/${players}`];
    if (known) for (const g of known) expect(missed, `${table}: recorded as missing ${g}`).toContain(g);
    else expect(missed, table).toEqual([]);
  });
});
