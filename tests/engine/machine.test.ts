/**
 * The xstate machine owns the flow of a round: it waits for every seat in each input phase, rejects bad events
 * with a typed code without touching the game, and reaches exactly the state the batch path reaches.
 */
import { describe, expect, test } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { createGameMachine, eventOf, hashValue, newGame, runThroughMachine } from '../../src/engine/index.ts';
import type { GameState, SeatEvent as GameEvent } from '../../src/engine/index.ts';
import { IDS, WORLD, atCommitment, copy, play } from './helpers.ts';

const machine = createGameMachine(WORLD);
type Snapshot = ReturnType<typeof initialTransition<typeof machine>>[0];

const start = (state: GameState = newGame(WORLD, 'machine')): Snapshot =>
  initialTransition(machine, { state })[0];
const step = (snap: Snapshot, e: GameEvent): Snapshot => transition(machine, snap, e)[0];
const propose = (
  actor: string,
  offers: Extract<GameEvent, { type: 'PROPOSE' }>['offers'] = [],
): GameEvent => ({ type: 'PROPOSE', actor, offers });
const respond = (actor: string): GameEvent => ({ type: 'RESPOND', actor, answers: [] });
const commit = (actor: string): GameEvent => ({ type: 'COMMIT', actor, decisions: [], actions: [] });

describe('the flow of a round, stepped purely with transition()', () => {
  test('a new game runs its first events and waits for proposals', () => {
    const s = start();
    expect(s.value).toEqual({ negotiation: 'proposing' });
    expect(s.context.state).toMatchObject({ round: 1, phase: 'proposing' });
    expect(s.context.state.log.some((e) => e.kind === 'event' && e.ref === 'pyeongchang')).toBe(true);
    expect(s.context.rejection).toBeNull();
  });

  test('the phases come in order, each waiting for every seat, and the round then begins again', () => {
    let s = start();
    const seen: unknown[] = [s.value];
    for (const make of [propose, respond, commit]) {
      IDS.forEach((id, k) => {
        const before = s.value;
        s = step(s, make(id));
        expect(s.context.rejection).toBeNull();
        if (k < IDS.length - 1) {
          expect(s.value).toEqual(before);
          expect(s.context.state.inbox.filter((x) => x !== null)).toHaveLength(k + 1);
        }
      });
      seen.push(s.value);
    }
    expect(seen).toEqual([
      { negotiation: 'proposing' },
      { negotiation: 'responding' },
      'commitment',
      { negotiation: 'proposing' },
    ]);
    expect(s.context.state).toMatchObject({ round: 2, phase: 'proposing' });
    expect(s.context.state.inbox.every((x) => x === null)).toBe(true);
    expect(s.context.inputs).toHaveLength(3 * IDS.length);
  });

  const BAD = [
    { name: 'a commitment during the proposing phase', code: 'WRONG_PHASE', events: [commit('ROK')] },
    {
      name: 'a second proposal from the same seat',
      code: 'ALREADY_SUBMITTED',
      events: [propose('ROK'), propose('ROK')],
    },
    {
      name: 'a direct offer across too little trust',
      code: 'NO_CHANNEL',
      events: [
        propose('USA', [
          {
            terms: [
              { by: 'USA', action: 'lift-sanctions', target: 'DPRK' },
              { by: 'DPRK', action: 'freeze-site' },
            ],
            verification: 'inspections',
            steps: 1,
            expires: 1,
          },
        ]),
      ],
    },
    {
      name: 'an event from a government that does not exist',
      code: 'UNKNOWN_ACTOR',
      events: [propose('UN')],
    },
    {
      name: 'garbage in the event’s payload',
      code: 'MALFORMED',
      events: [{ type: 'PROPOSE', actor: 'ROK', offers: null } as unknown as GameEvent],
    },
  ] as const;
  test.each(BAD)(
    '$code: $name sets context.rejection and leaves the game state as it was',
    ({ code, events }) => {
      let s = start();
      for (const e of events.slice(0, -1)) s = step(s, e);
      const before = s;
      const saved = copy(before.context.state);
      const last = events[events.length - 1]!;
      const after = step(before, last);
      expect(after.context.rejection).toMatchObject({ code, actor: last.actor });
      expect(after.context.state).toBe(before.context.state);
      expect(after.context.state).toEqual(saved);
      expect(after.context.inputs).toEqual(before.context.inputs);
      expect(after.value).toEqual(before.value);
      // The next good event clears the rejection.
      const next = step(
        after,
        propose(IDS.find((id) => before.context.state.inbox[IDS.indexOf(id)] === null)!),
      );
      expect(next.context.rejection).toBeNull();
    },
  );

  test('a machine started from a saved state picks up in that state’s phase', () => {
    const s = start(atCommitment(WORLD, 'machine'));
    expect(s.value).toBe('commitment');
    expect(s.context.state.round).toBe(1);
  });

  test('after the end the machine stays over and answers every input with GAME_OVER', () => {
    const { final } = play(WORLD, 'machine-over', 'random');
    const s = start(final);
    expect(s.value).toBe('over');
    const after = step(s, propose('ROK'));
    expect(after.context.rejection).toMatchObject({ code: 'GAME_OVER', actor: 'ROK' });
    expect(after.context.state).toBe(final);
  });
});

describe('the machine path and the batch path', () => {
  test.each([
    ['machine-1', 'reciprocal'],
    ['machine-2', 'random'],
    ['machine-3', ['random', 'reciprocal']],
  ] as const)(
    'a whole game (%s, %s) run through the machine ends in the state runGame reaches',
    (seed, seats) => {
      const { final, inputs } = play(WORLD, seed, typeof seats === 'string' ? seats : [...seats]);
      const ctx = runThroughMachine(WORLD, seed, inputs);
      expect(hashValue(ctx.state)).toBe(hashValue(final));
      expect(ctx.state).toEqual(final);
      expect(ctx.inputs).toEqual(inputs);
      expect(ctx.rejection).toBeNull();
    },
  );
});

describe('saving and restoring the machine', () => {
  test('a persisted snapshot survives JSON and the restored actor continues to the same final state', () => {
    const seed = 'machine-save';
    const { final, inputs } = play(WORLD, seed, ['reciprocal', 'random']);
    const half = Math.floor(inputs.length / 2) + 3; // mid-phase: some seats in, some not
    const a = createActor(machine, { input: { state: newGame(WORLD, seed) } });
    a.start();
    for (const r of inputs.slice(0, half)) a.send(eventOf(r.actor, r.input));
    const saved = JSON.parse(JSON.stringify(a.getPersistedSnapshot())) as ReturnType<
      typeof a.getPersistedSnapshot
    >;
    // The snapshot wins over the input, which is given here only because the machine's type asks for one.
    const b = createActor(machine, { snapshot: saved, input: { state: newGame(WORLD, 'ignored') } });
    b.start();
    expect(b.getSnapshot().value).toEqual(a.getSnapshot().value);
    expect(b.getSnapshot().context.state).toEqual(a.getSnapshot().context.state);
    for (const r of inputs.slice(half)) {
      a.send(eventOf(r.actor, r.input));
      b.send(eventOf(r.actor, r.input));
      expect(b.getSnapshot().context.rejection).toBeNull();
    }
    expect(b.getSnapshot().value).toBe('over');
    expect(hashValue(b.getSnapshot().context.state)).toBe(hashValue(final));
    expect(b.getSnapshot().context.state).toEqual(final);
    expect(b.getSnapshot().context.state).toEqual(a.getSnapshot().context.state);
    expect(b.getSnapshot().context.inputs).toEqual(inputs);
    a.stop();
    b.stop();
  });
});
