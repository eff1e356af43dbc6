/**
 * The design's claims, measured: each experiment at a size that makes its direction reliable, on fixed seeds so
 * the result is deterministic. An experiment "supports" its claim when the paired effect has the predicted sign
 * and its 95 % interval excludes zero.
 */
import { describe, expect, it } from 'vitest';
import { EXPERIMENTS, experimentById, runExperiment } from '../../src/ai/experiments.ts';
import type { World } from '../../src/engine/index.ts';
import { readScenario } from '../../src/cli/files.ts';

const worlds = new Map<string, World>();
const load = (id: string): World => {
  let w = worlds.get(id);
  if (!w) worlds.set(id, (w = readScenario(id).world));
  return w;
};

/** Games per arm in the test, by experiment: enough for the direction, small enough for the time budget. */
const SIZE: Record<string, number> = {
  'trust-deficit': 20,
  verification: 20,
  'leadership-change': 40,
  'domestic-politics': 6,
  lifeline: 30, // since the Panmunjom calibration (issue 16) the effect is a third of what it was: 12 games no longer show it
  phasing: 20,
  mediation: 20,
  hotline: 80,
  engagement: 20,
  multilateral: 15,
};

/**
 * Claims the current model does not show (docs/experiments.md says why). Multilateral talks: since the stage of
 * the peace process moves at most one step a round and the normal difficulty offers only terms their receiver
 * values, the six-party package is signed at least as often as the bilateral one.
 */
const NOT_SHOWN = new Set(['multilateral']);

describe('the experiments', () => {
  it('cover every claim of the design once', () => {
    expect(EXPERIMENTS.map((e) => e.claim).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(EXPERIMENTS.map((e) => e.id)).size).toBe(EXPERIMENTS.length);
  });

  it('are deterministic for a seed', () => {
    const e = experimentById('verification')!;
    expect(runExperiment(e, load, { games: 3, seed: 5 })).toEqual(
      runExperiment(e, load, { games: 3, seed: 5 }),
    );
  });

  it.each(Object.entries(SIZE).filter(([id]) => !NOT_SHOWN.has(id)))('%s supports its claim', (id, games) => {
    const e = experimentById(id)!;
    const r = runExperiment(e, load, { games, seed: 1 });
    expect(Math.sign(r.effect), `${id}: ${JSON.stringify(r)}`).toBe(e.expect === 'higher' ? 1 : -1);
    expect(r.supported, `${id}: ${JSON.stringify(r)}`).toBe(true);
  });

  // What docs/experiments.md publishes as not shown: when one of these starts to hold, this fails, and the docs
  // (and this list) must say so.
  it.each([...NOT_SHOWN])('%s does not support its claim with the current model (as published)', (id) => {
    const r = runExperiment(experimentById(id)!, load, { games: SIZE[id]!, seed: 1 });
    expect(r.supported, `${id}: ${JSON.stringify(r)}`).toBe(false);
  });
});
