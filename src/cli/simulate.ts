/**
 * `qpq simulate <scenario> --games N --seed S [--json] [--workers N]`: seeded computer-only games, summarised.
 * With --workers the games are split over worker threads; the output is the same as with one, elapsedMs aside.
 */
import { checkText } from '../ai/calibration.ts';
import type { Calibration } from '../ai/calibration.ts';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { DIFFICULTIES, STRATEGIES, isStrategy } from '../ai/index.ts';
import { ACTOR_VARS } from '../engine/index.ts';
import { ScenarioError, formatProblem } from '../scenario/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import { readScenario } from './files.ts';
import { simulateInWorkers } from './parallel.ts';
import { MAX_GAMES, exitIfOrphaned, plain } from './terminal.ts';

/**
 * The computer players of `qpq simulate` (and of `qpq experiment`) when neither the scenario nor the command names
 * one: Normal's, the players a class meets by default, so that an instructor's playtest shows what students meet.
 */
export const DEFAULT_STRATEGY: string = DIFFICULTIES.normal.strategy;

/** The strategies a scenario gives its governments (its `strategy:` fields), which `qpq simulate` seats by default. */
export function scenarioSeats(loaded: LoadedScenario): Record<string, string> {
  const seats: Record<string, string> = {};
  for (const [id, a] of Object.entries(loaded.scenario.actors))
    if (a.strategy && isStrategy(a.strategy)) seats[id] = a.strategy;
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
  if (!/^\s*\d+\s*$/.test(values.games) || !Number.isInteger(games) || games < 1 || games > MAX_GAMES) {
    process.stderr.write(
      `qpq simulate: --games must be a whole number from 1 to ${MAX_GAMES}, not "${plain(values.games)}".\n`,
    );
    return 1;
  }
  const cpus = availableParallelism();
  const workers = values.workers === 'auto' ? cpus : Number(values.workers);
  if (
    !/^\s*\d+\s*$|^auto$/.test(values.workers) ||
    !Number.isInteger(workers) ||
    workers < 1 ||
    workers > cpus
  ) {
    process.stderr.write(
      `qpq simulate: --workers must be a whole number from 1 to ${cpus} (this machine's processors), or "auto", not "${plain(values.workers)}".\n`,
    );
    return 1;
  }
  // A Map: a seat named __proto__ or constructor is a name like any other here (and refused below).
  const seatFlags = new Map<string, string>();
  for (const s of values.seat) {
    const [actor, strategy] = s.split('=');
    if (!actor || !strategy || !isStrategy(strategy)) {
      process.stderr.write(
        `qpq simulate: --seat takes ACTOR=STRATEGY with a strategy from: ${Object.keys(STRATEGIES).join(', ')}.\n`,
      );
      return 1;
    }
    seatFlags.set(actor, strategy);
  }
  if (values.strategy !== undefined && !isStrategy(values.strategy)) {
    process.stderr.write(
      `qpq simulate: unknown strategy "${plain(values.strategy)}"; use one of: ${Object.keys(STRATEGIES).join(', ')}.\n`,
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
      for (const p of e.problems) process.stderr.write(plain(formatProblem(p)) + '\n');
      return 1;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code) {
      process.stderr.write(
        `qpq simulate: cannot read the scenario "${plain(file)}" (${code === 'ENOENT' ? 'no such file; name a file, or the id of one in scenarios/' : code === 'EISDIR' ? 'it is a folder' : code}).\n`,
      );
      return 1;
    }
    throw e;
  }
  // A seat must name one of the scenario's governments, written as the scenario writes it.
  const ids = world.actors.map((a) => a.id);
  for (const [actor, strategy] of seatFlags)
    if (!ids.includes(actor)) {
      const same = ids.find((id) => id.toLowerCase() === actor.toLowerCase());
      process.stderr.write(
        `qpq simulate: --seat ${plain(actor)}=${plain(strategy)}: ${same ? `government ids are written in capitals: did you mean ${same}?` : `this scenario has no government "${plain(actor)}"; its governments are ${ids.join(', ')}.`}
`,
      );
      return 1;
    }
  const seats = Object.fromEntries(seatFlags);
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
      onProgress: (done) => {
        exitIfOrphaned();
        if (progress && (done % 16 === 0 || done === games)) progress.update(done);
      },
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
  const vars: string[] = [...ACTOR_VARS];
  const lines = [
    `${world.title} — ${games} games, seed ${values.seed}, ${elapsedMs} ms`,
    `Seats: ${Object.entries(summary.seats)
      .map(([a, s]) => `${a}=${s}`)
      .join(' ')}`,
    '',
    'Outcomes:',
    ...Object.entries(summary.outcomes).map(
      ([o, c]) =>
        `  ${o.padEnd(width)} ${bar(c)} ${String(c).padStart(6)} ${share(c)}${o === world.historical ? '  (historical)' : ''}`,
    ),
    '',
    ...calibrationLines(summary.calibration),
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
        `  ${a.padEnd(6)} ${vars.map((k) => ((v as Record<string, number>)[k]?.toFixed(1) ?? '—').padStart(9)).join(' ')}`,
    ),
    '',
    'Events (games in which each fired):',
    ...Object.entries(summary.events).map(([id, e]) => `  ${id.padEnd(28)} ${share(e.games)}`),
    '',
    `Mean rounds ${summary.meanRounds}; clash rate ${(100 * summary.clashRate).toFixed(1)} %; deals signed per game ${summary.agreements.signedPerGame}, completed ${(100 * summary.agreements.completedShare).toFixed(0)} %, broken ${(100 * summary.agreements.brokenShare).toFixed(0)} %.`,
    ...(summary.warnings.length ? ['', 'Look at:', ...summary.warnings.map((w) => `  warning: ${w}`)] : []),
  ];
  process.stdout.write(plain(lines.join('\n')) + '\n');
  return 0;
}

/**
 * The batch against the calibration goals (docs/scenarios.md#calibration): each goal met or missed, and how far a
 * batch of this size can stray from the truth, so that an author does not read a small batch's luck as a verdict.
 */
function calibrationLines(c: Calibration): string[] {
  const points = (x: number): string => `${(100 * x).toFixed(1)} points`;
  const widest = Math.max(...c.checks.map((k) => k.margin));
  return [
    'Calibration goals (docs/scenarios.md#calibration):',
    ...c.checks.map((k) => `  ${(k.met ? 'met' : 'MISSED').padEnd(6)}  ${checkText(k)}`),
    ...(c.historical === null
      ? [
          '  (not checked: the historical outcome at least 15 %; name the outcome history took with `historical:`)',
        ]
      : []),
    `  A share within ${points(widest)} of a limit may fall on its other side in another batch of ${c.games} games (two standard errors);`,
    '  the shipped scenarios are held to the goals over 2,000 games at each difficulty (--strategy).',
  ];
}
