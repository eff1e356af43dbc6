/**
 * `qpq bench [--json] [--quick]`: the engine's speed. Every figure is the median of several runs that
 * alternate between the measured paths, since a shared machine is noisy.
 *
 * - pure path: recorded games replayed through `runGame` (rules only, no computer players);
 * - machine: the same records sent as events through the xstate machine;
 * - games/s: whole computer-only games with the reciprocal players, choices included;
 * - sizes: a finished game's state and its record, as JSON;
 * - the planner's decision time, p50 and p95, over whole games.
 */
import { parseArgs } from 'node:util';
import { computerChooser, strategyById } from '../ai/index.ts';
import { gameSeed, seatsFor } from '../ai/simulate.ts';
import { runGame, runThroughMachine, startGame } from '../engine/index.ts';
import type { GameRecord, RecordedInput, World } from '../engine/index.ts';
import { ENGINE_VERSION } from '../engine/index.ts';
import { readScenario } from './files.ts';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function record(world: World, seed: string): { inputs: RecordedInput[]; rounds: number; record: GameRecord } {
  const seats = seatsFor(world);
  const strategies = Object.fromEntries(Object.entries(seats).map(([a, id]) => [a, strategyById(id)]));
  const inputs: RecordedInput[] = [];
  const end = runGame(world, startGame(world, seed), computerChooser(world, seed, strategies), (r) =>
    inputs.push(r),
  );
  return {
    inputs,
    rounds: end.end!.round,
    record: { engine: ENGINE_VERSION, scenario: { id: world.id, hash: world.hash }, seed, seats, inputs },
  };
}

/** Times `fn` (which does `units` units of work) and returns units per second. */
function rate(units: number, fn: () => void): number {
  const t0 = performance.now();
  fn();
  return units / ((performance.now() - t0) / 1000);
}

export interface BenchFigures {
  scenario: string;
  engine: string;
  runs: number;
  pureRoundsPerSec: number;
  machineRoundsPerSec: number;
  machineShareOfPure: number;
  gamesPerSec: number;
  roundsPerGame: number;
  stateBytes: number;
  recordBytes: number;
  plannerP50Ms: number;
  plannerP95Ms: number;
  plannerDecisions: number;
}

/** Times every decision of planner seats over whole games (the others play the objective strategy). */
function plannerTimes(world: World, games: number): number[] {
  const planner = strategyById('planner');
  const objective = strategyById('objective');
  const times: number[] = [];
  const timed = {
    ...planner,
    decide: (ctx: Parameters<typeof planner.decide>[0], phase: Parameters<typeof planner.decide>[1]) => {
      const t0 = performance.now();
      const r = planner.decide(ctx, phase);
      times.push(performance.now() - t0);
      return r;
    },
  };
  for (let i = 0; i < games; i++) {
    const seats = Object.fromEntries(world.actors.map((a, k) => [a.id, k % 2 === 0 ? timed : objective]));
    const seed = gameSeed('planner', i);
    runGame(world, startGame(world, seed), computerChooser(world, seed, seats));
  }
  return times;
}

const percentile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

export function bench(world: World, quick: boolean): BenchFigures {
  const games = quick ? 4 : 16;
  const runs = quick ? 3 : 5;
  const recs = Array.from({ length: games }, (_, i) => record(world, gameSeed('bench', i)));
  const totalRounds = recs.reduce((n, r) => n + r.rounds, 0);
  const replayPure = (): void => {
    for (const r of recs) {
      let k = 0;
      runGame(world, startGame(world, r.record.seed), () => r.inputs[k++]!.input);
    }
  };
  const replayMachine = (): void => {
    for (const r of recs) runThroughMachine(world, r.record.seed, r.inputs);
  };
  const seats = Object.fromEntries(Object.entries(seatsFor(world)).map(([a, id]) => [a, strategyById(id)]));
  const playGames = (): void => {
    for (let i = 0; i < games; i++) {
      const seed = gameSeed('play', i);
      runGame(world, startGame(world, seed), computerChooser(world, seed, seats));
    }
  };
  replayPure();
  replayMachine();
  const pure: number[] = [];
  const machine: number[] = [];
  const played: number[] = [];
  for (let k = 0; k < runs; k++) {
    pure.push(rate(totalRounds, replayPure));
    machine.push(rate(totalRounds, replayMachine));
    played.push(rate(games, playGames));
  }
  const pt = plannerTimes(world, quick ? 1 : 2);
  let k = 0;
  const last = runGame(world, startGame(world, recs[0]!.record.seed), () => recs[0]!.inputs[k++]!.input);
  const p = median(pure);
  const m = median(machine);
  return {
    scenario: world.id,
    engine: ENGINE_VERSION,
    runs,
    pureRoundsPerSec: Math.round(p),
    machineRoundsPerSec: Math.round(m),
    machineShareOfPure: Math.round((m / p) * 1000) / 1000,
    gamesPerSec: Math.round(median(played) * 10) / 10,
    roundsPerGame: Math.round((totalRounds / games) * 10) / 10,
    stateBytes: JSON.stringify(last).length,
    recordBytes: JSON.stringify(recs[0]!.record).length,
    plannerP50Ms: Math.round(percentile(pt, 0.5) * 10) / 10,
    plannerP95Ms: Math.round(percentile(pt, 0.95) * 10) / 10,
    plannerDecisions: pt.length,
  };
}

export function runBench(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      scenario: { type: 'string', default: 'panmunjom-2018' },
    },
  });
  const f = bench(readScenario(values.scenario).world, values.quick);
  if (values.json) {
    process.stdout.write(JSON.stringify(f) + '\n');
    return 0;
  }
  const rows: [string, string][] = [
    ['scenario', f.scenario],
    ['rounds/s, pure step functions', f.pureRoundsPerSec.toLocaleString('en')],
    [
      'rounds/s, through the xstate machine',
      `${f.machineRoundsPerSec.toLocaleString('en')} (${(100 * f.machineShareOfPure).toFixed(1)} % of pure)`,
    ],
    ['games/s, computer-only (reciprocal)', `${f.gamesPerSec} (${f.roundsPerGame} rounds each)`],
    ['finished state, JSON', `${(f.stateBytes / 1024).toFixed(1)} KiB`],
    ['game record, JSON', `${(f.recordBytes / 1024).toFixed(1)} KiB`],
    [
      'planner decision time p50 / p95',
      `${f.plannerP50Ms} / ${f.plannerP95Ms} ms (${f.plannerDecisions} decisions)`,
    ],
  ];
  process.stdout.write(
    `Quid Pro Quo benchmark (median of ${f.runs} alternating runs)\n` +
      rows.map(([k, v]) => `  ${k.padEnd(40)} ${v}`).join('\n') +
      '\n',
  );
  return 0;
}
