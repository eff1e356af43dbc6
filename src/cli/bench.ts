/**
 * `qpq bench [--json] [--quick] [--scenario ID]`: the engine's speed. Every figure is the median of several
 * runs that alternate between the measured paths, since a shared machine is noisy. BENCHMARKS.md explains each
 * figure; the measurements are in bench/measure.ts.
 *
 * - pure path: recorded games replayed through `runGame` (rules only, no computer players);
 * - machine: the same records sent as events through the xstate machine;
 * - session: a browser game's cost per input through GameSession (p50/p95), and per click of one person
 *   against computer seats;
 * - games/s: whole computer-only games with reciprocal players, choices included;
 * - thirty-round batch: whole games of 30 rounds with tit-for-tat players, and as a share of the tight loop,
 *   the rule functions alone over the same games' inputs;
 * - scaling: cost per round with 6, 12 and 24 governments, and its growth exponent;
 * - peer: the same records through boardgame.io running the same rule functions, and the ratio;
 * - workers: `qpq simulate` on one and two worker threads;
 * - sizes: a finished game's state and its record, as JSON;
 * - the planner's decision time, p50 and p95, over whole games;
 * - the normal difficulty (objective players) against tit-for-tat and the easy difficulty on every shipped
 *   scenario, and 10,000 Normal games with `--workers auto`.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchFigures, DifficultyFigures } from './bench/measure.ts';
import {
  duration,
  formatMarkdown,
  markdown,
  normalTable,
  updateDifficulties,
  updateDoc,
} from './bench/report.ts';
import { SCENARIO_DIR, readScenario } from './files.ts';
import { scenarioSeats } from './simulate.ts';

export type { BenchFigures, DifficultyFigures } from './bench/measure.ts';

const n = (x: number): string => x.toLocaleString('en');
const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

/** The difficulties' rows of the text report (issue 16). */
function difficultyRows(f: DifficultyFigures): [string, string][] {
  return [
    ...f.normal.map((c): [string, string] => [
      `normal difficulty, ${c.scenario}`,
      `${c.ratio}× a tit-for-tat game (${c.normalCpuMsPerGame} vs ${c.titForTatCpuMsPerGame} CPU ms a game); 10,000 in ${duration(c.secondsFor10000)} on one thread, ${duration(c.secondsFor10000Auto)} with --workers auto${c.easyCpuMsPerGame === undefined ? '' : `; easy ${c.easyCpuMsPerGame} CPU ms a game (${c.easyNormalRatio}× Normal)`}`,
    ]),
    [
      `hard difficulty, ${f.scenario}`,
      `${f.hardNormalRatio}× a Normal game (${f.hardCpuMsPerGame} vs ${f.hardNormalCpuMsPerGame} CPU ms a game); 2,000 in ${duration(f.hard2000SecondsAuto)} with --workers auto (projected)`,
    ],
    [
      `  ${f.normalWorkersGames} normal games, --workers auto (${f.normalWorkers})`,
      `10,000 in ${duration(f.normal10000SecondsAuto)} (one worker: ${f.normal10000SecondsOne === undefined ? 'not measured' : duration(f.normal10000SecondsOne)}, so ${f.normalWorkersSpeedup}×; ${f.normal10000Measured ? 'measured' : f.normalWorkersStartupMs === undefined ? `projected from ${f.normalWorkersGames}` : `projected from ${f.normalWorkersGames}: start-up ${n(f.normalWorkersStartupMs)} ms${f.normalWorkersWarmMs === undefined ? '' : `, warm-up (first half) ${n(f.normalWorkersWarmMs)} ms`}, then play ${f.normalWorkersPlaySpeedup}× one worker's rate`}); ${f.normalWorkersCpuMsPerGame} CPU ms a game (one worker: ${f.normalOneWorkerCpuMsPerGame})`,
    ],
    ['load average (1 min) at start, end of this part', f.difficultyLoadAverage.join(', ')],
  ];
}

const table = (title: string, rows: [string, string][]): string =>
  title + '\n' + rows.map(([k, v]) => `  ${k.padEnd(42)} ${v}`).join('\n') + '\n';

function report(f: BenchFigures): string {
  const rows: [string, string][] = [
    ['scenario', f.scenario],
    ['rounds/s, pure step functions', n(f.pureRoundsPerSec)],
    [
      'rounds/s, through the xstate machine',
      `${n(f.machineRoundsPerSec)} (${pct(f.machineShareOfPure)} of pure)`,
    ],
    [
      'µs per input through GameSession (p50/p95)',
      `${f.sessionInputP50Us} / ${f.sessionInputP95Us} (six people, ${f.sessionInputs} inputs)`,
    ],
    [
      'ms per click, one person vs computers (p50/p95)',
      `${f.sessionClickP50Ms} / ${f.sessionClickP95Ms} (${f.sessionClicks} clicks)`,
    ],
    ['games/s, computer-only (reciprocal)', `${f.gamesPerSec} (${f.roundsPerGame} rounds each)`],
    [
      `games/s, ${f.batchRounds}-round batch (${f.batchStrategy})`,
      `${f.batchGamesPerSec} (${n(f.batchRoundsPerSec)} rounds/s)`,
    ],
    ['  same inputs through runGame', `${n(f.batchReplayRoundsPerSec)} rounds/s`],
    [
      '  tight loop (rule functions alone)',
      `${n(f.tightRoundsPerSec)} rounds/s (${f.tightGamesPerSec} games/s)`,
    ],
    ['  batch as a share of the tight loop', pct(f.batchShareOfTight)],
    ...f.scaling.map((p): [string, string] => [
      `µs per round, ${p.actors} governments`,
      `${n(p.batchUsPerRound)} whole games, ${n(p.rulesUsPerRound)} rules alone`,
    ]),
    [
      'growth with governments (log-log slope)',
      `${f.scalingExponent} whole games, ${f.scalingRulesExponent} rules alone (2 = quadratic)`,
    ],
    [
      'peer: boardgame.io 0.50, same rules',
      `${n(f.peerClientRoundsPerSec)} rounds/s client, ${n(f.peerReducerRoundsPerSec)} reducer`,
    ],
    [
      '  ours / boardgame.io',
      `${f.peerRatio}× the client, ${f.peerReducerRatio}× the reducer (ours ${n(f.peerOursRoundsPerSec)} rounds/s, same final state: ${f.peerSameFinalState ? 'yes' : 'NO'})`,
    ],
    [
      `qpq simulate, ${f.workersGames} games`,
      `${f.workers1GamesPerSec} games/s on 1 worker, ${f.workers2GamesPerSec} on 2 (${f.workersSpeedup}×)`,
    ],
    [
      '  once started',
      `${f.workersPlaySpeedup}× (the workers take ${n(f.workersStartupMs)} ms to start; CPU efficiency ${f.workersCpuEfficiency})`,
    ],
    ['  what the machine allowed', `${f.workersCeiling}× for 2 threads of plain arithmetic`],
    ...f.scenarios.map((w): [string, string] => [
      `10,000 games of ${w.scenario}`,
      `${duration(w.secondsFor10000)} on one thread (${w.gamesPerSec} games/s, ${w.roundsPerGame} rounds each)`,
    ]),
    ...difficultyRows(f),
    ['load average (1 min), whole run', f.loadAverage.join(', ')],
    ['finished state, JSON', `${(f.stateBytes / 1024).toFixed(1)} KiB`],
    ['game record, JSON', `${(f.recordBytes / 1024).toFixed(1)} KiB`],
    [
      'planner decision time p50 / p95',
      `${f.plannerP50Ms} / ${f.plannerP95Ms} ms (${f.plannerDecisions} decisions)`,
    ],
  ];
  return (
    `Quid Pro Quo benchmark (median of ${f.runs} alternating runs; per second of CPU time, ${f.wallPerCpuSecond} s of wall time each)\n` +
    rows.map(([k, v]) => `  ${k.padEnd(42)} ${v}`).join('\n') +
    '\n'
  );
}

export async function runBench(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      scenario: { type: 'string', default: 'panmunjom-2018' },
      /** Report figures from an earlier `--json` run instead of measuring. */
      from: { type: 'string' },
      /** Print the figures as the Markdown tables of BENCHMARKS.md. */
      markdown: { type: 'boolean', default: false },
      /** Rewrite the figures' parts of this document (BENCHMARKS.md). */
      update: { type: 'string' },
      /** Normal games in each `--workers` batch of the normal-difficulty part (default 240). */
      'normal-games': { type: 'string' },
      /** Play the 10,000 Normal games on one worker and with `--workers auto` (`--normal-games 10000`), not a projection. */
      full: { type: 'boolean', default: false },
      /** Measure only the difficulties' cost (Normal against tit-for-tat, hard against Normal, the workers). */
      difficulties: { type: 'boolean', default: false },
    },
  });
  if (values.full && values['normal-games'] !== undefined && Number(values['normal-games']) !== 10_000) {
    process.stderr.write(
      'qpq bench: --full plays 10,000 Normal games; leave out --normal-games, or give 10000.\n',
    );
    return 1;
  }
  const normalGames = values.full
    ? 10_000
    : values['normal-games'] === undefined
      ? undefined
      : Number(values['normal-games']);
  if (
    normalGames !== undefined &&
    (!Number.isInteger(normalGames) || normalGames < 1 || normalGames > 100_000)
  ) {
    process.stderr.write(
      `qpq bench: --normal-games must be a whole number from 1 to 100000, not "${values['normal-games']}".\n`,
    );
    return 1;
  }
  /** Measures (or reads `--from`), updates `--update`'s figures, and prints the figures in the form asked for. */
  async function emit<T>(part: {
    measure: () => Promise<T>;
    update: (doc: string, figures: T) => string;
    what: string;
    markdown: (figures: T) => string;
    text: (figures: T) => string;
  }): Promise<number> {
    const f = values.from ? (JSON.parse(readFileSync(values.from, 'utf8')) as T) : await part.measure();
    if (values.update) {
      writeFileSync(
        values.update,
        await formatMarkdown(values.update, part.update(readFileSync(values.update, 'utf8'), f)),
      );
      process.stderr.write(`qpq bench: ${part.what} in ${values.update} are updated.\n`);
    }
    if (values.json) process.stdout.write(JSON.stringify(f) + '\n');
    else if (values.markdown) process.stdout.write(part.markdown(f) + '\n');
    else if (!values.update) process.stdout.write(part.text(f));
    return 0;
  }
  if (values.difficulties)
    return emit<DifficultyFigures>({
      measure: () => measureDifficulties(values.scenario, values.quick, !values.json, normalGames),
      update: updateDifficulties,
      what: "the difficulties' figures",
      markdown: normalTable,
      text: (d) => table("Quid Pro Quo benchmark, the difficulties' cost", difficultyRows(d)),
    });
  return emit<BenchFigures>({
    measure: () => measure(values.scenario, values.quick, !values.json, normalGames),
    update: updateDoc,
    what: 'the figures',
    markdown,
    text: report,
  });
}

/** Every shipped scenario, with the seats `qpq simulate` gives it by default. */
const shippedScenarios = () =>
  readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readScenario(join(SCENARIO_DIR, f)))
    .map((l) => ({ world: l.world, seats: scenarioSeats(l) }));

const scenarioFile = (scenario: string): string =>
  /[/\\.]/.test(scenario) ? scenario : join(SCENARIO_DIR, `${scenario}.yaml`);

async function measureDifficulties(
  scenario: string,
  quick: boolean,
  progress: boolean,
  normalWorkerGames?: number,
): Promise<DifficultyFigures> {
  const { difficultyCosts } = await import('./bench/measure.ts');
  return difficultyCosts({
    world: readScenario(scenarioFile(scenario)).world,
    shipped: shippedScenarios(),
    quick,
    normalWorkerGames,
    log: progressLog(progress),
  });
}

/** Progress lines on stderr, timed from now ("12.3 s: measuring …"), when asked for. */
function progressLog(progress: boolean): ((line: string) => void) | undefined {
  const t0 = performance.now();
  return progress
    ? (line) => process.stderr.write(`${((performance.now() - t0) / 1000).toFixed(1)} s: measuring ${line}\n`)
    : undefined;
}

async function measure(
  scenario: string,
  quick: boolean,
  progress: boolean,
  normalWorkerGames?: number,
): Promise<BenchFigures> {
  const file = scenarioFile(scenario);
  // Loaded here, not at the top: the measurements pull in boardgame.io, which other commands do not need.
  const { bench } = await import('./bench/measure.ts');
  const loaded = readScenario(file);
  return bench({
    file,
    world: loaded.world,
    loaded,
    shipped: shippedScenarios(),
    quick,
    normalWorkerGames,
    log: progressLog(progress),
  });
}
