/**
 * `qpq simulate --workers N` splits the games over worker threads; its output must be the one-thread output,
 * elapsedMs aside, since each game's seed depends only on (seed, index).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/files.ts';
import { chunks } from '../../src/cli/parallel.ts';

const simulate = (workers: number): Record<string, unknown> => {
  const out = JSON.parse(
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/qpq.ts',
        'simulate',
        'scenarios/tutorial.yaml',
        '--games',
        '41',
        '--seed',
        '9',
        '--json',
        '--workers',
        String(workers),
      ],
      { cwd: ROOT, encoding: 'utf8' },
    ),
  ) as Record<string, unknown>;
  expect(out.elapsedMs).toEqual(expect.any(Number));
  delete out.elapsedMs;
  return out;
};

describe('qpq simulate --workers', () => {
  it('gives the same summary with 2 workers as with 1', () => {
    const one = simulate(1);
    const two = simulate(2);
    expect(one.games).toBe(41);
    expect(Object.values(one.outcomes as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(41);
    expect(two).toEqual(one);
  });

  it('plays a batch in chunks that cover each game once, in order, about eight a worker and at most 64 games', () => {
    expect(chunks(41, 2)).toEqual([
      [0, 3],
      [3, 6],
      [6, 9],
      [9, 12],
      [12, 15],
      [15, 18],
      [18, 21],
      [21, 24],
      [24, 27],
      [27, 30],
      [30, 33],
      [33, 36],
      [36, 39],
      [39, 41],
    ]);
    expect(chunks(1, 2)).toEqual([[0, 1]]);
    for (const [g, w] of [
      [10_000, 2],
      [240, 2],
      [7, 7],
      [1, 1],
    ] as const) {
      const c = chunks(g, w);
      expect(c[0]![0]).toBe(0);
      expect(c[c.length - 1]![1]).toBe(g);
      for (let k = 1; k < c.length; k++) expect(c[k]![0]).toBe(c[k - 1]![1]);
      for (const [from, to] of c) expect(to - from).toBeGreaterThanOrEqual(1);
      for (const [from, to] of c) expect(to - from).toBeLessThanOrEqual(64);
      expect(c.length).toBeGreaterThanOrEqual(Math.min(g, 8 * w));
    }
  });

  it('refuses a bad worker count', () => {
    expect(() =>
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/qpq.ts', 'simulate', 'tutorial', '--games', '2', '--workers', '0'],
        { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' },
      ),
    ).toThrow(/--workers must be a whole number/);
  });
});
