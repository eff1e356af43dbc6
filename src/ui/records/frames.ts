/**
 * A saved game as replay frames: the session rebuilds the record (`recordFrames`), a frame at the start of
 * every round and one at the end, each with every government's view; for the replay screen and for explaining
 * why a save does not load. (A finished game's record is public: its views hide nothing by then.)
 */
import { recordFinished, recordFrames } from '../../session/index.ts';
import type { Frame } from '../../session/index.ts';
import type { GameRecord } from '../../engine/index.ts';
import type { LoadedScenario } from '../../scenario/index.ts';
import type { SaveFile } from './saves.ts';

export type { Frame } from '../../session/index.ts';

/** Why a game under way is never replayed. */
export const NOT_OVER =
  'the game is not over. A replay shows every government’s secret actions and private trust, so it opens only once the game has ended: continue the game instead.';

/**
 * True when the save is of a finished game, the only kind that can be replayed (and seen as any government): a
 * replay of a game under way would show a shared screen everything the others have kept secret.
 */
export function replayable(loaded: LoadedScenario, save: SaveFile): boolean {
  return !save.seatOnly && recordFinished(loaded.world, save.record as unknown as GameRecord);
}

/**
 * The frames of a finished game: the start of each round, then the end. Throws a sentence when an input does
 * not fit, or when the game is not over (see `replayable`).
 */
export function replayFrames(loaded: LoadedScenario, save: SaveFile): Frame[] {
  if (save.seatOnly) throw new Error(NOT_OVER);
  const frames = recordFrames(loaded.world, save.record as unknown as GameRecord);
  if (!frames) throw new Error(NOT_OVER);
  return frames;
}
