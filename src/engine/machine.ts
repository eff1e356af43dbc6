/**
 * The round as an xstate v5 machine: events -> negotiation (proposing, responding) -> commitment ->
 * resolution -> reaction, then the next round or the end. It only owns the flow: every guard and action
 * is a one-liner over the pure step functions in round.ts, which batch simulation calls directly.
 *
 * It waits in each input phase until every seat has submitted. A bad input is rejected with a typed code
 * kept in `context.rejection`, and the game state is left unchanged.
 */
import { assign, createActor, setup } from 'xstate';
import type { RecordedInput } from './game.ts';
import { allIn, beginRound, closeProposals, closeResponses, collectMut, react, resolve } from './round.ts';
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

/** The machine's events: one per input phase, each from one seat. */
export type GameEvent =
  | { type: 'PROPOSE'; actor: ActorId; offers: OfferDraft[]; why?: string }
  | { type: 'RESPOND'; actor: ActorId; answers: Answer[]; why?: string }
  | { type: 'COMMIT'; actor: ActorId; decisions: Decision[]; actions: ActionChoice[]; why?: string };

export interface GameContext {
  state: GameState;
  rejection: (Rejection & { actor: ActorId }) | null;
  inputs: RecordedInput[];
}

/** The phase input an event carries. */
export function inputOf(e: GameEvent): PhaseInput {
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
export function eventOf(actor: ActorId, input: PhaseInput): GameEvent {
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

function collect(world: World, c: GameContext, e: GameEvent): Partial<GameContext> {
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
      input: {} as { state: GameState; inputs?: RecordedInput[] },
    },
    guards: {
      valid: ({ context, event }) => checkInput(world, context.state, event.actor, inputOf(event)) === null,
      allIn: ({ context }) => allIn(context.state),
      over: ({ context }) => context.state.end !== null,
      at: ({ context }, phase: GameState['phase']) => context.state.phase === phase,
    },
    actions: {
      collect: assign(({ context, event }) => collect(world, context, event)),
      reject: assign(({ context, event }) => ({
        rejection: { ...checkInput(world, context.state, event.actor, inputOf(event))!, actor: event.actor },
      })),
      runEvents: assign(({ context }) => ({ state: beginRound(world, context.state) })),
      closeProposals: assign(({ context }) => ({ state: closeProposals(world, context.state) })),
      closeResponses: assign(({ context }) => ({ state: closeResponses(world, context.state) })),
      resolve: assign(({ context }) => ({ state: resolve(world, context.state) })),
      react: assign(({ context }) => ({ state: react(world, context.state) })),
    },
  }).createMachine({
    id: 'game',
    context: ({ input }) => ({ state: input.state, rejection: null, inputs: input.inputs ?? [] }),
    initial: 'route',
    on: { PROPOSE: { actions: 'reject' }, RESPOND: { actions: 'reject' }, COMMIT: { actions: 'reject' } },
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
