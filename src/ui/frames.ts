/**
 * A recorded game as frames: the engine replays the record's inputs in order and the state at the start of
 * every round (and at the end) is kept, for the replay screen and for explaining why a save does not load.
 * Only the engine's rules run. (A finished game's record is public: these states hold nothing a player may
 * not see by then.)
 */
import { startGame, submit, waitingPhase } from '../engine/index.ts';
import type { GameState } from '../engine/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import type { SaveFile } from './saves.ts';

export interface Frame {
  /** The round whose start this is, or the last round when the game is over. */
  round: number;
  state: GameState;
}

/** The state at the start of each round, then the final state. Throws a sentence when an input does not fit. */
export function replayFrames(loaded: LoadedScenario, save: SaveFile): Frame[] {
  const world = loaded.world;
  let s = startGame(world, save.record.seed);
  const frames: Frame[] = [{ round: s.round, state: s }];
  save.record.inputs.forEach((r, k) => {
    if (!waitingPhase(s)) throw new Error(`the game ended before input ${k + 1}.`);
    if (r.round !== s.round)
      throw new Error(`input ${k + 1} is for round ${r.round}, but the game is in round ${s.round}.`);
    const res = submit(world, s, r.actor, r.input);
    if (!res.ok)
      throw new Error(`input ${k + 1} (${r.actor}, round ${r.round}) is rejected: ${res.rejection.message}`);
    const before = s;
    s = res.value;
    if (s.round !== before.round || (s.end && !before.end)) frames.push({ round: s.round, state: s });
  });
  return frames;
}
