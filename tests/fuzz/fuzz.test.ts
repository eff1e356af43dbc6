/**
 * One fast-check fuzz test per surface of issue 15 (scenario text, command-line argument vectors, save JSON,
 * share links, and the saved-game slots): every input ends with a clear error or a valid game within the time
 * bound, never an exception, never silently wrong, never a save lost. Bounded for the unit project; the long run
 * is `node --import tsx tests/fuzz/run.ts --runs N`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Tally } from './surfaces.ts';
import {
  argv,
  argvInput,
  linkInput,
  saveInput,
  saveJson,
  scenarioInput,
  scenarioText,
  shareLink,
  slotInput,
  slots,
} from './surfaces.ts';

async function fuzz<T>(
  arb: fc.Arbitrary<T>,
  fn: (t: Tally, x: T) => Promise<void>,
  runs: number,
): Promise<Tally> {
  const t: Tally = {
    surface: '',
    tried: 0,
    clear: 0,
    accepted: 0,
    crashes: 0,
    silentlyWrong: 0,
    dataLost: 0,
    examples: [],
  };
  for (const x of fc.sample(arb, { numRuns: runs, seed: 15 })) await fn(t, x);
  return t;
}

const clean = (t: Tally): void => {
  expect(t.examples).toEqual([]);
  expect({ crashes: t.crashes, silentlyWrong: t.silentlyWrong, dataLost: t.dataLost }).toEqual({
    crashes: 0,
    silentlyWrong: 0,
    dataLost: 0,
  });
  expect(t.clear + t.accepted).toBe(t.tried);
};

describe('fuzzing every surface', () => {
  it('scenario text: located problems or a world that plays', async () => {
    const t = await fuzz(scenarioInput, scenarioText, 40);
    clean(t);
    expect(t.clear).toBeGreaterThan(0);
  });

  it('command-line argument vectors: a message and exit 1 or 2, or a run that prints', async () => {
    clean(await fuzz(argvInput, (t, x) => argv(t, x as [string, string[]]), 40));
  });

  it('save JSON: a sentence that names the save, or exactly the game it holds', async () => {
    clean(await fuzz(saveInput, saveJson, 60));
  });

  it('share links: a sentence, or the game the link holds', async () => {
    clean(await fuzz(linkInput, shareLink, 60));
  });

  it('saved-game slots: no save lost or replaced without a yes, even when the storage fills up', async () => {
    clean(await fuzz(slotInput, (t, x) => slots(t, x as [[string, boolean][], number | null]), 60));
  });
});
