/**
 * The command-line contract of docs/design.md, checked through the real command: `simulate --json` gives the
 * promised fields and the same object for the same arguments; `tournament --json` gives a ranking.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/files.ts';

const qpq = (...args: string[]): string =>
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/qpq.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });

describe('qpq simulate --json', () => {
  it('prints the contract fields, with outcome counts that add up to the games, and the same object twice', () => {
    const run = (): Record<string, unknown> =>
      JSON.parse(qpq('simulate', 'scenarios/panmunjom-2018.yaml', '--games', '25', '--seed', '3', '--json'));
    const a = run();
    const b = run();
    for (const k of ['games', 'seed', 'outcomes', 'meanScores', 'meanRounds', 'elapsedMs'])
      expect(a).toHaveProperty(k);
    expect(a.games).toBe(25);
    expect(a.seed).toBe('3');
    expect(Object.values(a.outcomes as Record<string, number>).reduce((x, y) => x + y, 0)).toBe(25);
    expect(Object.keys(a.meanScores as object).sort()).toEqual(['DPRK', 'JPN', 'PRC', 'ROK', 'RUS', 'USA']);
    delete a.elapsedMs;
    delete b.elapsedMs;
    expect(a).toEqual(b);
  });

  it('explains a bad argument and exits 1', () => {
    expect(() => qpq('simulate', 'scenarios/panmunjom-2018.yaml', '--games', 'many')).toThrow(
      /--games must be a whole number/,
    );
  });
});

describe('qpq tournament --json', () => {
  it('ranks every strategy with a mean score and a 95 % interval, deterministically', () => {
    const run = (): { ranking: { strategy: string; meanScore: number; ci95: number }[] } =>
      JSON.parse(
        qpq(
          'tournament',
          '--strategies',
          'tit-for-tat,generous-tit-for-tat,hawk',
          '--repetitions',
          '2',
          '--rounds',
          '20',
          '--seed',
          '5',
          '--json',
        ),
      );
    const r = run();
    expect(r.ranking.map((x) => x.strategy).sort()).toEqual(['generous-tit-for-tat', 'hawk', 'tit-for-tat']);
    for (const x of r.ranking) {
      expect(x.meanScore).toBeGreaterThanOrEqual(0);
      expect(x.meanScore).toBeLessThanOrEqual(100);
      expect(x.ci95).toBeGreaterThanOrEqual(0);
    }
    expect(run()).toEqual(r);
  });
});
