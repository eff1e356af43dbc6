/**
 * A round-robin tournament in the style of Axelrod's, played on the engine's own rules. Each match is a
 * duel: two governments bound by one standing agreement, one step a round, each step a secret choice to honour
 * or renege, seen by the other through the noise of unverified compliance. Honouring costs `cost` and gives the
 * other `benefit` (a prisoner's dilemma: benefit > cost > 0). Every strategy meets every other and itself.
 */
import { DEFAULT_RULES, runGame, startGame } from '../engine/index.ts';
import type { ActionDef, Agreement, GameState, World } from '../engine/index.ts';
import { STRATEGIES, computerChooser, strategyById } from './index.ts';

/**
 * The tournament's field by default: every rule of play, once (the reciprocal player is tit-for-tat by another
 * name, and the easy objective player is the objective player with a weaker ministry: name it to enter it).
 */
export const TOURNAMENT_DEFAULT: readonly string[] = Object.keys(STRATEGIES).filter(
  (s) => s !== 'reciprocal' && s !== 'objective-easy',
);

/** What one honoured step is worth: to the other side, and what it costs the one who honours. */
export const DUEL_PAYOFF = { benefit: 2, cost: 1 } as const;

/** The duel's one action: a concession that costs the giver and helps the receiver (the dilemma's "cooperate"). */
const EXCHANGE: ActionDef = {
  id: 'exchange',
  name: 'Deliver the promised concession',
  family: 'economic',
  by: 'any',
  targeted: true,
  targets: null,
  cost: {},
  effects: [],
  visibility: 'public',
  readings: [],
  concession: true,
  provocation: false,
  dealable: true,
  joint: false,
  requires: [],
  summary: 'The step each side promised in the standing agreement.',
};

/** The duel world for a number of rounds and a noise level (the chance each step is misread). */
export function duelWorld(rounds: number, noise: number): World {
  const actor = (id: string) => ({
    id,
    name: `Government ${id}`,
    elected: false,
    termRounds: 16,
    hawkishness: 50,
    economicWeight: 0,
    successors: [],
    objectives: [{ metric: 'economy' as const, want: 'high' as const, weight: 1, label: 'Prosperity' }],
  });
  const vars = { security: 50, support: 50, economy: 50, influence: 50, nuclear: 0, missile: 0 };
  return {
    id: 'duel',
    title: 'Duel',
    hash: `duel-${rounds}-${noise}`,
    actors: [actor('A'), actor('B')],
    actions: [EXCHANGE],
    actionIndex: { exchange: 0 },
    events: [],
    outcomes: [{ id: 'end', name: 'End', summary: 'The duel is over.', when: [] }],
    stages: ['Duel', 'Duel'],
    flashpoints: [['A', 'B']],
    rounds,
    start: { year: 2000, quarter: 1 },
    rules: {
      ...DEFAULT_RULES,
      actionsPerRound: 0,
      offersPerRound: 0,
      accuracy: { none: 1 - noise, partial: 1 - noise, inspections: 1 - noise },
      phasedStrikes: rounds + 1, // the standing agreement never lapses: each step is its own dilemma
      crisisAt: 100,
      clashChance: 0,
      supportFloor: 0,
    },
    initial: {
      actors: {
        A: { vars, leader: { name: 'Leader A', stance: 50 } },
        B: { vars, leader: { name: 'Leader B', stance: 50 } },
      },
      trust: {},
      defaultTrust: 50,
      sanctions: {},
      lifeline: {},
      channels: [],
      alliances: [],
      rivalries: [['A', 'B']],
      tension: 0,
      stage: 0,
    },
  };
}

function standingAgreement(world: World): Agreement {
  return {
    id: 1,
    offer: 0,
    parties: ['A', 'B'],
    mediator: null,
    terms: [
      { by: 'A', action: 'exchange', target: 'B' },
      { by: 'B', action: 'exchange', target: 'A' },
    ],
    verification: 'none',
    steps: world.rounds,
    done: 0,
    strikes: 0,
    status: 'active',
    signed: 0,
    ended: null,
    signers: { A: 'Leader A', B: 'Leader B' },
    record: [],
  };
}

/** Payoffs per round from the truth of the record, scaled to 0..100 (mutual defection 33, mutual honour 67). */
export function duelScores(end: GameState): { A: number; B: number } {
  const { benefit, cost } = DUEL_PAYOFF;
  const total = { A: 0, B: 0 };
  const steps = end.agreements[0]!.record;
  for (const r of steps) {
    total.A += (r.honoured.B ? benefit : 0) - (r.honoured.A ? cost : 0);
    total.B += (r.honoured.A ? benefit : 0) - (r.honoured.B ? cost : 0);
  }
  const scale = (x: number): number => (100 * (x / Math.max(1, steps.length) + cost)) / (benefit + cost);
  return { A: scale(total.A), B: scale(total.B) };
}

export function playDuel(world: World, a: string, b: string, seed: string): { A: number; B: number } {
  const start = startGame(world, seed);
  start.agreements = [standingAgreement(world)];
  start.nextId = 2;
  const end = runGame(world, start, computerChooser(world, seed, { A: strategyById(a), B: strategyById(b) }));
  return duelScores(end);
}

export interface TournamentOptions {
  strategies: string[];
  noise: number;
  rounds: number;
  repetitions: number;
  seed: string | number;
  /** Generations of the ecological analysis. */
  generations: number;
}

export interface Standing {
  strategy: string;
  meanScore: number;
  ci95: number;
  matches: number;
}

export interface TournamentResult {
  options: TournamentOptions;
  ranking: Standing[];
  /** Mean score of the row strategy against the column strategy. */
  table: Record<string, Record<string, number>>;
  /**
   * Axelrod's ecological analysis: shares of a population after `generations` rounds of replicator dynamics,
   * each strategy growing with its mean score against the current population. Largest first.
   */
  ecology: { strategy: string; share: number }[];
}

/** Replicator dynamics over the pairwise table, from equal shares. */
export function ecology(
  table: TournamentResult['table'],
  generations: number,
): { strategy: string; share: number }[] {
  const names = Object.keys(table);
  let share = names.map(() => 1 / names.length);
  for (let g = 0; g < generations; g++) {
    const fit = names.map((a) => names.reduce((acc, b, j) => acc + share[j]! * table[a]![b]!, 0));
    const avg = share.reduce((acc, s, i) => acc + s * fit[i]!, 0);
    share = share.map((s, i) => (s * fit[i]!) / avg);
  }
  return names
    .map((strategy, i) => ({ strategy, share: Math.round(share[i]! * 10000) / 10000 }))
    .sort((a, b) => b.share - a.share);
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export function tournament(o: TournamentOptions): TournamentResult {
  const world = duelWorld(o.rounds, o.noise);
  const scores: Record<string, number[]> = Object.fromEntries(o.strategies.map((s) => [s, []]));
  const pair: Record<string, Record<string, number[]>> = Object.fromEntries(
    o.strategies.map((s) => [s, Object.fromEntries(o.strategies.map((t) => [t, []]))]),
  );
  o.strategies.forEach((a, i) =>
    o.strategies.forEach((b, j) => {
      if (j < i) return;
      for (let k = 0; k < o.repetitions; k++) {
        const r = playDuel(world, a, b, `${o.seed}:${a}:${b}:${k}`);
        scores[a]!.push(r.A);
        pair[a]![b]!.push(r.A);
        if (i !== j) {
          scores[b]!.push(r.B);
          pair[b]![a]!.push(r.B);
        } else pair[a]![a]!.push(r.B);
      }
    }),
  );
  const ranking = o.strategies
    .map((s) => {
      const xs = scores[s]!;
      const m = mean(xs);
      const sd = Math.sqrt(xs.reduce((acc, x) => acc + (x - m) ** 2, 0) / Math.max(1, xs.length - 1));
      return {
        strategy: s,
        meanScore: round2(m),
        ci95: round2((1.96 * sd) / Math.sqrt(Math.max(1, xs.length))),
        matches: xs.length,
      };
    })
    .sort((x, y) => y.meanScore - x.meanScore);
  const table = Object.fromEntries(
    o.strategies.map((a) => [
      a,
      Object.fromEntries(o.strategies.map((b) => [b, round2(mean(pair[a]![b]!))])),
    ]),
  );
  return { options: o, ranking, table, ecology: ecology(table, o.generations) };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
