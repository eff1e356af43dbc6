/**
 * The round as an xstate v5 machine: events -> negotiation (proposing, responding) -> commitment ->
 * resolution -> reaction, then the next round or the end. It only owns the flow: every guard and action
 * is a one-liner over the pure step functions in round.ts, which batch simulation calls directly.
 *
 * It waits in each input phase until every seat has submitted. A bad input is rejected with a typed code
 * kept in `context.rejection`, and the game state is left unchanged.
 */
import { assign, createActor, setup } from 'xstate';
import type { RecordedInject, RecordedInput } from './game.ts';
import {
  allIn,
  beginRound,
  checkInject,
  closeProposals,
  closeResponses,
  collectMut,
  injectMut,
  react,
  resolve,
} from './round.ts';
import { cloneState, newGame } from './state.ts';
import { checkInput } from './validate.ts';
import type {
  ActionChoice,
  ActorId,
  Answer,
  Decision,
  GameState,
  OfferDraft,
  PhaseInput,
  Rejection,
  World,
} from './types.ts';

/** A seat's event: one per input phase. */
export type SeatEvent =
  | { type: 'PROPOSE'; actor: ActorId; offers: OfferDraft[]; why?: string }
  | { type: 'RESPOND'; actor: ActorId; answers: Answer[]; why?: string }
  | { type: 'COMMIT'; actor: ActorId; decisions: Decision[]; actions: ActionChoice[]; why?: string };

/** The machine's events: the seats' inputs, and an instructor's inject of a scenario event for the next round. */
export type GameEvent = SeatEvent | { type: 'INJECT'; event: string };

export interface GameContext {
  state: GameState;
  /** The last event's rejection (`actor` is absent for an inject), or null when it was taken. */
  rejection: (Rejection & { actor?: ActorId }) | null;
  inputs: RecordedInput[];
  /** Injected events in order, with the round they were injected in (they fire at the next round's start). */
  injects?: RecordedInject[];
}

/** The phase input an event carries. */
export function inputOf(e: SeatEvent): PhaseInput {
  const why = e.why === undefined ? {} : { why: e.why };
  switch (e.type) {
    case 'PROPOSE':
      return { phase: 'proposing', offers: e.offers, ...why };
    case 'RESPOND':
      return { phase: 'responding', answers: e.answers, ...why };
    case 'COMMIT':
      return { phase: 'commitment', decisions: e.decisions, actions: e.actions, ...why };
  }
}

/** The event that carries a phase input from a seat. */
export function eventOf(actor: ActorId, input: PhaseInput): SeatEvent {
  const why = input.why === undefined ? {} : { why: input.why };
  switch (input.phase) {
    case 'proposing':
      return { type: 'PROPOSE', actor, offers: input.offers, ...why };
    case 'responding':
      return { type: 'RESPOND', actor, answers: input.answers, ...why };
    case 'commitment':
      return { type: 'COMMIT', actor, decisions: input.decisions, actions: input.actions, ...why };
  }
}

/** Why the engine refuses an event now, or null. */
function rejectionOf(world: World, s: GameState, e: GameEvent): Rejection | null {
  return e.type === 'INJECT' ? checkInject(world, s, e.event) : checkInput(world, s, e.actor, inputOf(e));
}

function collect(world: World, c: GameContext, e: GameEvent): Partial<GameContext> {
  if (e.type === 'INJECT') return {};
  const s = cloneState(c.state);
  const input = inputOf(e);
  collectMut(world, s, e.actor, input);
  return { state: s, rejection: null, inputs: [...c.inputs, { round: s.round, actor: e.actor, input }] };
}

/** A machine for one world. Start it with `input: { state }` from `startGame`'s `newGame` or any saved state. */
export function createGameMachine(world: World) {
  const onInput = [{ guard: 'valid', actions: 'collect' }, { actions: 'reject' }] as const;
  return setup({
    types: {
      context: {} as GameContext,
      events: {} as GameEvent,
      input: {} as { state: GameState; inputs?: RecordedInput[]; injects?: RecordedInject[] },
    },
    guards: {
      valid: ({ context, event }) => rejectionOf(world, context.state, event) === null,
      allIn: ({ context }) => allIn(context.state),
      over: ({ context }) => context.state.end !== null,
      at: ({ context }, phase: GameState['phase']) => context.state.phase === phase,
    },
    actions: {
      collect: assign(({ context, event }) => collect(world, context, event)),
      reject: assign(({ context, event }) => ({
        rejection: {
          ...rejectionOf(world, context.state, event)!,
          ...(event.type === 'INJECT' ? {} : { actor: event.actor }),
        },
      })),
      inject: assign(({ context, event }) => {
        if (event.type !== 'INJECT') return {};
        const s = cloneState(context.state);
        injectMut(s, event.event);
        const injects = [...(context.injects ?? []), { round: s.round, event: event.event }];
        return { state: s, rejection: null, injects };
      }),
      runEvents: assign(({ context }) => ({ state: beginRound(world, context.state) })),
      closeProposals: assign(({ context }) => ({ state: closeProposals(world, context.state) })),
      closeResponses: assign(({ context }) => ({ state: closeResponses(world, context.state) })),
      resolve: assign(({ context }) => ({ state: resolve(world, context.state) })),
      react: assign(({ context }) => ({ state: react(world, context.state) })),
    },
  }).createMachine({
    id: 'game',
    context: ({ input }) => ({
      state: input.state,
      rejection: null,
      inputs: input.inputs ?? [],
      ...(input.injects ? { injects: input.injects } : {}),
    }),
    initial: 'route',
    on: {
      PROPOSE: { actions: 'reject' },
      RESPOND: { actions: 'reject' },
      COMMIT: { actions: 'reject' },
      INJECT: [{ guard: 'valid', actions: 'inject' }, { actions: 'reject' }],
    },
    states: {
      /** Enters the state that matches the game's phase, so a machine can start from any saved state. */
      route: {
        always: [
          { guard: { type: 'at', params: 'over' }, target: 'over' },
          { guard: { type: 'at', params: 'proposing' }, target: 'negotiation.proposing' },
          { guard: { type: 'at', params: 'responding' }, target: 'negotiation.responding' },
          { guard: { type: 'at', params: 'commitment' }, target: 'commitment' },
          // The pure `resolve` step leaves the phase at 'resolution': the reaction is still to come.
          { guard: { type: 'at', params: 'resolution' }, target: 'resolution' },
          { guard: { type: 'at', params: 'reaction' }, target: 'reaction' },
          { target: 'events' },
        ],
      },
      events: { always: { target: 'negotiation', actions: 'runEvents' } },
      negotiation: {
        initial: 'proposing',
        states: {
          proposing: {
            on: { PROPOSE: onInput },
            always: { guard: 'allIn', target: 'responding', actions: 'closeProposals' },
          },
          responding: {
            on: { RESPOND: onInput },
            always: { guard: 'allIn', target: '#game.commitment', actions: 'closeResponses' },
          },
        },
      },
      commitment: {
        on: { COMMIT: onInput },
        always: { guard: 'allIn', target: 'resolution', actions: 'resolve' },
      },
      resolution: { always: { target: 'reaction', actions: 'react' } },
      reaction: {
        always: [{ guard: 'over', target: 'over' }, { target: 'events' }],
      },
      /** Not final: inputs sent after the end are still answered with GAME_OVER. */
      over: {},
    },
  });
}

export type GameMachine = ReturnType<typeof createGameMachine>;

/**
 * Runs recorded inputs through a machine actor from a new game, and returns the actor's final context.
 * The machine-path twin of `runGame`, for tests that compare the two paths and for benchmarks.
 */
export function runThroughMachine(
  world: World,
  seed: string | number,
  inputs: readonly RecordedInput[],
): GameContext {
  const actor = createActor(createGameMachine(world), { input: { state: newGame(world, seed) } });
  actor.start();
  for (const r of inputs) {
    actor.send(eventOf(r.actor, r.input));
    const rej = actor.getSnapshot().context.rejection;
    if (rej)
      throw new Error(`Machine rejected ${r.actor}'s input in round ${r.round}: ${rej.code}: ${rej.message}`);
  }
  const ctx = actor.getSnapshot().context;
  actor.stop();
  return ctx;
}
