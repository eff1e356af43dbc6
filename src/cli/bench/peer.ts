/**
 * The benchmark's peer: Quid Pro Quo's own rules run as a boardgame.io game, so that the engine can be
 * compared with a well-known turn-based game framework on identical rules.
 *
 * The boardgame.io game is a thin shell over the engine's step functions: `setup` is `startGame`, the three
 * input phases (proposing, responding, commitment) are boardgame.io phases in which every seat is active at
 * once (`ActivePlayers.ALL`, as the inputs are simultaneous), and each phase's one move checks the input with
 * `checkInput`, collects it, and closes the phase with `closePhaseMut` when the last seat is in, as `runGame`
 * does. The move mutates `G`, boardgame.io's Immer draft, which is the idiomatic way to write a move. The game
 * is driven one move per recorded input, either by boardgame.io's headless `Client` or straight through its
 * game reducer. boardgame.io is given its best showing: production mode, and no undo history.
 */
import { createRequire } from 'node:module';
import type { Ctx, Game } from 'boardgame.io';
import type { Client as ClientType } from 'boardgame.io/client';
import type * as Core from 'boardgame.io/core';
import type {
  CreateGameReducer as CreateGameReducerType,
  InitializeGame as InitializeGameType,
} from 'boardgame.io/internal';
import { allIn, checkInput, closePhaseMut, collectMut, startGame } from '../../engine/index.ts';
import type { GameState, InputPhase, PhaseInput, RecordedInput, World } from '../../engine/index.ts';

/**
 * Runs `fn` with NODE_ENV=production, as a deployed boardgame.io game runs. In development boardgame.io
 * walks the whole of G after every move to check that it is serialisable, which would make the peer several
 * times slower than it is in use; the comparison is with boardgame.io at its best.
 */
function asProduction<T>(fn: () => T): T {
  const was = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return fn();
  } finally {
    if (was === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = was;
  }
}

/**
 * boardgame.io, loaded on first use: it is a development dependency, which only the benchmark needs.
 * Version 0.50 ships CommonJS without an "exports" map, so its subpaths load through require.
 */
const bgio = (() => {
  let lib:
    | ({ Client: typeof ClientType } & typeof Core & {
          CreateGameReducer: typeof CreateGameReducerType;
          InitializeGame: typeof InitializeGameType;
        })
    | null = null;
  return () => {
    const require = createRequire(import.meta.url);
    lib ??= asProduction(() => ({
      ...(require('boardgame.io/client') as { Client: typeof ClientType }),
      ...(require('boardgame.io/core') as typeof Core),
      ...(require('boardgame.io/internal') as {
        CreateGameReducer: typeof CreateGameReducerType;
        InitializeGame: typeof InitializeGameType;
      }),
    }));
    return lib;
  };
})();

const MOVE: Record<InputPhase, string> = {
  proposing: 'propose',
  responding: 'respond',
  commitment: 'commit',
};
const NEXT: Record<InputPhase, InputPhase> = {
  proposing: 'responding',
  responding: 'commitment',
  commitment: 'proposing',
};

/** The boardgame.io game for one world and seed (boardgame.io's local client takes no setup data). */
export function peerGame(world: World, seed: string): Game<GameState> {
  const { ActivePlayers, INVALID_MOVE } = bgio();
  const move =
    (phase: InputPhase) =>
    ({ G, playerID }: { G: GameState; playerID: string }, input: PhaseInput) => {
      const actor = world.actors[Number(playerID)]!.id;
      if (input.phase !== phase || checkInput(world, G, actor, input)) return INVALID_MOVE;
      collectMut(world, G, actor, input);
      if (allIn(G)) closePhaseMut(world, G);
      return undefined; // the draft G, changed in place, is the new state
    };
  const phase = (p: InputPhase) => ({
    start: p === 'proposing',
    moves: { [MOVE[p]]: move(p) },
    turn: { activePlayers: ActivePlayers.ALL },
    // The phase ends when the engine has moved on; after commitment, the next round's proposals begin.
    endIf: ({ G }: { G: GameState }) => G.phase !== p,
    next: NEXT[p],
  });
  return {
    name: 'quid-pro-quo',
    // Nothing here undoes a move, and our own batch path keeps no undo history either.
    disableUndo: true,
    minPlayers: world.actors.length,
    maxPlayers: world.actors.length,
    setup: () => startGame(world, seed),
    phases: {
      proposing: phase('proposing'),
      responding: phase('responding'),
      commitment: phase('commitment'),
    },
    endIf: ({ G }: { G: GameState; ctx: Ctx }) => G.end ?? undefined,
  };
}

/**
 * Plays a recorded game through boardgame.io and returns the final engine state: through its headless
 * `Client` (what a boardgame.io app uses), or straight through its game reducer (`CreateGameReducer`, what its
 * server runs for each move, without the client's store, log and dispatchers).
 */
export function runThroughPeer(
  world: World,
  seed: string,
  inputs: readonly RecordedInput[],
  via: 'client' | 'reducer' = 'client',
): GameState {
  return asProduction(() => (via === 'client' ? viaClient : viaReducer)(world, seed, inputs));
}

function viaReducer(world: World, seed: string, inputs: readonly RecordedInput[]): GameState {
  const { CreateGameReducer, InitializeGame } = bgio();
  const game = peerGame(world, seed);
  const reduce = CreateGameReducer({ game });
  let state = InitializeGame({ game, numPlayers: world.actors.length });
  const seat = new Map(world.actors.map((a, i) => [a.id, String(i)]));
  for (const r of inputs) {
    const next = reduce(state, {
      type: 'MAKE_MOVE',
      payload: { type: MOVE[r.input.phase], args: [r.input], playerID: seat.get(r.actor)! },
    });
    if (next._stateID === state._stateID)
      throw new Error(`boardgame.io refused ${r.actor}'s ${r.input.phase} input in round ${r.round}.`);
    state = next;
  }
  return state.G;
}

function viaClient(world: World, seed: string, inputs: readonly RecordedInput[]): GameState {
  const client = bgio().Client({
    game: peerGame(world, seed),
    numPlayers: world.actors.length,
    debug: false,
  });
  client.start();
  const seat = new Map(world.actors.map((a, i) => [a.id, String(i)]));
  for (const r of inputs) {
    client.updatePlayerID(seat.get(r.actor)!);
    const before = client.getState()!._stateID;
    client.moves[MOVE[r.input.phase]]!(r.input);
    if (client.getState()!._stateID === before)
      throw new Error(`boardgame.io refused ${r.actor}'s ${r.input.phase} input in round ${r.round}.`);
  }
  const s = client.getState()!;
  client.stop();
  return s.G;
}
