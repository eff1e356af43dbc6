/**
 * How much stronger one strategy plays than another in the same seat: for each seat and seed, the game with `strong`
 * in every seat against the same game seed with `weak` in that seat alone; the strong player's score in the seat
 * minus the weak one's. Used to check that a difficulty is weaker than the next (tests/ai/easy.test.ts,
 * scripts/easy-weaker.ts; docs/computer-players.md, "Easy").
 */
import { runGame, scores, startGame } from '../engine/index.ts';
import type { GameState, World } from '../engine/index.ts';
import { computerChooser } from './index.ts';
import type { Strategy } from './types.ts';

/** A whole game on `seed` with each seat's strategy from `seat`. */
export const playSeated = (world: World, seed: string, seat: (id: string) => Strategy): GameState =>
  runGame(
    world,
    startGame(world, seed),
    computerChooser(world, seed, Object.fromEntries(world.actors.map((a) => [a.id, seat(a.id)]))),
  );

/** Strong minus weak in the same seat, one difference for each seat and seed (seats outer, seeds inner). */
export function seatGaps(world: World, seeds: readonly string[], strong: Strategy, weak: Strategy): number[] {
  // Every seat's strong arm is the same all-strong game: played once a seed.
  const allStrong = seeds.map((seed) =>
    scores(
      world,
      playSeated(world, seed, () => strong),
    ),
  );
  const diffs: number[] = [];
  for (const seat of world.actors)
    seeds.forEach((seed, i) => {
      const asWeak = scores(
        world,
        playSeated(world, seed, (a) => (a === seat.id ? weak : strong)),
      );
      diffs.push(allStrong[i]![seat.id]! - asWeak[seat.id]!);
    });
  return diffs;
}

/** The mean of `xs` and the half-width of its 95 % interval (normal approximation). */
export function meanInterval(xs: readonly number[]): { mean: number; half: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { mean, half: (1.96 * sd) / Math.sqrt(n) };
}
