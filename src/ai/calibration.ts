/**
 * Issue 16's calibration goals (docs/scenarios.md#calibration), as a playtest reads them. A scenario that teaches
 * should have:
 * - no outcome that ends more than 70 % of games: what the players do must matter;
 * - the outcome history took (its `historical`) in at least 15 %: history must be a likely course, not a freak;
 * - a military clash in at most 20 %: the peninsula has been through many crises without a war since 1953.
 *
 * `qpq simulate` holds every batch to them (text and `--json`), so an instructor playtesting a scenario of their
 * own sees where it stands; `tests/statistical/calibration.test.ts` holds the shipped scenarios to them.
 */
import type { World } from '../engine/index.ts';

/** The limits: the most frequent outcome at most, the historical outcome at least, a clash at most. */
export const GOALS = { dominant: 0.7, historical: 0.15, clash: 0.2 } as const;
export type CalibrationGoal = keyof typeof GOALS;

/** One goal held to one batch. */
export interface CalibrationCheck {
  goal: CalibrationGoal;
  /** The outcome the goal reads: the most frequent one, the historical one; null for a clash (any game ending in one). */
  outcome: string | null;
  /** Its share of the batch's games, 0..1. */
  share: number;
  /** The goal's limit (`GOALS`): a most for `dominant` and `clash`, a least for `historical`. */
  limit: number;
  met: boolean;
  /**
   * Two standard errors of a share at the limit with this many games: a share closer to the limit than this may
   * land on the other side in another batch of the same size.
   */
  margin: number;
}

export interface Calibration {
  games: number;
  /** The scenario's historical outcome; null when it names none (then that goal is not checked). */
  historical: string | null;
  checks: CalibrationCheck[];
  /** Every goal checked is met. */
  met: boolean;
}

const margin = (limit: number, games: number): number =>
  2 * Math.sqrt((limit * (1 - limit)) / Math.max(1, games));

/**
 * A batch held to the goals: `outcomes` counts games by outcome id, `clashes` the games that ended in a clash.
 * The most frequent outcome is the first of the scenario's outcomes with the highest count (ties go to the one the
 * scenario lists first).
 */
export function calibrationOf(
  world: Pick<World, 'outcomes' | 'historical'>,
  outcomes: Readonly<Record<string, number>>,
  games: number,
  clashes: number,
): Calibration {
  const n = Math.max(1, games);
  const share = (c: number): number => c / n;
  let top: string | null = null;
  for (const o of world.outcomes)
    if (top === null || (outcomes[o.id] ?? 0) > (outcomes[top] ?? 0)) top = o.id;
  const check = (goal: CalibrationGoal, outcome: string | null, count: number): CalibrationCheck => {
    const s = share(count);
    const limit = GOALS[goal];
    return {
      goal,
      outcome,
      share: s,
      limit,
      met: goal === 'historical' ? s >= limit : s <= limit,
      margin: margin(limit, games),
    };
  };
  const historical = world.historical ?? null;
  const checks = [
    check('dominant', top, top === null ? 0 : (outcomes[top] ?? 0)),
    ...(historical === null ? [] : [check('historical', historical, outcomes[historical] ?? 0)]),
    check('clash', null, clashes),
  ];
  return { games, historical, checks, met: checks.every((c) => c.met) };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
const whole = (x: number): string => `${Math.round(100 * x)} %`;

/** What a check says, in a sentence for the playtest report (`qpq simulate`). */
export function checkText(c: CalibrationCheck): string {
  switch (c.goal) {
    case 'dominant':
      return `no outcome above ${whole(c.limit)}: the most frequent, "${c.outcome}", ends ${pct(c.share)}`;
    case 'historical':
      return `the historical outcome, "${c.outcome}", at least ${whole(c.limit)}: ${pct(c.share)}`;
    case 'clash':
      return `a military clash at most ${whole(c.limit)}: ${pct(c.share)}`;
  }
}

/** What an author should do about a goal missed, for the report's warnings. */
export function missText(c: CalibrationCheck): string {
  const share = whole(c.share);
  const limit = whole(c.limit);
  switch (c.goal) {
    case 'dominant':
      return `outcome "${c.outcome}" ends ${share} of games (above the ${limit} goal): the players' choices matter little; revisit its conditions or the starting values that make it easy.`;
    case 'historical':
      return `the historical outcome "${c.outcome}" ends ${share} of games (under the ${limit} goal): history should be a likely course; check the events and thresholds that lead to it against the record.`;
    case 'clash':
      return `a military clash ends ${share} of games (above the ${limit} goal): the peninsula has had no war since 1953 through many crises; revisit the clash chance (rules › clash-chance) and what keeps tension at the top.`;
  }
}
