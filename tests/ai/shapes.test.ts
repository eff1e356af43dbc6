/**
 * Deal shapes: governments propose one-step and phased deals, all-or-nothing demands and incremental steps,
 * single swaps and larger packages, and which they propose follows the leader's stance and the scenario's aims,
 * under every strategy (a hawkish government is hawkish at any difficulty).
 */
import { describe, expect, it } from 'vitest';
import { computerChooser, strategyById } from '../../src/ai/index.ts';
import { dealShape } from '../../src/ai/shapes.ts';
import type { ShapeFacts } from '../../src/ai/shapes.ts';
import { readScenario } from '../../src/cli/files.ts';
import { runGame, startGame } from '../../src/engine/index.ts';
import type { OfferDraft, PhaseInput, World } from '../../src/engine/index.ts';

const facts = (f: Partial<ShapeFacts>): ShapeFacts => ({
  stance: 50,
  trust: 40,
  asksProgramme: false,
  wantsProgrammeDown: false,
  draw: 0.5,
  ...f,
});

describe('the shape rule', () => {
  it('a hawk proposes small verified steps, or demands a programme all at once from a partner it distrusts', () => {
    const steps = dealShape(facts({ stance: 20 }));
    expect(steps).toMatchObject({
      kind: 'step-by-step',
      gives: 1,
      wants: 1,
      steps: 4,
      verification: 'inspections',
    });
    const demand = dealShape(
      facts({ stance: 20, trust: 10, asksProgramme: true, wantsProgrammeDown: true, draw: 0.1 }),
    );
    expect(demand).toMatchObject({
      kind: 'all-or-nothing',
      gives: 1,
      wants: 2,
      steps: 1,
      verification: 'inspections',
    });
    // The same hawk asking for a programme its aims do not target, or of a partner it trusts, goes step by step.
    expect(dealShape(facts({ stance: 20, trust: 10, asksProgramme: true, draw: 0.1 })).kind).toBe(
      'step-by-step',
    );
    expect(
      dealShape(facts({ stance: 20, trust: 70, asksProgramme: true, wantsProgrammeDown: true, draw: 0.1 }))
        .kind,
    ).toBe('step-by-step');
  });

  it('the more hawkish the leader, the likelier the demand', () => {
    const share = (stance: number): number => {
      let n = 0;
      for (let k = 0; k < 100; k++)
        if (
          dealShape(
            facts({ stance, trust: 10, asksProgramme: true, wantsProgrammeDown: true, draw: k / 100 }),
          ).kind === 'all-or-nothing'
        )
          n++;
      return n / 100;
    };
    expect(share(5)).toBeGreaterThan(share(35));
    expect(share(35)).toBeGreaterThan(0);
    expect(share(50)).toBe(0); // not a hawk: programmes are paid for in phases
  });

  it('a dove offers a larger package, more often the more dovish', () => {
    const pkg = dealShape(facts({ stance: 85, draw: 0.2 }));
    expect(pkg).toMatchObject({ kind: 'package', gives: 2, wants: 1, steps: 2, verification: 'partial' });
    expect(dealShape(facts({ stance: 65, draw: 0.6 })).kind).not.toBe('package');
    expect(dealShape(facts({ stance: 95, draw: 0.6 })).kind).toBe('package');
  });

  it('others swap one for one: at once with a trusted partner, a programme in inspected phases', () => {
    expect(dealShape(facts({ trust: 70 }))).toMatchObject({ kind: 'swap', steps: 1 });
    expect(dealShape(facts({ trust: 40 }))).toMatchObject({
      kind: 'swap',
      steps: 2,
      verification: 'partial',
    });
    expect(dealShape(facts({ trust: 70, asksProgramme: true }))).toMatchObject({
      kind: 'phased',
      steps: 3,
      verification: 'inspections',
    });
  });
});

type Band = 'hawk' | 'dove' | 'middle';
interface Seen {
  band: Band;
  offer: OfferDraft;
  gives: number;
  asks: number;
}

/** Every bilateral offer a proposer makes as a party, with its leader's stance band when it made it. */
function bilateralOffers(world: World, strategy: string, seeds: string[]): Seen[] {
  const out: Seen[] = [];
  for (const seed of seeds) {
    const seats = Object.fromEntries(world.actors.map((a) => [a.id, strategyById(strategy)]));
    const choose = computerChooser(world, seed, seats);
    runGame(world, startGame(world, seed), (s, actor, phase): PhaseInput => {
      const input = choose(s, actor, phase);
      if (input.phase !== 'proposing') return input;
      const stance = s.actors[world.actors.findIndex((a) => a.id === actor)]!.leader.stance;
      const band: Band = stance < 40 ? 'hawk' : stance > 60 ? 'dove' : 'middle';
      for (const o of input.offers) {
        const parties = new Set(o.terms.map((t) => t.by));
        if (parties.size !== 2 || !parties.has(actor)) continue; // mediation and three-way packages
        const gives = o.terms.filter((t) => t.by === actor).length;
        out.push({ band, offer: o, gives, asks: o.terms.length - gives });
      }
      return input;
    });
  }
  return out;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

describe('in play, under every strategy, the shape follows the government', () => {
  const SCENARIOS = ['six-party-talks', 'panmunjom-2018', 'missile-crisis-2017', 'present-day'];
  it.each([
    ['tit-for-tat', ['a', 'b']],
    ['generous-tit-for-tat', ['a', 'b']],
    ['grim-trigger', ['a']],
    ['objective', ['a', 'b']],
  ] as const)('%s', (strategy, seeds) => {
    const seen = SCENARIOS.flatMap((id) => bilateralOffers(readScenario(id).world, strategy, [...seeds]));
    const of = (band: Band): Seen[] => seen.filter((x) => x.band === band);
    // Hawks: every deal verified by inspection, either in small steps or all at once.
    expect(of('hawk').length).toBeGreaterThan(0);
    for (const x of of('hawk')) {
      expect(x.offer.verification).toBe('inspections');
      expect(x.gives).toBe(1);
      if (x.offer.steps === 1) expect(x.asks).toBeGreaterThanOrEqual(1);
      else expect([x.offer.steps, x.asks]).toEqual([4, 1]);
    }
    // Doves bundle: packages of two gives occur, and only doves offer them.
    {
      expect(of('dove').some((x) => x.gives === 2)).toBe(true);
      expect(seen.filter((x) => x.gives === 2).every((x) => x.band === 'dove')).toBe(true);
    }
    // Both one-step and phased deals occur, and hawks phase their deals further than the middle does.
    expect(seen.some((x) => x.offer.steps === 1)).toBe(true);
    expect(seen.some((x) => x.offer.steps > 1)).toBe(true);
    if (of('middle').length)
      expect(mean(of('hawk').map((x) => x.offer.steps))).toBeGreaterThan(
        mean(of('middle').map((x) => x.offer.steps)),
      );
  });

  // In the shipped scenarios a hawk rarely talks to a partner whose programme it wants cut (the trust is not
  // there), so the demand is shown on a varied world: the Panmunjom thaw with a hawk in the White House who
  // trusts the North enough to talk (40 both ways).
  it.each(['tit-for-tat', 'generous-tit-for-tat'])(
    '%s: a hawk demands a programme all or nothing: two asks for one give, in one inspected step',
    (strategy) => {
      const base = readScenario('panmunjom-2018').world;
      const { USA } = base.initial.actors;
      const world: World = {
        ...base,
        initial: {
          ...base.initial,
          actors: {
            ...base.initial.actors,
            USA: { ...USA!, leader: { ...USA!.leader, stance: 15 } },
          },
          trust: {
            ...base.initial.trust,
            USA: { ...base.initial.trust.USA, DPRK: 40 },
            DPRK: { ...base.initial.trust.DPRK, USA: 40 },
          },
        },
      };
      const seen = bilateralOffers(world, strategy, ['a', 'b', 'c', 'd']);
      const demands = seen.filter((x) => x.offer.steps === 1 && x.asks === 2 && x.gives === 1);
      expect(demands.length).toBeGreaterThan(0);
      expect(demands.every((x) => x.band === 'hawk' && x.offer.verification === 'inspections')).toBe(true);
    },
  );
});
