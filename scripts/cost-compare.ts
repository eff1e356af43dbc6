/**
 * Compares the CPU cost of a strategy's games on two copies of the code, in one process, on the same seeds:
 * the copy in this worktree ("new") and another (`OLD`, a directory holding `src/` and `scenarios/`, made for
 * example with `git archive <commit> src scenarios | tar -x -C /tmp/old`, with this worktree's `node_modules` linked
 * into it). On a shared, busy machine only such
 * interleaved runs say anything: batches of games alternate between the two copies, and the whole comparison is
 * run twice, the second time with the copies' places swapped (whichever copy runs second in a process was seen
 * to be about a tenth slower, whatever the code), then pooled.
 *
 *   mkdir -p /tmp/old && git archive HEAD~1 src scenarios | tar -x -C /tmp/old && ln -s "$PWD/node_modules" /tmp/old/
 *   OLD=/tmp/old nice -n 10 node --import tsx scripts/cost-compare.ts panmunjom-2018 hanoi-2019
 *
 * Settings (environment): STRATEGY (default objective), GAMES per batch (10), BATCHES per pass (4), SEED (1), WARM
 * (40: games each copy plays before it is timed, on seeds outside the timed ones; V8 is still compiling a Normal
 * game's code over its first hundred or so games, a second or two of background CPU, which `cpuUsage` counts).
 * Prints, per scenario, each copy's CPU ms a game over both passes and old ÷ new (above 1: the new code is faster).
 */
import { resolve } from 'node:path';
import type * as Simulate from '../src/ai/simulate.ts';
import type * as CliFiles from '../src/cli/files.ts';
import type { World } from '../src/engine/index.ts';

type Sim = typeof Simulate;
type Files = typeof CliFiles;

const old = process.env.OLD;
if (!old) {
  process.stderr.write(
    'cost-compare: set OLD to a directory holding the other copy of src/ and scenarios/.\n',
  );
  process.exit(2);
}
const strategy = process.env.STRATEGY ?? 'objective';
const games = Number(process.env.GAMES ?? 10);
const batches = Number(process.env.BATCHES ?? 4);
const seed = process.env.SEED ?? '1';
const warm = Number(process.env.WARM ?? 40);
const ids = process.argv.slice(2).length ? process.argv.slice(2) : ['panmunjom-2018'];

const load = async (root: string): Promise<{ sim: Sim; files: Files }> => ({
  sim: (await import(resolve(root, 'src/ai/simulate.ts'))) as Sim,
  files: (await import(resolve(root, 'src/cli/files.ts'))) as Files,
});
const copies = { old: await load(old), new: await load(resolve(import.meta.dirname, '..')) };

/** CPU ms of games `from`..`from + n` of `world` on one copy (`playGames` takes the end index, not a count). */
function cpu(sim: Sim, world: World, from: number, n: number): number {
  const t0 = process.cpuUsage();
  sim.playGames(world, { seed, fallback: strategy }, from, from + n, () => {});
  const u = process.cpuUsage(t0);
  return (u.user + u.system) / 1000;
}

for (const id of ids) {
  const worlds = {
    old: copies.old.files.readScenario(id).world,
    new: copies.new.files.readScenario(id).world,
  };
  const total = { old: 0, new: 0 };
  for (const order of [
    ['old', 'new'],
    ['new', 'old'],
  ] as const) {
    // Warm both copies' compiled code on games outside the measured ones.
    for (const k of order) cpu(copies[k].sim, worlds[k], 100_000, warm);
    for (let b = 0; b < batches; b++) {
      const turn = b % 2 === 0 ? order : ([order[1], order[0]] as const);
      for (const k of turn) total[k] += cpu(copies[k].sim, worlds[k], b * games, games);
    }
  }
  const n = 2 * batches * games;
  process.stdout.write(
    `${id.padEnd(22)} ${strategy} old ${(total.old / n).toFixed(2)} new ${(total.new / n).toFixed(2)} CPU ms a game, old ÷ new ${(total.old / total.new).toFixed(3)}\n`,
  );
}
