/**
 * Game records and saves. A record (scenario id and content hash, seed, seats, every input in order) replays
 * to the identical final state. A save is the machine's persisted snapshot with the engine version beside it.
 */
import { runGame, startGame } from './game.ts';
import type { RecordedInject, RecordedInput } from './game.ts';
import { checkInput } from './validate.ts';
import type { ActorId, GameState, World } from './types.ts';

/** Bumped whenever a rule change would make old records replay differently. */
export const ENGINE_VERSION = '1.3.0';

export interface GameRecord {
  engine: string;
  scenario: { id: string; hash: string };
  seed: string;
  /** Who played each government: 'human' or a computer strategy id. */
  seats: Record<ActorId, string>;
  inputs: RecordedInput[];
  /** An instructor's injected events, each with the round it was injected in (absent when none). */
  injects?: RecordedInject[];
  /** Seats that changed hands during the game (a computer took over, a person came back), in order. */
  seatChanges?: { round: number; actor: ActorId; seat: string }[];
}

export class ReplayError extends Error {}

/** Replays a record on its world. Throws when the record does not belong to this world or an input no longer fits. */
export function replay(world: World, record: GameRecord): GameState {
  if (record.scenario.id !== world.id || record.scenario.hash !== world.hash)
    throw new ReplayError(
      `This record is for scenario ${record.scenario.id} (${record.scenario.hash}), not ${world.id} (${world.hash}).`,
    );
  let k = 0;
  const s = runGame(
    world,
    startGame(world, record.seed),
    (state, actor) => {
      const r = record.inputs[k++];
      if (!r || r.actor !== actor || r.round !== state.round)
        throw new ReplayError(`Record input ${k} does not match: expected ${actor} in round ${state.round}.`);
      const bad = checkInput(world, state, actor, r.input);
      if (bad)
        throw new ReplayError(`Record input ${k} (${actor}, round ${state.round}) is rejected: ${bad.code}.`);
      return r.input;
    },
    undefined,
    record.injects ?? [],
  );
  if (k !== record.inputs.length)
    throw new ReplayError(`The game ended with ${record.inputs.length - k} record inputs left over.`);
  return s;
}
