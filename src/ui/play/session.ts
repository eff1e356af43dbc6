/**
 * The browser's game is a `GameSession` (src/session): one or more seats are people at this device (hot-seat:
 * they take turns), every other seat is a computer strategy. This file only turns the menu's choice into seats.
 */
import { GameSession } from '../../session/index.ts';
import type { Seat } from '../../session/index.ts';
import type { ActorId } from '../../engine/index.ts';
import type { LoadedScenario } from '../../scenario/index.ts';

export { defaultStrategy, emptyInput, myActiveAgreements, offersToAnswer } from '../../session/index.ts';
export type Session = GameSession;

export interface SessionOptions {
  /** The human seats; the first one's briefing is the one shown on the menu. */
  humans: ActorId[];
  seed: string;
  /** Strategy id per computer seat; missing seats play the scenario's choice for them, or the normal difficulty's. */
  strategies?: Record<ActorId, string>;
}

export function newSession(loaded: LoadedScenario, opts: SessionOptions): GameSession {
  const seats: Partial<Record<ActorId, Seat>> = {};
  for (const [id, strategy] of Object.entries(opts.strategies ?? {}))
    seats[id] = { kind: 'computer', strategy };
  for (const id of opts.humans) seats[id] = { kind: 'human' };
  return GameSession.start(loaded, { seed: opts.seed, seats });
}
