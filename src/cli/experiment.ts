/** `qpq experiment <id> | --all [--games N] [--seed S] [--json] [--strategy ID]`: the controlled experiments, one per claim. */
import { parseArgs } from 'node:util';
import { EXPERIMENTS, experimentById, runExperiment } from '../ai/experiments.ts';
import type { ExperimentResult } from '../ai/experiments.ts';
import { STRATEGIES, isStrategy } from '../ai/index.ts';
import type { World } from '../engine/index.ts';
import { readScenario } from './files.ts';
import { MAX_GAMES, plain } from './terminal.ts';

const fmt = (x: number): string => (Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(3));

function table(results: ExperimentResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.id} — ${r.claim}`);
    lines.push(`  metric: ${r.metric} (${r.games} paired games)`);
    lines.push(`  a: ${r.a.label}: ${fmt(r.a.mean)} ± ${fmt(r.a.ci95)}`);
    lines.push(`  b: ${r.b.label}: ${fmt(r.b.mean)} ± ${fmt(r.b.ci95)}`);
    lines.push(
      `  effect (a - b): ${r.effect >= 0 ? '+' : ''}${fmt(r.effect)} ± ${fmt(r.effectCi95)}  ${r.supported ? 'SUPPORTED' : 'NOT SUPPORTED'}`,
    );
    lines.push('');
  }
  const held = results.filter((r) => r.supported).length;
  lines.push(`${held} of ${results.length} claims supported.`);
  return lines.join('\n');
}

export function runExperimentCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      all: { type: 'boolean', default: false },
      games: { type: 'string' },
      seed: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      strategy: { type: 'string' },
    },
  });
  const ids = EXPERIMENTS.map((e) => e.id);
  const chosen = values.all ? EXPERIMENTS : positionals.map((id) => experimentById(id));
  if (!chosen.length || chosen.some((e) => !e)) {
    const bad = positionals.find((id) => !experimentById(id));
    process.stderr.write(
      `qpq experiment: ${bad ? `unknown experiment "${bad}"` : 'name an experiment or use --all'}; experiments: ${ids.join(', ')}.\n`,
    );
    return 1;
  }
  let games: number | undefined;
  if (values.games !== undefined) {
    games = Number(values.games);
    if (!/^\s*\d+\s*$/.test(values.games) || !Number.isInteger(games) || games < 2 || games > MAX_GAMES) {
      process.stderr.write(
        `qpq experiment: --games must be a whole number from 2 to ${MAX_GAMES}, not "${plain(values.games)}".\n`,
      );
      return 1;
    }
  }
  if (values.strategy !== undefined && !isStrategy(values.strategy)) {
    process.stderr.write(
      `qpq experiment: unknown strategy "${values.strategy}"; use one of: ${Object.keys(STRATEGIES).join(', ')}.\n`,
    );
    return 1;
  }
  const worlds = new Map<string, World>();
  const load = (id: string): World => {
    let w = worlds.get(id);
    if (!w) worlds.set(id, (w = readScenario(id).world));
    return w;
  };
  const results: ExperimentResult[] = [];
  for (const e of chosen) {
    if (!values.json) process.stderr.write(`running ${e!.id}…\n`);
    results.push(runExperiment(e!, load, { games, seed: values.seed, strategy: values.strategy }));
  }
  if (values.json)
    process.stdout.write(
      JSON.stringify(
        results.map((r) => ({
          id: r.id,
          claim: r.claim,
          metric: r.metric,
          a: r.a,
          b: r.b,
          effect: r.effect,
          supported: r.supported,
          games: r.games,
          effectCi95: r.effectCi95,
        })),
        null,
        2,
      ) + '\n',
    );
  else process.stdout.write(table(results) + '\n');
  return 0;
}
