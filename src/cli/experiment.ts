/**
 * `qpq experiment <id...> | --all [--games N] [--hard-games N] [--seeds B] [--seed S] [--players LIST]
 * [--scenarios LIST] [--workers N] [--json | --markdown]`: each claim's robustness table (players × scenario:
 * effect ± interval, significant?) and its verdict, under the protocol of src/ai/experiments.ts. `--markdown`
 * prints the Results tables of docs/experiments.md (src/cli/experiment-markdown.ts). With --workers the batches
 * are shared out over worker threads; the result is the same as with one.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import {
  DEFAULT_GAMES,
  DEFAULT_HARD_GAMES,
  DEFAULT_SEEDS,
  EXPERIMENTS,
  PLAYERS,
  PLAYER_KINDS,
  experimentById,
  gamesFor,
  isPlayers,
  playUnit,
  summariseClaim,
  unitKey,
  unitsOf,
} from '../ai/experiments.ts';
import type {
  ClaimResult,
  Experiment,
  Players,
  ProtocolOptions,
  Unit,
  UnitResult,
} from '../ai/experiments.ts';
import type { World } from '../engine/index.ts';
import type { ExperimentJob, ExperimentWorkerMessage } from './experiment-worker.ts';
import { resultsMarkdown } from './experiment-markdown.ts';
import { worldLoader } from './files.ts';
import { plain } from './terminal.ts';

const fmt = (x: number): string =>
  !Number.isFinite(x) ? '∞' : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(3);
const signed = (x: number): string => `${x >= 0 ? '+' : ''}${fmt(x)}`;

/** The claims' tables, as a person reads them. */
export function tableText(results: readonly ClaimResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.id} (claim ${r.claim}) — ${r.text}`);
    lines.push(`  metric: ${r.metric}`);
    lines.push(`  a: ${r.arms.a}`);
    lines.push(`  b: ${r.arms.b}`);
    lines.push(
      `  predicted: a ${r.expect} than b; ${r.seeds} batches of ${r.games} paired games per cell, seed ${r.seed}`,
    );
    const head = ['players', 'scenario', 'a', 'b', 'effect (a − b)', 'holds'];
    const rows = r.robustness.map((x) => [
      `${x.players} (${x.strategy})`,
      x.scenario,
      fmt(x.a),
      fmt(x.b),
      `${signed(x.effect)} ± ${fmt(x.ci95)}`,
      x.holds ? 'yes' : x.significant ? 'OPPOSITE' : 'no',
    ]);
    const width = head.map((h, k) => Math.max(h.length, ...rows.map((row) => row[k]!.length)));
    const line = (cells: string[]): string =>
      '  ' + cells.map((c, k) => (k >= 2 && k <= 4 ? c.padStart(width[k]!) : c.padEnd(width[k]!))).join('  ');
    lines.push(line(head));
    lines.push('  ' + width.map((w) => '-'.repeat(w)).join('  '));
    for (const row of rows) lines.push(line(row));
    lines.push(`  verdict: ${r.verdict.toUpperCase()}. ${r.where}`);
    if (r.why) lines.push(`  why: ${r.why}`);
    lines.push(`  rests on: ${r.rests}`);
    lines.push('');
  }
  const count = (v: string): number => results.filter((r) => r.verdict === v).length;
  lines.push(
    `${count('robust')} robust, ${count('conditional')} conditional, ${count('not-shown')} not shown, of ${results.length} claims.`,
  );
  return lines.join('\n');
}

const BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./experiment-worker.ts', import.meta.url).href)}); })`;

/** Plays every batch on `workers` threads (batches dealt round-robin, the dearest players first). */
async function runUnitsInWorkers(
  units: readonly Unit[],
  opts: ProtocolOptions,
  workers: number,
  onUnit: () => void,
): Promise<Map<string, UnitResult>> {
  const order = units.map((_, k) => k);
  const cost: Record<Players, number> = { hard: 0, normal: 1, easy: 2 };
  order.sort((x, y) => cost[units[x]!.players] - cost[units[y]!.players] || x - y);
  const shares: number[][] = Array.from({ length: workers }, () => []);
  order.forEach((k, n) => shares[n % workers]!.push(k));
  const results = new Map<string, UnitResult>();
  await Promise.all(
    shares.map(
      (indices) =>
        new Promise<void>((resolve, reject) => {
          const job: ExperimentJob & { indices: number[] } = {
            units: indices.map((k) => units[k]!),
            indices,
            games: opts.games,
            hardGames: gamesFor(opts, 'hard'),
            seed: String(opts.seed),
          };
          const w = new Worker(BOOTSTRAP, { eval: true, workerData: job });
          let done = false;
          w.on('message', (m: ExperimentWorkerMessage) => {
            if (m.kind === 'done') done = true;
            else {
              results.set(unitKey(units[m.index]!), m.result);
              onUnit();
            }
          });
          w.on('error', reject);
          w.on('exit', (code) =>
            done ? resolve() : reject(new Error(`an experiment worker stopped with exit code ${code}`)),
          );
        }),
    ),
  );
  return results;
}

/** Every chosen claim's table and verdict. */
export async function runClaims(
  chosen: readonly Experiment[],
  load: (scenario: string) => World,
  opts: ProtocolOptions,
  workers = 1,
  onUnit: (done: number, all: number) => void = () => {},
): Promise<ClaimResult[]> {
  const units = chosen.flatMap((e) => unitsOf(e, opts));
  let done = 0;
  const tick = (): void => onUnit(++done, units.length);
  let results: Map<string, UnitResult>;
  if (workers > 1) results = await runUnitsInWorkers(units, opts, workers, tick);
  else {
    results = new Map();
    for (const u of units) {
      results.set(unitKey(u), playUnit(load, u, gamesFor(opts, u.players, u.claim), opts.seed));
      tick();
    }
  }
  return chosen.map((e) => summariseClaim(e, load, opts, results));
}

const whole = (name: string, raw: string, lo: number, hi: number): number | string => {
  const n = Number(raw);
  return /^\s*\d+\s*$/.test(raw) && Number.isInteger(n) && n >= lo && n <= hi
    ? n
    : `--${name} must be a whole number from ${lo} to ${hi}, not "${plain(raw)}".`;
};

export async function runExperimentCommand(args: string[]): Promise<number> {
  const fail = (msg: string): number => {
    process.stderr.write(`qpq experiment: ${msg}\n`);
    return 1;
  };
  // An argument the parser refuses throws: qpq.ts prints it and exits 2, as for every command.
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      all: { type: 'boolean', default: false },
      games: { type: 'string', default: String(DEFAULT_GAMES) },
      'hard-games': { type: 'string', default: String(DEFAULT_HARD_GAMES) },
      seeds: { type: 'string', default: String(DEFAULT_SEEDS) },
      seed: { type: 'string', default: '1' },
      players: { type: 'string', default: PLAYER_KINDS.join(',') },
      scenarios: { type: 'string' },
      workers: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false },
    },
  });
  const ids = EXPERIMENTS.map((e) => e.id);
  const chosen = values.all ? EXPERIMENTS : positionals.map((id) => experimentById(id));
  if (!chosen.length || chosen.some((e) => !e)) {
    const bad = positionals.find((id) => !experimentById(id));
    return fail(
      `${bad ? `unknown experiment "${plain(bad)}"` : 'name an experiment or use --all'}; experiments: ${ids.join(', ')}.`,
    );
  }
  const games = whole('games', values.games, 1, 10_000);
  if (typeof games === 'string') return fail(games);
  const hardGames = whole('hard-games', values['hard-games'], 1, 10_000);
  if (typeof hardGames === 'string') return fail(hardGames);
  const seeds = whole('seeds', values.seeds, 2, 100);
  if (typeof seeds === 'string') return fail(seeds);
  const cpus = availableParallelism();
  const workers = values.workers === 'auto' ? cpus : whole('workers', values.workers, 1, cpus);
  if (typeof workers === 'string') return fail(`${workers} (or "auto": this machine has ${cpus} processors)`);
  const players = values.players.split(',').map((x) => x.trim());
  const badPlayers = players.find((p) => !isPlayers(p));
  if (badPlayers !== undefined || !players.length)
    return fail(
      `unknown players "${plain(badPlayers ?? '')}"; use a comma-separated list of: ${Object.entries(PLAYERS)
        .map(([k, v]) => `${k} (${v})`)
        .join(', ')}.`,
    );
  if (values.json && values.markdown) return fail('choose one of --json and --markdown.');
  const scenarios = values.scenarios?.split(',').map((x) => x.trim());
  if (scenarios) {
    const own = new Set((chosen as Experiment[]).flatMap((e) => e.scenarios));
    const bad = scenarios.find((s) => !own.has(s));
    if (bad !== undefined)
      return fail(
        `--scenarios: "${plain(bad)}" is not measured by ${values.all ? 'any claim' : 'the claims named'}; they use: ${[...own].join(', ')}.`,
      );
  }
  const load = worldLoader();
  const opts: ProtocolOptions = {
    games,
    hardGames,
    seeds,
    seed: values.seed,
    players: players as Players[],
    ...(scenarios ? { scenarios } : {}),
  };
  const started = Date.now();
  const results = await runClaims(chosen as Experiment[], load, opts, workers, (done, all) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${done}/${all} batches`);
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  const elapsedMs = Date.now() - started;
  if (values.json)
    process.stdout.write(JSON.stringify({ elapsedMs, workers, claims: results }, null, 2) + '\n');
  else if (values.markdown)
    process.stdout.write(
      resultsMarkdown({ elapsedMs, workers, claims: results }, `qpq experiment ${args.join(' ')}`),
    );
  else
    process.stdout.write(
      `${tableText(results)}\n(${(elapsedMs / 1000).toFixed(0)} s, ${workers} worker${workers > 1 ? 's' : ''})\n`,
    );
  return 0;
}
