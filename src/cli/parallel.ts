/**
 * `qpq simulate --workers N`: the batch split into chunks of contiguous game indices that N worker threads take
 * as they come free, so that a worker slowed by longer games or by another program on its processor takes fewer
 * chunks instead of holding the others up at the end. Game i has the same seed in any chunk, and the results are
 * put back and added up in index order, so the summary is identical to one thread's.
 */
import { Worker } from 'node:worker_threads';
import { Tally, simulate } from '../ai/simulate.ts';
import type { GameResult, SimulateOptions, SimulateSummary } from '../ai/simulate.ts';
import type { World } from '../engine/index.ts';

export interface WorkerJob {
  /** The compiled world, copied to the worker (a plain structured-clone copy; no reading or parsing there). */
  world: World;
  opts: Omit<SimulateOptions, 'games' | 'onGame'>;
  /** The first chunk of game indices [from, to) it plays; the next come by message (`ToWorker`). */
  from: number;
  to: number;
}

/** To a worker: the next chunk of game indices [from, to), or no more. */
export type ToWorker = { kind: 'play'; from: number; to: number } | { kind: 'stop' };

export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'progress'; done: number }
  | { kind: 'chunk'; from: number; results: GameResult[] };

/**
 * The chunks a batch of `games` is played in by `workers` threads: contiguous ranges [from, to) in index order
 * that cover every game once, about eight a worker (so that the last chunks to finish are short) and never more
 * than 64 games (a chunk's results cross back in one message).
 */
export function chunks(games: number, workers: number): [number, number][] {
  const size = Math.max(1, Math.min(64, Math.ceil(games / (Math.max(1, workers) * 8))));
  const out: [number, number][] = [];
  for (let from = 0; from < games; from += size) out.push([from, Math.min(games, from + size)]);
  return out;
}

/**
 * The worker's bootstrap: Node 20 does not carry the parent's `--import tsx` hooks into a worker in time for
 * its entry module, so the worker registers tsx itself (resolved from this package, not from the working
 * directory, so `qpq` works from any folder) and then imports the TypeScript worker.
 */
const BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./simulate-worker.ts', import.meta.url).href)}); })`;

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
  const queue = chunks(games, workers);
  const threads = Math.max(1, Math.min(workers, queue.length));
  const results = new Array<GameResult[] | undefined>(queue.length);
  const firstOf = new Map(queue.map(([from], k) => [from, k]));
  let next = 0;
  let ready = 0;
  let done = 0;
  // Games finished in the chunks each worker is playing, as it last reported them.
  const partial = new Array<number>(threads).fill(0);
  const report = (): void => onProgress?.(done + partial.reduce((a, b) => a + b, 0));
  await Promise.all(
    Array.from(
      { length: threads },
      (_, k) =>
        new Promise<void>((resolve, reject) => {
          const [from, to] = queue[next++]!;
          const job: WorkerJob = { world, opts: rest, from, to };
          const w = new Worker(BOOTSTRAP, { eval: true, workerData: job });
          let finished = false;
          w.on('message', (m: WorkerMessage) => {
            if (m.kind === 'ready') {
              if (++ready === threads) onReady?.();
            } else if (m.kind === 'progress') {
              partial[k] = m.done;
              report();
            } else {
              results[firstOf.get(m.from)!] = m.results;
              done += m.results.length;
              partial[k] = 0;
              report();
              const c = queue[next++];
              if (c) w.postMessage({ kind: 'play', from: c[0], to: c[1] } satisfies ToWorker);
              else {
                finished = true;
                w.postMessage({ kind: 'stop' } satisfies ToWorker);
              }
            }
          });
          w.on('error', reject);
          w.on('exit', (code) =>
            finished ? resolve() : reject(new Error(`a simulation worker stopped with exit code ${code}`)),
          );
        }),
    ),
  );
  const tally = new Tally(world);
  for (const part of results) for (const r of part!) tally.add(r);
  return tally.summary(opts);
}
