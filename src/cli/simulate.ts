/**
 * `qpq simulate <scenario> --games N --seed S [--json] [--workers N]`: seeded computer-only games, summarised.
 * With --workers the games are split over worker threads; the output is the same as with one, elapsedMs aside.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { STRATEGIES } from '../ai/index.ts';
import { ScenarioError, formatProblem } from '../scenario/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import { readScenario } from './files.ts';
import { simulateInWorkers } from './parallel.ts';

/** The computer players of `qpq simulate` when neither the scenario nor the command names one. */
export const DEFAULT_STRATEGY = 'reciprocal';

/** The strategies a scenario gives its governments (its `strategy:` fields), which `qpq simulate` seats by default. */
export function scenarioSeats(loaded: LoadedScenario): Record<string, string> {
  const seats: Record<string, string> = {};
  for (const [id, a] of Object.entries(loaded.scenario.actors))
    if (a.strategy && STRATEGIES[a.strategy]) seats[id] = a.strategy;
  return seats;
}

export async function runSimulate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      games: { type: 'string', default: '100' },
      seed: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      strategy: { type: 'string' },
      seat: { type: 'string', multiple: true, default: [] },
      workers: { type: 'string', default: '1' },
    },
  });
  const file = positionals[0];
  if (!file) {
    process.stderr.write('qpq simulate: name a scenario, e.g. scenarios/panmunjom-2018.yaml.\n');
    return 1;
  }
  const games = Number(values.games);
  if (!Number.isInteger(games) || games < 1) {
    process.stderr.write(
      `qpq simulate: --games must be a whole number of at least 1, not "${values.games}".\n`,
    );
    return 1;
  }
  const workers = values.workers === 'auto' ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1) {
    process.stderr.write(
      `qpq simulate: --workers must be a whole number of at least 1 (or "auto"), not "${values.workers}".\n`,
    );
    return 1;
  }
  const seats: Record<string, string> = {};
  for (const s of values.seat) {
    const [actor, strategy] = s.split('=');
    if (!actor || !strategy || !STRATEGIES[strategy]) {
      process.stderr.write(
        `qpq simulate: --seat takes ACTOR=STRATEGY with a strategy from: ${Object.keys(STRATEGIES).join(', ')}.\n`,
      );
      return 1;
    }
    seats[actor] = strategy;
  }
  if (values.strategy !== undefined && !STRATEGIES[values.strategy]) {
    process.stderr.write(
      `qpq simulate: unknown strategy "${values.strategy}"; use one of: ${Object.keys(STRATEGIES).join(', ')}.\n`,
    );
    return 1;
  }
  let world;
  let personalities: Record<string, string>;
  try {
    const loaded = readScenario(file);
    world = loaded.world;
    // A scenario may give a government its own default strategy; --strategy overrides them all, --seat one.
    personalities = scenarioSeats(loaded);
  } catch (e) {
    if (e instanceof ScenarioError) {
      for (const p of e.problems) process.stderr.write(formatProblem(p) + '\n');
      return 1;
    }
    throw e;
  }
  const progress = process.stdout.isTTY
    ? new cliProgress.SingleBar(
        { stream: process.stderr, format: 'simulating {bar} {value}/{total} games | {eta_formatted} left' },
        cliProgress.Presets.shades_classic,
      )
    : null;
  progress?.start(games, 0);
  const t0 = performance.now();
  const summary = await simulateInWorkers(
    world,
    {
      games,
      seed: values.seed,
      seats: { ...(values.strategy === undefined ? personalities : {}), ...seats },
      fallback: values.strategy ?? DEFAULT_STRATEGY,
    },
    {
      workers,
      onProgress: progress
        ? (done) => (done % 16 === 0 || done === games) && progress.update(done)
        : undefined,
    },
  );
  const elapsedMs = Math.round(performance.now() - t0);
  progress?.stop();
  if (values.json) {
    process.stdout.write(JSON.stringify({ ...summary, elapsedMs }) + '\n');
    return 0;
  }
  const bar = (c: number): string => '█'.repeat(Math.round((30 * c) / games)).padEnd(30, '·');
  const share = (c: number): string => `${((100 * c) / games).toFixed(1).padStart(5)} %`;
  const width = Math.max(...Object.keys(summary.outcomes).map((o) => o.length), 8);
  const stageWidth = Math.max(...world.stages.map((x) => x.length), 8);
  const vars = Object.keys(Object.values(summary.finalMeans.actors)[0] ?? {});
  const lines = [
    `${world.title} — ${games} games, seed ${values.seed}, ${elapsedMs} ms`,
    `Seats: ${Object.entries(summary.seats)
      .map(([a, s]) => `${a}=${s}`)
      .join(' ')}`,
    '',
    'Outcomes:',
    ...Object.entries(summary.outcomes).map(
      ([o, c]) => `  ${o.padEnd(width)} ${bar(c)} ${String(c).padStart(6)} ${share(c)}`,
    ),
    '',
    'Final stage:',
    ...Object.entries(summary.stages.final).map(
      ([name, c]) => `  ${name.padEnd(stageWidth)} ${bar(c)} ${String(c).padStart(6)} ${share(c)}`,
    ),
    '',
    'Mean scores:',
    ...Object.entries(summary.meanScores).map(([a, s]) => `  ${a.padEnd(6)} ${s.toFixed(1)}`),
    '',
    'Numbers at the end (means):',
    `  ${''.padEnd(6)} ${vars.map((v) => v.padStart(9)).join(' ')}`,
    ...Object.entries(summary.finalMeans.actors).map(
      ([a, v]) =>
        `  ${a.padEnd(6)} ${vars.map((k) => (v as Record<string, number>)[k]!.toFixed(1).padStart(9)).join(' ')}`,
    ),
    '',
    'Events (games in which each fired):',
    ...Object.entries(summary.events).map(([id, e]) => `  ${id.padEnd(28)} ${share(e.games)}`),
    '',
    `Mean rounds ${summary.meanRounds}; clash rate ${(100 * summary.clashRate).toFixed(1)} %; deals signed per game ${summary.agreements.signedPerGame}, completed ${(100 * summary.agreements.completedShare).toFixed(0)} %, broken ${(100 * summary.agreements.brokenShare).toFixed(0)} %.`,
    ...(summary.warnings.length ? ['', 'Look at:', ...summary.warnings.map((w) => `  warning: ${w}`)] : []),
  ];
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
