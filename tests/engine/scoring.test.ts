/**
 * Scores (each government's weighted objectives, on 0..100) and the named outcome of the world
 * (the first whose thresholds hold, or the on-clash one after a clash).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { metricValue, outcomeOf, score, scores, startGame } from '../../src/engine/index.ts';
import type { ActorId, GameState } from '../../src/engine/index.ts';
import { ACTOR_VARS } from '../../src/engine/types.ts';
import { WORLD, copy, ix, play, withRules } from './helpers.ts';

const START = startGame(WORLD, 'scoring');

const def = (id: ActorId) => WORLD.actors[ix(id)]!;
const totalWeight = (id: ActorId): number => def(id).objectives.reduce((w, o) => w + o.weight, 0);

describe('scores', () => {
  test('the DPRK’s score at the start is the weighted mean of its own variables, read from the scenario', () => {
    const s = copy(START);
    const dprk = def('DPRK');
    let sum = 0;
    for (const o of dprk.objectives) {
      expect(o.want).toBe('high');
      expect((ACTOR_VARS as readonly string[]).includes(o.metric) && o.of === undefined).toBe(true);
      sum += o.weight * s.actors[ix('DPRK')]![o.metric as (typeof ACTOR_VARS)[number]];
    }
    expect(score(WORLD, s, 'DPRK')).toBeCloseTo(sum / totalWeight('DPRK'), 9);
  });

  test('a heavier objective moves the score more: +9 DPRK security (weight 3) counts three times +9 influence (weight 1)', () => {
    const weight = (m: string): number => def('DPRK').objectives.find((o) => o.metric === m)!.weight;
    expect(weight('security')).toBe(3 * weight('influence'));
    const up = (v: 'security' | 'influence'): number => {
      const s = copy(START);
      s.actors[ix('DPRK')]![v] = 50;
      const b = score(WORLD, s, 'DPRK');
      s.actors[ix('DPRK')]![v] = 59;
      return score(WORLD, s, 'DPRK') - b;
    };
    expect(up('security')).toBeCloseTo((9 * weight('security')) / totalWeight('DPRK'), 9);
    expect(up('influence')).toBeCloseTo((9 * weight('influence')) / totalWeight('DPRK'), 9);
  });

  test('an objective wanted low scores its complement: lower tension raises the ROK’s score', () => {
    const w = def('ROK').objectives.find((o) => o.metric === 'tension')!;
    expect(w.want).toBe('low');
    const s = copy(START);
    s.tension = 60;
    const b = score(WORLD, s, 'ROK');
    s.tension = 50;
    expect(score(WORLD, s, 'ROK') - b).toBeCloseTo((10 * w.weight) / totalWeight('ROK'), 9);
  });

  test('every objective met gives 100 and none gives 0 (the USA: a disarmed DPRK, a strong United States)', () => {
    const best = copy(START);
    const worst = copy(START);
    Object.assign(best.actors[ix('DPRK')]!, { nuclear: 0, missile: 0 });
    Object.assign(best.actors[ix('USA')]!, { security: 100, influence: 100, support: 100 });
    Object.assign(worst.actors[ix('DPRK')]!, { nuclear: 100, missile: 100 });
    Object.assign(worst.actors[ix('USA')]!, { security: 0, influence: 0, support: 0 });
    expect(score(WORLD, best, 'USA')).toBeCloseTo(100, 9);
    expect(score(WORLD, worst, 'USA')).toBeCloseTo(0, 9);
  });

  test('scores stay within 0..100 for any state of the variables (property)', () => {
    const n = WORLD.actors.length;
    const level = fc.double({ min: 0, max: 100, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.array(level, { minLength: ACTOR_VARS.length, maxLength: ACTOR_VARS.length }), {
          minLength: n,
          maxLength: n,
        }),
        fc.array(level, { minLength: n * n, maxLength: n * n }),
        level,
        fc.integer({ min: 0, max: WORLD.stages.length - 1 }),
        (vars, trust, tension, stage) => {
          const s: GameState = { ...copy(START), trust, tension, stage };
          s.actors = s.actors.map((a, i) => ({
            ...a,
            ...Object.fromEntries(ACTOR_VARS.map((v, k) => [v, vars[i]![k]!])),
          }));
          for (const x of Object.values(scores(WORLD, s))) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(100);
          }
        },
      ),
      { seed: 20180427, numRuns: 100 },
    );
  });

  test('the stage metric is the stage as a share of the last stage', () => {
    const s = copy(START);
    s.stage = 3;
    expect(metricValue(WORLD, s, 'stage')).toBeCloseTo((100 * 3) / (WORLD.stages.length - 1), 9);
  });
});

describe('outcomes', () => {
  const at = (stage: number, tension: number, nuclear: number): GameState => {
    const s = copy(START);
    s.stage = stage;
    s.tension = tension;
    s.actors[ix('DPRK')]!.nuclear = nuclear;
    return s;
  };
  const ROWS = [
    {
      name: 'a peace regime: the last stage, low tension, a smaller programme',
      stage: 4,
      tension: 20,
      nuclear: 50,
      clash: false,
      outcome: 'peace-regime',
    },
    {
      name: 'the thresholds are inclusive: stage 3 of 4 (75), tension 30, nuclear 60',
      stage: 3,
      tension: 30,
      nuclear: 60,
      clash: false,
      outcome: 'peace-regime',
    },
    {
      name: 'peace-regime conditions but the programme too large: the next match, managed détente',
      stage: 4,
      tension: 20,
      nuclear: 70,
      clash: false,
      outcome: 'managed-detente',
    },
    {
      name: 'talks (stage 2 of 4 = 50) and contained tension: managed détente',
      stage: 2,
      tension: 45,
      nuclear: 90,
      clash: false,
      outcome: 'managed-detente',
    },
    {
      name: 'a grown programme and stalled talks: nuclear standoff, listed before arms race',
      stage: 0,
      tension: 70,
      nuclear: 90,
      clash: false,
      outcome: 'nuclear-standoff',
    },
    {
      name: 'high tension without a grown programme: arms race',
      stage: 0,
      tension: 70,
      nuclear: 70,
      clash: false,
      outcome: 'arms-race',
    },
    {
      name: 'nothing else holds: the fallback, frozen conflict',
      stage: 1,
      tension: 40,
      nuclear: 70,
      clash: false,
      outcome: 'frozen-conflict',
    },
    {
      name: 'after a clash, the on-clash outcome whatever else holds',
      stage: 4,
      tension: 20,
      nuclear: 50,
      clash: true,
      outcome: 'military-clash',
    },
  ];
  test.each(ROWS)('$name', ({ stage, tension, nuclear, clash, outcome }) => {
    expect(outcomeOf(WORLD, at(stage, tension, nuclear), clash)).toBe(outcome);
  });

  test('the on-clash outcome is never chosen without a clash, though it has no conditions', () => {
    const clash = WORLD.outcomes.find((o) => o.onClash)!;
    expect(clash.when).toEqual([]);
    for (const row of ROWS.filter((x) => !x.clash))
      expect(outcomeOf(WORLD, at(row.stage, row.tension, row.nuclear), false)).not.toBe(clash.id);
  });

  test('a game that runs its course ends after the last round with the outcome its final state matches', () => {
    const calm = withRules(WORLD, { clashChance: 0 });
    const { final } = play(calm, 'scoring', 'random');
    expect(final.end).toEqual({
      outcome: outcomeOf(calm, final, false),
      reason: 'rounds',
      round: WORLD.rounds,
    });
    expect(final.phase).toBe('over');
    expect(final.history).toHaveLength(WORLD.rounds);
    expect(final.log.at(-1)).toMatchObject({ kind: 'end', round: WORLD.rounds });
  });
});
