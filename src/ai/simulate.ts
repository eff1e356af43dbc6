/**
 * Batch simulation: N seeded computer-only games of one world, summarised. Pure and deterministic;
 * the command line wraps it with timing, a progress bar and worker threads.
 *
 * A batch splits into per-game results (`playGames`, any range of game indices) and their summary
 * (`summarise`), so that workers can each play a range and the results, put back in index order, sum to
 * exactly the summary one thread would give.
 */
import { ACTOR_VARS, pairIndex, runGame, scores, startGame } from '../engine/index.ts';
import type { ActorId, GameState, World } from '../engine/index.ts';
import { calibrationOf, missText } from './calibration.ts';
import type { Calibration } from './calibration.ts';
import { DIFFICULTIES, computerChooser, seatStrategies } from './index.ts';

export interface SimulateOptions {
  games: number;
  seed: string | number;
  /** Strategy id per seat; seats left out play `fallback`: Normal's player when not given, as `qpq simulate`. */
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
  /** Each government's numbers and each pair's trust at the end, averaged over the games. */
  finalMeans: {
    /** An organisation without an economy has no `economy` here. */
    actors: Record<ActorId, Partial<Record<(typeof ACTOR_VARS)[number], number>>>;
    /** From each government to each other. */
    trust: Record<ActorId, Record<ActorId, number>>;
  };
  /** How often each event fired: in how many games, and how many times a game on average. */
  events: Record<string, { games: number; perGame: number }>;
  /**
   * What an author should look at: an outcome never reached, a calibration goal missed (`calibration`), an event
   * that never fires.
   */
  warnings: string[];
  /** The batch held to the calibration goals (src/ai/calibration.ts): the most frequent outcome, history, clashes. */
  calibration: Calibration;
  /**
   * How the peace process moved: the share of games that reached at least each stage (by stage index, the
   * starting one included), rounds in which the stage moved per game, the largest move in any one round, and
   * how many games ended at each stage (`final`, by the stage's name: the distribution of the final stage).
   */
  stages: { reached: number[]; movesPerGame: number; largestStep: number; final: Record<string, number> };
}

/** What the summary needs of one finished game: plain data, so it can cross from a worker thread. */
export interface GameResult {
  outcome: string;
  /** Scores in the order of `world.actors`. */
  scores: number[];
  rounds: number;
  clash: boolean;
  signed: number;
  completed: number;
  broken: number;
  tension: number;
  stage: number;
  /** The governments' numbers at the end, by `world.actors` then `ACTOR_VARS`. */
  vars: number[];
  /** Trust at the end, row-major by `world.actors`. */
  trust: number[];
  /** How many times each event fired, in the order of `world.events`. */
  fired: number[];
  /** The highest stage the game reached. */
  highestStage: number;
  /** Rounds in which the stage moved, and the largest move in one round. */
  stageMoves: number;
  largestStep: number;
}

/** The seed of game `i` in a batch. */
export const gameSeed = (seed: string | number, i: number): string => `${seed}:${i}`;

export function seatsFor(
  world: World,
  seats: Record<ActorId, string> = {},
  fallback: string = DIFFICULTIES.normal.strategy,
): Record<ActorId, string> {
  return Object.fromEntries(world.actors.map((a) => [a.id, seats[a.id] ?? fallback]));
}

/** The result of a finished game. */
export function resultOf(world: World, end: GameState): GameResult {
  const e = end.end!;
  const sc = scores(world, end);
  return {
    outcome: e.outcome,
    scores: world.actors.map((a) => sc[a.id]!),
    rounds: e.round,
    clash: e.reason === 'clash',
    signed: end.agreements.length,
    completed: end.agreements.filter((g) => g.status === 'completed').length,
    broken: end.agreements.filter((g) => g.status === 'broken' || g.status === 'abandoned').length,
    tension: end.tension,
    stage: end.stage,
    vars: end.actors.flatMap((a) => ACTOR_VARS.map((v) => a[v])),
    trust: end.trust.slice(),
    fired: world.events.map((ev) => end.log.filter((l) => l.kind === 'event' && l.ref === ev.id).length),
    ...stageCourse(world, end),
  };
}

function stageCourse(
  world: World,
  end: GameState,
): Pick<GameResult, 'highestStage' | 'stageMoves' | 'largestStep'> {
  let from = world.initial.stage;
  let highestStage = from;
  let stageMoves = 0;
  let largestStep = 0;
  for (const h of end.history) {
    if (h.stage !== from) stageMoves++;
    largestStep = Math.max(largestStep, Math.abs(h.stage - from));
    highestStage = Math.max(highestStage, h.stage);
    from = h.stage;
  }
  return { highestStage, stageMoves, largestStep };
}

/**
 * Plays games `from` (inclusive) to `to` (exclusive) of a batch; game `i` is the same game whichever range or
 * thread plays it, since its seed is `gameSeed(seed, i)` and the seats' generators derive from that.
 */
export function playGames(
  world: World,
  opts: Omit<SimulateOptions, 'games'>,
  from: number,
  to: number,
  onResult: (i: number, r: GameResult, end: GameState) => void,
): void {
  const seats = seatsFor(world, opts.seats, opts.fallback);
  const strategies = seatStrategies(seats);
  for (let i = from; i < to; i++) {
    const seed = gameSeed(opts.seed, i);
    const end = runGame(world, startGame(world, seed), computerChooser(world, seed, strategies));
    onResult(i, resultOf(world, end), end);
  }
}

/** Adds up game results, which must come in index order (floating-point sums depend on the order). */
export class Tally {
  private outcomes: Record<string, number>;
  private scoreSum: number[];
  private rounds = 0;
  private clashes = 0;
  private signed = 0;
  private completed = 0;
  private broken = 0;
  private tension = 0;
  private stage = 0;
  private reached: number[];
  private stageMoves = 0;
  private largestStep = 0;
  private n = 0;
  private varSum: number[];
  private trustSum: number[];
  private firedTimes: number[];
  private firedGames: number[];
  private stageCount: number[];

  constructor(private readonly world: World) {
    this.outcomes = Object.fromEntries(world.outcomes.map((o) => [o.id, 0]));
    this.scoreSum = world.actors.map(() => 0);
    this.varSum = new Array<number>(world.actors.length * ACTOR_VARS.length).fill(0);
    this.trustSum = new Array<number>(world.actors.length ** 2).fill(0);
    this.firedTimes = world.events.map(() => 0);
    this.firedGames = world.events.map(() => 0);
    this.stageCount = world.stages.map(() => 0);
    this.reached = world.stages.map(() => 0);
  }

  add(r: GameResult): void {
    this.outcomes[r.outcome] = (this.outcomes[r.outcome] ?? 0) + 1;
    for (let k = 0; k < this.scoreSum.length; k++) this.scoreSum[k]! += r.scores[k]!;
    this.rounds += r.rounds;
    if (r.clash) this.clashes++;
    this.signed += r.signed;
    this.completed += r.completed;
    this.broken += r.broken;
    this.tension += r.tension;
    this.stage += r.stage;
    for (let k = 0; k < this.varSum.length; k++) this.varSum[k]! += r.vars[k]!;
    for (let k = 0; k < this.trustSum.length; k++) this.trustSum[k]! += r.trust[k]!;
    r.fired.forEach((times, k) => {
      this.firedTimes[k]! += times;
      if (times > 0) this.firedGames[k]!++;
    });
    this.stageCount[r.stage]!++;
    for (let k = 0; k <= r.highestStage; k++) this.reached[k]!++;
    this.stageMoves += r.stageMoves;
    this.largestStep = Math.max(this.largestStep, r.largestStep);
    this.n++;
  }

  summary(opts: Omit<SimulateOptions, 'onGame'>): SimulateSummary {
    const n = Math.max(1, opts.games);
    const round2 = (x: number): number => Math.round(x * 100) / 100;
    const { final, ...report } = this.report(n, round2);
    return {
      scenario: this.world.id,
      games: opts.games,
      seed: String(opts.seed),
      seats: seatsFor(this.world, opts.seats, opts.fallback),
      outcomes: { ...this.outcomes },
      meanScores: Object.fromEntries(this.world.actors.map((a, k) => [a.id, round2(this.scoreSum[k]! / n)])),
      meanRounds: round2(this.rounds / n),
      clashRate: round2(this.clashes / n),
      agreements: {
        signedPerGame: round2(this.signed / n),
        completedShare: round2(this.completed / Math.max(1, this.signed)),
        brokenShare: round2(this.broken / Math.max(1, this.signed)),
      },
      meanFinal: { tension: round2(this.tension / n), stage: round2(this.stage / n) },
      ...report,
      stages: {
        reached: this.reached.map((x) => round2(x / n)),
        movesPerGame: round2(this.stageMoves / n),
        largestStep: this.largestStep,
        final,
      },
    };
  }

  /** The playtest report: where the numbers end, how often each event fires, how far the stage gets, what to look at. */
  private report(
    n: number,
    round2: (x: number) => number,
  ): Pick<SimulateSummary, 'finalMeans' | 'events' | 'warnings' | 'calibration'> & {
    final: Record<string, number>;
  } {
    const w = this.world;
    const ids = w.actors.map((a) => a.id);
    const finalMeans = {
      actors: Object.fromEntries(
        ids.map((id, i) => [
          id,
          Object.fromEntries(
            ACTOR_VARS.flatMap((v, k) =>
              v === 'economy' && w.actors[i]!.noEconomy
                ? []
                : [[v, round2(this.varSum[i * ACTOR_VARS.length + k]! / n)]],
            ),
          ) as Partial<Record<(typeof ACTOR_VARS)[number], number>>,
        ]),
      ),
      trust: Object.fromEntries(
        ids.map((a, i) => [
          a,
          Object.fromEntries(
            ids.flatMap((b, j) =>
              i === j ? [] : [[b, round2(this.trustSum[pairIndex(ids.length, i, j)]! / n)]],
            ),
          ),
        ]),
      ),
    };
    const events = Object.fromEntries(
      w.events.map((ev, k) => [
        ev.id,
        { games: this.firedGames[k]!, perGame: round2(this.firedTimes[k]! / n) },
      ]),
    );
    const final = Object.fromEntries(w.stages.map((name, k) => [name, this.stageCount[k]!]));
    const games = this.n;
    const warnings: string[] = [];
    for (const o of w.outcomes)
      if (games > 0 && (this.outcomes[o.id] ?? 0) === 0)
        warnings.push(`outcome "${o.id}" was never reached in ${games} games.`);
    const calibration = calibrationOf(w, this.outcomes, games, this.clashes);
    if (games > 0) for (const c of calibration.checks) if (!c.met) warnings.push(missText(c));
    w.events.forEach((ev, k) => {
      if (games > 0 && this.firedGames[k] === 0)
        warnings.push(`event "${ev.id}" never fired in ${games} games.`);
    });
    return { finalMeans, events, final, warnings, calibration };
  }
}

export function simulate(world: World, opts: SimulateOptions): SimulateSummary {
  const tally = new Tally(world);
  playGames(world, opts, 0, opts.games, (i, r, end) => {
    tally.add(r);
    opts.onGame?.(i, end);
  });
  return tally.summary(opts);
}
