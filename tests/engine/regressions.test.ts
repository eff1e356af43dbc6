/**
 * Regression rows for model defects found while writing the suite, each with the defect it guards against.
 */
import { createActor } from 'xstate';
import { describe, expect, test } from 'vitest';
import { checkInput, createGameMachine, resolve, startGame } from '../../src/engine/index.ts';
import type { ActionChoice, OfferDraft, Term } from '../../src/engine/index.ts';
import {
  WORLD,
  actionDef,
  atCommitment,
  collected,
  commitment,
  copy,
  offer,
  pairOf,
  proposing,
  readingFx,
  setPair,
  signed,
  submitAll,
  term,
} from './helpers.ts';

describe('regressions', () => {
  test('convened talks allow multilateral offers in the next four proposing phases, not three (forum counted in proposing phases)', () => {
    let s = submitAll(WORLD, atCommitment(WORLD, 'forum'), {
      PRC: commitment([{ action: 'convene-talks' }]),
    });
    for (let k = 0; k < 4; k++) {
      expect(s.phase).toBe('proposing');
      expect(s.forum, `proposing phase ${k + 1} after convening`).toBeGreaterThan(0);
      s = submitAll(WORLD, submitAll(WORLD, submitAll(WORLD, s)));
    }
    expect(s.phase).toBe('proposing');
    expect(s.forum).toBe(0);
  });

  test('outsiders read the public steps of a deal (a summit between rivals) as they would the act alone; the parties do not', () => {
    expect(readingFx(actionDef('summit'), 'rivals')).toBeLessThan(0);
    const { s, id } = signed(
      WORLD,
      offer([term('ROK', 'summit', 'DPRK'), term('DPRK', 'summit', 'ROK')]),
      'ROK',
      'outsiders',
    );
    expect(s.agreements.find((g) => g.id === id)!.status).toBe('active');
    const start = copy(s);
    setPair(start, 'trust', 'JPN', 'DPRK', 50); // away from the bound, so a fall shows
    setPair(start, 'trust', 'ROK', 'DPRK', 50);
    expect(pairOf(start, 'rivalry', 'JPN', 'DPRK')).toBe(1);
    const after = resolve(WORLD, collected(WORLD, start));
    // Japan, a rival of the DPRK outside the deal, reads the DPRK's summit with suspicion.
    expect(pairOf(after, 'trust', 'JPN', 'DPRK')).toBeLessThan(50);
    // The ROK, a party, judges the DPRK by its compliance (here, the completed deal's bonus), not by the summit's readings.
    expect(pairOf(after, 'trust', 'ROK', 'DPRK')).toBe(50 + WORLD.rules.trustCompleted);
  });

  test('a machine started from the output of the pure resolve step still runs the reaction', () => {
    const s = atCommitment(WORLD, 'route');
    const resolved = resolve(WORLD, collected(WORLD, s));
    expect(resolved.phase).toBe('resolution');
    const actor = createActor(createGameMachine(WORLD), { input: { state: resolved } }).start();
    const ctx = actor.getSnapshot().context;
    expect(ctx.state.round).toBe(2);
    expect(ctx.state.history.length).toBe(1);
    actor.stop();
  });

  test('the state is plain JSON: a round trip is strictly equal (no undefined fields in log entries)', () => {
    const s = submitAll(WORLD, atCommitment(WORLD, 'json'), {
      USA: commitment([{ action: 'public-diplomacy' }]),
      ROK: commitment([{ action: 'humanitarian-aid', target: 'DPRK' }]),
    });
    expect(copy(s)).toStrictEqual(s);
    expect(startGame(WORLD, 1)).toStrictEqual(copy(startGame(WORLD, 1)));
  });
});

// Audit (issue 15): an input with a field the rules do not know was accepted and the field dropped without a word
// ("silently wrong" saves with `"hasOwnProperty": 1` in an input). Each part of an input now refuses it by name.
describe('an input field the rules do not know is refused by name, not dropped', () => {
  const s0 = startGame(WORLD, 'extra');
  const reunions = offer([term('ROK', 'family-reunions', 'DPRK'), term('DPRK', 'missile-moratorium')]);
  test.each([
    ['the input itself', { ...proposing([]), hasOwnProperty: 1 }, 'hasOwnProperty'],
    ['an offer', proposing([{ ...reunions, note: 'x' } as OfferDraft]), 'note'],
    [
      'a term',
      proposing([
        { ...reunions, terms: [{ ...reunions.terms[0]!, extra: true } as Term, reunions.terms[1]!] },
      ]),
      'extra',
    ],
  ])('in %s', (_, input, field) => {
    const bad = checkInput(WORLD, s0, 'ROK', input);
    expect(bad?.code).toBe('MALFORMED');
    expect(bad?.message).toContain(`"${field}"`);
    expect(checkInput(WORLD, s0, 'ROK', proposing([reunions]))).toBeNull();
  });

  test('in an action or a decision', () => {
    const s = atCommitment(WORLD, 'extra');
    const act = commitment([{ action: 'missile-moratorium', why: 'x' } as ActionChoice]);
    expect(checkInput(WORLD, s, 'DPRK', act)?.message).toContain('"why"');
    expect(checkInput(WORLD, s, 'DPRK', commitment([{ action: 'missile-moratorium' }]))).toBeNull();
  });
});
