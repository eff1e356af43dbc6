/**
 * The measurements of `qpq bench`. Every rate is the median of several runs, and within a run the paths
 * take turns (A, B, C, A, B, C, ...), so that a slow spell on the shared machine falls on all of them alike.
 */
import { DIFFICULTIES, computerChooser, seatStrategies, strategyById } from '../../ai/index.ts';
import { gameSeed, seatsFor } from '../../ai/simulate.ts';
import {
  ENGINE_VERSION,
  allIn,
  closePhaseMut,
  collectMut,
  hashValue,
  runGame,
  runThroughMachine,
  startGame,
} from '../../engine/index.ts';
import type { ActorId, GameRecord, GameState, RecordedInput, World } from '../../engine/index.ts';
import { availableParallelism, loadavg } from 'node:os';
import { GameSession } from '../../session/index.ts';
import type { Seat } from '../../session/index.ts';
import type { LoadedScenario } from '../../scenario/index.ts';
import { Worker } from 'node:worker_threads';
import { simulateInWorkers } from '../parallel.ts';
import { runThroughPeer } from './peer.ts';
import { fixedLength, scenarioWithActors } from './worlds.ts';

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const percentile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

/** The slope of log(y) on log(x), by least squares: y grows as x to this power. */
export function growthExponent(xs: readonly number[], ys: readonly number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i]! - mx) * (ly[i]! - my);
    den += (lx[i]! - mx) ** 2;
  }
  return num / den;
}

const round = (x: number, digits = 0): number => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The clock of every rate but the workers': this process's CPU time (user and system), not wall time. The
 * machine is shared, and a run descheduled for a while by other processes would otherwise count that wait as
 * the engine's; CPU time does not, and on an idle machine the two agree for single-threaded work. The wall
 * time is kept too, to report how contended the machine was (`wallPerCpuSecond`).
 */
const clock = { wall: 0, cpu: 0 };
function seconds(fn: () => void): number {
  const w0 = performance.now();
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  clock.wall += (performance.now() - w0) / 1000;
  clock.cpu += cpu;
  return Math.max(cpu, 1e-6);
}

/**
 * Runs each path once per run, in turn, for `runs` runs; returns each path's median of `units / seconds`.
 * Each path first runs untimed for at least `warmMs` (at least once), so that the timed runs meet code
 * already optimised: the first hundreds of milliseconds of a path are mostly the JIT compiling it, on
 * background threads whose CPU time counts too. That also shows how long one run takes: a path quicker than
 * `minMs` is repeated within each run until it lasts about that long, so that no figure rests on a few
 * milliseconds that one garbage collection could double.
 */
function alternate(
  runs: number,
  { minMs, warmMs }: { minMs: number; warmMs: number },
  paths: Record<string, { units: number; run: () => void }>,
): Record<string, number> {
  const reps: Record<string, number> = {};
  for (const [name, p] of Object.entries(paths)) {
    let one = 0;
    for (let t0 = performance.now(), k = 0; k === 0 || performance.now() - t0 < warmMs; k++)
      one = seconds(p.run);
    reps[name] = Math.min(1000, Math.max(1, Math.ceil(minMs / 1000 / Math.max(1e-6, one))));
  }
  const rates: Record<string, number[]> = Object.fromEntries(Object.keys(paths).map((k) => [k, []]));
  for (let k = 0; k < runs; k++)
    for (const [name, p] of Object.entries(paths)) {
      const n = reps[name]!;
      const t = seconds(() => {
        for (let r = 0; r < n; r++) p.run();
      });
      rates[name]!.push((p.units * n) / t);
    }
  return Object.fromEntries(Object.entries(rates).map(([k, xs]) => [k, median(xs)]));
}

interface Recorded {
  seed: string;
  inputs: RecordedInput[];
  rounds: number;
  final: GameState;
  record: GameRecord;
}

/** Plays a computer-only game with every seat on `strategy` (the scenario's default seats without one). */
function record(world: World, seed: string, strategy?: string): Recorded {
  const seats = seatsFor(world, {}, strategy);
  const strategies = seatStrategies(seats);
  const inputs: RecordedInput[] = [];
  const final = runGame(world, startGame(world, seed), computerChooser(world, seed, strategies), (r) =>
    inputs.push(r),
  );
  return {
    seed,
    inputs,
    rounds: final.end!.round,
    final,
    record: { engine: ENGINE_VERSION, scenario: { id: world.id, hash: world.hash }, seed, seats, inputs },
  };
}

/** The engine's own batch path over recorded inputs: `runGame`, which checks each input. */
const replayPure = (world: World, r: Recorded): GameState => {
  let k = 0;
  return runGame(world, startGame(world, r.seed), () => r.inputs[k++]!.input);
};

/**
 * The tight loop, the limit for a batch: the rule functions alone (collect each input, close each phase) on
 * one state per game, which they change in place, with the inputs made beforehand. No copies, no input
 * checks, no player views, no strategies.
 */
interface Tight {
  seed: string;
  actors: ActorId[];
  inputs: RecordedInput['input'][];
}
const tightOf = (r: Recorded): Tight => ({
  seed: r.seed,
  actors: r.inputs.map((x) => x.actor),
  inputs: r.inputs.map((x) => x.input),
});
function tightLoop(world: World, t: Tight): GameState {
  const s = startGame(world, t.seed);
  for (let k = 0; k < t.inputs.length; k++) {
    collectMut(world, s, t.actors[k]!, t.inputs[k]!);
    if (allIn(s)) closePhaseMut(world, s);
  }
  return s;
}

/**
 * Plays whole computer-only games: the players choose, the engine checks and applies. Every seat plays
 * `strategy`, or with an object, the seats it names play theirs and the others the reciprocal player.
 */
function playGames(
  world: World,
  seeds: readonly string[],
  strategy?: string | Record<ActorId, string>,
): number {
  const seats = typeof strategy === 'object' ? seatsFor(world, strategy) : seatsFor(world, {}, strategy);
  const strategies = seatStrategies(seats);
  let rounds = 0;
  for (const seed of seeds)
    rounds += runGame(world, startGame(world, seed), computerChooser(world, seed, strategies)).end!.round;
  return rounds;
}

/**
 * Times every decision of planner seats over whole games (the others play the objective strategy). The planner's
 * budget is a count of rollouts in every mode (so that its games are reproducible): this is how long that takes.
 */
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

/**
 * A browser game's cost per input through `GameSession` (the path the browser takes), in wall milliseconds per
 * `submit`: (a) hot-seat, six people entering recorded games' inputs, which is the session and the machine
 * alone (an input held, or the phase's last one sending every seat's event through the machine); (b) one
 * person (the first seat) against computer seats with the scenario's strategies, entering the safe default,
 * which is what a click costs when the computers must decide before the game moves on.
 */
function sessionTimes(
  loaded: LoadedScenario,
  recs: readonly Recorded[],
  games: number,
): { perInput: number[]; perClick: number[] } {
  const world = loaded.world;
  const perInput: number[] = [];
  for (const r of recs) {
    const seats = Object.fromEntries(world.actors.map((a) => [a.id, { kind: 'human' } as Seat]));
    const g = GameSession.start(loaded, { seed: r.seed, seats });
    for (const x of r.inputs) {
      const t0 = performance.now();
      const ok = g.submit(x.actor, x.input);
      perInput.push(performance.now() - t0);
      if (!ok.ok) throw new Error(`bench: the session refused a recorded input: ${ok.rejection.message}`);
    }
    if (hashValue(g.engineState()) !== hashValue(r.final))
      throw new Error('bench: the session did not reach the recorded final state');
  }
  const perClick: number[] = [];
  const me = world.actors[0]!.id;
  for (let i = 0; i < games; i++) {
    const g = GameSession.start(loaded, {
      seed: gameSeed('session', i),
      seats: { [me]: { kind: 'human' } },
    });
    while (!g.over()) {
      const input = g.defaultInput(me);
      const t0 = performance.now();
      g.submit(me, input);
      perClick.push(performance.now() - t0);
    }
  }
  return { perInput, perClick };
}

/**
 * The wall time of `threads` threads that each spin through `steps` steps of plain arithmetic: the machine's
 * own parallelism, whatever our code does. On two free cores two threads take as long as one.
 */
function spin(threads: number, steps: number): Promise<number> {
  const code = `let x = 0; for (let i = 0; i < ${steps}; i++) x = (x + i) % 7;
    require('node:worker_threads').parentPort.postMessage(x);`;
  const t0 = performance.now();
  return Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(code, { eval: true });
          w.once('message', () => resolve());
          w.once('error', reject);
        }),
    ),
  ).then(() => performance.now() - t0);
}

export interface ScalingPoint {
  actors: number;
  /** Microseconds per round of whole computer-only games (tit-for-tat players), choices included. */
  batchUsPerRound: number;
  /** Microseconds per round of the rule functions alone (tight loop) over the same games. */
  rulesUsPerRound: number;
}

export interface ScenarioWait {
  scenario: string;
  /** Mean rounds of its games (games end early in a clash). */
  roundsPerGame: number;
  /** Whole games per second on one thread, with the seats `qpq simulate` gives it by default. */
  gamesPerSec: number;
  /** What 10,000 games of it take on one thread at that rate, in seconds. */
  secondsFor10000: number;
}

/** The Normal difficulty's cost: the objective player in every seat against tit-for-tat in every seat. */
export interface NormalCost {
  scenario: string;
  /** Whole games per second on one thread, the objective player (Normal) in every seat. */
  normalGamesPerSec: number;
  /** The same, tit-for-tat in every seat, measured in the same alternating runs. */
  titForTatGamesPerSec: number;
  /** CPU milliseconds per game (one thread), Normal and tit-for-tat: less moved by others' load than wall time. */
  normalCpuMsPerGame: number;
  titForTatCpuMsPerGame: number;
  /** What a Normal game costs in tit-for-tat games (issue 16's goal: at most 3). */
  ratio: number;
  /**
   * CPU milliseconds per game with the Easy difficulty in every seat, in the same alternating runs (absent from a
   * run saved before session 7).
   */
  easyCpuMsPerGame?: number;
  /** What an Easy game costs in Normal games: a weaker player must cost no more than Normal (at most 1). */
  easyNormalRatio?: number;
  /** 10,000 Normal games on one thread at that rate, in seconds. */
  secondsFor10000: number;
  /**
   * 10,000 Normal games with `--workers auto`, in wall seconds: the workers' start-up, then the one-thread rate
   * times the gain in play rate the bench scenario's Normal batch got from `--workers auto` (measured there,
   * applied here).
   */
  secondsFor10000Auto: number;
}

/** Every figure of `qpq bench`. */
export interface BenchFigures extends DifficultyFigures {
  scenario: string;
  engine: string;
  runs: number;
  /** What "per second" means in the rates: seconds of this process's CPU time (see BENCHMARKS.md). */
  timing: string;
  /** Wall seconds per CPU second over the timed runs: 1 on an idle machine, more when others compete. */
  wallPerCpuSecond: number;
  // The shipped scenario, reciprocal players in every seat, games as they end (clash or last round).
  pureRoundsPerSec: number;
  machineRoundsPerSec: number;
  /** Per input through GameSession, six people entering recorded inputs (session and machine alone), µs. */
  sessionInputP50Us: number;
  sessionInputP95Us: number;
  sessionInputs: number;
  /** Per click of one person against computer seats (their choices included), ms. */
  sessionClickP50Ms: number;
  sessionClickP95Ms: number;
  sessionClicks: number;
  machineShareOfPure: number;
  gamesPerSec: number;
  roundsPerGame: number;
  stateBytes: number;
  recordBytes: number;
  plannerP50Ms: number;
  plannerP95Ms: number;
  plannerDecisions: number;
  // Thirty-round games: the scenario made to last 30 rounds with no clash ending, every seat tit-for-tat.
  batchRounds: number;
  batchStrategy: string;
  batchGamesPerSec: number;
  batchRoundsPerSec: number;
  /** The same games' inputs through `runGame` (input checks and one state copy, no players). */
  batchReplayRoundsPerSec: number;
  /** The same games' inputs through the rule functions alone. */
  tightRoundsPerSec: number;
  tightGamesPerSec: number;
  batchShareOfTight: number;
  // Cost as governments are added (generated scenarios, loaded through the scenario loader).
  scalingRounds: number;
  scaling: ScalingPoint[];
  scalingExponent: number;
  scalingRulesExponent: number;
  // The same recorded games through boardgame.io 0.50 running the same rule functions.
  peerGames: number;
  peerOursRoundsPerSec: number;
  peerClientRoundsPerSec: number;
  peerReducerRoundsPerSec: number;
  /** Ours / boardgame.io's headless client; ours / its bare reducer. */
  peerRatio: number;
  peerReducerRatio: number;
  peerSameFinalState: boolean;
  // qpq simulate on worker threads (one worker on a thread of its own too, so both start alike): games/s over
  // the wall time of a batch, worker start-up included.
  workersGames: number;
  workers1GamesPerSec: number;
  workers2GamesPerSec: number;
  workersSpeedup: number;
  /**
   * The speedup the machine itself allowed while measuring: two threads of plain arithmetic against one
   * (twice the work, so 2 when the second thread costs no wall time). About 2 on two free cores.
   */
  workersCeiling: number;
  /** Until both workers have loaded the code and are ready to play. */
  workersStartupMs: number;
  /** The speedup once the workers are running: games/s from the moment all are ready. */
  workersPlaySpeedup: number;
  /**
   * CPU time of the batch on one worker / on two (all threads): 1 when splitting adds no work. Unlike the
   * speedups, it does not depend on whether the machine has two free cores.
   */
  workersCpuEfficiency: number;
  // Every shipped scenario with its own seats, as `qpq simulate` plays it.
  scenarios: ScenarioWait[];
  /** The machine's one-minute load average when the run began and when it ended (others share the cores). */
  loadAverage: number[];
}

/**
 * The difficulties' cost (issue 16): `qpq bench` measures them with everything else, `qpq bench --difficulties`
 * alone (a few minutes).
 */
export interface DifficultyFigures {
  scenario: string;
  // The Normal difficulty (objective player in every seat) against tit-for-tat, every shipped scenario.
  normal: NormalCost[];
  /** The bench scenario's Normal game in tit-for-tat games, same run (issue 16: at most 3). */
  normalCostRatio: number;
  /** Normal games of the bench scenario played with `--workers auto`, and how many workers that was. */
  normalWorkersGames: number;
  normalWorkers: number;
  /** Wall games/s of that batch (start-up included), and on one thread in the same way. */
  normalWorkersGamesPerSec: number;
  normalOneThreadGamesPerSec: number;
  /**
   * Wall milliseconds until every worker was ready to play: with `--workers auto`, and with one worker thread
   * (absent from a run saved before session 8, which spread the start-up over the batch's games).
   */
  normalWorkersStartupMs?: number;
  normalOneWorkerStartupMs?: number;
  /**
   * Games/s once every worker was playing (start-up left out), `--workers auto` over one worker thread. From a
   * saved run with `normalWorkersWarmMs`: over the second half of the batch only.
   */
  normalWorkersPlaySpeedup?: number;
  /**
   * Wall milliseconds from ready to half the batch played, with `--workers auto` and one worker: the first games
   * of a worker run while V8 still compiles their code (about a hundred games, a second or two of background
   * CPU per worker), so they play slower than the rest (absent from a run saved before session 10).
   */
  normalWorkersWarmMs?: number;
  normalOneWorkerWarmMs?: number;
  /**
   * 10,000 Normal games of the bench scenario with `--workers auto`, wall seconds: measured when the batch was
   * 10,000 games (`--full`, or `--normal-games 10000`), else projected (`normal10000Measured` false) as the
   * batch's start-up, its first half as played, and the rest of 10,000 games at the rate of its second half, so
   * that a small batch's start-up and warm-up are counted once, as in a real run, and neither is spread over ten
   * thousand games. (Before session 10: the start-up plus 10,000 games at the rate of the whole batch once
   * started, warm-up included.)
   */
  normal10000SecondsAuto: number;
  /** The same on one worker thread (absent from a run saved before session 8). */
  normal10000SecondsOne?: number;
  normal10000Measured: boolean;
  /**
   * The gain of `--workers auto` over one worker on 10,000 games, wall time: the ratio of the two figures above
   * (issue 16: at least 1.7 on two workers).
   */
  normalWorkersSpeedup: number;
  /** CPU milliseconds per game of those batches, all threads: one worker, and `--workers auto`. */
  normalOneWorkerCpuMsPerGame: number;
  normalWorkersCpuMsPerGame: number;
  /**
   * The hard difficulty (the planner in every seat) against Normal on the bench scenario, the same seeds in
   * alternating runs on one thread: games, CPU ms a game of each, and the ratio.
   */
  hardGames: number;
  hardCpuMsPerGame: number;
  hardNormalCpuMsPerGame: number;
  hardNormalRatio: number;
  /** 2,000 hard games of the bench scenario with `--workers auto`, wall seconds, projected (one-thread rate × the workers' gain). */
  hard2000SecondsAuto: number;
  /** The machine's one-minute load average when this part began and when it ended (others share the cores). */
  difficultyLoadAverage: number[];
}

export interface BenchOptions {
  /** The shipped scenario's file. */
  file: string;
  world: World;
  /** The same scenario as loaded, for the session's measurements. */
  loaded: LoadedScenario;
  /** Every shipped scenario, with the seats `qpq simulate` gives it by default, for the instructor's wait. */
  shipped: { world: World; seats: Record<ActorId, string> }[];
  quick: boolean;
  /** Normal games in each `--workers` batch (default 240, 2 with `quick`; 10,000 with `qpq bench --full`). */
  normalWorkerGames?: number;
  /** Progress lines, for the text report. */
  log?: (line: string) => void;
}

export async function bench({
  file,
  world,
  loaded,
  shipped,
  quick,
  normalWorkerGames,
  log = () => {},
}: BenchOptions): Promise<BenchFigures> {
  const loadAtStart = loadavg()[0]!;
  const runs = quick ? 3 : 5;
  clock.wall = 0;
  clock.cpu = 0;
  const size = {
    ...difficultySize(quick, normalWorkerGames),
    games: quick ? 2 : 16,
    batchGames: quick ? 1 : 6,
    scalingGames: quick ? 1 : 2,
    scalingRounds: quick ? 2 : 6,
    peerGames: quick ? 1 : 4,
    workerGames: quick ? 4 : 300,
    workerRuns: quick ? 1 : 3,
    plannerGames: quick ? 1 : 2,
  };

  // 1. The shipped scenario: recorded games replayed (pure, machine) and played (games/s).
  log('the shipped scenario: pure, machine, whole games');
  const recs = Array.from({ length: size.games }, (_, i) => record(world, gameSeed('bench', i)));
  const totalRounds = recs.reduce((n, r) => n + r.rounds, 0);
  const playSeeds = recs.map((_, i) => gameSeed('play', i));
  const main = alternate(runs, size, {
    pure: { units: totalRounds, run: () => recs.forEach((r) => replayPure(world, r)) },
    machine: {
      units: totalRounds,
      run: () => recs.forEach((r) => runThroughMachine(world, r.seed, r.inputs)),
    },
    games: { units: recs.length, run: () => playGames(world, playSeeds) },
  });

  // 2. Thirty-round games with the simple strategies, and the tight loop over the same games.
  log('thirty-round games: batch, replay, tight loop');
  const BATCH_ROUNDS = 30;
  const BATCH_STRATEGY = 'tit-for-tat';
  const long = fixedLength(world, BATCH_ROUNDS);
  const longRecs = Array.from({ length: size.batchGames }, (_, i) =>
    record(long, gameSeed('batch', i), BATCH_STRATEGY),
  );
  const longRounds = longRecs.reduce((n, r) => n + r.rounds, 0);
  const tights = longRecs.map(tightOf);
  for (const [k, t] of tights.entries())
    if (hashValue(tightLoop(long, t)) !== hashValue(longRecs[k]!.final))
      throw new Error('The tight loop did not reach the same final state as the batch game.');
  const thirty = alternate(runs, size, {
    batch: {
      units: longRounds,
      run: () =>
        playGames(
          long,
          longRecs.map((r) => r.seed),
          BATCH_STRATEGY,
        ),
    },
    replay: { units: longRounds, run: () => longRecs.forEach((r) => replayPure(long, r)) },
    tight: { units: longRounds, run: () => tights.forEach((t) => tightLoop(long, t)) },
  });
  const gamesPerRound = longRecs.length / longRounds;

  // 3. Scaling with the number of governments.
  log('scaling: 6, 12, 24 governments');
  const scaling: ScalingPoint[] = [];
  for (const n of [6, 12, 24]) {
    const w = fixedLength(scenarioWithActors(file, n).world, size.scalingRounds);
    const rs = Array.from({ length: size.scalingGames }, (_, i) =>
      record(w, gameSeed('scale', i), BATCH_STRATEGY),
    );
    const rounds = rs.reduce((x, r) => x + r.rounds, 0);
    const ts = rs.map(tightOf);
    const m = alternate(runs, size, {
      batch: {
        units: rounds,
        run: () =>
          playGames(
            w,
            rs.map((r) => r.seed),
            BATCH_STRATEGY,
          ),
      },
      rules: { units: rounds, run: () => ts.forEach((t) => tightLoop(w, t)) },
    });
    scaling.push({
      actors: n,
      batchUsPerRound: round(1e6 / m.batch!, 1),
      rulesUsPerRound: round(1e6 / m.rules!, 1),
    });
  }

  // 4. The peer: the same recorded games through boardgame.io.
  log('the peer: boardgame.io client and reducer');
  const peerRecs = recs.slice(0, size.peerGames);
  const peerRounds = peerRecs.reduce((n, r) => n + r.rounds, 0);
  let same = true;
  for (const r of peerRecs) {
    const h = hashValue(r.final);
    same &&= hashValue(runThroughPeer(world, r.seed, r.inputs, 'client')) === h;
    same &&= hashValue(runThroughPeer(world, r.seed, r.inputs, 'reducer')) === h;
  }
  if (!same) throw new Error('boardgame.io did not reach the same final state as the engine.');
  const peer = alternate(runs, size, {
    ours: { units: peerRounds, run: () => peerRecs.forEach((r) => replayPure(world, r)) },
    client: {
      units: peerRounds,
      run: () => peerRecs.forEach((r) => runThroughPeer(world, r.seed, r.inputs, 'client')),
    },
    reducer: {
      units: peerRounds,
      run: () => peerRecs.forEach((r) => runThroughPeer(world, r.seed, r.inputs, 'reducer')),
    },
  });

  // 5. Worker threads: the same batch on one worker thread and on two, alternately, in wall time. The one
  // worker runs on a thread of its own, not this warmed-up one, so that both start from cold as in `qpq simulate`.
  log('qpq simulate on 1 and 2 worker threads');
  const wall: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const play: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const startup: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const cpu: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const batch = { games: size.workerGames, seed: 'workers' };
  const ceiling: number[] = [];
  const steps = quick ? 2e7 : 2e8;
  for (let k = 0; k < size.workerRuns; k++) {
    const one = await spin(1, steps);
    ceiling.push((2 * one) / (await spin(2, steps)));
  }
  for (let k = 0; k < size.workerRuns; k++)
    for (const workers of [1, 2] as const) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      let t1 = t0;
      await simulateInWorkers(world, batch, {
        workers,
        alwaysThreads: true,
        onReady: () => (t1 = performance.now()),
      });
      const t2 = performance.now();
      const c = process.cpuUsage(c0); // every thread of the process, the workers included
      cpu[workers].push(c.user + c.system);
      wall[workers].push(size.workerGames / ((t2 - t0) / 1000));
      play[workers].push(size.workerGames / ((t2 - t1) / 1000));
      startup[workers].push(t1 - t0);
    }

  // 6. Every shipped scenario as `qpq simulate` plays it: how long an instructor waits for 10,000 games.
  log('every shipped scenario');
  const waitSeeds = Array.from({ length: size.scenarioGames }, (_, i) => gameSeed('wait', i));
  const waitRounds: Record<string, number> = {};
  const waits = alternate(
    quick ? 1 : runs,
    size,
    Object.fromEntries(
      shipped.map((s) => [
        s.world.id,
        {
          units: size.scenarioGames,
          run: () => (waitRounds[s.world.id] = playGames(s.world, waitSeeds, s.seats)),
        },
      ]),
    ),
  );
  const scenarios = shipped.map(({ world: w }): ScenarioWait => {
    const g = waits[w.id]!;
    return {
      scenario: w.id,
      roundsPerGame: round(waitRounds[w.id]! / size.scenarioGames, 1),
      gamesPerSec: round(g, 1),
      secondsFor10000: round(10_000 / g),
    };
  });

  // 6b. The difficulties: Normal against tit-for-tat on every shipped scenario, hard against Normal, and the
  // Normal batch on worker threads.
  const difficulty = await difficultyCosts({ world, shipped, quick, normalWorkerGames, log });

  // 7. A browser game through GameSession.
  log('a browser game through GameSession: per input, per click');
  const st = sessionTimes(loaded, recs, quick ? 1 : 4);

  // 8. Sizes and the planner.
  log("the planner's decision times");
  // --quick plays the planner for two rounds only, which is enough to check that it is measured.
  const pt = plannerTimes(quick ? fixedLength(world, 2) : world, size.plannerGames);

  return {
    ...difficulty,
    engine: ENGINE_VERSION,
    runs,
    timing: 'process CPU seconds (workers: wall seconds)',
    wallPerCpuSecond: round(clock.wall / clock.cpu, 2),
    pureRoundsPerSec: round(main.pure!),
    machineRoundsPerSec: round(main.machine!),
    machineShareOfPure: round(main.machine! / main.pure!, 3),
    sessionInputP50Us: round(1000 * percentile(st.perInput, 0.5), 1),
    sessionInputP95Us: round(1000 * percentile(st.perInput, 0.95), 1),
    sessionInputs: st.perInput.length,
    sessionClickP50Ms: round(percentile(st.perClick, 0.5), 1),
    sessionClickP95Ms: round(percentile(st.perClick, 0.95), 1),
    sessionClicks: st.perClick.length,
    gamesPerSec: round(main.games!, 1),
    roundsPerGame: round(totalRounds / recs.length, 1),
    stateBytes: JSON.stringify(recs[0]!.final).length,
    recordBytes: JSON.stringify(recs[0]!.record).length,
    plannerP50Ms: round(percentile(pt, 0.5), 1),
    plannerP95Ms: round(percentile(pt, 0.95), 1),
    plannerDecisions: pt.length,
    batchRounds: BATCH_ROUNDS,
    batchStrategy: BATCH_STRATEGY,
    batchGamesPerSec: round(thirty.batch! * gamesPerRound, 1),
    batchRoundsPerSec: round(thirty.batch!),
    batchReplayRoundsPerSec: round(thirty.replay!),
    tightRoundsPerSec: round(thirty.tight!),
    tightGamesPerSec: round(thirty.tight! * gamesPerRound, 1),
    batchShareOfTight: round(thirty.batch! / thirty.tight!, 3),
    scalingRounds: size.scalingRounds,
    scaling,
    scalingExponent: round(
      growthExponent(
        scaling.map((p) => p.actors),
        scaling.map((p) => p.batchUsPerRound),
      ),
      2,
    ),
    scalingRulesExponent: round(
      growthExponent(
        scaling.map((p) => p.actors),
        scaling.map((p) => p.rulesUsPerRound),
      ),
      2,
    ),
    peerGames: peerRecs.length,
    peerOursRoundsPerSec: round(peer.ours!),
    peerClientRoundsPerSec: round(peer.client!, 1),
    peerReducerRoundsPerSec: round(peer.reducer!, 1),
    peerRatio: round(peer.ours! / peer.client!, 1),
    peerReducerRatio: round(peer.ours! / peer.reducer!, 1),
    peerSameFinalState: same,
    workersGames: size.workerGames,
    workers1GamesPerSec: round(median(wall[1]), 1),
    workers2GamesPerSec: round(median(wall[2]), 1),
    workersSpeedup: round(median(wall[2]) / median(wall[1]), 2),
    workersCeiling: round(median(ceiling), 2),
    workersStartupMs: round(median(startup[2])),
    workersPlaySpeedup: round(median(play[2]) / median(play[1]), 2),
    workersCpuEfficiency: round(median(cpu[1]) / median(cpu[2]), 2),
    scenarios,
    loadAverage: [round(loadAtStart, 1), round(loadavg()[0]!, 1)],
  };
}

/** The sizes of the difficulties' part, and the timing settings every part shares. */
function difficultySize(quick: boolean, normalWorkerGames: number | undefined) {
  // Large enough that games of unequal length even out between the workers (start-up is timed apart).
  const batch = normalWorkerGames ?? (quick ? 2 : 240);
  return {
    /**
     * Games of each shipped scenario per timed run, the same seeds for Normal, Easy and tit-for-tat (also the
     * instructor's wait). Until session 11 Normal and Easy played 4 of tit-for-tat's 12, and the ratio moved by up to
     * half between two runs a minute apart.
     */
    scenarioGames: quick ? 1 : 12,
    /** The Normal batch on worker threads; a batch of thousands runs once per setting, not three times. */
    normalWorkerGames: batch,
    workerRuns: quick || batch >= 1000 ? 1 : 3,
    /** Hard games (the planner in every seat) per timed run; quick plays two rounds of one. */
    hardGames: quick ? 1 : 2,
    minMs: quick ? 30 : 150,
    warmMs: quick ? 30 : 400,
  };
}

export interface DifficultyOptions {
  /** The bench scenario. */
  world: World;
  /** Every shipped scenario, for the Normal against tit-for-tat costs. */
  shipped: { world: World; seats: Record<ActorId, string> }[];
  quick: boolean;
  /** Normal games in each `--workers` batch (default 240, 2 with `quick`; 10,000 with `qpq bench --full`). */
  normalWorkerGames?: number;
  log?: (line: string) => void;
}

/**
 * The difficulties' cost (issue 16): the Normal difficulty against tit-for-tat and the Easy difficulty on every
 * shipped scenario, alternately, on one thread (CPU time); the hard difficulty against Normal on the bench scenario, the same way;
 * then the bench scenario's Normal batch through `qpq simulate --workers auto` against one worker thread, in wall
 * time, start-up included.
 */
export async function difficultyCosts({
  world,
  shipped,
  quick,
  normalWorkerGames,
  log = () => {},
}: DifficultyOptions): Promise<DifficultyFigures> {
  const loadAtStart = loadavg()[0]!;
  const runs = quick ? 3 : 5;
  const size = difficultySize(quick, normalWorkerGames);
  log('the normal difficulty against tit-for-tat, every shipped scenario');
  // Costs as a long batch has them: V8 compiles a Normal game's code over its first hundred or so games (a second
  // or two of background CPU that the process's CPU time counts), which a few games a run would otherwise fold into
  // the first scenarios' Normal cost. The workers' part below measures that warm-up apart.
  if (!quick)
    for (const [strategy, games] of [
      ['objective', 150],
      [DIFFICULTIES.easy.strategy, 60],
      ['tit-for-tat', 150],
    ] as const)
      playGames(
        world,
        Array.from({ length: games }, (_, i) => gameSeed('warm', i)),
        strategy,
      );
  // One set of seeds for every kind of player, so the cost ratios compare the same scenario starts.
  const seeds = Array.from({ length: size.scenarioGames }, (_, i) => gameSeed('normal', i));
  const costs = shipped.map(({ world: w }) => {
    const r = alternate(quick ? 1 : runs, size, {
      normal: { units: size.scenarioGames, run: () => playGames(w, seeds, 'objective') },
      tft: { units: size.scenarioGames, run: () => playGames(w, seeds, 'tit-for-tat') },
      easy: { units: size.scenarioGames, run: () => playGames(w, seeds, DIFFICULTIES.easy.strategy) },
    });
    return { scenario: w.id, normal: r.normal!, tft: r.tft!, easy: r.easy! };
  });
  log('the hard difficulty against normal');
  // Quick: two rounds of one game, enough to check that it is measured.
  const hardWorld = quick ? fixedLength(world, 2) : world;
  const hardSeeds = Array.from({ length: size.hardGames }, (_, i) => gameSeed('hard', i));
  const hard = alternate(quick ? 1 : 3, size, {
    hard: { units: size.hardGames, run: () => playGames(hardWorld, hardSeeds, 'planner') },
    normal: { units: size.hardGames, run: () => playGames(hardWorld, hardSeeds, 'objective') },
  });
  log(`${size.normalWorkerGames} normal games on one worker and with --workers auto`);
  const autoWorkers = availableParallelism();
  const normalWall: Record<'one' | 'auto', number[]> = { one: [], auto: [] };
  const normalCpu: Record<'one' | 'auto', number[]> = { one: [], auto: [] };
  // Start-up (until every worker is ready) and play (games/s from then on), apart: a run of 10,000 games pays
  // the start-up once, so a projection from a small batch must not spread it over every game.
  const normalStartup: Record<'one' | 'auto', number[]> = { one: [], auto: [] };
  // The warm-up (the batch's first half, played while V8 still compiles the games' code) and the rate of the
  // second half, apart: a worker's first hundred or so games play slower than the rest, so a small batch's
  // rate once started is mostly warm-up, the more so the more workers share it.
  const normalWarm: Record<'one' | 'auto', number[]> = { one: [], auto: [] };
  const normalHalf: Record<'one' | 'auto', number[]> = { one: [], auto: [] };
  const normalPlay: Record<'one' | 'auto', number[]> = { one: [], auto: [] };
  const games = size.normalWorkerGames;
  for (let k = 0; k < size.workerRuns; k++)
    for (const mode of ['one', 'auto'] as const) {
      const t0 = performance.now();
      let ready = t0;
      let half = 0;
      let halfAt = 0;
      const c0 = process.cpuUsage(); // the whole process: every worker thread's time counts
      await simulateInWorkers(
        world,
        { games, seed: 'normal', fallback: 'objective' },
        {
          workers: mode === 'one' ? 1 : autoWorkers,
          alwaysThreads: true,
          onReady: () => (ready = performance.now()),
          onProgress: (done) => {
            if (half === 0 && done >= games / 2 && done < games) {
              half = done;
              halfAt = performance.now();
            }
          },
        },
      );
      const t1 = performance.now();
      const c = process.cpuUsage(c0);
      // A batch too small for a progress report before its end has no second half: all of it is the warm-up. So
      // too when its first half was played before every worker was ready (one worker's start-up outlasted the
      // other's first games: seen with the 2-game quick batch on a busy machine, a warm-up of −76 ms).
      if (half === 0 || halfAt < ready) {
        half = games;
        halfAt = t1;
      }
      normalWall[mode].push(games / ((t1 - t0) / 1000));
      normalCpu[mode].push((c.user + c.system) / 1000 / games);
      normalStartup[mode].push(ready - t0);
      normalWarm[mode].push(halfAt - ready);
      normalHalf[mode].push(half);
      normalPlay[mode].push(
        half < games
          ? (games - half) / (Math.max(1, t1 - halfAt) / 1000)
          : games / (Math.max(1, t1 - ready) / 1000),
      );
    }
  const autoRate = median(normalWall.auto);
  const measured = games === 10_000;
  // 10,000 games: measured, or the start-up, the warm-up as played, and the rest at the rate of the second half.
  const tenThousand = (mode: 'one' | 'auto'): number =>
    measured
      ? 10_000 / median(normalWall[mode])
      : (median(normalStartup[mode]) + median(normalWarm[mode])) / 1000 +
        (10_000 - median(normalHalf[mode])) / median(normalPlay[mode]);
  const autoGain = median(normalPlay.auto) / median(normalPlay.one);
  const autoStartup = median(normalStartup.auto) / 1000;
  const normal = costs.map((c): NormalCost => ({
    scenario: c.scenario,
    normalGamesPerSec: round(c.normal, 1),
    titForTatGamesPerSec: round(c.tft, 1),
    normalCpuMsPerGame: round(1000 / c.normal, 1),
    titForTatCpuMsPerGame: round(1000 / c.tft, 1),
    ratio: round(c.tft / c.normal, 1),
    easyCpuMsPerGame: round(1000 / c.easy, 1),
    easyNormalRatio: round(c.normal / c.easy, 2),
    secondsFor10000: round(10_000 / c.normal),
    secondsFor10000Auto: round(autoStartup + 10_000 / c.normal / autoGain),
  }));
  const own = normal.find((c) => c.scenario === world.id);
  return {
    scenario: world.id,
    normal,
    normalCostRatio: own ? own.ratio : round(costs[0]!.tft / costs[0]!.normal, 1),
    normalWorkersGames: size.normalWorkerGames,
    normalWorkers: autoWorkers,
    normalWorkersGamesPerSec: round(autoRate, 1),
    normalOneThreadGamesPerSec: round(median(normalWall.one), 1),
    normalWorkersStartupMs: round(median(normalStartup.auto)),
    normalOneWorkerStartupMs: round(median(normalStartup.one)),
    normalWorkersPlaySpeedup: round(autoGain, 2),
    normalWorkersWarmMs: round(median(normalWarm.auto)),
    normalOneWorkerWarmMs: round(median(normalWarm.one)),
    normal10000SecondsAuto: round(tenThousand('auto')),
    normal10000SecondsOne: round(tenThousand('one')),
    normal10000Measured: measured,
    normalWorkersSpeedup: round(tenThousand('one') / tenThousand('auto'), 2),
    normalOneWorkerCpuMsPerGame: round(median(normalCpu.one), 1),
    normalWorkersCpuMsPerGame: round(median(normalCpu.auto), 1),
    hardGames: size.hardGames,
    hardCpuMsPerGame: round(1000 / hard.hard!, 1),
    hardNormalCpuMsPerGame: round(1000 / hard.normal!, 1),
    hardNormalRatio: round(hard.normal! / hard.hard!, 1),
    hard2000SecondsAuto: round(autoStartup + 2000 / hard.hard! / autoGain),
    difficultyLoadAverage: [round(loadAtStart, 1), round(loadavg()[0]!, 1)],
  };
}
