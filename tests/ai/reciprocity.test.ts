/**
 * The game's central lesson, measured against the computer-run governments (the normal difficulty, which pursue
 * their own aims and exploit those who let breaches pass): a government that reciprocates should do better than
 * one that always defects. Each plays every seat of every shipped scenario on the
 * same seeds; the comparison is of its mean score over all of them.
 *
 * That a reciprocal player should also beat one who always concedes is withdrawn (issue 16; docs/computer-players.md
 * says why): the test asserts instead that the always-conceder, too, beats the always-defector.
 *
 * The reciprocal player here is the shipped `tit-for-tat-in-kind`, which answers like with like: a broken promise
 * by withholding its own step, a hostile act by the least escalating hostile act at hand. Plain tit-for-tat, which
 * answers any defection with any hostile act at hand, beats the always-defector too but only ties the
 * always-conceder: the extra tension it raises costs it what it gains. One seat's way of playing moves its own
 * score by a point or two against five others, so the margins are small; see docs/computer-players.md for the
 * table by scenario.
 */
import { describe, expect, it } from 'vitest';
import { DIFFICULTIES, computerChooser, strategyById } from '../../src/ai/index.ts';
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

/** Says yes to every offer, keeps every promise, makes a goodwill gesture every round and never answers back. */
const alwaysConcede = policyStrategy(
  'always-concede',
  'Always concede',
  () => ({ cooperate: true, because: 'it concedes whatever the other does' }),
  { gesture: 1, proposeTrust: 0, acceptTrust: 0, punish: false },
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
  const inKind = meanScore(strategyById('tit-for-tat-in-kind'));
  let defect = NaN;

  it('a reciprocal player scores more over every seat of every shipped scenario than one who always defects, and so does plain tit-for-tat', () => {
    defect = meanScore(alwaysDefect);
    expect(inKind).toBeGreaterThan(defect + 0.5);
    expect(meanScore(strategyById('reciprocal'))).toBeGreaterThan(defect);
  }, 900_000);

  // Withdrawn (issue 16): "a reciprocal player scores more than one who always concedes". The model gives no
  // reason for it, and the sources do not claim it: against governments that value what they are given, a
  // conceder's gestures earn goodwill and deals, and nothing in the rules makes unconditional generosity lose
  // to reciprocity (see docs/computer-players.md). What is true, and is the lesson: defection loses to both.
  it('one who always concedes also scores more than one who always defects', () => {
    if (Number.isNaN(defect)) defect = meanScore(alwaysDefect);
    expect(meanScore(alwaysConcede)).toBeGreaterThan(defect);
  }, 900_000);
});
