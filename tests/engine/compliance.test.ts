/**
 * Compliance and observation: what each party did, what the others saw of it (as well as the verification
 * allows), how deals complete or break on what was seen, and how trust follows the observations.
 */
import { describe, expect, test } from 'vitest';
import { VERIFICATIONS, dealReach, react, seedState } from '../../src/engine/index.ts';
import type {
  ActorId,
  Agreement,
  GameState,
  OfferDraft,
  Verification,
  World,
} from '../../src/engine/index.ts';
import {
  WORLD,
  actionDef,
  decide,
  offer,
  pairOf,
  resolveWith,
  roundStartsAt,
  signed,
  submitAll,
  term,
  varFx,
  varOf,
  withRules,
  hawk,
} from './helpers.ts';

/** Observation without error (every verification level reads the truth), or always wrong. */
const SEES_TRUTH = withRules(WORLD, { accuracy: { none: 1, partial: 1, inspections: 1 } });
const SEES_WRONG = withRules(WORLD, { accuracy: { none: 0, partial: 0, inspections: 0 } });

/** Sanctions relief for inspections: neither term moves tension or the stage, so what a break does shows alone. */
const RELIEF_FOR_INSPECTIONS = [term('ROK', 'lift-sanctions', 'DPRK'), term('DPRK', 'allow-inspections')];
const deal = (verification: Verification = 'inspections', steps = 1): OfferDraft =>
  offer(RELIEF_FOR_INSPECTIONS, verification, steps);
const agreement = (s: GameState, id: number): Agreement => s.agreements.find((g) => g.id === id)!;

describe('observation accuracy', () => {
  test.each(VERIFICATIONS.map((v) => [v]))(
    'with %s verification, the share of observations that differ from the truth matches 1 - rules.accuracy',
    (v) => {
      const { s, id } = signed(WORLD, deal(v), 'ROK', `obs-${v}`);
      const N = 300;
      let wrong = 0;
      let total = 0;
      for (let k = 0; k < N; k++) {
        const honour = { ROK: true, DPRK: k % 2 === 0 };
        const after = resolveWith(WORLD, { ...s, rng: seedState(`obs-${v}-${k}`) }, decide(id, honour));
        const rec = agreement(after, id).record[0]!;
        expect(rec.honoured).toEqual(honour);
        for (const [o, seen] of Object.entries(rec.observed))
          for (const [p, kept] of Object.entries(seen)) {
            expect(p).not.toBe(o);
            total++;
            if (kept !== rec.honoured[p]) wrong++;
          }
      }
      expect(total).toBe(2 * N);
      const p = 1 - WORLD.rules.accuracy[v];
      const rate = wrong / total;
      expect(Math.abs(rate - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / total) + 0.01);
      if (v === 'inspections') expect(rate).toBeLessThan(0.05);
      if (v === 'none') {
        expect(rate).toBeGreaterThan(0.15);
        expect(rate).toBeLessThan(0.35);
      }
    },
  );

  test('a party who gives no decision honours its step', () => {
    const { s, id } = signed(SEES_TRUTH, deal(), 'ROK', 'default');
    const rec = agreement(resolveWith(SEES_TRUTH, s), id).record[0]!;
    expect(rec.honoured).toEqual({ ROK: true, DPRK: true });
  });
});

describe('one-step deals', () => {
  test('both keep their word and both see it: the deal is completed and the promised actions happen', () => {
    const { s, id } = signed(SEES_TRUTH, deal(), 'ROK', 'one-step');
    const after = resolveWith(SEES_TRUTH, s);
    expect(agreement(after, id)).toMatchObject({ status: 'completed', done: 1, strikes: 0, ended: 1 });
    expect(pairOf(after, 'sanctions', 'ROK', 'DPRK')).toBe(pairOf(s, 'sanctions', 'ROK', 'DPRK') - 1);
    expect(varOf(after, 'DPRK', 'nuclear') - varOf(s, 'DPRK', 'nuclear')).toBeCloseTo(
      varFx(actionDef('allow-inspections'), 'self', 'nuclear'),
      9,
    );
  });

  test('a disputed step breaks a one-step deal: tension rises by tension-on-break, the stage falls, and the honest side’s step still happened', () => {
    const { s, id } = signed(SEES_TRUTH, deal(), 'ROK', 'one-step');
    const after = resolveWith(SEES_TRUTH, s, decide(id, { DPRK: false }));
    const g = agreement(after, id);
    expect(g.record[0]).toMatchObject({
      honoured: { ROK: true, DPRK: false },
      observed: { ROK: { DPRK: false }, DPRK: { ROK: true } },
      disputed: true,
    });
    expect(g).toMatchObject({ status: 'broken', done: 0, strikes: 1, ended: 1 });
    expect(after.tension - s.tension).toBeCloseTo(WORLD.rules.tensionOnBreak, 9);
    expect(after.stage).toBe(s.stage + WORLD.rules.stageOnBreak);
    expect(pairOf(after, 'sanctions', 'ROK', 'DPRK')).toBe(pairOf(s, 'sanctions', 'ROK', 'DPRK') - 1);
    expect(varOf(after, 'DPRK', 'nuclear')).toBe(varOf(s, 'DPRK', 'nuclear'));
    expect(after.log.some((e) => e.kind === 'broken' && e.ref === id && e.to === null)).toBe(true);
  });

  test('without verification honouring and reneging look alike: an honoured deal read wrongly breaks just the same', () => {
    const { s, id } = signed(SEES_WRONG, deal('none'), 'ROK', 'one-step');
    const g = agreement(resolveWith(SEES_WRONG, s, decide(id, { ROK: true, DPRK: true })), id);
    expect(g.record[0]!.honoured).toEqual({ ROK: true, DPRK: true });
    expect(g.record[0]!.observed).toEqual({ ROK: { DPRK: false }, DPRK: { ROK: false } });
    expect(g.status).toBe('broken');
  });

  test('each party’s compliance log entry goes only to the observer', () => {
    const { s, id } = signed(SEES_TRUTH, deal(), 'ROK', 'one-step');
    const after = resolveWith(SEES_TRUTH, s);
    const entries = after.log.flatMap((e) => (e.kind === 'compliance' && e.ref === id ? [e] : []));
    expect(entries.map((e) => [e.actor, e.to])).toEqual(
      expect.arrayContaining([
        ['DPRK', ['ROK']],
        ['ROK', ['DPRK']],
      ]),
    );
    expect(entries).toHaveLength(2);
  });
});

describe('phased deals', () => {
  /** Runs the commitment phase with these decisions, then on to the next round's commitment phase. */
  function round(
    world: World,
    s: GameState,
    id: number,
    honour: Partial<Record<ActorId, boolean>>,
  ): GameState {
    return submitAll(world, submitAll(world, submitAll(world, s, decide(id, honour))));
  }

  test(`a phased deal goes on under protest after one disputed step and breaks on phased-strikes (${WORLD.rules.phasedStrikes}) in a row`, () => {
    expect(WORLD.rules.phasedStrikes).toBe(2);
    const { s, id } = signed(SEES_TRUTH, deal('inspections', 4), 'ROK', 'phased');
    // A disputed step still happened for whoever kept it, so it counts as done: nobody pays for a step twice.
    const r2 = round(SEES_TRUTH, s, id, { DPRK: false });
    expect(agreement(r2, id)).toMatchObject({ status: 'active', done: 1, strikes: 1 });
    const r3 = round(SEES_TRUTH, r2, id, {});
    expect(agreement(r3, id)).toMatchObject({ status: 'active', done: 2, strikes: 0 });
    const r4 = round(SEES_TRUTH, r3, id, { DPRK: false });
    expect(agreement(r4, id)).toMatchObject({ status: 'active', done: 3, strikes: 1 });
    const r5 = submitAll(SEES_TRUTH, r4, decide(id, { DPRK: false }));
    expect(agreement(r5, id)).toMatchObject({ status: 'broken', done: 3, strikes: 2, ended: 4 });
    expect(agreement(r5, id).record.map((r) => [r.step, r.disputed])).toEqual([
      [1, true],
      [2, false],
      [3, true],
      [4, true],
    ]);
  });

  test('a phased deal pays its continuous effects in instalments and its discrete ones on the last step only', () => {
    const steps = 2;
    const { s, id } = signed(SEES_TRUTH, deal('inspections', steps), 'ROK', 'instalments');
    const lift = actionDef('lift-sanctions');
    const step1 = resolveWith(SEES_TRUTH, s);
    expect(agreement(step1, id)).toMatchObject({ status: 'active', done: 1 });
    expect(pairOf(step1, 'sanctions', 'ROK', 'DPRK')).toBe(pairOf(s, 'sanctions', 'ROK', 'DPRK'));
    expect(varOf(step1, 'ROK', 'support') - varOf(s, 'ROK', 'support')).toBeCloseTo(
      (varFx(lift, 'self', 'support') * hawk('ROK')) / steps,
      9,
    );
    const before2 = submitAll(SEES_TRUTH, submitAll(SEES_TRUTH, submitAll(SEES_TRUTH, s)));
    const step2 = resolveWith(SEES_TRUTH, before2);
    expect(agreement(step2, id)).toMatchObject({ status: 'completed', done: 2 });
    expect(pairOf(step2, 'sanctions', 'ROK', 'DPRK')).toBe(pairOf(before2, 'sanctions', 'ROK', 'DPRK') - 1);
  });
});

describe('completion', () => {
  test('a completed deal between rivals raises the stage and each party’s trust in the others', () => {
    const { s, id } = signed(SEES_TRUTH, deal(), 'ROK', 'complete');
    roundStartsAt(s, s.stage); // the Olympics already moved the stage in round 1; this round starts here
    expect(pairOf(s, 'rivalry', 'ROK', 'DPRK')).toBe(1);
    const after = resolveWith(SEES_TRUTH, s);
    expect(agreement(after, id).status).toBe('completed');
    expect(after.stage).toBe(s.stage + WORLD.rules.stageOnComplete);
    expect(pairOf(after, 'trust', 'ROK', 'DPRK') - pairOf(s, 'trust', 'ROK', 'DPRK')).toBeCloseTo(
      WORLD.rules.trustCompleted,
      9,
    );
    expect(pairOf(after, 'trust', 'DPRK', 'ROK') - pairOf(s, 'trust', 'DPRK', 'ROK')).toBeCloseTo(
      WORLD.rules.trustCompleted,
      9,
    );
  });

  test('a completed deal between allies (USA and ROK) leaves the stage alone but still builds trust', () => {
    const terms = [term('USA', 'intelligence-sharing', 'ROK'), term('ROK', 'intelligence-sharing', 'USA')];
    const { s, id } = signed(SEES_TRUTH, offer(terms), 'USA', 'allies');
    expect(pairOf(s, 'rivalry', 'USA', 'ROK')).toBe(0);
    const after = resolveWith(SEES_TRUTH, s);
    expect(agreement(after, id).status).toBe('completed');
    expect(after.stage).toBe(s.stage);
    expect(pairOf(after, 'trust', 'ROK', 'USA') - pairOf(s, 'trust', 'ROK', 'USA')).toBeCloseTo(
      Math.min(WORLD.rules.trustCompleted, 100 - pairOf(s, 'trust', 'ROK', 'USA')),
      9,
    );
  });

  describe('a deal of declarations and aid alone lifts the stage no higher than a summit can', () => {
    const summit = actionDef('summit').effects.find((e) => e.kind === 'stage');
    const cap = summit?.kind === 'stage' ? summit.atMost! : NaN;
    const SUMMIT_FOR_AID = [term('ROK', 'humanitarian-aid', 'DPRK'), term('DPRK', 'summit', 'ROK')];
    const RELIEF_FOR_REUNIONS = [
      term('ROK', 'lift-sanctions', 'DPRK'),
      term('DPRK', 'family-reunions', 'ROK'),
    ];
    /** The stage after the deal completes in a round that began at `from`. */
    function completedAt(terms: ReturnType<typeof term>[], from: number, label: string): GameState {
      const { s, id } = signed(SEES_TRUTH, offer(terms, 'inspections', 1), 'ROK', label);
      const at = { ...s, stage: from };
      roundStartsAt(at, from);
      const after = resolveWith(SEES_TRUTH, at);
      expect(agreement(after, id).status).toBe('completed');
      return after;
    }

    test('the summit’s own cap is where a summit-for-aid deal stops, and below it the deal still lifts', () => {
      expect(cap).toBe(2);
      expect(dealReach(WORLD, { terms: SUMMIT_FOR_AID })).toBe(cap);
      expect(completedAt(SUMMIT_FOR_AID, cap, 'at-cap').stage).toBe(cap);
      // Below the cap the summit itself lifts the stage one step and the deal would lift it again, but a
      // round moves it one step at most: from 1, both together end at 2.
      expect(completedAt(SUMMIT_FOR_AID, cap - 1, 'below-cap').stage).toBe(cap);
    });

    test('relief for family reunions, with no declaration, stops at the least cap; a step on a programme goes past it', () => {
      expect(dealReach(WORLD, { terms: RELIEF_FOR_REUNIONS })).toBe(cap);
      expect(completedAt(RELIEF_FOR_REUNIONS, cap, 'relief-reunions').stage).toBe(cap);
      expect(dealReach(WORLD, { terms: RELIEF_FOR_INSPECTIONS })).toBeUndefined();
      expect(completedAt(RELIEF_FOR_INSPECTIONS, cap, 'inspections').stage).toBe(cap + 1);
    });

    test('a security concession is a step too, and a world whose stage effects have no cap caps no deal', () => {
      const guarantee = [term('USA', 'security-guarantee', 'DPRK'), term('DPRK', 'summit', 'USA')];
      expect(dealReach(WORLD, { terms: guarantee })).toBeUndefined();
      // Security cooperation is no concession: sharing intelligence with a summit is still a declaration's deal.
      const sharing = [term('ROK', 'intelligence-sharing', 'DPRK'), term('DPRK', 'summit', 'ROK')];
      expect(dealReach(WORLD, { terms: sharing })).toBe(cap);
      const uncapped: World = {
        ...WORLD,
        actions: WORLD.actions.map((a) => ({
          ...a,
          effects: a.effects.map((e) => (e.kind === 'stage' ? { kind: 'stage', delta: e.delta } : e)),
        })),
      };
      expect(dealReach(uncapped, { terms: SUMMIT_FOR_AID })).toBeUndefined();
    });

    test('where the scenario sets a security reach, security concessions lift no higher than it; a programme step still does', () => {
      const reach = cap + 1;
      const WORLD_REACH: World = { ...WORLD, securityReach: reach };
      const guarantee = [term('USA', 'security-guarantee', 'DPRK'), term('DPRK', 'summit', 'USA')];
      expect(dealReach(WORLD_REACH, { terms: guarantee })).toBe(reach);
      // A reach below a declaration's own cap does not pull the deal under what its declaration reaches.
      expect(dealReach({ ...WORLD, securityReach: 0 }, { terms: guarantee })).toBe(cap);
      expect(dealReach(WORLD_REACH, { terms: RELIEF_FOR_INSPECTIONS })).toBeUndefined();
      const both = [...guarantee, term('DPRK', 'allow-inspections')];
      expect(dealReach(WORLD_REACH, { terms: both })).toBeUndefined();
    });
  });

  test('the stage never rises past the last stage', () => {
    const { s } = signed(SEES_TRUTH, deal(), 'ROK', 'top');
    const top = { ...s, stage: WORLD.stages.length - 1 };
    roundStartsAt(top, top.stage);
    expect(resolveWith(SEES_TRUTH, top).stage).toBe(WORLD.stages.length - 1);
  });
});

describe('trust follows what was observed', () => {
  test.each([
    {
      name: 'both seen keeping a step of a two-step deal: each gains trust-kept / steps in the other',
      honour: { DPRK: true },
      steps: 2,
      rok: +1,
      dprk: +1,
    },
    {
      name: 'the DPRK seen breaking: the ROK loses trust-broken / steps in it; the DPRK, seeing the ROK keep, gains trust-kept / steps',
      honour: { DPRK: false },
      steps: 2,
      rok: -1,
      dprk: +1,
    },
    {
      name: 'a four-step deal moves trust a quarter as much per step',
      honour: { DPRK: false },
      steps: 4,
      rok: -1,
      dprk: +1,
    },
  ])('$name', ({ honour, steps, rok, dprk }) => {
    const { s, id } = signed(SEES_TRUTH, deal('inspections', steps), 'ROK', 'trust');
    const resolved = resolveWith(SEES_TRUTH, s, decide(id, honour));
    const reacted = react(SEES_TRUTH, resolved);
    const r = SEES_TRUTH.rules;
    const move = (sign: number): number => (sign > 0 ? r.trustKept : -r.trustBroken) / steps;
    expect(pairOf(reacted, 'trust', 'ROK', 'DPRK') - pairOf(resolved, 'trust', 'ROK', 'DPRK')).toBeCloseTo(
      move(rok),
      9,
    );
    expect(pairOf(reacted, 'trust', 'DPRK', 'ROK') - pairOf(resolved, 'trust', 'DPRK', 'ROK')).toBeCloseTo(
      move(dprk),
      9,
    );
    expect(pairOf(reacted, 'trust', 'USA', 'DPRK')).toBe(pairOf(resolved, 'trust', 'USA', 'DPRK'));
  });

  test('trust follows the observation, not the truth: an honoured step read as broken costs trust-broken', () => {
    const { s, id } = signed(SEES_WRONG, deal('none', 2), 'ROK', 'trust');
    const resolved = resolveWith(SEES_WRONG, s, decide(id, { ROK: true, DPRK: true }));
    const reacted = react(SEES_WRONG, resolved);
    expect(pairOf(reacted, 'trust', 'ROK', 'DPRK') - pairOf(resolved, 'trust', 'ROK', 'DPRK')).toBeCloseTo(
      -WORLD.rules.trustBroken / 2,
      9,
    );
  });

  test('a mediator watches the parties too, and its trust in each follows what it saw', () => {
    const PACKAGE = offer(
      [term('USA', 'security-guarantee', 'DPRK'), term('DPRK', 'freeze-site')],
      'inspections',
      2,
    );
    const { s, id } = signed(SEES_TRUTH, PACKAGE, 'ROK', 'mediator');
    const resolved = resolveWith(SEES_TRUTH, s, decide(id, { USA: true, DPRK: false }));
    expect(Object.keys(agreement(resolved, id).record[0]!.observed).sort()).toEqual(['DPRK', 'ROK', 'USA']);
    const reacted = react(SEES_TRUTH, resolved);
    const r = WORLD.rules;
    expect(pairOf(reacted, 'trust', 'ROK', 'USA') - pairOf(resolved, 'trust', 'ROK', 'USA')).toBeCloseTo(
      Math.min(r.trustKept / 2, 100 - pairOf(resolved, 'trust', 'ROK', 'USA')),
      9,
    );
    expect(pairOf(reacted, 'trust', 'ROK', 'DPRK') - pairOf(resolved, 'trust', 'ROK', 'DPRK')).toBeCloseTo(
      -r.trustBroken / 2,
      9,
    );
  });
});
