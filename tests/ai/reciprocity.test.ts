/**
 * The game's central lesson, measured against the computer-run governments (the normal difficulty, which pursue
 * their own aims and exploit those who let breaches pass): a government that reciprocates should do better than
 * one that always defects and one that always concedes. Each plays every seat of every shipped scenario on the
 * same seeds; the comparison is of its mean score over all of them.
 *
 * Today only the first half holds. Reciprocators beat the always-defector by 0.6 to 0.8 points of 100, but the
 * always-conceder beats them both by 0.25 to 0.45, most of it in the present-day scenario, where lowering
 * tension is worth more than what the others take from a pushover. One seat's way of playing moves its own
 * score by under a point against five others. See docs/computer-players.md and issue 4's note.
 */
import { describe, expect, it } from 'vitest';
import { DIFFICULTIES, computerChooser, strategyById } from '../../src/ai/index.ts';
import { remember } from '../../src/ai/memory.ts';
import { policyStrategy } from '../../src/ai/policy.ts';
import type { Strategy } from '../../src/ai/types.ts';
import { readScenario } from '../../src/cli/files.ts';
import { runGame, score, startGame } from '../../src/engine/index.ts';

const SCENARIOS = [
  'tutorial',
  'six-party-talks',
  'missile-crisis-2017',
  'panmunjom-2018',
  'hanoi-2019',
  'present-day',
];
const GAMES = 3;

/**
 * Cooperates first, then does what the other was last seen doing, and answers like with like: a broken promise
 * by withholding its own, a hostile act by the least escalating hostile act at hand.
 */
const reciprocal = policyStrategy(
  'reciprocal-in-kind',
  'Reciprocal, in kind',
  (ctx, other) => {
    const last = remember(ctx.world, ctx.view, other).last;
    return last?.move === 'D'
      ? { cooperate: false, because: 'it answers what it last saw' }
      : { cooperate: true, because: 'it returns good faith' };
  },
  { answer: 'in-kind' },
);

/** Rejects every offer, breaks every promise and answers everyone with hostility. */
const alwaysDefect = policyStrategy(
  'always-defect',
  'Always defect',
  () => ({ cooperate: false, because: 'it defects whatever the other does' }),
  { gesture: 0 },
);

function meanScore(player: Strategy): number {
  const computer = strategyById(DIFFICULTIES.normal.strategy);
  let sum = 0;
  let n = 0;
  for (const id of SCENARIOS) {
    const world = readScenario(id).world;
    for (const seat of world.actors)
      for (let g = 0; g < GAMES; g++) {
        const seed = `reciprocity:${g}`;
        const seats = Object.fromEntries(
          world.actors.map((a) => [a.id, a.id === seat.id ? player : computer]),
        );
        const end = runGame(world, startGame(world, seed), computerChooser(world, seed, seats));
        sum += score(world, end, seat.id);
        n++;
      }
  }
  return sum / n;
}

describe('reciprocity against the computer governments', () => {
  it('reciprocal players, plain tit-for-tat and one who answers in kind, score more over every seat of every shipped scenario than one who always defects', () => {
    const defect = meanScore(alwaysDefect);
    expect(meanScore(strategyById('reciprocal'))).toBeGreaterThan(defect);
    expect(meanScore(reciprocal)).toBeGreaterThan(defect);
  }, 900_000);

  it.todo(
    'a reciprocal player also scores more than one who always concedes (today conceding is ahead by 0.25 points)',
  );
});
