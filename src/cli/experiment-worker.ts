/**
 * A worker thread of `qpq experiment --workers N`: plays the batches it is given (each a claim, a scenario, the
 * players and a batch number) and posts each batch's paired metrics back. Started by `runUnitsInWorkers`
 * (experiment.ts), which registers the TypeScript loader first.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { gamesFor, playUnit } from '../ai/experiments.ts';
import type { Unit, UnitResult } from '../ai/experiments.ts';
import { worldLoader } from './files.ts';

export interface ExperimentJob {
  units: Unit[];
  games: number;
  hardGames: number;
  seed: string;
}

export type ExperimentWorkerMessage = { kind: 'unit'; index: number; result: UnitResult } | { kind: 'done' };

const job = workerData as ExperimentJob & { indices: number[] };
const load = worldLoader();
const post = (m: ExperimentWorkerMessage): void => parentPort!.postMessage(m);
job.units.forEach((u, k) =>
  post({
    kind: 'unit',
    index: job.indices[k]!,
    result: playUnit(load, u, gamesFor(job, u.players, u.claim), job.seed),
  }),
);
post({ kind: 'done' });
