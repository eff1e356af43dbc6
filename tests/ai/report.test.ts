/** The playtest report of `qpq simulate`: what the Tally adds up beyond outcome counts, and what it warns of. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Tally } from '../../src/ai/simulate.ts';
import type { GameResult } from '../../src/ai/simulate.ts';
import { ROOT, defaultCatalogue } from '../../src/cli/files.ts';
import { loadScenario } from '../../src/scenario/index.ts';

const world = loadScenario(
  'minimal.yaml',
  readFileSync(join(ROOT, 'tests', 'fixtures', 'minimal.yaml'), 'utf8'),
  defaultCatalogue(),
).world;
const n = world.actors.length;

const game = (outcome: string, stage: number, fired: number[], security: number): GameResult => ({
  outcome,
  scores: world.actors.map(() => 50),
  rounds: 4,
  clash: false,
  signed: 0,
  completed: 0,
  broken: 0,
  tension: 40,
  stage,
  highestStage: stage,
  stageMoves: 0,
  largestStep: 0,
  vars: world.actors.flatMap(() => [security, 50, 50, 50, 0, 0]),
  trust: Array.from({ length: n * n }, (_, k) => k),
  fired,
});

describe('playtest report', () => {
  it('averages the numbers at the end, counts events and final stages, and warns of a dominant outcome', () => {
    const tally = new Tally(world);
    for (let i = 0; i < 9; i++) tally.add(game('detente', 1, [1, 0], 60));
    tally.add(game('frozen-conflict', 0, [1, 0], 40));
    const r = tally.summary({ games: 10, seed: 's' });
    expect(r.finalMeans.actors.DPRK!.security).toBe(58);
    expect(r.finalMeans.trust.DPRK!.ROK).toBe(1);
    expect(r.finalMeans.trust.ROK!.DPRK).toBe(n);
    expect(r.events).toEqual({ olympics: { games: 10, perGame: 1 }, harvest: { games: 0, perGame: 0 } });
    expect(r.stages.final).toEqual({ Standoff: 1, Talks: 9 });
    expect(r.warnings).toEqual([
      'outcome "military-clash" was never reached in 10 games.',
      expect.stringMatching(/^outcome "detente" ends 90 % of games \(above the 70 % goal\)/),
      'event "harvest" never fired in 10 games.',
    ]);
    // The same miss, as data: the fixture names no historical outcome, so two goals are checked.
    expect(r.calibration.historical).toBeNull();
    expect(r.calibration.checks.map((c) => [c.goal, c.outcome, c.share, c.met])).toEqual([
      ['dominant', 'detente', 0.9, false],
      ['clash', null, 0, true],
    ]);
    expect(r.calibration.met).toBe(false);
  });
});
