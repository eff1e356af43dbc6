/**
 * Golden whole-game replays: fixed seeds and strategies, and the hash of each final state kept in
 * tests/golden/replays.json. A change that alters any game shows here; if it is intended, regenerate with
 *   UPDATE_GOLDEN=1 npx vitest run --project unit tests/engine/golden.test.ts
 * and commit the file. When the file is missing it is written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { hashValue, replay } from '../../src/engine/index.ts';
import { WORLD, play } from './helpers.ts';
import type { StrategyId } from './helpers.ts';

const FILE = fileURLToPath(new URL('../golden/replays.json', import.meta.url));

interface Golden {
  hash: string;
  outcome: string;
  reason: string;
  round: number;
  agreements: number;
}

const CASES: { name: string; seed: string; seats: StrategyId | StrategyId[] }[] = [
  { name: 'reciprocal, seed golden-1', seed: 'golden-1', seats: 'reciprocal' },
  { name: 'reciprocal, seed golden-2', seed: 'golden-2', seats: 'reciprocal' },
  { name: 'reciprocal, seed golden-3', seed: 'golden-3', seats: 'reciprocal' },
  { name: 'random, seed golden-1', seed: 'golden-1', seats: 'random' },
  { name: 'random, seed golden-2', seed: 'golden-2', seats: 'random' },
  { name: 'random, seed golden-3', seed: 'golden-3', seats: 'random' },
  {
    name: 'random and reciprocal alternating, seed golden-4',
    seed: 'golden-4',
    seats: ['random', 'reciprocal'],
  },
];

const actual: Record<string, Golden> = {};
let golden: Record<string, Golden> = {};

beforeAll(() => {
  for (const c of CASES) {
    const { final, record } = play(WORLD, c.seed, c.seats);
    expect(hashValue(replay(WORLD, record))).toBe(hashValue(final));
    actual[c.name] = {
      hash: hashValue(final),
      outcome: final.end!.outcome,
      reason: final.end!.reason,
      round: final.end!.round,
      agreements: final.agreements.length,
    };
  }
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(FILE)) {
    mkdirSync(dirname(FILE), { recursive: true });
    writeFileSync(FILE, `${JSON.stringify(actual, null, 2)}\n`);
    console.warn(`Wrote ${FILE}: commit it.`);
  }
  golden = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, Golden>;
});

test.each(CASES.map((c) => [c.name]))('%s replays to its recorded final state', (name) => {
  expect(
    golden[name],
    `${name} is missing from tests/golden/replays.json; run with UPDATE_GOLDEN=1`,
  ).toBeDefined();
  expect(actual[name]).toEqual(golden[name]);
});

test('the golden games are not all alike', () => {
  expect(new Set(Object.values(golden).map((g) => g.hash)).size).toBe(CASES.length);
  expect(Object.keys(golden).sort()).toEqual(CASES.map((c) => c.name).sort());
});
