/** The calibration goals a playtest is held to (`qpq simulate`'s report, src/ai/calibration.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GOALS, calibrationOf, checkText, missText } from '../../src/ai/calibration.ts';

const world = {
  outcomes: [{ id: 'war' }, { id: 'talks' }, { id: 'standoff' }, { id: 'drift' }],
  historical: 'standoff',
} as unknown as Parameters<typeof calibrationOf>[0];

describe('calibrationOf', () => {
  it('checks the most frequent outcome, the historical one and clashes, each at its limit', () => {
    const c = calibrationOf(world, { war: 20, talks: 70, standoff: 15, drift: 0 }, 100, 20);
    expect(c.checks.map((k) => [k.goal, k.outcome, k.share, k.limit, k.met])).toEqual([
      ['dominant', 'talks', 0.7, 0.7, true],
      ['historical', 'standoff', 0.15, 0.15, true],
      ['clash', null, 0.2, 0.2, true],
    ]);
    expect(c.met).toBe(true);
    expect(c.historical).toBe('standoff');
  });

  it('misses each goal one game past its limit', () => {
    const c = calibrationOf(world, { war: 21, talks: 71, standoff: 14 }, 100, 21);
    expect(c.checks.map((k) => k.met)).toEqual([false, false, false]);
    expect(c.met).toBe(false);
    expect(c.checks.map(missText)).toEqual([
      expect.stringMatching(/^outcome "talks" ends 71 % of games \(above the 70 % goal\)/),
      expect.stringMatching(/^the historical outcome "standoff" ends 14 % of games \(under the 15 % goal\)/),
      expect.stringMatching(/^a military clash ends 21 % of games \(above the 20 % goal\)/),
    ]);
  });

  it('gives a tie for the most frequent outcome to the one the scenario lists first', () => {
    const c = calibrationOf(world, { talks: 40, standoff: 40, war: 20 }, 100, 0);
    expect(c.checks[0]!.outcome).toBe('talks');
  });

  it('checks only the dominant outcome and clashes when the scenario names no historical outcome', () => {
    const c = calibrationOf({ ...world, historical: undefined }, { drift: 10 }, 10, 0);
    expect(c.historical).toBeNull();
    expect(c.checks.map((k) => k.goal)).toEqual(['dominant', 'clash']);
    expect(checkText(c.checks[0]!)).toBe('no outcome above 70 %: the most frequent, "drift", ends 100.0 %');
  });

  it('gives two standard errors of a share at the limit as the margin, narrowing with the batch', () => {
    const small = calibrationOf(world, { talks: 40 }, 40, 0);
    const large = calibrationOf(world, { talks: 2000 }, 2000, 0);
    expect(small.checks[0]!.margin).toBeCloseTo(2 * Math.sqrt((0.7 * 0.3) / 40), 12);
    expect(large.checks[0]!.margin).toBeLessThan(small.checks[0]!.margin / 7);
  });

  it('agrees with the goals as stated, for any batch', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { minLength: 4, maxLength: 4 }), fc.nat(50), (counts, clashes) => {
        const games = counts.reduce((a, b) => a + b, 0);
        fc.pre(games > 0 && clashes <= games);
        const outcomes = Object.fromEntries(world.outcomes.map((o, k) => [o.id, counts[k]!]));
        const c = calibrationOf(world, outcomes, games, clashes);
        const top = Math.max(...counts) / games;
        expect(c.checks[0]!.share).toBe(top);
        expect(c.met).toBe(
          top <= GOALS.dominant && counts[2]! / games >= GOALS.historical && clashes / games <= GOALS.clash,
        );
      }),
    );
  });
});
