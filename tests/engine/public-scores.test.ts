/**
 * The standing in the top bar: scores read from the public numbers only are the scores themselves, for every
 * shipped scenario at every round of a game (no objective reads a secret), so the bar tells no secret and no lie.
 */
import { describe, expect, it } from 'vitest';
import { computerChooser, strategyById } from '../../src/ai/index.ts';
import { readScenario } from '../../src/cli/files.ts';
import {
  closePhaseMut,
  collectMut,
  playerView,
  publicScores,
  scores,
  startGame,
  waitingPhase,
} from '../../src/engine/index.ts';

const SCENARIOS = [
  'panmunjom-2018',
  'hanoi-2019',
  'missile-crisis-2017',
  'present-day',
  'six-party-talks',
  'tutorial',
];

describe('public scores', () => {
  it.each(SCENARIOS)('equal the scores in %s, round after round, from any seat', (id) => {
    const { world } = readScenario(id);
    const seats = Object.fromEntries(world.actors.map((a) => [a.id, strategyById('objective')]));
    const choose = computerChooser(world, `public-${id}`, seats);
    const s = startGame(world, `public-${id}`);
    let checked = 0;
    for (let p = waitingPhase(s); p; p = waitingPhase(s)) {
      for (const a of world.actors) collectMut(world, s, a.id, choose(s, a.id, p));
      closePhaseMut(world, s);
      if (s.phase !== 'proposing') continue;
      const truth = scores(world, s);
      for (const a of world.actors) {
        const seen = publicScores(world, playerView(world, s, a.id))!;
        for (const b of world.actors) expect(seen[b.id]).toBeCloseTo(truth[b.id]!, 9);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('refuse to guess when an objective reads trust', () => {
    const { world } = readScenario('tutorial');
    const [first, ...rest] = world.actors;
    const secret = {
      ...world,
      actors: [
        { ...first!, objectives: [{ metric: 'trust-in', want: 'high', weight: 1 } as never] },
        ...rest,
      ],
    };
    const s = startGame(world, 'secret');
    expect(publicScores(secret, playerView(world, s, first!.id))).toBeNull();
  });
});
