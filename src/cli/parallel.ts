/**
 * `qpq simulate --workers N`: the batch split into N contiguous ranges of game indices, one per worker
 * thread. Game i has the same seed in any range, and the results are added up in index order, so the summary
 * is identical to one thread's.
 */
import { Worker } from 'node:worker_threads';
import { Tally, simulate } from '../ai/simulate.ts';
import type { GameResult, SimulateOptions, SimulateSummary } from '../ai/simulate.ts';
import type { World } from '../engine/index.ts';

export interface WorkerJob {
  /** The compiled world, copied to the worker (a plain structured-clone copy; no reading or parsing there). */
  world: World;
  opts: Omit<SimulateOptions, 'games' | 'onGame'>;
  from: number;
  to: number;
}

export type WorkerMessage =
  { kind: 'ready' } | { kind: 'progress'; done: number } | { kind: 'done'; results: GameResult[] };

/** Contiguous ranges [from, to) that split `games` as evenly as possible over `workers`. */
export function ranges(games: number, workers: number): [number, number][] {
  const n = Math.max(1, Math.min(workers, games));
  return Array.from({ length: n }, (_, k) => [
    Math.floor((k * games) / n),
    Math.floor(((k + 1) * games) / n),
  ]);
}

/**
 * The worker's bootstrap: Node 20 does not carry the parent's `--import tsx` hooks into a worker in time for
 * its entry module, so the worker registers tsx itself (resolved from this package, not from the working
 * directory, so `qpq` works from any folder) and then imports the TypeScript worker.
 */
const BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./simulate-worker.ts', import.meta.url).href)}); })`;

function runWorker(
  job: WorkerJob,
  onReady: () => void,
  onProgress: (done: number) => void,
): Promise<GameResult[]> {
  return new Promise((resolve, reject) => {
    const w = new Worker(BOOTSTRAP, { eval: true, workerData: job });
    let results: GameResult[] | null = null;
    w.on('message', (m: WorkerMessage) => {
      if (m.kind === 'ready') onReady();
      else if (m.kind === 'progress') onProgress(m.done);
      else results = m.results;
    });
    w.on('error', reject);
    w.on('exit', (code) =>
      results ? resolve(results) : reject(new Error(`a simulation worker stopped with exit code ${code}`)),
    );
  });
}

export interface ParallelOptions {
  workers: number;
  /** The number of games finished so far. */
  onProgress?: (done: number) => void;
  /** Called once every worker has started and is about to play (the benchmark separates start-up from play). */
  onReady?: () => void;
  /** Play one worker's games on a worker thread too, not on this one (the benchmark, for a like comparison). */
  alwaysThreads?: boolean;
}

/**
 * Plays a batch on `workers` threads and returns the summary that `simulate` would. One worker plays on
 * this thread, unless `alwaysThreads`.
 */
export async function simulateInWorkers(
  world: World,
  opts: Omit<SimulateOptions, 'onGame'>,
  { workers, onProgress, onReady, alwaysThreads = false }: ParallelOptions,
): Promise<SimulateSummary> {
  if (workers <= 1 && !alwaysThreads) {
    onReady?.();
    return simulate(world, { ...opts, onGame: onProgress && ((i) => onProgress(i + 1)) });
  }
  const { games, ...rest } = opts;
  const parts = ranges(games, workers);
  const done = parts.map(() => 0);
  let ready = 0;
  const results = await Promise.all(
    parts.map(([from, to], k) =>
      runWorker(
        { world, opts: rest, from, to },
        () => ++ready === parts.length && onReady?.(),
        (d) => {
          done[k] = d;
          onProgress?.(done.reduce((a, b) => a + b, 0));
        },
      ),
    ),
  );
  const tally = new Tally(world);
  for (const part of results) for (const r of part) tally.add(r);
  return tally.summary(opts);
}
