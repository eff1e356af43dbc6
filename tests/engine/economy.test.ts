/**
 * Where an economy is heading with no new moves: its level at rest under the sanctions and lifelines of the
 * moment, which the board's table shows beside an economy far from it.
 */
import { describe, expect, it } from 'vitest';
import { economyAtRest, newGame, playerView, react } from '../../src/engine/index.ts';
import { WORLD, withRules } from './helpers.ts';

const start = newGame(WORLD, 'economy');
const view = playerView(WORLD, start, 'ROK');
const starting = (id: string): number => WORLD.initial.actors[id]!.vars.economy;

describe('the economy at rest', () => {
  it('is the starting economy while sanctions and lifelines are as they started', () => {
    const rest = economyAtRest(WORLD, view.sanctions, view.lifeline);
    for (const a of WORLD.actors) expect(rest[a.id]).toBeCloseTo(starting(a.id), 9);
  });

  it('falls when a lifeline is cut and rises when sanctions are lifted, by the change over the drift', () => {
    const cut = { ...view.lifeline, PRC: { ...view.lifeline.PRC, DPRK: 0 } };
    const lifted = { ...view.sanctions, USA: { ...view.sanctions.USA, DPRK: 0 } };
    const china = WORLD.actors.find((a) => a.id === 'PRC')!.economicWeight;
    const usa = WORLD.actors.find((a) => a.id === 'USA')!.economicWeight;
    const drift = WORLD.rules.economyDrift;
    const lifeline = view.lifeline.PRC!.DPRK!;
    const sanctions = view.sanctions.USA!.DPRK!;
    expect(economyAtRest(WORLD, view.sanctions, cut).DPRK).toBeCloseTo(
      Math.max(0, starting('DPRK') - (lifeline * WORLD.rules.lifelineGain * china) / drift),
      9,
    );
    expect(economyAtRest(WORLD, lifted, view.lifeline).DPRK).toBeCloseTo(
      Math.min(100, starting('DPRK') + (sanctions * WORLD.rules.sanctionBite * usa) / drift),
      9,
    );
  });

  it('is nowhere in particular without a pull back to the start, unless pressure has changed', () => {
    const still = withRules(WORLD, { economyDrift: 0 });
    const cut = { ...view.lifeline, PRC: { ...view.lifeline.PRC, DPRK: 0 } };
    expect(economyAtRest(still, view.sanctions, view.lifeline).DPRK).toBeNull();
    expect(economyAtRest(still, view.sanctions, cut).DPRK).toBe(0);
  });

  it('is where the engine takes an economy when nothing else moves it', () => {
    const s = structuredClone(start);
    const n = WORLD.actors.length;
    const [prc, dprk] = [
      WORLD.actors.findIndex((a) => a.id === 'PRC'),
      WORLD.actors.findIndex((a) => a.id === 'DPRK'),
    ];
    s.lifeline[prc * n + dprk] = 0;
    const cut = playerView(WORLD, s, 'ROK');
    const target = economyAtRest(WORLD, cut.sanctions, cut.lifeline).DPRK!;
    let x = s;
    for (let k = 0; k < 200 && !x.end; k++) x = react(WORLD, { ...x, round: 1 });
    expect(x.actors[dprk]!.economy).toBeCloseTo(target, 1);
  });
});
