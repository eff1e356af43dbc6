/**
 * Offers a government would make: every term is something its receiver could value, and what a partner turned
 * down is not put to it again, unchanged, in the next two rounds. Checked on the offers computer players make
 * in seeded games of the shipped scenarios.
 */
import { describe, expect, it } from 'vitest';
import { computerChooser, strategyById } from '../../src/ai/index.ts';
import { termsKey } from '../../src/ai/moves.ts';
import { addFlows, decisionValue, outlook } from '../../src/ai/need.ts';
import { readScenario } from '../../src/cli/files.ts';
import { applyAction, findAction, indexOf, runGame, startGame, whatIfCopy } from '../../src/engine/index.ts';
import type { GameState, Offer, OfferDraft, PhaseInput, Term, World } from '../../src/engine/index.ts';

const SCENARIOS = ['present-day', 'panmunjom-2018', 'six-party-talks'];
/**
 * Every strategy that plays a government and proposes, but the random baseline. Left out: the planner, which
 * proposes the objective player's offer or nothing (its only alternative), at 45 s a game set.
 */
const GOVERNMENTS = [
  'tit-for-tat',
  'tit-for-tat-in-kind',
  'generous-tit-for-tat',
  'grim-trigger',
  'pavlov',
  'dove',
  'hawk',
  'objective',
];

/**
 * The receiver's change of score if the term were carried out now, valued as the objective player values it
 * (its defaults: need 2, a four-round horizon). A valuation reads only public numbers, so on the true state it is
 * what every government's belief gives.
 */
function worthTo(world: World, live: GameState, receiver: string, t: Term): number {
  // A copy made now: the game mutates its state in place, and a state's objective baselines are read once.
  const s = whatIfCopy(live);
  const look = outlook(world, s, 4);
  const c = whatIfCopy(s);
  applyAction(
    world,
    c,
    findAction(world, t.action)!,
    indexOf(world, t.by),
    t.target === undefined ? -1 : indexOf(world, t.target),
    1,
    true,
  );
  addFlows(world, c, look);
  return decisionValue(world, s, c, receiver, look, 2).value;
}

/** Plays games with every seat on `strategy`, and hands each proposal to `see` with the state it was made in. */
function eachProposal(
  world: World,
  strategy: string,
  seeds: string[],
  see: (s: GameState, from: string, offer: OfferDraft) => void,
): GameState[] {
  return seeds.map((seed) => {
    const seats = Object.fromEntries(world.actors.map((a) => [a.id, strategyById(strategy)]));
    const choose = computerChooser(world, seed, seats);
    return runGame(world, startGame(world, seed), (s, actor, phase): PhaseInput => {
      const input = choose(s, actor, phase);
      if (input.phase === 'proposing') for (const o of input.offers) see(s, actor, o);
      return input;
    });
  });
}

describe('every term is something its receiver could value', () => {
  it.each(SCENARIOS)('%s: the normal difficulty offers nothing the receiver would lose by', (id) => {
    const { world } = readScenario(id);
    let checked = 0;
    eachProposal(world, 'objective', ['a', 'b', 'c'], (s, from, o) => {
      checked += checkTerms(world, s, from, o);
    });
    expect(checked).toBeGreaterThan(0);
  });

  // Every other strategy but the random baseline (whose point is any legal move) offers only what the
  // receiver values and asks only for what the proposer values, whatever its disposition.
  it.each(GOVERNMENTS)(
    '%s offers nothing the receiver would lose by, and asks for nothing it does not value',
    (strategy) => {
      let checked = 0;
      for (const id of SCENARIOS) {
        const { world } = readScenario(id);
        eachProposal(world, strategy, ['a', 'b'], (s, from, o) => {
          checked += checkTerms(world, s, from, o);
        });
      }
      expect(checked).toBeGreaterThan(0);
    },
  );
});

/** Asserts each term of a bilateral offer is worth something to whoever receives it; the number checked. */
function checkTerms(world: World, s: GameState, from: string, o: OfferDraft): number {
  const parties = [...new Set(o.terms.map((t) => t.by))];
  if (parties.length !== 2 || !parties.includes(from)) return 0; // three-way packages and mediation
  const other = parties.find((x) => x !== from)!;
  for (const t of o.terms) {
    const receiver = t.by === from ? other : from;
    const v = worthTo(world, s, receiver, t);
    expect(
      v,
      `${from} offers ${other} ${t.by}: ${t.action} → ${t.target ?? '-'} (worth ${v} to ${receiver})`,
    ).toBeGreaterThan(0);
  }
  return o.terms.length;
}

describe('no offer a government would never make', () => {
  it('present day: North Korea ships munitions only to Russia, and the loudspeakers face across the DMZ', () => {
    const { world } = readScenario('present-day');
    expect(findAction(world, 'ship-munitions')!.targets).toEqual(['RUS']);
    expect(findAction(world, 'halt-broadcasts')!.targets).toEqual(['DPRK', 'ROK']);
    for (const strategy of ['objective', 'tit-for-tat', 'reciprocal'])
      eachProposal(world, strategy, ['a', 'b'], (_s, from, o) => {
        for (const t of o.terms) {
          if (t.action === 'ship-munitions') expect(t.target, `${from}: ${t.action}`).toBe('RUS');
          if (t.action === 'halt-broadcasts')
            expect([t.by, t.target].sort(), `${from}: ${t.action}`).toEqual(['DPRK', 'ROK']);
        }
      });
  });
});

describe('a refused offer is not put again unchanged', () => {
  it.each([...GOVERNMENTS, 'reciprocal', 'random'])(
    '%s: no government puts terms a partner turned down back to it within two rounds',
    (strategy) => {
      for (const id of SCENARIOS) {
        const { world } = readScenario(id);
        const ends = eachProposal(world, strategy, ['a', 'b'], () => {});
        for (const end of ends) {
          const turnedDown = (o: Offer): boolean => o.status === 'rejected' || o.status === 'expired';
          for (const o of end.offers.filter(turnedDown)) {
            const again = end.offers.filter(
              (x) =>
                x.from === o.from &&
                x.round > o.round &&
                x.round <= o.round + 2 &&
                termsKey(x.terms) === termsKey(o.terms),
            );
            expect(
              again.map((x) => x.round),
              `${id}: ${o.from} again puts offer #${o.id}`,
            ).toEqual([]);
          }
        }
      }
    },
  );
});

describe('the hawk makes demands', () => {
  it.each(SCENARIOS)(
    '%s: of those it will not cooperate with, all or nothing, inspected, asking more than it gives',
    (id) => {
      const { world } = readScenario(id);
      let demands = 0;
      eachProposal(world, 'hawk', ['a', 'b'], (_s, from, o) => {
        demands++;
        expect(o.steps, `${from}: one step`).toBe(1);
        expect(o.verification).toBe('inspections');
        const gives = o.terms.filter((t) => t.by === from).length;
        expect(gives, `${from} gives one term`).toBe(1);
        expect(o.terms.length - gives, `${from} asks for more than it gives`).toBeGreaterThanOrEqual(1);
      });
      expect(demands).toBeGreaterThan(0);
    },
  );

  it('keeps the deals it demanded: a hawkish United States among normal governments at the Six-Party Talks', () => {
    const { world } = readScenario('six-party-talks');
    let kept = 0;
    for (const seed of ['a', 'b']) {
      const seats = Object.fromEntries(
        world.actors.map((a) => [a.id, strategyById(a.id === 'USA' ? 'hawk' : 'objective')]),
      );
      const end = runGame(world, startGame(world, seed), computerChooser(world, seed, seats));
      for (const g of end.agreements) {
        if (end.offers.find((o) => o.id === g.offer)?.from !== 'USA') continue;
        // What it did (the record), not what others saw: an inspected step can still be misread.
        const steps = g.record.map((r) => r.honoured.USA);
        expect(
          steps.every((h) => h === true),
          `deal #${g.id}: ${JSON.stringify(steps)}`,
        ).toBe(true);
        kept += steps.length;
      }
    }
    expect(kept).toBeGreaterThan(0);
  });
});
