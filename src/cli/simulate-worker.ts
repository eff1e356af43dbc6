/**
 * A worker thread of `qpq simulate --workers N`: plays one range of a batch's game indices and posts each
 * game's result back. Started by `simulateInWorkers` (parallel.ts), which registers the TypeScript loader first.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { playGames } from '../ai/simulate.ts';
import type { GameResult } from '../ai/simulate.ts';
import type { WorkerJob, WorkerMessage } from './parallel.ts';

const job = workerData as WorkerJob;
const { world } = job;
const results: GameResult[] = [];
const post = (m: WorkerMessage): void => parentPort!.postMessage(m);
post({ kind: 'ready' });
playGames(world, job.opts, job.from, job.to, (i, r) => {
  results.push(r);
  if ((i - job.from) % 16 === 15) post({ kind: 'progress', done: i - job.from + 1 });
});
post({ kind: 'done', results });
