/**
 * Twin deals: an offer whose terms are exactly those of an agreement in force is not signed, even when every
 * party accepts it. Before, when China and Russia brokered the same package in the same round, both copies
 * were signed and the North "dismantled a launch site" twice for the same aid.
 */
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../src/cli/files.ts';
import { pairIndex, startGame } from '../../src/engine/index.ts';
import { logText } from '../../src/text/index.ts';
import type { GameState, World } from '../../src/engine/index.ts';
import { offer, proposing, responding, submitAll, term } from './helpers.ts';

const hanoi = readScenario('hanoi-2019').world;

const setTrust = (world: World, s: GameState, from: string, to: string, v: number): void => {
  const ix = (id: string): number => world.actors.findIndex((a) => a.id === id);
  s.trust[pairIndex(world.actors.length, ix(from), ix(to))] = v;
};

const bridge = offer([term('USA', 'security-guarantee', 'DPRK'), term('DPRK', 'freeze-site')]);

describe('twin deals', () => {
  it('two mediators brokering the same package make one agreement; the second copy is moot', () => {
    const s = startGame(hanoi, 'twins');
    setTrust(hanoi, s, 'USA', 'DPRK', 5);
    setTrust(hanoi, s, 'DPRK', 'USA', 5);
    for (const m of ['PRC', 'RUS'])
      for (const p of ['USA', 'DPRK']) {
        setTrust(hanoi, s, m, p, 60);
        setTrust(hanoi, s, p, m, 60);
      }
    const put = submitAll(hanoi, s, { PRC: proposing([bridge]), RUS: proposing([bridge]) });
    const copies = put.offers.filter((o) => o.mediator !== null);
    expect(copies.map((o) => o.mediator)).toEqual(['PRC', 'RUS']);
    const yes = responding(copies.map((o) => ({ offer: o.id, reply: 'accept' as const })));
    const after = submitAll(hanoi, put, { USA: yes, DPRK: yes });
    expect(after.agreements.map((g) => g.mediator)).toEqual(['PRC']);
    expect(after.offers.find((o) => o.id === copies[1]!.id)?.status).toBe('expired');
    const moot = after.log.find((e) => e.kind === 'moot');
    expect(moot).toMatchObject({ ref: copies[1]!.id, agreement: after.agreements[0]!.id });
    expect(moot?.to).toEqual(['RUS', 'USA', 'DPRK']);
    expect(logText(moot!, { world: hanoi, me: 'USA' })).toContain('already in force');
  });

  it('the same terms in another order are the same deal; different terms are not', () => {
    const s = startGame(hanoi, 'twins2');
    const swapped = offer([term('DPRK', 'freeze-site'), term('USA', 'security-guarantee', 'DPRK')]);
    const other = offer([term('USA', 'humanitarian-aid', 'DPRK'), term('DPRK', 'freeze-site')]);
    const put = submitAll(hanoi, s, { USA: proposing([bridge, swapped, other]) });
    const ids = put.offers.map((o) => o.id);
    const after = submitAll(hanoi, put, {
      DPRK: responding(ids.map((id) => ({ offer: id, reply: 'accept' as const }))),
    });
    expect(after.agreements).toHaveLength(2);
    expect(after.agreements.map((g) => g.terms[0]!.action)).toEqual([
      'security-guarantee',
      'humanitarian-aid',
    ]);
  });
});
