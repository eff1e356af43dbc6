/**
 * The command-line contract of docs/design.md, checked through the real command: `simulate --json` gives the
 * promised fields and the same object for the same arguments; `tournament --json` gives a ranking.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { missText } from '../../src/ai/calibration.ts';
import type { Calibration } from '../../src/ai/calibration.ts';
import { ROOT, readScenario } from '../../src/cli/files.ts';

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

  it('adds the playtest report for every shipped scenario: finalMeans, events, stages, warnings', () => {
    for (const id of [
      'panmunjom-2018',
      'six-party-talks',
      'hanoi-2019',
      'missile-crisis-2017',
      'present-day',
      'tutorial',
    ]) {
      const r = JSON.parse(qpq('simulate', id, '--games', '3', '--seed', '2', '--json')) as {
        finalMeans: {
          actors: Record<string, Record<string, number>>;
          trust: Record<string, Record<string, number>>;
        };
        events: Record<string, { games: number; perGame: number }>;
        stages: { final: Record<string, number> };
        warnings: string[];
        outcomes: Record<string, number>;
        calibration: Calibration;
      };
      // Held to the calibration goals: every shipped scenario names its historical outcome, so all three are
      // checked, and each goal missed is also a warning.
      expect(r.calibration.historical, id).toBe(readScenario(id).world.historical);
      expect(r.calibration.checks.map((c) => c.goal)).toEqual(['dominant', 'historical', 'clash']);
      for (const c of r.calibration.checks)
        expect(r.warnings.includes(missText(c)), `${id} ${c.goal}`).toBe(!c.met);
      expect(Object.keys(r.finalMeans.actors), id).toContain('DPRK');
      for (const v of Object.values(r.finalMeans.actors.DPRK!)) expect(v).toBeGreaterThanOrEqual(0);
      expect(r.finalMeans.trust.DPRK, id).toHaveProperty('USA');
      expect(r.finalMeans.trust.DPRK, id).not.toHaveProperty('DPRK');
      expect(
        Object.values(r.stages.final).reduce((x, y) => x + y, 0),
        id,
      ).toBe(3);
      for (const e of Object.values(r.events)) expect(e.games).toBeLessThanOrEqual(3);
      // Every outcome never reached, and every event that never fired, is named in the warnings.
      for (const [o, c] of Object.entries(r.outcomes))
        expect(
          r.warnings.some((w) => w.includes(`"${o}" was never reached`)),
          `${id} ${o}`,
        ).toBe(c === 0);
      for (const [ev, e] of Object.entries(r.events))
        expect(
          r.warnings.some((w) => w.includes(`"${ev}" never fired`)),
          `${id} ${ev}`,
        ).toBe(e.games === 0);
    }
    // Six processes of Normal's players (the batch default): a few seconds each on a quiet machine.
  }, 180_000);

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
