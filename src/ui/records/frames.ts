/**
 * A recorded game as frames: the engine replays the record's inputs in order and the state at the start of
 * every round (and at the end) is kept, for the replay screen and for explaining why a save does not load.
 * Only the engine's rules run. (A finished game's record is public: these states hold nothing a player may
 * not see by then.)
 */
import { replay, startGame, submit, waitingPhase } from '../../engine/index.ts';
import type { GameRecord, GameState } from '../../engine/index.ts';
import type { LoadedScenario } from '../../scenario/index.ts';
import type { SaveFile } from './saves.ts';

export interface Frame {
  /** The round whose start this is, or the last round when the game is over. */
  round: number;
  state: GameState;
}

/** Why a game under way is never replayed. */
export const NOT_OVER =
  'the game is not over. A replay shows every government’s secret actions and private trust, so it opens only once the game has ended: continue the game instead.';

/**
 * True when the save is of a finished game, the only kind that can be replayed (and seen as any government): a
 * replay of a game under way would show a shared screen everything the others have kept secret.
 */
export function replayable(loaded: LoadedScenario, save: SaveFile): boolean {
  if (save.seatOnly) return false;
  try {
    return Boolean(replay(loaded.world, save.record as unknown as GameRecord).end);
  } catch {
    return false;
  }
}

/**
 * The state at the start of each round, then the final state, of a finished game. Throws a sentence when an input
 * does not fit, or when the game is not over (see `replayable`).
 */
export function replayFrames(loaded: LoadedScenario, save: SaveFile): Frame[] {
  if (save.seatOnly) throw new Error(NOT_OVER);
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
  if (!s.end) throw new Error(NOT_OVER);
  return frames;
}
