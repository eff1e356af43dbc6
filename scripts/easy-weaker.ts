/**
 * How much weaker the Easy player is than Normal (docs/computer-players.md, "Easy"): for each seat, a game with
 * Normal in every seat against the same game seed with Easy in that seat alone; prints Normal's score minus Easy's in
 * the seat, mean and 95 % interval over the seats × seeds pairs (the measure of tests/ai/easy.test.ts):
 *
 *   node --import tsx scripts/easy-weaker.ts <scenario> [first seed index, 0] [seeds, 20]
 */
import { DIFFICULTIES, computerChooser, strategyById } from '../src/ai/index.ts';
import type { Strategy } from '../src/ai/index.ts';
import { readScenario } from '../src/cli/files.ts';
import { runGame, scores, startGame } from '../src/engine/index.ts';
import type { World } from '../src/engine/index.ts';
const easy = strategyById(DIFFICULTIES.easy.strategy);
const normal = strategyById(DIFFICULTIES.normal.strategy);
const play = (world: World, seed: string, seat: (id: string) => Strategy) =>
  runGame(
    world,
    startGame(world, seed),
    computerChooser(world, seed, Object.fromEntries(world.actors.map((a) => [a.id, seat(a.id)]))),
  );
const [id, from = '0', n = '20'] = process.argv.slice(2);
const { world } = readScenario(id!);
const seeds = Array.from({ length: Number(n) }, (_, i) => `easy-${i + Number(from)}`);
const allNormal = seeds.map((seed) =>
  scores(
    world,
    play(world, seed, () => normal),
  ),
);
const diffs: number[] = [];
for (const seat of world.actors)
  seeds.forEach((seed, i) => {
    const asEasy = scores(
      world,
      play(world, seed, (a) => (a === seat.id ? easy : normal)),
    );
    diffs.push(allNormal[i]![seat.id]! - asEasy[seat.id]!);
  });
const m = diffs.reduce((a, b) => a + b, 0) / diffs.length;
const sd = Math.sqrt(diffs.reduce((a, b) => a + (b - m) ** 2, 0) / (diffs.length - 1));
console.log(
  `${id} seeds ${from}+${n}: Normal − Easy = ${m.toFixed(2)} ± ${((1.96 * sd) / Math.sqrt(diffs.length)).toFixed(2)}`,
);
