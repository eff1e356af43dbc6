/**
 * Economic need: a change of sanctions or lifelines is valued over a horizon, and a government whose economy is
 * heading low weighs economic gains more.
 */
import { describe, expect, it } from 'vitest';
import { addFlows, decisionValue, needWeight, outlook } from '../../src/ai/need.ts';
import { readScenario } from '../../src/cli/files.ts';
import { applyAction, cloneState, findAction, indexOf, newGame } from '../../src/engine/index.ts';
import type { GameState, World } from '../../src/engine/index.ts';

const { world } = readScenario('panmunjom-2018');
const start = newGame(world, 0);
const ix = (id: string): number => indexOf(world, id);

/** The start with China's lifeline to the North cut. */
function cut(s: GameState): GameState {
  const c = cloneState(s);
  c.lifeline[ix('PRC') * world.actors.length + ix('DPRK')] = 0;
  return c;
}

function after(w: World, s: GameState, by: string, action: string, target: string): GameState {
  const c = cloneState(s);
  applyAction(w, c, findAction(w, action)!, ix(by), ix(target), 1, true, 1);
  return c;
}

describe('economic need', () => {
  it('is felt by the sanctioned North and not by the rich economies, and grows when the lifeline is cut', () => {
    const kept = outlook(world, start, 4);
    const without = outlook(world, cut(start), 4);
    expect(kept.need[ix('DPRK')]).toBeGreaterThan(0.3);
    for (const id of ['ROK', 'USA', 'JPN', 'PRC']) expect(kept.need[ix(id)]).toBe(0);
    expect(without.need[ix('DPRK')]).toBeGreaterThan(kept.need[ix('DPRK')]!);
  });

  it('counts a lifted sanction over the horizon, not just on the day it is lifted', () => {
    const look = outlook(world, start, 4);
    const lifted = after(world, start, 'USA', 'lift-sanctions', 'DPRK');
    const today = lifted.actors[ix('DPRK')]!.economy;
    addFlows(world, lifted, look);
    expect(lifted.actors[ix('DPRK')]!.economy).toBeGreaterThan(today);
    expect(decisionValue(world, start, lifted, 'DPRK', look, 2).value).toBeGreaterThan(0);
    // A shorter horizon (the last round) counts less of it.
    const last = { ...start, round: world.rounds };
    const lateLook = outlook(world, last, 4);
    expect(lateLook.horizon).toBe(1);
    const late = after(world, last, 'USA', 'lift-sanctions', 'DPRK');
    addFlows(world, late, lateLook);
    expect(late.actors[ix('DPRK')]!.economy).toBeLessThan(lifted.actors[ix('DPRK')]!.economy);
  });

  it('weighs the needy government’s own economy more, and nothing else', () => {
    const look = outlook(world, cut(start), 4);
    const dprk = world.actors[ix('DPRK')]!;
    const economy = dprk.objectives.find((o) => o.metric === 'economy')!;
    const security = dprk.objectives.find((o) => o.metric === 'security')!;
    expect(needWeight(world, 'DPRK', economy, look, 2)).toBeCloseTo(1 + 2 * look.need[ix('DPRK')]!);
    expect(needWeight(world, 'DPRK', security, look, 2)).toBe(1);
    // The same aid is worth more to the North with the lifeline cut than with it kept, and more with need than without.
    const aid = (s: GameState, gain: number): number => {
      const l = outlook(world, s, 4);
      const a = after(world, s, 'ROK', 'economic-incentives', 'DPRK');
      addFlows(world, a, l);
      return decisionValue(world, s, a, 'DPRK', l, gain).value;
    };
    expect(aid(cut(start), 2)).toBeGreaterThan(aid(start, 2));
    expect(aid(start, 2)).toBeGreaterThan(aid(start, 0));
    expect(aid(start, 0)).toBeGreaterThan(0);
  });
});
