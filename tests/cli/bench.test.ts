/**
 * `qpq bench --json --quick` through the real command: every figure the issue asks for is there, and each is
 * a finite positive number (the growth exponents only finite: a quick run is too short to pin their sign).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/files.ts';

const FIELDS = [
  // the pure path, the machine, whole games, sizes, the planner
  'pureRoundsPerSec',
  'machineRoundsPerSec',
  'machineShareOfPure',
  'sessionInputP50Us',
  'sessionInputP95Us',
  'sessionClickP50Ms',
  'sessionClickP95Ms',
  'sessionInputs',
  'sessionClicks',
  'gamesPerSec',
  'roundsPerGame',
  'stateBytes',
  'recordBytes',
  'plannerP50Ms',
  'plannerP95Ms',
  'plannerDecisions',
  // thirty-round games and the tight loop
  'batchRounds',
  'batchGamesPerSec',
  'batchRoundsPerSec',
  'batchReplayRoundsPerSec',
  'tightRoundsPerSec',
  'tightGamesPerSec',
  'batchShareOfTight',
  // the peer
  'peerGames',
  'peerOursRoundsPerSec',
  'peerClientRoundsPerSec',
  'peerReducerRoundsPerSec',
  'peerRatio',
  'peerReducerRatio',
  // worker threads
  'workersGames',
  'workers1GamesPerSec',
  'workers2GamesPerSec',
  'workersSpeedup',
  'workersStartupMs',
  'workersPlaySpeedup',
  'workersCpuEfficiency',
  'workersCeiling',
  'wallPerCpuSecond',
  'scalingRounds',
  // the normal difficulty (issue 16)
  'normalCostRatio',
  'normalWorkersGames',
  'normalWorkers',
  'normalWorkersGamesPerSec',
  'normalOneThreadGamesPerSec',
  'normal10000SecondsAuto',
  'normal10000SecondsOne',
  'normalWorkersStartupMs',
  'normalOneWorkerStartupMs',
  'normalWorkersPlaySpeedup',
  'normalWorkersWarmMs',
  'normalOneWorkerWarmMs',
  'normalWorkersSpeedup',
  'normalOneWorkerCpuMsPerGame',
  'normalWorkersCpuMsPerGame',
  // the hard difficulty against Normal (issue 16)
  'hardGames',
  'hardCpuMsPerGame',
  'hardNormalCpuMsPerGame',
  'hardNormalRatio',
  'hard2000SecondsAuto',
];

describe('qpq bench --json --quick', () => {
  it('prints every figure as a finite positive number', () => {
    const f = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/qpq.ts', 'bench', '--json', '--quick'], {
        cwd: ROOT,
        encoding: 'utf8',
      }),
    ) as Record<string, unknown>;
    expect(f.scenario).toBe('panmunjom-2018');
    expect(f.engine).toEqual(expect.any(String));
    expect(f.batchStrategy).toBe('tit-for-tat');
    expect(f.batchRounds).toBe(30);
    expect(f.peerSameFinalState).toBe(true);
    // The quick batch of Normal games is two, so the 10,000-game time is a projection, and says so.
    expect(f.normal10000Measured).toBe(false);
    for (const k of FIELDS) {
      expect(f[k], k).toEqual(expect.any(Number));
      expect(Number.isFinite(f[k]) && (f[k] as number) > 0, `${k} = ${String(f[k])}`).toBe(true);
    }
    const scaling = f.scaling as { actors: number; batchUsPerRound: number; rulesUsPerRound: number }[];
    expect(scaling.map((p) => p.actors)).toEqual([6, 12, 24]);
    for (const p of scaling)
      for (const v of [p.batchUsPerRound, p.rulesUsPerRound]) expect(Number.isFinite(v) && v > 0).toBe(true);
    const waits = f.scenarios as {
      scenario: string;
      roundsPerGame: number;
      gamesPerSec: number;
      secondsFor10000: number;
    }[];
    const normal = f.normal as Record<string, number | string>[];
    expect(normal.map((c) => c.scenario)).toEqual(waits.map((w) => w.scenario));
    for (const c of normal)
      for (const k of [
        'normalGamesPerSec',
        'titForTatGamesPerSec',
        'normalCpuMsPerGame',
        'titForTatCpuMsPerGame',
        'ratio',
        'easyCpuMsPerGame',
        'easyNormalRatio',
        'secondsFor10000',
        'secondsFor10000Auto',
      ])
        expect(Number.isFinite(c[k]) && (c[k] as number) > 0, `${String(c.scenario)}: ${k}`).toBe(true);
    expect(waits.map((w) => w.scenario)).toContain('tutorial');
    expect(waits.length).toBeGreaterThanOrEqual(6);
    for (const w of waits)
      for (const v of [w.roundsPerGame, w.gamesPerSec, w.secondsFor10000])
        expect(Number.isFinite(v) && v > 0, `${w.scenario}: ${v}`).toBe(true);
    // The machine's load when the run began and ended: others share the cores, so figures are read with it.
    for (const field of ['loadAverage', 'difficultyLoadAverage']) {
      const load = f[field] as number[];
      expect(load, field).toHaveLength(2);
      for (const x of load) expect(Number.isFinite(x) && x >= 0).toBe(true);
    }
    expect(Number.isFinite(f.scalingExponent)).toBe(true);
    expect(Number.isFinite(f.scalingRulesExponent)).toBe(true);
    // The ratios are the costs they are made of, each rounded on its own: the ratio to a tenth, each cost to a tenth
    // of a millisecond, so they agree within what those roundings allow. (A fixed half point was not enough: a quick
    // run's Normal game costs a few milliseconds, and on a busy machine the ratio reached 50 and more, where a
    // millisecond's rounding moves it by close to one.)
    const h = f.hardCpuMsPerGame as number;
    const n = f.hardNormalCpuMsPerGame as number;
    expect(Math.abs((f.hardNormalRatio as number) - h / n)).toBeLessThanOrEqual(
      0.05 + 1.1 * (h / n) * (0.05 / h + 0.05 / n),
    );
    const own = normal.find((c) => c.scenario === f.scenario)!;
    expect(f.normalCostRatio).toBe(own.ratio);
    // A projected 10,000 games pay the workers' start-up once, then play: never less than the start-up, and the
    // scaling is the ratio of the one-worker and the auto figures (each rounded on its own).
    const secs = (k: string): number => f[k] as number;
    expect(secs('normal10000SecondsAuto')).toBeGreaterThanOrEqual(
      Math.floor(secs('normalWorkersStartupMs') / 1000),
    );
    // ... and the warm-up (the first half of the batch, as played) once, on top of the start-up.
    expect(secs('normal10000SecondsAuto')).toBeGreaterThanOrEqual(
      Math.floor((secs('normalWorkersStartupMs') + secs('normalWorkersWarmMs')) / 1000),
    );
    expect(secs('normalOneWorkerWarmMs')).toBeGreaterThanOrEqual(0);
    expect(
      Math.abs(secs('normalWorkersSpeedup') - secs('normal10000SecondsOne') / secs('normal10000SecondsAuto')),
    ).toBeLessThan(0.2);
    // Every numeric field is one the test knows about, so a new figure gets a check here too.
    const numeric = Object.keys(f).filter((k) => typeof f[k] === 'number');
    expect(numeric.sort()).toEqual([...FIELDS, 'runs', 'scalingExponent', 'scalingRulesExponent'].sort());
  }, 120_000); // about 20 s on an idle machine; the shared one can take twice that

  it('--difficulties measures only the difficulties, and --update puts them into the document and its JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qpq-bench-'));
    const run = (...args: string[]): string =>
      execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/qpq.ts', 'bench', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    const out = run('--difficulties', '--json', '--quick');
    const d = JSON.parse(out) as Record<string, unknown>;
    expect(d.pureRoundsPerSec).toBeUndefined(); // nothing but the difficulties was measured
    for (const k of ['normalCostRatio', 'hardNormalRatio', 'normal10000SecondsAuto', 'normalWorkersSpeedup'])
      expect(Number.isFinite(d[k]) && (d[k] as number) > 0, k).toBe(true);
    expect(d.normal10000Measured).toBe(false);
    writeFileSync(join(dir, 'd.json'), out);
    const before = readFileSync(join(ROOT, 'BENCHMARKS.md'), 'utf8');
    writeFileSync(join(dir, 'B.md'), before);
    run('--difficulties', '--from', join(dir, 'd.json'), '--update', join(dir, 'B.md'));
    const after = readFileSync(join(dir, 'B.md'), 'utf8');
    const part = (doc: string, name: string): string =>
      doc.slice(doc.indexOf(`<!-- bench:${name} -->`), doc.indexOf(`<!-- /bench:${name} -->`));
    expect(part(after, 'normal')).toContain(`${String(d.hardNormalRatio)}×`);
    expect(part(after, 'normal')).toContain('projected from 2 games');
    // The quoted JSON carries the new run's difficulties and keeps every other figure, so the tables still show it.
    const json = (doc: string): Record<string, unknown> =>
      JSON.parse(/<!-- bench:json -->\s*```json\n([\s\S]*?)\n```/.exec(doc)![1]!) as Record<string, unknown>;
    expect(json(after).hardNormalRatio).toBe(d.hardNormalRatio);
    expect(json(after).normal).toEqual(d.normal);
    expect(json(after).peerRatio).toBe(json(before).peerRatio);
    // The other tables keep their content (a file outside the project is laid out without its prettier settings).
    const bare = (x: string): string => x.replace(/\s+/g, '');
    for (const other of ['figures', 'goals', 'waits'])
      expect(bare(part(after, other))).toBe(bare(part(before, other)));
  }, 120_000);

  it('--full plays the 10,000 games, so it refuses a different --normal-games', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/qpq.ts', 'bench', '--difficulties', '--full', '--normal-games', '60'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--full plays 10,000 Normal games');
  }, 30_000);
});

describe('the waits the benchmark reports', () => {
  it('reads seconds, then minutes and seconds under ten minutes, so a wait near a 60 s goal is not rounded away', async () => {
    const { duration } = await import('../../src/cli/bench/report.ts');
    expect(duration(59.6)).toBe('60 s');
    expect(duration(138)).toBe('2 min 18 s');
    expect(duration(599.7)).toBe('10 min 0 s');
    expect(duration(710)).toBe('12 min');
    expect(duration(7200)).toBe('2.0 h');
  });
});
