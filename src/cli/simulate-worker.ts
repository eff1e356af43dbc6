/**
 * A worker thread of `qpq simulate --workers N`: plays the chunks of a batch's game indices it is given, one at
 * a time, and posts each chunk's results back (see parallel.ts). Started by `simulateInWorkers`, which registers
 * the TypeScript loader first.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { playGames } from '../ai/simulate.ts';
import type { GameResult } from '../ai/simulate.ts';
import type { ToWorker, WorkerJob, WorkerMessage } from './parallel.ts';

const job = workerData as WorkerJob;
const { world } = job;
const post = (m: WorkerMessage): void => parentPort!.postMessage(m);

function play(from: number, to: number): void {
  const results: GameResult[] = [];
  playGames(world, job.opts, from, to, (i, r) => {
    results.push(r);
    if ((i - from) % 16 === 15 && i + 1 < to) post({ kind: 'progress', done: i - from + 1 });
  });
  post({ kind: 'chunk', from, results });
}

parentPort!.on('message', (m: ToWorker) => {
  if (m.kind === 'play') play(m.from, m.to);
  else parentPort!.close();
});
post({ kind: 'ready' });
play(job.from, job.to);
