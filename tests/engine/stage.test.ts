/**
 * The peace-process stage moves with substance: at most one step a round, no advance while the parties most
 * concerned neither deal nor trust each other, and a step back when a weapons programme grows.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readScenario } from '../../src/cli/files.ts';
import {
  applyAction,
  moveStage,
  programmeGrew,
  react,
  stageAtRoundStart,
  stageMayAdvance,
  startGame,
} from '../../src/engine/index.ts';
import type { GameState, World } from '../../src/engine/index.ts';
import {
  CATALOGUE_WORLD,
  WORLD,
  actionDef,
  ix,
  commitment,
  copy,
  offer,
  play,
  resolveWith,
  roundStartsAt,
  setPair,
  signed,
  statesAlong,
  submitAll,
  term,
} from './helpers.ts';
import type { StrategyId } from './helpers.ts';

const EVENT = { kind: 'event', event: 'test' } as const;

const SHIPPED = [
  'tutorial',
  'panmunjom-2018',
  'missile-crisis-2017',
  'six-party-talks',
  'hanoi-2019',
  'present-day',
].map((id) => readScenario(id).world);

/** The stage at the start and at the end of every round: a list of [from, to] per round. */
function moves(world: World, final: GameState): [number, number][] {
  const out: [number, number][] = [];
  let from = world.initial.stage;
  for (const h of final.history) {
    out.push([from, h.stage]);
    from = h.stage;
  }
  return out;
}

describe('the stage moves at most one step a round', () => {
  test('in random games of every shipped scenario, no round moves the stage by more than one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SHIPPED),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.constantFrom<StrategyId>('random', 'reciprocal'), { minLength: 6, maxLength: 6 }),
        (world, k, seats) => {
          const { final } = play(world, `stage-${k}`, seats);
          for (const [from, to] of moves(world, final)) expect(Math.abs(to - from)).toBeLessThanOrEqual(1);
        },
      ),
      { seed: 13, numRuns: 24 },
    );
  });

  test('within a round too: every state between inputs is within one step of where the round began', () => {
    for (const world of SHIPPED.slice(0, 3)) {
      const { inputs } = play(world, 'stage-along', 'random');
      for (const s of statesAlong(world, 'stage-along', inputs))
        expect(Math.abs(s.stage - stageAtRoundStart(world, s))).toBeLessThanOrEqual(1);
    }
  });

  test('moveStage caps a round at one step up and one step down from where it began', () => {
    const s = copy(submitAll(WORLD, startGame(WORLD, 'cap')));
    roundStartsAt(s, 2);
    s.stage = 2;
    setPair(s, 'trust', 'DPRK', 'ROK', 60);
    setPair(s, 'trust', 'ROK', 'DPRK', 60);
    expect(moveStage(WORLD, s, 1, EVENT)).toBe(1);
    expect(moveStage(WORLD, s, 1, EVENT)).toBe(0);
    expect(s.stage).toBe(3);
    expect(moveStage(WORLD, s, -1, EVENT)).toBe(-1);
    expect(moveStage(WORLD, s, -1, EVENT)).toBe(-1);
    expect(moveStage(WORLD, s, -1, EVENT)).toBe(0);
    expect(s.stage).toBe(1);
  });
});

describe('an advance needs the parties most concerned', () => {
  /** A round-1 state in which every flashpoint pair distrusts each other completely. */
  function estranged(): GameState {
    const s = copy(submitAll(WORLD, submitAll(WORLD, startGame(WORLD, 'estranged'))));
    for (const [a, b] of WORLD.flashpoints) {
      setPair(s, 'trust', a, b, 0);
      setPair(s, 'trust', b, a, 0);
    }
    roundStartsAt(s, s.stage);
    return s;
  }

  test('with no deal between any flashpoint pair and no trust between them, nothing advances the stage', () => {
    const s = estranged();
    expect(stageMayAdvance(WORLD, s)).toBe(false);
    const was = s.stage;
    expect(moveStage(WORLD, s, 1, EVENT)).toBe(0);
    // Not even a summit between two friends of the process.
    applyAction(WORLD, s, actionDef('summit'), ix('ROK'), ix('USA'), 1, true);
    expect(s.stage).toBe(was);
  });

  test('one flashpoint pair trusting each other at the floor is enough', () => {
    const s = estranged();
    setPair(s, 'trust', 'DPRK', 'ROK', WORLD.rules.stageTrustFloor);
    expect(stageMayAdvance(WORLD, s)).toBe(false);
    setPair(s, 'trust', 'ROK', 'DPRK', WORLD.rules.stageTrustFloor);
    expect(stageMayAdvance(WORLD, s)).toBe(true);
  });

  test('a deal in force between a flashpoint pair is substance even at zero trust', () => {
    const { s } = signed(
      WORLD,
      offer([term('DPRK', 'family-reunions', 'ROK'), term('ROK', 'humanitarian-aid', 'DPRK')], 'none', 2),
      'ROK',
      'estranged-deal',
    );
    for (const [a, b] of WORLD.flashpoints) {
      setPair(s, 'trust', a, b, 0);
      setPair(s, 'trust', b, a, 0);
    }
    expect(s.agreements.some((g) => g.status === 'active')).toBe(true);
    expect(stageMayAdvance(WORLD, s)).toBe(true);
  });
});

describe('programmes growing set the process back', () => {
  test('a nuclear test sets the stage back one step at the end of the round', () => {
    const s = copy(submitAll(WORLD, submitAll(WORLD, startGame(WORLD, 'test'))));
    s.stage = 2;
    roundStartsAt(s, 2);
    // Panmunjom denies the North nuclear tests; the catalogue's own takers are open in CATALOGUE_WORLD.
    const resolved = resolveWith(CATALOGUE_WORLD, s, { DPRK: commitment([{ action: 'nuclear-test' }]) });
    expect(programmeGrew(WORLD, resolved)).toBe(true);
    expect(react(WORLD, resolved).stage).toBe(1);
  });

  test('a quiet round leaves the stage alone', () => {
    const s = copy(submitAll(WORLD, submitAll(WORLD, startGame(WORLD, 'quiet'))));
    s.stage = 2;
    roundStartsAt(s, 2);
    const resolved = resolveWith(WORLD, s);
    expect(programmeGrew(WORLD, resolved)).toBe(false);
    expect(react(WORLD, resolved).stage).toBe(2);
  });
});
