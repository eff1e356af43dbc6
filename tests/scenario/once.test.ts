/**
 * Acts a government can sell only once. After Hanoi the end of the war can be declared once (a second
 * declaration says nothing the first did not), and the North has one missile test site to give (Sohae): once
 * either has been promised in a signed deal, or done on its own, no one may offer it again. Before, the same
 * declaration and the same site were sold round after round, each time lifting the peace process again.
 */
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../src/cli/files.ts';
import { checkInput, playerView, startGame } from '../../src/engine/index.ts';
import { commitment, offer, proposing, signed, submitAll, term } from '../engine/helpers.ts';

const hanoi = readScenario('hanoi-2019').world;

const declaration = offer([term('ROK', 'suspend-exercises', 'DPRK'), term('DPRK', 'end-of-war', 'ROK')]);
const again = proposing([
  offer([term('USA', 'humanitarian-aid', 'DPRK'), term('DPRK', 'end-of-war', 'USA')]),
]);

describe('one-time acts after Hanoi', () => {
  it('the end of the war may be offered until a deal declaring it is signed, then by no one', () => {
    const s0 = startGame(hanoi, 'once');
    expect(checkInput(hanoi, s0, 'USA', again)).toBeNull();
    const { s } = signed(hanoi, declaration, 'ROK', 'once');
    const no = checkInput(hanoi, { ...s, phase: 'proposing' }, 'USA', again);
    expect(no?.code).toBe('UNAVAILABLE');
    expect(no?.message).toContain(
      'Offer 1, term 2: "Declare an end to the Korean War" is not available: it can be done or promised only once, and already has been.',
    );
    expect(playerView(hanoi, s, 'DPRK').barred).toContain('end-of-war');
    expect(playerView(hanoi, s, 'DPRK').barred).not.toContain('dismantle-launch-site');
  });

  it('the North has one launch site: dismantled on its own, it cannot be promised again', () => {
    const s0 = startGame(hanoi, 'site');
    const site = proposing([
      offer([term('USA', 'humanitarian-aid', 'DPRK'), term('DPRK', 'dismantle-launch-site')]),
    ]);
    expect(checkInput(hanoi, s0, 'DPRK', site)).toBeNull();
    const s1 = submitAll(hanoi, submitAll(hanoi, s0, {}), {});
    expect(s1.phase).toBe('commitment');
    const s2 = submitAll(hanoi, s1, { DPRK: commitment([{ action: 'dismantle-launch-site' }]) });
    expect(s2.log.some((e) => e.kind === 'action' && e.ref === 'dismantle-launch-site')).toBe(true);
    const no = checkInput(hanoi, s2, 'DPRK', site);
    expect(no?.code).toBe('UNAVAILABLE');
    expect(no?.message).toContain('it can be done or promised only once');
  });
});
