/**
 * Mediation as the computer players read it: a mediator vouches for the deals it brokers (the world's
 * `mediatorGuarantee`: a breach it sees costs the breaker its whole trust), so a party reads the other side's promise
 * with the trust it places in the mediator where that is higher; without the rule, only with its trust in the other
 * side. Every difficulty's players are the objective player, so each is checked.
 */
import { describe, expect, it } from 'vitest';
import { seatRng, strategyById } from '../../src/ai/index.ts';
import { readScenario } from '../../src/cli/files.ts';
import { pairIndex, playerView, startGame } from '../../src/engine/index.ts';
import type { GameState, World } from '../../src/engine/index.ts';
import { offer, proposing, submitAll, term } from '../engine/helpers.ts';

const hanoi = readScenario('hanoi-2019').world;

const setTrust = (world: World, s: GameState, from: string, to: string, v: number): void => {
  const ix = (id: string): number => world.actors.findIndex((a) => a.id === id);
  s.trust[pairIndex(world.actors.length, ix(from), ix(to))] = v;
};

/** The US's answer to the ROK's package (a US guarantee for a DPRK freeze) when the US and the DPRK cannot talk. */
function usAnswer(
  world: World,
  strategy: string,
  trustInMediator: number,
  seed: string,
): 'accept' | 'reject' {
  const s = startGame(world, 'vouch');
  setTrust(world, s, 'USA', 'DPRK', 5);
  setTrust(world, s, 'DPRK', 'USA', 5);
  setTrust(world, s, 'USA', 'ROK', trustInMediator);
  const package_ = offer(
    [term('USA', 'security-guarantee', 'DPRK'), term('DPRK', 'freeze-site')],
    'inspections',
    1,
  );
  const answering = submitAll(world, s, { ROK: proposing([package_]) });
  const o = answering.offers.find((x) => x.mediator === 'ROK')!;
  expect(o).toBeDefined();
  const input = strategyById(strategy).decide(
    { world, view: playerView(world, answering, 'USA'), rng: seatRng(seed, 'USA') },
    'responding',
  );
  if (input.phase !== 'responding') throw new Error('not a responding input');
  return input.answers.find((a) => a.offer === o.id)!.reply === 'accept' ? 'accept' : 'reject';
}

describe('a mediator vouches for the deals it brokers', () => {
  const without: World = {
    ...hanoi,
    rules: { ...hanoi.rules, mediatorGuarantee: false },
    hash: `${hanoi.hash}+no-guarantee`,
  };
  for (const strategy of ['objective', 'objective-easy']) {
    it(`${strategy}: the US signs a package from a mediator it trusts, which it refuses without the guarantee or with a mediator it distrusts`, () => {
      for (const seed of ['a', 'b', 'c']) {
        expect(usAnswer(hanoi, strategy, 95, seed), seed).toBe('accept');
        expect(usAnswer(without, strategy, 95, seed), seed).toBe('reject');
        expect(usAnswer(hanoi, strategy, 5, seed), seed).toBe('reject');
      }
    });
  }
});
