/**
 * `qpq bench --json --quick` through the real command: every figure the issue asks for is there, and each is
 * a finite positive number (the growth exponents only finite: a quick run is too short to pin their sign).
 */
import { execFileSync } from 'node:child_process';
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
  'normalWorkersSpeedup',
  'normalOneWorkerCpuMsPerGame',
  'normalWorkersCpuMsPerGame',
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
    const load = f.loadAverage as number[];
    expect(load).toHaveLength(2);
    for (const x of load) expect(Number.isFinite(x) && x >= 0).toBe(true);
    expect(Number.isFinite(f.scalingExponent)).toBe(true);
    expect(Number.isFinite(f.scalingRulesExponent)).toBe(true);
    // Every numeric field is one the test knows about, so a new figure gets a check here too.
    const numeric = Object.keys(f).filter((k) => typeof f[k] === 'number');
    expect(numeric.sort()).toEqual([...FIELDS, 'runs', 'scalingExponent', 'scalingRulesExponent'].sort());
  }, 120_000); // about 20 s on an idle machine; the shared one can take twice that
});
