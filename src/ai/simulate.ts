/**
 * Batch simulation: N seeded computer-only games of one world, summarised. Pure and deterministic;
 * the command line wraps it with timing and a progress bar.
 */
import { runGame, scores, startGame } from '../engine/index.ts';
import type { ActorId, GameState, World } from '../engine/index.ts';
import { computerChooser, strategyById } from './index.ts';

export interface SimulateOptions {
  games: number;
  seed: string | number;
  /** Strategy id per seat; seats left out play `fallback`. */
  seats?: Record<ActorId, string>;
  fallback?: string;
  /** Called after each game with its index, for progress. */
  onGame?: (i: number, s: GameState) => void;
}

export interface SimulateSummary {
  scenario: string;
  games: number;
  seed: string;
  seats: Record<ActorId, string>;
  outcomes: Record<string, number>;
  meanScores: Record<ActorId, number>;
  meanRounds: number;
  clashRate: number;
  agreements: { signedPerGame: number; completedShare: number; brokenShare: number };
  meanFinal: { tension: number; stage: number };
}

/** The seed of game `i` in a batch. */
export const gameSeed = (seed: string | number, i: number): string => `${seed}:${i}`;

export function seatsFor(
  world: World,
  seats: Record<ActorId, string> = {},
  fallback = 'reciprocal',
): Record<ActorId, string> {
  return Object.fromEntries(world.actors.map((a) => [a.id, seats[a.id] ?? fallback]));
}

export function simulate(world: World, opts: SimulateOptions): SimulateSummary {
  const seats = seatsFor(world, opts.seats, opts.fallback);
  const strategies = Object.fromEntries(Object.entries(seats).map(([a, id]) => [a, strategyById(id)]));
  const outcomes: Record<string, number> = Object.fromEntries(world.outcomes.map((o) => [o.id, 0]));
  const scoreSum: Record<ActorId, number> = Object.fromEntries(world.actors.map((a) => [a.id, 0]));
  let rounds = 0;
  let clashes = 0;
  let signed = 0;
  let completed = 0;
  let broken = 0;
  let tension = 0;
  let stage = 0;
  for (let i = 0; i < opts.games; i++) {
    const seed = gameSeed(opts.seed, i);
    const end = runGame(world, startGame(world, seed), computerChooser(world, seed, strategies));
    const e = end.end!;
    outcomes[e.outcome] = (outcomes[e.outcome] ?? 0) + 1;
    const sc = scores(world, end);
    for (const a of world.actors) scoreSum[a.id]! += sc[a.id]!;
    rounds += e.round;
    if (e.reason === 'clash') clashes++;
    signed += end.agreements.length;
    completed += end.agreements.filter((g) => g.status === 'completed').length;
    broken += end.agreements.filter((g) => g.status === 'broken' || g.status === 'abandoned').length;
    tension += end.tension;
    stage += end.stage;
    opts.onGame?.(i, end);
  }
  const n = Math.max(1, opts.games);
  const round2 = (x: number): number => Math.round(x * 100) / 100;
  return {
    scenario: world.id,
    games: opts.games,
    seed: String(opts.seed),
    seats,
    outcomes,
    meanScores: Object.fromEntries(Object.entries(scoreSum).map(([a, x]) => [a, round2(x / n)])),
    meanRounds: round2(rounds / n),
    clashRate: round2(clashes / n),
    agreements: {
      signedPerGame: round2(signed / n),
      completedShare: round2(completed / Math.max(1, signed)),
      brokenShare: round2(broken / Math.max(1, signed)),
    },
    meanFinal: { tension: round2(tension / n), stage: round2(stage / n) },
  };
}
