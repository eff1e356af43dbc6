/**
 * How often the planner (hard) overrides the objective choice it starts from, and how, by seat and phase: plays hard
 * games of a scenario and reads each decision's explanation (the planner says when it keeps the objective player's
 * choice, and what it changed when it does not). Session 13 found with it that the hard North holds back the acts
 * it would take as a Normal player in most commitment phases (docs/computer-players.md, "The planner"):
 *
 *   node --import tsx scripts/planner-overrides.ts panmunjom-2018 6        # scenario, games
 *
 * Per game and seat: "kept" (no alternative scored better), "no alternatives" (nothing to compare), or the change
 * made (holds back its actions, takes fewer actions, breaks its promises, …). It changes no game.
 */
import { computerChooser, seatStrategies } from '../src/ai/index.ts';
import { seatsFor } from '../src/ai/simulate.ts';
import { readScenario } from '../src/cli/files.ts';
import { runGame, startGame } from '../src/engine/index.ts';
import type { ActorId, GameState, InputPhase, PhaseInput } from '../src/engine/index.ts';

const [scenario = 'panmunjom-2018', gamesArg = '6'] = process.argv.slice(2);
const games = Number(gamesArg);
if (!Number.isInteger(games) || games < 1) {
  process.stderr.write(
    `usage: planner-overrides.ts <scenario> <games>: "${gamesArg}" is not a number of games\n`,
  );
  process.exit(2);
}
const { world } = readScenario(scenario);
const tally = new Map<string, Map<ActorId, number>>();
const kind = (phase: InputPhase, input: PhaseInput): string => {
  const why = input.why ?? '';
  const changed = /simulated futures and (.*?), which/.exec(why);
  return `${phase}: ${changed ? changed[1] : why.includes('finds nothing better') ? 'kept' : 'no alternatives'}`;
};
for (let i = 0; i < games; i++) {
  const seed = `overrides:${i}`;
  const choose = computerChooser(world, seed, seatStrategies(seatsFor(world, {}, 'planner')));
  runGame(world, startGame(world, seed), (s: GameState, actor: ActorId, phase: InputPhase) => {
    const input = choose(s, actor, phase);
    const k = kind(phase, input);
    let by = tally.get(k);
    if (!by) tally.set(k, (by = new Map()));
    by.set(actor, (by.get(actor) ?? 0) + 1);
    return input;
  });
}
const ids = world.actors.map((a) => a.id);
const width = Math.max(...[...tally.keys()].map((k) => k.length)) + 2;
process.stdout.write(`${scenario}: ${games} hard games; decisions per game, by seat\n`);
process.stdout.write(`${''.padEnd(width)}${ids.map((x) => x.padStart(6)).join('')}\n`);
for (const [k, by] of [...tally.entries()].sort(([a], [b]) => a.localeCompare(b)))
  process.stdout.write(
    `${k.padEnd(width)}${ids.map((x) => ((by.get(x) ?? 0) / games).toFixed(1).padStart(6)).join('')}\n`,
  );
