/**
 * Compares a strategy's steady-state CPU cost on two copies of the code, each in processes of its own, run
 * alternately (old, new, new, old, …) so that whatever else the machine runs falls on both alike. Each process
 * warms its copy on WARM games outside the timed ones (V8 is still compiling a Normal game's code over its first
 * hundred or so games), then times games 0..N on the same seeds, and reports the CPU time of the whole process
 * (the garbage collector's helper threads included) and of its main thread alone (from /proc, Linux only).
 *
 * Copies in one process (`scripts/cost-compare.ts`) were seen to differ by a fifth on the same code at a load
 * average of 6 (the worktree's copy the faster): separate processes avoid that.
 *
 *   mkdir -p /tmp/old && git archive main src scenarios | tar -x -C /tmp/old && ln -s "$PWD/node_modules" /tmp/old/
 *   OLD=/tmp/old nice -n 10 node --import tsx scripts/cost-ab.ts panmunjom-2018
 *
 * Settings (environment): STRATEGY (default objective), N timed games a process (80), WARM (60), PAIRS (4),
 * SEED (1). Prints each process's figures and, per scenario, old ÷ new over the pooled games and the median of
 * the pairs' ratios (above 1: the new code is faster).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type * as Simulate from '../src/ai/simulate.ts';
import type * as CliFiles from '../src/cli/files.ts';

interface Figures {
  proc: number;
  main: number;
}

/** CPU milliseconds of this thread so far (utime + stime, in clock ticks of 10 ms). */
function threadMs(): number {
  const s = readFileSync('/proc/thread-self/stat', 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

const processMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const strategy = process.env.STRATEGY ?? 'objective';
const seed = process.env.SEED ?? '1';

if (process.argv[2] === '--child') {
  const [root, id] = process.argv.slice(3) as [string, string];
  const sim = (await import(resolve(root, 'src/ai/simulate.ts'))) as typeof Simulate;
  const files = (await import(resolve(root, 'src/cli/files.ts'))) as typeof CliFiles;
  const world = files.readScenario(id).world;
  const opts = { seed, fallback: strategy };
  sim.playGames(world, opts, 100_000, 100_000 + Number(process.env.WARM ?? 60), () => {});
  const n = Number(process.env.N ?? 80);
  const p = processMs();
  const t = threadMs();
  sim.playGames(world, opts, 0, n, () => {});
  const out: Figures = { proc: (processMs() - p) / n, main: (threadMs() - t) / n };
  process.stdout.write(JSON.stringify(out));
} else {
  const old = process.env.OLD;
  if (!old) {
    process.stderr.write('cost-ab: set OLD to a directory holding the other copy of src/ and scenarios/.\n');
    process.exit(2);
  }
  const roots = { old: resolve(old), new: resolve(import.meta.dirname, '..') };
  const pairs = Number(process.env.PAIRS ?? 4);
  const ids = process.argv.slice(2).length ? process.argv.slice(2) : ['panmunjom-2018'];
  const run = (k: 'old' | 'new', id: string): Figures =>
    JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', roots[k], id], {
        encoding: 'utf8',
        cwd: roots[k],
      }),
    ) as Figures;
  const median = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  for (const id of ids) {
    const got: Record<'old' | 'new', Figures[]> = { old: [], new: [] };
    for (let i = 0; i < pairs; i++)
      for (const k of i % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const)) {
        const f = run(k, id);
        got[k].push(f);
        process.stdout.write(
          `${id} ${strategy} ${k}: ${f.proc.toFixed(1)} CPU ms a game (main thread ${f.main.toFixed(1)})\n`,
        );
      }
    const sum = (k: 'old' | 'new', f: keyof Figures): number => got[k].reduce((a, x) => a + x[f], 0);
    const pairwise = (f: keyof Figures): number => median(got.old.map((x, i) => x[f] / got.new[i]![f]));
    process.stdout.write(
      `${id.padEnd(22)} ${strategy} old ÷ new: process ${(sum('old', 'proc') / sum('new', 'proc')).toFixed(3)} (pairs' median ${pairwise('proc').toFixed(3)}), main thread ${(sum('old', 'main') / sum('new', 'main')).toFixed(3)} (pairs' median ${pairwise('main').toFixed(3)})\n`,
    );
  }
}
